package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("When an H2 housekeeping pass is worth its writes")
class H2HousekeepingSettlingTests {

    private static final long RETENTION = TimeUnit.SECONDS.toNanos(45);

    private static final long PASS = TimeUnit.SECONDS.toNanos(10);

    private final H2Housekeeping.Settling settling = new H2Housekeeping.Settling();

    private long writes = 1_000;

    @Test
    void passesGoOnWhileTheLiveShareOfTheChunksRises() {
        int[] fillRates = {7, 7, 7, 7, 7, 7, 7, 7, 7, 15, 22, 32, 46, 50, 52, 54};
        for (int i = 0; i < fillRates.length; i++) {
            assertThat(pass(i * PASS, fillRates[i])).as("pass %d at %d %%", i, fillRates[i]).isTrue();
        }
    }

    @Test
    void aShareThatHasNotRisenForTwiceTheRetentionTimeWhileNothingElseWroteIsLeftAlone() {
        int pass = 0;
        for (; pass * PASS <= 2 * RETENTION; pass++) {
            assertThat(pass(pass * PASS, 66)).as("pass %d", pass).isTrue();
        }
        assertThat(pass(pass * PASS, 66)).isFalse();
        assertThat(pass((pass + 1) * PASS, 65)).isFalse();
        assertThat(pass((pass + 100) * PASS, 66)).as("an hour later, nothing else written").isFalse();
    }

    @Test
    void somethingElseWritingWakesASettledStoreUp() {
        int pass = 0;
        while (pass(pass * PASS, 66)) {
            pass++;
        }

        writes += 20; // a commit
        assertThat(pass(++pass * PASS, 64)).isTrue();
        assertThat(pass(++pass * PASS, 64)).as("within twice the retention time of the commit").isTrue();
    }

    @Test
    void noPassRunsOnceTheLiveShareReachesTheTarget() {
        assertThat(pass(0, H2Housekeeping.TARGET_FILL_RATE)).isFalse();
        assertThat(pass(PASS, 99)).isFalse();
        assertThat(pass(2 * PASS, 60)).isTrue();
    }

    /** Asks for a pass at the time and fill rate given; one that runs writes a few chunks of its own. */
    private boolean pass(long now, int fillRate) {
        boolean wanted = settling.passWanted(writes, fillRate, now, RETENTION);
        if (wanted) {
            writes += 16;
            settling.passDone(writes);
        }
        return wanted;
    }
}
