package org.chancery.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chancery.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * A PostgreSQL server, or the network to it, that falls silent (a frozen host, a partition) gives no answer and no
 * error: with the driver settings of {@code application-postgres.yml}, a connection is given up after 10 s and a
 * statement after 40 s, not held until the system's TCP timeout. The silence is made by a proxy in front of the test
 * run's database that stops passing the server's bytes on.
 */
@Tag("postgres")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without a limit of its own, a wait without end
class SilentDatabaseTests {

    private static final Pattern HOST_AND_PORT = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?(/[^?]*)");

    private SilentProxy proxy;

    @BeforeEach
    void startProxy() throws IOException {
        assertThat(PostgresTestDatabase.enabled()).as("runs in the postgres Maven profile (-Ppostgres)").isTrue();
        Matcher url = HOST_AND_PORT.matcher(System.getProperty("spring.datasource.url"));
        assertThat(url.lookingAt()).as(System.getProperty("spring.datasource.url")).isTrue();
        proxy = new SilentProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
        proxy.databasePath = url.group(3);
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    @Test
    void aServerThatAcceptsTheConnectionButNeverAnswersIsGivenUpWithinTheLoginTimeout() {
        proxy.silent = true;

        long start = System.nanoTime();
        assertThatThrownBy(this::connect).isInstanceOf(SQLException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(20));
    }

    @Test
    void aStatementWhoseServerFallsSilentFailsAfterTheServersOwnLimitAndClosesItsConnection() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.execute("select 1")).isTrue();
            proxy.silent = true;

            long start = System.nanoTime();
            assertThatThrownBy(() -> statement.execute("select 2")).isInstanceOf(SQLException.class);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(waited).as("the driver's 40 s, which the server's own 30 s statement_timeout comes before")
                    .isBetween(Duration.ofSeconds(35), Duration.ofSeconds(50));
            assertThat(connection.isClosed()).isTrue();
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(driverSettings());
        properties.setProperty("user", System.getProperty("spring.datasource.username"));
        properties.setProperty("password", System.getProperty("spring.datasource.password"));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.port() + proxy.databasePath,
                properties);
    }

    /** The driver settings the application's PostgreSQL profile gives its connection pool. */
    private static Map<String, String> driverSettings() {
        try {
            var sources = new YamlPropertySourceLoader().load("postgres",
                    new ClassPathResource("application-postgres.yml"));
            Map<String, String> settings = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("spring.datasource.hikari.data-source-properties",
                            Bindable.mapOf(String.class, String.class)).get();
            return settings;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes bytes between clients and the server, the server's on to the clients only while not silent. */
    private static final class SilentProxy implements AutoCloseable {

        private final ServerSocket listening;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean silent;
        private String databasePath;

        SilentProxy(String host, int port) throws IOException {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket client = listening.accept();
                        Socket server = new Socket(host, port);
                        sockets.add(client);
                        sockets.add(server);
                        pump(client, server, false);
                        pump(server, client, true);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return listening.getLocalPort();
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "silent-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        private void pump(Socket from, Socket to, boolean silenced) {
            daemon(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        while (silenced && silent) {
                            Thread.sleep(50);
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException | InterruptedException ended) {
                    // one side closed the connection, or the proxy did
                }
            });
        }

        @Override
        public void close() throws IOException {
            silent = false; // the pumps holding the server's bytes go on, and end with their sockets
            listening.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
