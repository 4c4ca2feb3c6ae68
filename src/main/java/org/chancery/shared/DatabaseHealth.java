package org.chancery.shared;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health} and of the readiness probe, in place of Spring Boot's: an answer
 * within {@link #WAIT}, where Spring Boot's waits for a connection as long as the pool lets a request wait (10 s on
 * PostgreSQL, 30 s on H2) when the database is down or every connection is taken, longer than a load balancer's
 * probe waits. The check goes on in the background after a probe stopped waiting for it, and probes that come
 * meanwhile wait for that one check instead of each taking a connection of their own.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    static final Duration WAIT = Duration.ofSeconds(2);

    /** How long the driver's check of a connection may take. */
    private static final int VALIDATION_SECONDS = 5;

    private final DataSource dataSource;

    private final Duration wait;

    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "database-health");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<CompletableFuture<Health>> running = new AtomicReference<>();

    @Autowired
    DatabaseHealth(DataSource dataSource) {
        this(dataSource, WAIT);
    }

    DatabaseHealth(DataSource dataSource, Duration wait) {
        this.dataSource = dataSource;
        this.wait = wait;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> check = check();
        try {
            return check.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "The database gave no connection within " + waited()
                    + ": it is down, unreachable or every connection is in use").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private String waited() {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    /** The check under way, or a new one when none is. */
    private CompletableFuture<Health> check() {
        while (true) {
            CompletableFuture<Health> current = running.get();
            if (current != null && !current.isDone()) {
                return current;
            }
            CompletableFuture<Health> next = new CompletableFuture<>();
            if (running.compareAndSet(current, next)) {
                try {
                    checker.execute(() -> {
                        try {
                            next.complete(connect());
                        } catch (Throwable e) {
                            next.completeExceptionally(e);
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    next.completeExceptionally(stopping);
                }
                return next;
            }
        }
    }

    /** What Spring Boot's indicator says of a connection the pool gives: the product and the driver's check. */
    private Health connect() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            // bounded, as getConnection is by the pool: a check that hung (a connection whose server went silent)
            // would hold every later probe's answer at DOWN
            Health.Builder health = connection.isValid(VALIDATION_SECONDS) ? Health.up() : Health.down();
            return health.withDetail("database", connection.getMetaData().getDatabaseProductName())
                    .withDetail("validationQuery", "isValid()").build();
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
