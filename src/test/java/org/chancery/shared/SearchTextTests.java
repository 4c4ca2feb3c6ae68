package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTests {

    @Test
    void dropsAccentsAndCase() {
        assertThat(SearchText.key("Côte d'Ivoire")).isEqualTo(SearchText.key("COTE D'IVOIRE")).isEqualTo("cote d'ivoire");
        assertThat(SearchText.key("Curaçao")).isEqualTo("curacao");
        assertThat(SearchText.key("Türkiye")).isEqualTo("turkiye");
        assertThat(SearchText.key("Åland Islands")).isEqualTo("aland islands");
    }

    @Test
    void foldsTheLettersThatHaveTwoLowerOrTwoUpperCases() {
        assertThat(SearchText.key("İbrahim Kalın")).isEqualTo(SearchText.key("IBRAHIM KALIN")).isEqualTo("ibrahim kalin");
        assertThat(SearchText.key("ΟΔΥΣΣΕΑΣ ΠΑΠΑΣ")).isEqualTo(SearchText.key("Οδυσσέας Παπάς"))
                .isEqualTo("οδυσσεασ παπασ");
    }

    @Test
    void writesLettersWithoutADecompositionAsTheirBaseLetters() {
        assertThat(SearchText.key("Łódź")).isEqualTo("lodz");
        assertThat(SearchText.key("Søren Ærø")).isEqualTo("soren aero");
        assertThat(SearchText.key("Đorđe")).isEqualTo("dorde");
        assertThat(SearchText.key("Straße")).isEqualTo("strasse");
        assertThat(SearchText.key("Ｋｏｒｅａ")).as("fullwidth").isEqualTo("korea");
    }

    @Test
    void keepsHangulSyllablesWhole() {
        assertThat(SearchText.key("김정은")).isEqualTo("김정은");
        assertThat(SearchText.key("김정은")).doesNotContain("기").doesNotContain("ㄱ");
    }

    @Test
    void aPatternTakesTheLikeWildcardsOfTheQueryAsTheyAre() {
        assertThat(SearchText.containing(" 100% _Über\\ ")).isEqualTo("%100\\% \\_uber\\\\%");
    }

    @Test
    void aKeyIsAtMostItsColumnLongAndNeverEndsInHalfACharacter() {
        assertThat(SearchText.key("ﷺ".repeat(300))).hasSizeLessThanOrEqualTo(SearchText.KEY_LENGTH);
        String key = SearchText.key("a" + "😀".repeat(1500));
        assertThat(key).hasSize(SearchText.KEY_LENGTH - 1);
        assertThat(Character.isHighSurrogate(key.charAt(key.length() - 1))).isFalse();
    }
}
