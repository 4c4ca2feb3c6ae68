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
    void aTextOfNoBreakSpacesAndCharactersNotSeenIsBlank() {
        assertThat(Text.isBlank("\u00a0\u2007\u202f")).as("no-break spaces").isTrue();
        assertThat(Text.isBlank("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad")).as("format characters").isTrue();
        assertThat(Text.isBlank("\ufe0f\u034f\u3164")).as("a variation selector, the grapheme joiner, a filler").isTrue();
        assertThat(Text.strippedOrNull(" \u00a0\u200b ")).isNull();
        assertThat(Text.isBlank("\u200bx")).isFalse();
        assertThat(Text.isBlank("\u0001")).as("a control character is not white space").isFalse();
    }

    @Test
    void keepsControlCharactersThatAreNotWhiteSpace() {
        assertThat(Text.strippedOrNull("\u0001")).as("String.trim() would make it \"\"").isEqualTo("\u0001");
        assertThat(Text.strippedOrNull(" \u0001Havana ")).isEqualTo("\u0001Havana");
    }
}
