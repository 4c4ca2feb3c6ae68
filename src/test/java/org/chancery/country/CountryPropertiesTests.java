package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code chancery.countries.cache-ttl} as a deployment sets it. */
class CountryPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CountryProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void unsetACountryIsKeptOneSecond() {
        context.run(started -> assertThat(started.getBean(CountryProperties.class).cacheTtl()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aTimeToLiveThatIsNotADurationOrIsNegativeStopsTheStartNamingTheProperty() {
        for (String wrong : new String[] {"abc", "-1s"}) {
            context.withPropertyValues("chancery.countries.cache-ttl=" + wrong)
                    .run(started -> assertThat(started).as(wrong).hasFailed().getFailure()
                            .hasStackTraceContaining("chancery.countries.cache-ttl"));
        }
    }
}
