package org.chancery.change;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.chancery.shared.FactChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records each {@link FactChanged} in the writing transaction, with the user who made the write
 * ({@code system} for the application's own loads) and without a seq: the feed numbers it once it
 * has committed ({@link ChangeFeed}), with the other changes of its transaction.
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
        Transaction transaction = Transaction.current();
        StatementSpec insert = jdbc.sql("""
                insert into change_log (id, tx, recorded_at, user_name, action, kind, fact_id, countries)
                values (nextval('change_log_seq'), :tx, :at, :user, :action, :kind, :id, :countries)""")
                .param("tx", transaction.firstChange)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("user", user())
                .param("action", change.action().name())
                .param("kind", change.kind())
                .param("id", change.id())
                .param("countries", change.countries().isEmpty() ? null : String.join(",", change.countries()));
        if (transaction.firstChange != null) {
            insert.update();
            return;
        }
        // the transaction's first change: its own id names the transaction, in its row (a null tx is the row's own
        // id) and in the rows the transaction records after it
        KeyHolder id = new GeneratedKeyHolder();
        insert.update(id, "id");
        transaction.firstChange = id.getKeyAs(Long.class);
    }

    /**
     * The changes of the current transaction, known by the id of its first; registered with the transaction, so a
     * transaction started within it (which suspends its synchronizations) has its own.
     */
    private static final class Transaction implements TransactionSynchronization {

        private Long firstChange;

        static Transaction current() {
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof Transaction transaction) {
                    return transaction;
                }
            }
            Transaction transaction = new Transaction();
            TransactionSynchronizationManager.registerSynchronization(transaction);
            return transaction;
        }
    }

    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? "system" : authentication.getName();
    }
}
