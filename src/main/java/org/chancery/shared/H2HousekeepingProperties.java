package org.chancery.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chancery.h2.housekeeping-every}: how long {@link H2Housekeeping} waits after a pass before the next (10 s).
 * Bound as a property, so that a value that is not a duration stops the start naming it; one under a second too
 * (most often a number written without its unit, which counts milliseconds), and one over a day, after which an
 * H2 file could grow by a day's commits.
 */
@ConfigurationProperties("chancery.h2")
record H2HousekeepingProperties(@DefaultValue("10s") Duration housekeepingEvery) {

    H2HousekeepingProperties {
        if (housekeepingEvery.compareTo(Duration.ofSeconds(1)) < 0
                || housekeepingEvery.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("chancery.h2.housekeeping-every must be at least 1 s and at most a day "
                    + "(a number without a unit counts milliseconds: write 10s), not " + housekeepingEvery);
        }
    }
}
