package org.chancery.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code chancery.max-request-size}: the largest request body but an import's file (1 MB). Bound as a
 * property, so that a value that is not a size stops the start naming it; one under 1 KB, which would
 * refuse nearly every write (often a number written without its unit, which counts bytes), too.
 */
@ConfigurationProperties("chancery")
record RequestLimits(@DefaultValue("1MB") DataSize maxRequestSize) {

    RequestLimits {
        if (maxRequestSize.toBytes() < DataSize.ofKilobytes(1).toBytes()) {
            throw new IllegalArgumentException("chancery.max-request-size must be at least 1KB (a number without a "
                    + "unit counts bytes: write 1MB or 512KB), not " + maxRequestSize.toBytes() + "B");
        }
    }
}
