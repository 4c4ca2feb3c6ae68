package org.chancery.country;

import java.util.Locale;
import java.util.Objects;

/**
 * An upper-case ISO 3166-1 alpha-2 code (or a user-assigned one such as {@code XK}); the key by
 * which every other module refers to a country.
 */
public record CountryCode(String value) implements Comparable<CountryCode> {

    /** What a request's country field longer than any code is told: a name is no code. */
    public static final String GIVEN_AS_A_CODE = "must be a country's ISO 3166 code, alpha-2 or alpha-3, as CU or CUB "
            + "(GET /api/countries?q= finds it by name)";

    public CountryCode {
        Objects.requireNonNull(value, "value");
        if (!isAsciiLetters(value, 2, 2, true)) {
            throw new IllegalArgumentException("a country code is two upper-case letters: " + value);
        }
    }

    /**
     * Whether {@code text} is {@code min} to {@code max} ASCII letters (upper-case ones only if
     * {@code upperCaseOnly}); checked on every request, so without a regular expression.
     */
    static boolean isAsciiLetters(String text, int min, int max, boolean upperCaseOnly) {
        if (text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            if (!upper && (upperCaseOnly || c < 'a' || c > 'z')) {
                return false;
            }
        }
        return true;
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
