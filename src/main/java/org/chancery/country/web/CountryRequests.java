package org.chancery.country.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.chancery.shared.Source;

/** The request bodies of the country endpoints. */
final class CountryRequests {

    private CountryRequests() {
    }

    @Schema(name = "CreateCountry", example = "{\"code\":\"XL\",\"alpha3\":\"XSL\",\"name\":\"Somaliland\","
            + "\"startedOn\":\"1991-05-18\"}")
    record Create(
            @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be two letters") String code,
            @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be three letters") String alpha3,
            @Pattern(regexp = "[0-9]{3}", message = "must be three digits") String numeric,
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "first day of its existence as a state, if known") LocalDate startedOn,
            @Schema(description = "last day of its existence, for a state that ceased to exist") LocalDate endedOn,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    @Schema(name = "UpdateCountry", example = "{\"name\":\"German Democratic Republic\",\"startedOn\":\"1949-10-07\","
            + "\"endedOn\":\"1990-10-02\"}")
    record Update(
            @NotBlank @Size(max = 200) String name,
            @Schema(nullable = true, description = "first day of its existence as a state; null (or left out): not "
                    + "known") LocalDate startedOn,
            @Schema(nullable = true, description = "last day of its existence; null (or left out): it has not ended, "
                    + "or it is not known") LocalDate endedOn,
            @Schema(description = "left out: the recorded sources are kept; given: they replace them (`[]`: none)")
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }
}
