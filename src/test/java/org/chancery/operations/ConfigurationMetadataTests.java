package org.chancery.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings' metadata (META-INF/spring-configuration-metadata.json, made at compile time from the
 * {@code @ConfigurationProperties} records and META-INF/additional-spring-configuration-metadata.json), which IDEs
 * offer as completion: every {@code chancery.*} setting described, with its type.
 */
class ConfigurationMetadataTests {

    @Test
    void everyChancerySettingIsDescribedWithItsType() throws Exception {
        // the application's, and the tests' own (the settings of the test harness)
        List<JsonNode> settings = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (InputStream in = file.getInputStream()) {
                JsonMapper.builder().build().readTree(in).path("properties").valueStream()
                        .filter(setting -> setting.get("name").asString().startsWith("chancery."))
                        .forEach(settings::add);
            }
        }

        assertThat(settings).extracting(setting -> setting.get("name").asString()).contains(
                "chancery.max-request-size", "chancery.imports.max-size", "chancery.imports.spool-dir",
                "chancery.imports.public-url", "chancery.countries.cache-ttl", "chancery.h2.housekeeping-every",
                "chancery.security.users", "chancery.security.lockout.duration",
                "chancery.security.lockout.failures-per-user", "chancery.security.lockout.failures-per-address",
                "chancery.cors.allowed-origins", "chancery.bench.scale", "chancery.bench.seed",
                "chancery.admin.password");
        assertThat(settings).allSatisfy(setting -> {
            assertThat(setting.path("description").asString("")).as(setting.get("name").asString()).isNotBlank();
            assertThat(setting.path("type").asString("")).as(setting.get("name").asString()).isNotBlank();
        });
    }
}
