package org.chancery.change;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.chancery.shared.FactChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each {@link FactChanged} in the writing transaction, with the user who made the write
 * ({@code system} for the application's own loads) and without a seq: the feed numbers it once it
 * has committed ({@link ChangeFeed}).
 */
@Component
class ChangeRecorder {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ChangeRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(FactChanged change) {
        jdbc.sql("""
                insert into change_log (id, recorded_at, user_name, action, kind, fact_id, countries)
                values (nextval('change_log_seq'), :at, :user, :action, :kind, :id, :countries)""")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("user", user())
                .param("action", change.action().name())
                .param("kind", change.kind())
                .param("id", change.id())
                .param("countries", change.countries().isEmpty() ? null : String.join(",", change.countries()))
                .update();
    }

    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? "system" : authentication.getName();
    }
}
