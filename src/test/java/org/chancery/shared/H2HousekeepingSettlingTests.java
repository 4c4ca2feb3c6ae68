package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("When an H2 housekeeping pass is worth its work")
class H2HousekeepingSettlingTests {

    private static final long RETENTION = TimeUnit.SECONDS.toNanos(45);

    private static final long PASS = TimeUnit.SECONDS.toNanos(10);

    private final H2Housekeeping.Settling settling = new H2Housekeeping.Settling();

    @Test
    void passesGoOnWhileTheLiveShareOfTheChunksRises() {
        int[] fillRates = {7, 7, 7, 7, 7, 7, 7, 7, 7, 15, 22, 32, 46, 50, 52, 54};
        for (int i = 0; i < fillRates.length; i++) {
            assertThat(pass(i, fillRates[i])).as("pass %s at %s %%", i, fillRates[i]).isTrue();
        }
    }

    @Test
    void aShareThatHasNotRisenForTwiceTheRetentionTimeHasSettledAndIsLeftAlone() {
        int pass = settle(66);

        assertThat(pass(pass + 1, 66)).isFalse();
        assertThat(pass(pass + 2, 64)).as("a few commits since").isFalse();
        assertThat(pass(pass + 400, 65)).as("an hour later").isFalse();
    }

    @Test
    void passesStartAgainOnceCommitsHaveLeftTheShareFivePointsBelowWhereItSettled() {
        int pass = settle(66);

        assertThat(pass(pass + 1, 62)).isFalse();
        assertThat(pass(pass + 2, 66 - H2Housekeeping.Settling.WAKE_AFTER)).isTrue();
        assertThat(pass(pass + 3, 63)).as("rising again").isTrue();
        assertThat(pass(pass + 14, 63)).as("settled again, two minutes later").isFalse();
    }

    @Test
    void aShareThatFallsFivePointsWhilePassesRunIsWatchedAfreshFromThere() {
        // measured while the COW file was imported: the import's garbage took the share from 59 % to 13 %
        int[] fillRates = {24, 42, 48, 59, 20, 13, 12, 14, 18, 20, 20, 27, 30, 33};
        for (int i = 0; i < fillRates.length; i++) {
            assertThat(pass(i, fillRates[i])).as("pass %s at %s %%", i, fillRates[i]).isTrue();
        }
    }

    @Test
    void noPassRunsOnceTheLiveShareReachesTheTarget() {
        assertThat(pass(0, H2Housekeeping.TARGET_FILL_RATE)).isFalse();
        assertThat(pass(1, 99)).isFalse();
        assertThat(pass(2, 60)).isTrue();
    }

    @Test
    void aNegativeRetentionTimeCountsAsNone() {
        assertThat(settling.passWanted(40, 0, -1)).isTrue();
        assertThat(settling.passWanted(41, PASS, -1)).as("risen").isTrue();
        assertThat(settling.passWanted(41, 2 * PASS, -1)).as("not risen since the last pass").isFalse();
    }

    /** Passes at the share given until they stop; answers the number of the first pass refused. */
    private int settle(int fillRate) {
        int pass = 0;
        while (pass(pass, fillRate)) {
            pass++;
        }
        assertThat(pass * PASS).as("passes before settling").isGreaterThan(2 * RETENTION);
        return pass;
    }

    /** Asks for a pass, the n-th since the first, at the share given. */
    private boolean pass(int n, int fillRate) {
        return settling.passWanted(fillRate, n * PASS, RETENTION);
    }
}
