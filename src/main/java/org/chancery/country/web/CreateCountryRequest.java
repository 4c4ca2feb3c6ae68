package org.chancery.country.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "CreateCountry", example = "{\"code\":\"XK\",\"alpha3\":\"XKX\",\"name\":\"Kosovo\"}")
record CreateCountryRequest(
        @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be two letters") String code,
        @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be three letters") String alpha3,
        @Pattern(regexp = "[0-9]{3}", message = "must be three digits") String numeric,
        @NotBlank @Size(max = 200) String name) {
}
