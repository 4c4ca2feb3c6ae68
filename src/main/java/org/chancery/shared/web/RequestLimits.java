package org.chancery.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code chancery.max-request-size}: the largest request body but an import's file (1 MB). Bound as a
 * property, so that a value that is not a size stops the start naming it; one of 0 bytes or less, which
 * would refuse every request, too.
 */
@ConfigurationProperties("chancery")
record RequestLimits(@DefaultValue("1MB") DataSize maxRequestSize) {

    RequestLimits {
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("chancery.max-request-size must be more than 0 bytes, not "
                    + maxRequestSize);
        }
    }
}
