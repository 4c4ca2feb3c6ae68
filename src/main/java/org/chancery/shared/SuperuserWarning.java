package org.chancery.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns, once the application is ready, if it is connected to PostgreSQL as a superuser (the {@code postgres}
 * profile's default user, {@code postgres}, is one): a server that needs only to own its schema could then read and
 * change every database of the cluster. A role of its own, owning the database, is enough (README, Running on
 * PostgreSQL).
 */
@Component
class SuperuserWarning {

    private static final Logger log = LoggerFactory.getLogger(SuperuserWarning.class);

    private final DataSource dataSource;

    SuperuserWarning(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnOfASuperuser() {
        superuser().ifPresent(role -> log.warn("Connected to PostgreSQL as {}, a superuser: it may read and change "
                + "every database of the server. Connect as a role that owns Chancery's database only "
                + "(spring.datasource.username).", role));
    }

    /** The role the application is connected as, if the database is PostgreSQL and that role a superuser. */
    Optional<String> superuser() {
        try (Connection connection = dataSource.getConnection()) {
            if (!DatabaseProduct.isPostgres(connection)) {
                return Optional.empty();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet role = statement.executeQuery("select current_user, rolsuper from pg_roles "
                            + "where rolname = current_user")) {
                return role.next() && role.getBoolean(2) ? Optional.of(role.getString(1)) : Optional.empty();
            }
        } catch (SQLException | RuntimeException e) {
            // a database that cannot be asked is said elsewhere (health, the requests that fail)
            log.debug("Could not ask the database whether its role is a superuser: {}", e.toString());
            return Optional.empty();
        }
    }
}
