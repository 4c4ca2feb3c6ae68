package org.chancery.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, started as {@code java -cp <main classpath>
 * org.chancery.ChanceryApplication} in a working directory of the test's, on a random loopback
 * port, with the users of the test configuration; stopped by {@link #stop()} (SIGTERM) or abruptly by
 * {@link #kill()} (SIGKILL).
 */
final class ApplicationProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port\\D*(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final Path log;
    private final Api api;

    private ApplicationProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.api = new Api(name, port);
    }

    /**
     * Starts an instance and waits until it answers {@code /actuator/health} with UP.
     *
     * @param name names the instance and its log, {@code target/deployment-logs/<name>.log}
     * @param arguments application arguments ({@code --property=value}) added to the defaults
     */
    static ApplicationProcess start(String name, Path workDirectory, List<String> arguments)
            throws IOException, InterruptedException {
        ApplicationProcess started = launch(name, workDirectory, arguments);
        try {
            started.awaitHealthy();
            return started;
        } catch (InterruptedException | RuntimeException | Error e) {
            started.process.destroyForcibly();
            throw e;
        }
    }

    /**
     * Starts an instance and waits only until it listens, not until it is ready: what it does at start-up
     * (the {@code history} profile's load) is still under way.
     */
    static ApplicationProcess launch(String name, Path workDirectory, List<String> arguments)
            throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target", "deployment-logs")).resolve(name + ".log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", mainClasspath(), "org.chancery.ChanceryApplication",
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--chancery.security.users[0].name=" + Api.EDITOR,
                "--chancery.security.users[0].password={noop}" + Api.EDITOR_PASSWORD,
                "--chancery.security.users[0].roles=EDITOR",
                "--chancery.security.users[1].name=" + Api.ADMIN,
                "--chancery.security.users[1].password={noop}" + Api.ADMIN_PASSWORD,
                "--chancery.security.users[1].roles=ADMIN"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the instance is configured by its arguments only, whatever the test run's environment says
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CHANCERY_"));
        Process process = builder.start();
        try {
            return new ApplicationProcess(name, process, log, awaitPort(process, log));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    Api api() {
        return api;
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not die within 30 s of SIGKILL");
        }
    }

    /** Stops the JVM as a service manager would (SIGTERM): Spring closes the application, then it exits. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not stop within 60 s of SIGTERM:\n" + tail(log));
        }
    }

    /** The whole log of the instance so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String logTail() {
        return tail(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not become healthy:\n" + tail(log));
    }

    private static int awaitPort(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher port = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (port.find()) {
                    return Integer.parseInt(port.group(1));
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("The application exited with " + process.exitValue() + ":\n" + tail(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The application did not start within " + START_TIMEOUT + ":\n" + tail(log));
    }

    /** This JVM's classpath without the test classes: the application as packaged, plus the test libraries. */
    private static String mainClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').replaceAll("/$", "").endsWith("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
