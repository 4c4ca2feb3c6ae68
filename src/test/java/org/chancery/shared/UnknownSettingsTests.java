package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class UnknownSettingsTests {

    private final StandardEnvironment environment = new StandardEnvironment();

    /** Without this JVM's own system properties and environment, which the build may set. */
    @BeforeEach
    void onlyTheSettingsOfTheTest() {
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    }

    @Test
    void aMistypedSettingIsToldWithWhereItWasGivenAndTheSettingItIsMostLike() {
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of(
                "chancery.import.max-size", "1KB", "chancery.imports.max-size", "2KB")));

        assertThat(new UnknownSettings(environment).unknown()).containsExactly(new UnknownSettings.Unknown(
                "chancery.import.max-size", "\"chancery.import.max-size\" from property source \"commandLineArgs\"",
                Optional.of("chancery.imports.max-size")));
    }

    @Test
    void knownSettingsInAnyFormAndTheAdminPasswordVariableAreNotTold() {
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of(
                "chancery.security.users[0].name", "ana", "chancery.security.users[0].password", "{noop}x",
                "chancery.cors.allowed-origins[1]", "https://a.example.org",
                "chancery.security.lockout.failuresPerUser", "3", "chancery.bench.scale", "2")));
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "CHANCERY_ADMIN_PASSWORD", "a long password here", "CHANCERY_IMPORTS_MAXSIZE", "2KB",
                "CHANCERY_SECURITY_LOCKOUT_FAILURES_PER_USER", "3", "CHANCERY_CORS_ALLOWED_ORIGINS_0",
                "https://a.example.org", "CHANCERY_SECURITY_USERS_1_ROLES", "ADMIN", "HOME", "/root")));

        assertThat(new UnknownSettings(environment).unknown()).isEmpty();
    }

    @Test
    void aDashWrittenAsADotIsADifferentSettingOutsideTheEnvironmentsVariables() {
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of(
                "chancery.imports.max.size", "2KB")));

        assertThat(new UnknownSettings(environment).unknown()).extracting(UnknownSettings.Unknown::like)
                .containsExactly(Optional.of("chancery.imports.max-size"));
    }

    @Test
    void aSettingLikeNoneIsToldWithoutASuggestion() {
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "CHANCERY_HOME", "/opt/chancery")));

        assertThat(new UnknownSettings(environment).unknown()).singleElement().satisfies(unknown -> {
            assertThat(unknown.name()).isEqualTo("chancery.home");
            assertThat(unknown.origin()).contains("CHANCERY_HOME");
            assertThat(unknown.like()).isEmpty();
        });
    }

    @Test
    void editsCountsInsertionsDeletionsAndReplacements() {
        assertThat(UnknownSettings.edits("import", "imports")).isEqualTo(1);
        assertThat(UnknownSettings.edits("kitten", "sitting")).isEqualTo(3);
        assertThat(UnknownSettings.edits("", "abc")).isEqualTo(3);
        assertThat(UnknownSettings.edits("same", "same")).isZero();
    }
}
