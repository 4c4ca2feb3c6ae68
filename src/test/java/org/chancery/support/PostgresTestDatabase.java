package org.chancery.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives a test run its own PostgreSQL database when the system property
 * {@code chancery.test.database=postgres} is set (the {@code postgres} Maven profile sets it):
 * before any Spring context starts, creates {@code chancery_test_<time>_<random>} on the server that
 * {@code SPRING_DATASOURCE_URL} / {@code _USERNAME} / {@code _PASSWORD} name (default
 * {@code jdbc:postgresql://127.0.0.1:5432/chancery}, user {@code postgres}), points
 * {@code spring.datasource.*} at it, activates the {@code postgres} profile, and drops the database
 * when the run ends. Without the property the tests stay on their in-memory H2 database, even if
 * the environment names another one (see {@link #keepTestsOffConfiguredDatabase()}).
 * <p>
 * Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class PostgresTestDatabase implements LauncherSessionListener {

    /** The system property that switches the test run to PostgreSQL, and its value. */
    public static final String SWITCH = "chancery.test.database";
    public static final String POSTGRES = "postgres";

    private static final String PREFIX = "chancery_test_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern STAMPED = Pattern.compile(PREFIX + "(\\d{14})_[0-9a-f]+");
    /** Databases of runs that ended without dropping theirs (a killed JVM) are dropped after this. */
    private static final Duration STALE = Duration.ofHours(12);
    /** {@code jdbc:postgresql://hosts[/database][?parameters]} */
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");

    private static Server server;
    private static String database;

    /** Whether this JVM runs its tests on PostgreSQL. */
    public static boolean enabled() {
        return POSTGRES.equalsIgnoreCase(System.getProperty(SWITCH, "").trim());
    }

    /**
     * A session of the test run's database of its own, without the application's pool or connection settings (as
     * an operator's {@code psql} would be).
     */
    public static Connection plainSession() throws SQLException {
        return DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
    }

    /** Sets (or, for {@code null}, resets) the test run's database's default isolation, for the sessions after. */
    public static void setDefaultIsolation(String isolation) throws SQLException {
        try (Connection connection = plainSession(); Statement statement = connection.createStatement()) {
            String setting = isolation == null ? "reset default_transaction_isolation"
                    : "set default_transaction_isolation = '" + isolation + "'";
            statement.execute("alter database \"" + connection.getCatalog() + "\" " + setting);
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!enabled()) {
            keepTestsOffConfiguredDatabase();
            return;
        }
        synchronized (PostgresTestDatabase.class) {
            if (database != null) {
                return;
            }
            server = Server.fromEnvironment();
            String name = PREFIX + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (Connection admin = server.maintenanceConnection(); Statement sql = admin.createStatement()) {
                dropStale(admin);
                sql.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database on " + server.url
                        + " (is PostgreSQL running? see SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD): " + e.getMessage(), e);
            }
            database = name;
            System.setProperty("spring.datasource.url", server.urlOf(name));
            System.setProperty("spring.datasource.username", server.username);
            System.setProperty("spring.datasource.password", server.password);
            System.setProperty("spring.profiles.active", POSTGRES);
            System.out.println("[chancery] Tests run on PostgreSQL database " + name + " (" + server.urlOf(name) + ")");
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (PostgresTestDatabase.class) {
            if (database == null) {
                return;
            }
            // Spring's cached test contexts still hold pooled connections; FORCE ends them.
            try (Connection admin = server.maintenanceConnection(); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                System.out.println("[chancery] Dropped PostgreSQL test database " + database);
            } catch (SQLException e) {
                System.err.println("[chancery] Could not drop PostgreSQL test database " + database + ": " + e);
            }
            database = null;
        }
    }

    /**
     * Outside the postgres run, tests use the in-memory H2 database of src/test/resources. An
     * exported {@code SPRING_DATASOURCE_URL} or {@code SPRING_PROFILES_ACTIVE=postgres} (set to run the
     * application) would take precedence over it, and the tests, which empty their database, would run
     * on that one: this keeps them on H2.
     */
    private static void keepTestsOffConfiguredDatabase() {
        boolean url = System.getenv("SPRING_DATASOURCE_URL") != null;
        boolean profile = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains(POSTGRES);
        if ((url || profile) && System.getProperty("spring.datasource.url") == null) {
            System.setProperty("spring.datasource.url",
                    "jdbc:h2:mem:chancery-${random.uuid};DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=0");
            System.setProperty("spring.datasource.username", "sa");
            System.setProperty("spring.datasource.password", "");
            if (profile && System.getProperty("spring.profiles.active") == null) {
                System.setProperty("spring.profiles.active", "default");
            }
            System.out.println("[chancery] SPRING_DATASOURCE_URL or SPRING_PROFILES_ACTIVE is set: ignored, tests run on "
                    + "in-memory H2 (use -Ppostgres to test on PostgreSQL)");
        }
    }

    /** Drops the databases of earlier runs whose JVM died before it could drop its own. */
    private static void dropStale(Connection admin) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement sql = admin.createStatement();
                ResultSet names = sql.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'chancery\\_test\\_%'")) {
            while (names.next()) {
                Matcher stamped = STAMPED.matcher(names.getString(1));
                if (stamped.matches() && LocalDateTime.parse(stamped.group(1), STAMP).toInstant(ZoneOffset.UTC)
                        .isBefore(Instant.now().minus(STALE))) {
                    stale.add(names.getString(1));
                }
            }
        }
        for (String name : stale) {
            try (Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** The PostgreSQL server the environment names, reached through its maintenance database. */
    private record Server(String url, String prefix, String database, String parameters, String username,
            String password) {

        static Server fromEnvironment() {
            String url = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/chancery");
            Matcher parts = URL.matcher(url);
            if (!parts.matches()) {
                throw new IllegalStateException("SPRING_DATASOURCE_URL is not a PostgreSQL JDBC URL: " + url);
            }
            return new Server(url, parts.group(1), parts.group(2) == null ? "" : parts.group(2),
                    parts.group(3) == null ? "" : parts.group(3), env("SPRING_DATASOURCE_USERNAME", "postgres"),
                    env("SPRING_DATASOURCE_PASSWORD", ""));
        }

        String urlOf(String name) {
            return prefix + "/" + name + parameters;
        }

        /** A connection to the {@code postgres} database, else to the database the URL names. */
        Connection maintenanceConnection() throws SQLException {
            Properties credentials = new Properties();
            credentials.setProperty("user", username);
            credentials.setProperty("password", password);
            try {
                return DriverManager.getConnection(urlOf(POSTGRES), credentials);
            } catch (SQLException noPostgresDatabase) {
                if (database.isEmpty() || database.equals(POSTGRES)) {
                    throw noPostgresDatabase;
                }
                return DriverManager.getConnection(urlOf(database), credentials);
            }
        }

        private static String env(String name, String otherwise) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? otherwise : value;
        }
    }
}
