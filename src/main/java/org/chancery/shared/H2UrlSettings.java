package org.chancery.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Completes the URL of an H2 database the application opens itself (a file, not one in memory or on an H2 server)
 * with the settings the application counts on, where the URL leaves them out: an operator who moves the file
 * ({@code --spring.datasource.url=jdbc:h2:file:/var/lib/chancery/db}) replaces the whole default URL, and would
 * otherwise lose them without a word — a commit answered before it is in the file ({@code WRITE_DELAY}, 500 ms by
 * H2's default), lock waits of 1 s instead of the 10 s that the writes and the imports are made for
 * ({@code LOCK_TIMEOUT}), the database closed by H2's own shutdown hook while the application's stop still writes
 * ({@code DB_CLOSE_ON_EXIT}), the observation query planned again at every request ({@code QUERY_CACHE_SIZE}), a
 * query's result reused from the connection's last run of it ({@code OPTIMIZE_REUSE_RESULTS}, on by H2's default:
 * a run that overlaps another transaction's commit can keep the rows from before it and give them again, even to a
 * read made under the row lock the committing write held, so that the write after that read fails its version check
 * or a client reads, after its own write, the rows from before another's). A
 * setting the URL gives is kept as given; the settings added are logged. {@code DB_CLOSE_ON_EXIT} is not added to a
 * URL with {@code AUTO_SERVER=TRUE}, which H2 refuses beside it. The URL is completed as the start reads it (the
 * configuration files, the command line, the environment, {@code SPRING_APPLICATION_JSON}); a test's
 * {@code @DynamicPropertySource}, added later, is taken as it is.
 */
public class H2UrlSettings implements EnvironmentPostProcessor, Ordered {

    static final String URL = "spring.datasource.url";

    /** The settings, as the default URL in {@code application.yml} gives them. */
    static final Map<String, String> SETTINGS = settings();

    /** H2's URLs of a database that is not a file this process opens: in memory, on a server, read from a zip. */
    private static final List<String> NOT_A_FILE = List.of("mem:", "tcp:", "ssl:", "zip:");

    private final Log log;

    public H2UrlSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(H2UrlSettings.class);
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("LOCK_TIMEOUT", "10000");
        settings.put("DB_CLOSE_ON_EXIT", "FALSE");
        settings.put("WRITE_DELAY", "0");
        settings.put("QUERY_CACHE_SIZE", "256");
        settings.put("OPTIMIZE_REUSE_RESULTS", "0");
        return Collections.unmodifiableMap(settings);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (url == null) {
            return;
        }
        String completed = completed(url);
        if (!completed.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("chancery-h2-url", Map.of(URL, completed)));
            log.info("The H2 database's URL lacks settings the application counts on; added: "
                    + completed.substring(url.length() + (url.endsWith(";") ? 0 : 1)));
        }
    }

    /**
     * The URL with each of {@link #SETTINGS} it does not give added at its end, if it names an H2 database this
     * process opens as a file; any other URL as it is.
     */
    static String completed(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || NOT_A_FILE.stream().anyMatch(kind -> lower.startsWith(kind, 8))) {
            return url;
        }
        // a setting ends at a ';' that no '\' escapes (an INIT script's statements are separated by "\;")
        String[] parts = url.split("(?<!\\\\);", -1);
        Map<String, String> given = Arrays.stream(parts).skip(1).filter(setting -> !setting.isBlank())
                .map(setting -> setting.split("=", 2))
                .collect(Collectors.toMap(setting -> setting[0].strip().toUpperCase(Locale.ROOT),
                        setting -> setting.length > 1 ? setting[1].strip() : "", (first, second) -> first));
        boolean autoServer = given.getOrDefault("AUTO_SERVER", "").equalsIgnoreCase("TRUE");
        String missing = SETTINGS.entrySet().stream().filter(setting -> !given.containsKey(setting.getKey()))
                .filter(setting -> !(autoServer && setting.getKey().equals("DB_CLOSE_ON_EXIT")))
                .map(setting -> setting.getKey() + "=" + setting.getValue()).collect(Collectors.joining(";"));
        boolean separated = parts[parts.length - 1].isEmpty();
        return missing.isEmpty() ? url : url + (separated ? "" : ";") + missing;
    }

    /** After the configuration files and the command line are read (ConfigDataEnvironmentPostProcessor). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
