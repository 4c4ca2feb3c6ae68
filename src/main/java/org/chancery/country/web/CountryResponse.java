package org.chancery.country.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.country.Country;
import org.chancery.shared.Source;

@Schema(name = "Country", example = "{\"code\":\"KR\",\"alpha3\":\"KOR\",\"numeric\":\"410\",\"name\":\"South Korea\","
        + "\"startedOn\":null,\"endedOn\":null,\"former\":false,\"version\":0,\"sources\":[]}")
record CountryResponse(String code, String alpha3,
        @Schema(nullable = true, description = "ISO 3166-1 numeric code; null if it has none") String numeric,
        String name,
        @Schema(nullable = true, description = "first day of the country's existence as a state; null if not known")
        LocalDate startedOn,
        @Schema(nullable = true, description = "last day of its existence; null if it has not ended (or is not known)")
        LocalDate endedOn,
        @Schema(description = "endedOn is not null: a dissolved state") boolean former,
        long version, List<Source> sources) {

    static CountryResponse from(Country country) {
        return new CountryResponse(country.code().value(), country.alpha3(), country.numericCode(), country.name(),
                country.lifetime().startedOn(), country.lifetime().endedOn(), country.former(), country.version(),
                country.sources());
    }
}
