package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The admin UI's page names every module main.js imports, directly or not, as a module to preload: the browser
 * fetches them at once instead of each after the module importing it was read (a reload asks each again, and at
 * half a second a round trip ten of them in a row made five seconds before the first request to the API).
 */
class AdminModulePreloadTests {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern STATIC_IMPORT =
            Pattern.compile("^(?:import|export)\\s[^;]*?from\\s+'(\\./[^']+|\\.\\./[^']+)'", Pattern.MULTILINE);
    private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">");

    @Test
    void preloadsMainAndEveryModuleItImportsStatically() throws IOException {
        Set<String> preloaded = new TreeSet<>();
        Matcher link = PRELOAD.matcher(Files.readString(STATIC.resolve("admin/index.html")));
        while (link.find()) {
            preloaded.add(link.group(1));
        }

        Set<String> imported = new TreeSet<>();
        Deque<String> toRead = new ArrayDeque<>(Set.of("/admin/js/main.js"));
        while (!toRead.isEmpty()) {
            String module = toRead.pop();
            if (!imported.add(module)) {
                continue;
            }
            Path file = STATIC.resolve(module.substring(1));
            Matcher from = STATIC_IMPORT.matcher(Files.readString(file));
            while (from.find()) {
                toRead.push("/" + STATIC.relativize(file.getParent().resolve(from.group(1)).normalize())
                        .toString().replace('\\', '/'));
            }
        }

        assertThat(imported).contains("/admin/js/main.js", "/admin/js/api.js", "/admin/js/views/sign-in.js");
        assertThat(preloaded).containsAll(imported);
        for (String module : preloaded) {
            if (module.startsWith("/admin/")) {
                assertThat(STATIC.resolve(module.substring(1))).as(module).isRegularFile();
            }
        }
    }
}
