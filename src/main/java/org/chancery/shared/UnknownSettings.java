package org.chancery.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warns at the start of each {@code chancery.*} setting given that nothing in Chancery reads — most often a typo
 * ({@code chancery.import.max-size} for {@code chancery.imports.max-size}), which Spring Boot ignores, so that the
 * server runs with the default the operator meant to change — naming where it was given and the known setting it is
 * most like. The known settings are those of the settings' metadata (META-INF/spring-configuration-metadata.json of
 * the application, and of the tests on their class path), in whatever form they are given: a list's elements, an
 * environment variable in either of Spring Boot's forms ({@code CHANCERY_IMPORTS_MAXSIZE} and
 * {@code CHANCERY_IMPORTS_MAX_SIZE}). A warning, not a refusal: the environment of a server may hold variables of
 * other tools that begin with {@code CHANCERY_}. Without the application's metadata (a build that skipped the
 * configuration processor) nothing is checked.
 */
@Component
class UnknownSettings {

    private static final Logger log = LoggerFactory.getLogger(UnknownSettings.class);

    private static final ConfigurationPropertyName CHANCERY = ConfigurationPropertyName.of("chancery");

    /** A known setting is suggested if it is at most this many edits away from the one given. */
    private static final int SUGGESTED_WITHIN = 4;

    /** The known settings, read once: the metadata does not change while the application runs. */
    private static volatile Set<ConfigurationPropertyName> known;

    private final ConfigurableEnvironment environment;

    UnknownSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /** A setting given that nothing reads: its name, where it was given, and the known setting it is most like. */
    record Unknown(String name, String origin, Optional<String> like) {
    }

    @EventListener(ApplicationStartedEvent.class)
    void warnOfUnknownSettings() {
        for (Unknown unknown : unknown()) {
            log.warn("The setting {} ({}) is not one of Chancery's, and nothing reads it{}", unknown.name(),
                    unknown.origin(), unknown.like().map(like -> ": did you mean " + like + "?").orElse(""));
        }
    }

    /** The {@code chancery.*} settings given that no known setting is, each once, as the first source gives it. */
    List<Unknown> unknown() {
        Set<ConfigurationPropertyName> settings = known();
        if (settings.isEmpty()) {
            log.debug("No metadata of Chancery's settings on the class path: the settings given are not checked");
            return List.of();
        }
        Map<ConfigurationPropertyName, Unknown> unknown = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource names)) {
                continue;
            }
            boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
            names.stream().filter(CHANCERY::isAncestorOf).filter(name -> !isKnown(name, settings, variables))
                    .forEach(name -> unknown.computeIfAbsent(name, given -> {
                        ConfigurationProperty property = source.getConfigurationProperty(given);
                        String origin = property == null || property.getOrigin() == null ? "origin unknown"
                                : property.getOrigin().toString();
                        return new Unknown(given.toString(), origin, like(given.toString(), settings));
                    }));
        }
        return List.copyOf(unknown.values());
    }

    /**
     * Whether the name is a known setting or an element of one; of an environment variable, also in the form that
     * writes a dash as {@code _} ({@code CHANCERY_IMPORTS_MAX_SIZE}, read back as {@code chancery.imports.max.size}),
     * which Spring Boot binds too.
     */
    private static boolean isKnown(ConfigurationPropertyName name, Set<ConfigurationPropertyName> settings,
            boolean variable) {
        if (settings.stream().anyMatch(setting -> setting.equals(name) || setting.isAncestorOf(name))) {
            return true;
        }
        String given = name.toString();
        return variable && settings.stream().map(setting -> setting.toString().replace('-', '.'))
                .anyMatch(dotted -> given.equals(dotted) || given.startsWith(dotted + ".")
                        || given.startsWith(dotted + "["));
    }

    private static Optional<String> like(String given, Set<ConfigurationPropertyName> known) {
        return known.stream().map(ConfigurationPropertyName::toString)
                .min(Comparator.comparingInt(setting -> edits(given, setting)))
                .filter(setting -> edits(given, setting) <= SUGGESTED_WITHIN);
    }

    /** Levenshtein's distance: the fewest characters inserted, deleted or replaced that turn one into the other. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replaced = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replaced, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The settings that begin with {@code chancery.} in the metadata files on the class path (the libraries' own,
     * which name none, are read as text only).
     */
    private static Set<ConfigurationPropertyName> known() {
        Set<ConfigurationPropertyName> settings = known;
        if (settings != null) {
            return settings;
        }
        Set<ConfigurationPropertyName> found = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (Resource metadata : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
                String text;
                try (InputStream in = metadata.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!text.contains("\"chancery.")) {
                    continue;
                }
                for (JsonNode setting : json.readTree(text).path("properties")) {
                    ConfigurationPropertyName name = ConfigurationPropertyName.of(setting.path("name").asString(""));
                    if (CHANCERY.isAncestorOf(name)) {
                        found.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The settings' metadata could not be read", e);
        }
        known = Set.copyOf(found);
        return known;
    }
}
