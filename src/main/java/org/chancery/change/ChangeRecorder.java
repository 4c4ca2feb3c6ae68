package org.chancery.change;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.chancery.shared.FactChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * has committed ({@link ChangeFeed}). A transaction's changes are written together just before it commits: the
 * first one's id, drawn then, is the {@code tx} of them all, so the feed numbers them together and the transactions
 * in about the order they committed (a transaction that rolls back writes none).
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
        Recorded recorded = new Recorded(change, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), user());
        Transaction transaction = TransactionSynchronizationManager.isSynchronizationActive()
                ? Transaction.current(this) : null;
        if (transaction == null || transaction.written) {
            // no commit to wait for, or one under way (a change made while it flushes): written at once
            write(List.of(recorded));
            return;
        }
        transaction.changes.add(recorded);
    }

    /** Writes one transaction's changes, the first one's id the {@code tx} of each. */
    private void write(List<Recorded> changes) {
        KeyHolder first = new GeneratedKeyHolder();
        // one number drawn for the id and the tx of the first change
        bind(jdbc.sql("""
                insert into change_log (id, tx, recorded_at, user_name, action, kind, fact_id, countries)
                select n, n, :at, :user, :action, :kind, :id, :countries
                from (select nextval('change_log_seq') as n) drawn"""), changes.get(0)).update(first, "id");
        long tx = first.getKeyAs(Long.class);
        for (Recorded change : changes.subList(1, changes.size())) {
            bind(jdbc.sql("""
                    insert into change_log (id, tx, recorded_at, user_name, action, kind, fact_id, countries)
                    values (nextval('change_log_seq'), :tx, :at, :user, :action, :kind, :id, :countries)""")
                    .param("tx", tx), change).update();
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Recorded recorded) {
        FactChanged change = recorded.change();
        return statement.param("at", recorded.at())
                .param("user", recorded.user())
                .param("action", change.action().name())
                .param("kind", change.kind())
                .param("id", change.id())
                .param("countries", change.countries().isEmpty() ? null : String.join(",", change.countries()));
    }

    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? "system" : authentication.getName();
    }

    /** A change as it was made: when, and by whom. */
    private record Recorded(FactChanged change, OffsetDateTime at, String user) {
    }

    /**
     * The changes of the current transaction, written just before it commits; registered with the transaction, so a
     * transaction started within it (which suspends its synchronizations) has its own.
     */
    private static final class Transaction implements TransactionSynchronization {

        private final ChangeRecorder recorder;
        private final List<Recorded> changes = new ArrayList<>();
        private boolean written;

        private Transaction(ChangeRecorder recorder) {
            this.recorder = recorder;
        }

        static Transaction current(ChangeRecorder recorder) {
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof Transaction transaction) {
                    return transaction;
                }
            }
            Transaction transaction = new Transaction(recorder);
            TransactionSynchronizationManager.registerSynchronization(transaction);
            return transaction;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            if (!changes.isEmpty()) {
                recorder.write(changes);
            }
        }
    }
}
