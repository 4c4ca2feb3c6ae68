package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("An H2 file's URL completed with the settings the application counts on")
class H2UrlSettingsTests {

    private static final String ALL = "LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=256";

    @Test
    void aFileUrlWithoutSettingsGetsThemAll() {
        assertThat(H2UrlSettings.completed("jdbc:h2:file:/var/lib/chancery/db"))
                .isEqualTo("jdbc:h2:file:/var/lib/chancery/db;" + ALL);
        assertThat(H2UrlSettings.completed("jdbc:h2:./data/chancery;")).isEqualTo("jdbc:h2:./data/chancery;" + ALL);
    }

    @Test
    void aSettingTheUrlGivesIsKeptAsGivenInAnyCase() {
        assertThat(H2UrlSettings.completed("jdbc:h2:file:/srv/db;write_delay=100;MAX_MEMORY_ROWS=2"))
                .isEqualTo("jdbc:h2:file:/srv/db;write_delay=100;MAX_MEMORY_ROWS=2;"
                        + "LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256");
    }

    @Test
    void aDatabaseInMemoryOnAServerOrOfAnotherKindIsLeftAsItIs() {
        for (String url : new String[] {"jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "JDBC:H2:TCP://db.example.org/chancery",
                "jdbc:h2:ssl://db.example.org/chancery", "jdbc:h2:zip:~/db.zip!/chancery",
                "jdbc:postgresql://127.0.0.1:5432/test"}) {
            assertThat(H2UrlSettings.completed(url)).as(url).isEqualTo(url);
        }
    }

    @Test
    void theDefaultUrlOfApplicationYmlGivesEverySettingAlready() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String url = properties.getProperty(H2UrlSettings.URL);

        assertThat(url).endsWith(";" + ALL);
        assertThat(H2UrlSettings.completed(url)).isEqualTo(url);
    }

    @Test
    void theUrlAnOperatorGaveIsCompletedInTheEnvironmentAndH2TakesTheSettings(@TempDir Path folder) throws Exception {
        String given = "jdbc:h2:file:" + folder.resolve("chancery");
        MockEnvironment environment = new MockEnvironment().withProperty(H2UrlSettings.URL, given);

        new H2UrlSettings(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());

        String url = environment.getProperty(H2UrlSettings.URL);
        assertThat(url).isEqualTo(given + ";" + ALL);
        Map<String, String> settings = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                ResultSet rows = connection.createStatement().executeQuery("select setting_name, setting_value from "
                        + "information_schema.settings where setting_name in ('WRITE_DELAY', 'QUERY_CACHE_SIZE')")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(settings).containsEntry("WRITE_DELAY", "0").containsEntry("QUERY_CACHE_SIZE", "256");
    }

    @Test
    void theSettingsAreAddedAtEveryStartOfTheApplication() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class,
                ArgumentResolver.of(DeferredLogFactory.class, new DeferredLogs())))
                .anySatisfy(processor -> assertThat(processor).isInstanceOf(H2UrlSettings.class));
    }
}
