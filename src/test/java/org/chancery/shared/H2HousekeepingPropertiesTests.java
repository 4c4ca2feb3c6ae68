package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** {@code chancery.h2.housekeeping-every} as a deployment sets it. */
class H2HousekeepingPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(H2HousekeepingProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void unsetAPassRunsEveryTenSeconds() {
        context.run(started -> assertThat(started.getBean(H2HousekeepingProperties.class).housekeepingEvery())
                .isEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void aDurationGivenWithItsUnitOrInIsoFormIsTaken() {
        for (String given : new String[] {"30s", "PT30S", "30000"}) {
            context.withPropertyValues("chancery.h2.housekeeping-every=" + given).run(started -> assertThat(started
                    .getBean(H2HousekeepingProperties.class).housekeepingEvery()).as(given)
                    .isEqualTo(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aValueThatIsNotADurationOrUnderASecondOrOverADayStopsTheStartNamingTheSetting() {
        for (String wrong : new String[] {"ten", "0s", "-PT5S", "10", "2d"}) {
            context.withPropertyValues("chancery.h2.housekeeping-every=" + wrong).run(started -> assertThat(started)
                    .as(wrong).hasFailed().getFailure().hasStackTraceContaining("chancery.h2.housekeeping-every"));
        }
        context.withPropertyValues("chancery.h2.housekeeping-every=10").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessage("chancery.h2.housekeeping-every must be at least 1 s and at most "
                        + "a day (a number without a unit counts milliseconds: write 10s), not PT0.01S"));
    }

    @Test
    void aPassIsScheduledAtTheIntervalGivenTheFirstAsLongAfterTheStart() {
        H2Housekeeping housekeeping = new H2Housekeeping(new SimpleDriverDataSource(), "jdbc:h2:mem:x",
                new H2HousekeepingProperties(Duration.ofSeconds(30)));
        ScheduledTaskRegistrar tasks = new ScheduledTaskRegistrar();

        housekeeping.configureTasks(tasks);

        assertThat(tasks.getFixedDelayTaskList()).singleElement().satisfies(task -> {
            assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(30));
            assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(30));
            assertThat(task.getRunnable()).hasToString("H2 housekeeping pass");
        });
    }
}
