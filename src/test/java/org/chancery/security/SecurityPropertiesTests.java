package org.chancery.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code chancery.security.*} as a deployment sets them: what cannot work stops the start, naming it. */
class SecurityPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void withoutALockoutConfiguredTenFailuresPerUserAndFiftyPerAddressLockForFifteenMinutes() {
        context.run(started -> assertThat(started.getBean(SecurityProperties.class).security().lockout())
                .isEqualTo(new SecurityProperties.Lockout(10, 50, Duration.ofMinutes(15))));
    }

    @Test
    void aLockoutThatCannotWorkStopsTheStartNamingIt() {
        for (String wrong : new String[] {"duration=-15m", "duration=0s", "duration=400000d", "failures-per-user=0",
            "failures-per-address=-1"}) {
            context.withPropertyValues("chancery.security.lockout." + wrong)
                    .run(started -> assertThat(started).as(wrong).hasFailed()
                            .getFailure().rootCause().hasMessageContaining("chancery.security.lockout."));
        }
    }

    @Test
    void aLockoutDurationWrittenWithoutItsUnitIsMillisecondsAndRefusedBelowASecondSayingSo() {
        context.withPropertyValues("chancery.security.lockout.duration=15").run(started -> assertThat(started)
                .hasFailed().getFailure().rootCause().hasMessageContaining("chancery.security.lockout.duration must be "
                        + "at least 1 s").hasMessageContaining("a number without a unit counts milliseconds: write 15m")
                .hasMessageEndingWith("not PT0.015S"));
        context.withPropertyValues("chancery.security.lockout.duration=1000").run(started -> assertThat(started
                .getBean(SecurityProperties.class).security().lockout().duration()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aPasswordChanceryCannotReadStopsTheStartNamingItsUser() {
        for (String wrong : new String[] {"{unknown}abc", "{bcrypt}notahash", "{sha256}abc", "{noop}", "{noop}  "}) {
            context.withPropertyValues("chancery.security.users[0].name=weird", "chancery.security.users[0].password=" + wrong,
                            "chancery.security.users[0].roles[0]=EDITOR")
                    .run(started -> assertThat(started).as(wrong).hasFailed()
                            .getFailure().rootCause().hasMessageContaining("chancery.security.users")
                            .hasMessageContaining("weird"));
        }
    }

    @Test
    void passwordsEncodedWithBcryptOrNoopOrAsTypedAreTaken() {
        context.withPropertyValues("chancery.security.users[0].name=a",
                        "chancery.security.users[0].password={bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG",
                        "chancery.security.users[1].name=b", "chancery.security.users[1].password={noop}secret",
                        "chancery.security.users[2].name=c", "chancery.security.users[2].password=secret")
                .run(started -> assertThat(started.getBean(SecurityProperties.class).security().users()).hasSize(3));
    }

    @Test
    void aPasswordAsTypedOrNoopThatIsTheReadmesExampleOrShortIsToldWeakAndABcryptHashIsNot() {
        assertThat(new SecurityProperties.User("a", "change-me", null).weakness()).contains("is the README's example, "
                + "change-me");
        assertThat(new SecurityProperties.User("a", "{noop}secret", null).weakness()).contains("is shorter than 12 "
                + "characters");
        assertThat(new SecurityProperties.User("a", "{noop}correct horse battery", null).weakness()).isEmpty();
        assertThat(new SecurityProperties.User("a", "{bcrypt}$2a$10$" + "a".repeat(53), null).weakness()).isEmpty();
        assertThat(SecurityProperties.User.weakness("ünïcödé-pâß")).contains("is shorter than 12 characters");
    }

    @Test
    void aPasswordAsTypedIsReadAsNoopEvenWhenItBeginsWithABrace() {
        assertThat(new SecurityProperties.User("a", "{secret", List.of()).encoded()).isEqualTo("{noop}{secret");
        assertThat(new SecurityProperties.User("a", "secret", List.of()).encoded()).isEqualTo("{noop}secret");
        assertThat(new SecurityProperties.User("a", "{noop}secret", List.of()).encoded()).isEqualTo("{noop}secret");
    }

    @Test
    void allowedOriginsAreTakenAsBrowsersSendThem() {
        assertThat(new SecurityProperties.Cors(List.of("HTTP://Example.org:80/", "https://admin.example:443",
                "http://127.0.0.1:9000", "https://[::1]:8443", "http://example.org", " ", " * ")).allowedOrigins())
                .containsExactly("http://example.org", "https://admin.example", "http://127.0.0.1:9000", "https://[::1]:8443",
                        "*");
    }

    @Test
    void anAllowedOriginNoBrowserSendsStopsTheStartNamingIt() {
        for (String wrong : List.of("127.0.0.1:9001", "https://x.example/app", "ftp://x.example", "https://x.example?q",
                "null")) {
            context.withPropertyValues("chancery.cors.allowed-origins[0]=" + wrong)
                    .run(started -> assertThat(started).as(wrong).hasFailed()
                            .getFailure().rootCause().hasMessageContaining("chancery.cors.allowed-origins")
                            .hasMessageContaining("'" + wrong + "'"));
        }
    }

    @Test
    void oneNameGivenTwiceInAnyCaseStopsTheStartNamingBoth() {
        context.withPropertyValues("chancery.security.users[0].name=editor", "chancery.security.users[0].password=a",
                        "chancery.security.users[1].name=Editor", "chancery.security.users[1].password=b")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("editor, Editor"));
    }

    @Test
    void aNameLongerThanTheChangeFeedKeepsOrOneHttpBasicCannotSendStopsTheStart() {
        for (String wrong : new String[] {"x".repeat(201), "\uD835\uDD18".repeat(101), "desk:editor"}) {
            context.withPropertyValues("chancery.security.users[0].name=" + wrong,
                            "chancery.security.users[0].password=a")
                    .run(started -> assertThat(started).as(wrong).hasFailed()
                            .getFailure().rootCause().hasMessageContaining("chancery.security.users: the name"));
        }
        context.withPropertyValues("chancery.security.users[0].name=" + "x".repeat(200),
                        "chancery.security.users[0].password=a")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
