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
        assertThat(Text.isBlank("\ufe0f\u034f\u3164")).as("a variation selector, the grapheme joiner, a filler")
                .isTrue();
        assertThat(Text.strippedOrNull(" \u00a0\u200b ")).isNull();
        assertThat(Text.isBlank("\u200bx")).isFalse();
        assertThat(Text.isBlank("\u0001\u0085\u007f")).as("control characters").isTrue();
        assertThat(Text.isBlank("\u17b4\u180e\udb40\udc20")).as("Khmer's inherent vowel, a tag").isTrue();
        assertThat(Text.isBlank("\u0600")).as("an Arabic number sign is seen").isFalse();
    }

    @Test
    void losesTheControlCharactersAndTheCharactersNotSeenAroundIt() {
        assertThat(Text.strippedOrNull("\u0001")).isNull();
        assertThat(Text.strippedOrNull(" \u0001Havana\u0085 ")).isEqualTo("Havana");
        assertThat(Text.strip("\u00a0\u200bTōkyō\u202f\u200f")).isEqualTo("Tōkyō");
        assertThat(Text.strip("Ha\u0001va\u00a0na")).as("inside kept").isEqualTo("Ha\u0001va\u00a0na");
        assertThat(Text.strip("葛\udb40\udd00")).as("a variation selector is of the letter before it")
                .isEqualTo("葛\udb40\udd00");
        String scotland = "\ud83c\udff4\udb40\udc67\udb40\udc62\udb40\udc73\udb40\udc63\udb40\udc74\udb40\udc7f";
        assertThat(Text.strip("Talks " + scotland + "\u200b")).as("the tags of a flag").isEqualTo("Talks " + scotland);
    }

    @Test
    void whatIsNotBlankIsNotStrippedToNothing() {
        for (String text : new String[] {"\u0001x\u0001", "\u00a0\u0600", "\ufe0fA", "\u200b\ud842\udfb7"}) {
            assertThat(Text.isBlank(text)).as(text).isFalse();
            assertThat(Text.strip(text)).as(text).isNotEmpty();
        }
    }
}
