package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlTests {

    private final HttpUrl.Validator validator = new HttpUrl.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"https://history.state.gov/countries/kosovo", "http://x.example:8080/a", "HTTPS://X.EXAMPLE",
            "https://x.example:65535/"})
    void acceptsAnAbsoluteHttpUrlWithAHost(String url) {
        assertThat(validator.isValid(url, null)).isTrue();
    }

    @Test
    void noUrlIsValidForAFieldThatNeedsNone() {
        assertThat(validator.isValid(null, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"history.state.gov/countries", "ftp://x.example/a", "https:///a", "https://x.example:99999/a",
            "https://x.example:99999999999/a", "https://x example/", "mailto:a@x.example"})
    void refusesARelativeUrlAnotherSchemeNoHostOrAPortBeyond65535(String url) {
        assertThat(validator.isValid(url, null)).isFalse();
    }
}
