package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

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
        for (String wrong : new String[] {"abc", "-1MB", "0", "10", "1023B"}) {
            context.withPropertyValues("chancery.max-request-size=" + wrong)
                    .run(started -> assertThat(started).as(wrong).hasFailed().getFailure()
                            .hasStackTraceContaining("chancery.max-request-size"));
        }
        context.withPropertyValues("chancery.max-request-size=10").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessage("chancery.max-request-size must be at least 1KB (a number "
                        + "without a unit counts bytes: write 1MB or 512KB), not 10B"));
    }

    @Test
    void aRefusedLimitIsToldInAsciiDigitsWhateverTheHostsLocale() {
        // DataSize's own text is formatted in the host's locale: "١٠B" on an Egyptian host
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG"));
        try {
            context.withPropertyValues("chancery.max-request-size=10").run(started -> assertThat(started).hasFailed()
                    .getFailure().rootCause().hasMessageEndingWith("not 10B"));
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void theLimitIsToldAsItWasMostLikelyWritten() {
        assertThat(RequestSizeLimit.shown(DataSize.ofMegabytes(1).toBytes())).isEqualTo("1 MB");
        assertThat(RequestSizeLimit.shown(DataSize.ofKilobytes(4).toBytes())).isEqualTo("4 KB");
        assertThat(RequestSizeLimit.shown(1500)).isEqualTo("1500 bytes");
    }
}
