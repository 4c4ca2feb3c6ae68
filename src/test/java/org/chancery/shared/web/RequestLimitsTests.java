package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** {@code chancery.max-request-size} as a deployment sets it. */
class RequestLimitsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RequestLimits.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void unsetTheLimitIsOneMegabyte() {
        context.run(started -> assertThat(started.getBean(RequestLimits.class).maxRequestSize()).isEqualTo(DataSize.ofMegabytes(1)));
    }

    @Test
    void aLimitThatIsNotASizeOrRefusesEveryRequestStopsTheStartNamingTheProperty() {
        for (String wrong : new String[] {"abc", "-1MB", "0"}) {
            context.withPropertyValues("chancery.max-request-size=" + wrong)
                    .run(started -> assertThat(started).as(wrong).hasFailed().getFailure()
                            .hasStackTraceContaining("chancery.max-request-size"));
        }
    }
}
