package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A country code is two upper-case ASCII letters; a request's code is two or three letters of either case. */
class CountryCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"AZ", "ZA", "XK"})
    void takesTwoUpperCaseLetters(String code) {
        assertThat(new CountryCode(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "C", "CUB", "cu", "Cu", "C@", "C[", "C`", "C{", "C1", "CÜ", "Ｃ"})
    void refusesAnythingElse(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CountryCode(code)).withMessageContaining(code);
    }

    @ParameterizedTest(name = "\"{0}\" from {1} to {2} letters, upper-case only {3}: {4}")
    @CsvSource({
            "cu,  2, 3, false, true",
            "cub, 2, 3, false, true",
            "Az,  2, 3, false, true",
            "aZ,  2, 3, false, true",
            "z,   2, 3, false, false",
            "cuba, 2, 3, false, false",
            "cu,  2, 2, true,  false",
            "CU,  2, 2, true,  true",
            "c@,  2, 3, false, false",
            "c[,  2, 3, false, false",
            "c`,  2, 3, false, false",
            "c{,  2, 3, false, false",
            "é,   1, 3, false, false",
    })
    void tellsAsciiLettersWithoutARegularExpression(String text, int min, int max, boolean upperCaseOnly,
            boolean expected) {
        assertThat(CountryCode.isAsciiLetters(text, min, max, upperCaseOnly)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"cu, CU", "kR, KR"})
    void readsEitherCase(String given, String code) {
        assertThat(CountryCode.of(given)).isEqualTo(new CountryCode(code));
    }
}
