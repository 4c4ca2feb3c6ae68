package org.chancery.country;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A country: ISO 3166-1 alpha-2 (the key), alpha-3, numeric code and English short name. */
@Entity
@Table(name = "country")
public class Country {

    @Id
    @Column(name = "code", length = 2)
    private String code;

    @Column(name = "alpha3", length = 3, nullable = false, unique = true)
    private String alpha3;

    @Column(name = "numeric_code", length = 3)
    private String numericCode;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    protected Country() {
    }

    Country(CountryCode code, String alpha3, String numericCode, String name) {
        this.code = code.value();
        this.alpha3 = alpha3;
        this.numericCode = numericCode;
        this.name = name;
    }

    public CountryCode code() {
        return new CountryCode(code);
    }

    public String alpha3() {
        return alpha3;
    }

    public String numericCode() {
        return numericCode;
    }

    public String name() {
        return name;
    }
}
