package org.chancery.country;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chancery.countries.cache-ttl}: how long an instance answers a country from its own copy before
 * reading it again (1 s; 0 reads it every time). Bound as a property, so that a value that is not a
 * duration, or a negative one, stops the start naming it.
 */
@ConfigurationProperties("chancery.countries")
record CountryProperties(@DefaultValue("1s") Duration cacheTtl) {

    CountryProperties {
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("chancery.countries.cache-ttl must be 0 or longer, not " + cacheTtl);
        }
    }
}
