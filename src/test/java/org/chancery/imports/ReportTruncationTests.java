package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A row's detail or a job's error longer than its column is cut between two characters, never within one. */
class ReportTruncationTests {

    @Test
    void aTextThatFitsIsKeptAsItIs() {
        assertThat(ImportJobs.truncate("Kenkel line 12", 14)).isEqualTo("Kenkel line 12");
    }

    @Test
    void aLongerTextIsCutToTheLimitWithAnEllipsis() {
        assertThat(ImportJobs.truncate("abcdefgh", 5)).isEqualTo("abcd…").hasSize(5);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneAtTheCutIsLeftOutWholeNotHalved() {
        String cut = ImportJobs.truncate("abc\uD842\uDFB7defg", 5);

        assertThat(cut).isEqualTo("abc…");
        assertThat(cut.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .isEmpty();
    }
}
