package org.chancery.country.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.country.Country;

@Schema(name = "Country", example = "{\"code\":\"KR\",\"alpha3\":\"KOR\",\"numeric\":\"410\",\"name\":\"South Korea\"}")
record CountryResponse(String code, String alpha3, String numeric, String name) {

    static CountryResponse from(Country country) {
        return new CountryResponse(country.code().value(), country.alpha3(), country.numericCode(), country.name());
    }
}
