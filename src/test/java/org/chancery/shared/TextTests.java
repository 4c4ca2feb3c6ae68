package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

    @Test
    void losesTheUnicodeWhiteSpaceAroundIt() {
        assertThat(Text.strippedOrNull("\u3000 Seoul\u2003\t")).isEqualTo("Seoul");
        assertThat(Text.strippedOrNull("Buenos  Aires")).as("white space inside kept").isEqualTo("Buenos  Aires");
    }

    @Test
    void leftOutOrWhiteSpaceOnlyIsNone() {
        assertThat(Text.strippedOrNull(null)).isNull();
        assertThat(Text.strippedOrNull("")).isNull();
        assertThat(Text.strippedOrNull(" \u3000\u2003\n")).isNull();
    }

    @Test
    void keepsControlCharactersThatAreNotWhiteSpace() {
        assertThat(Text.strippedOrNull("\u0001")).as("String.trim() would make it \"\"").isEqualTo("\u0001");
        assertThat(Text.strippedOrNull(" \u0001Havana ")).isEqualTo("\u0001Havana");
    }
}
