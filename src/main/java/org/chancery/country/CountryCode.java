package org.chancery.country;

import java.util.Locale;
import java.util.Objects;

/**
 * An upper-case ISO 3166-1 alpha-2 code (or a user-assigned one such as {@code XK}); the key by
 * which every other module refers to a country.
 */
public record CountryCode(String value) implements Comparable<CountryCode> {

    public CountryCode {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a country code is two upper-case letters: " + value);
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value.toUpperCase(Locale.ROOT));
    }

    @Override
    public int compareTo(CountryCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
