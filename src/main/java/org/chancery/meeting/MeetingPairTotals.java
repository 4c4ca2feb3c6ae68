package org.chancery.meeting;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatabaseProduct;
import org.hibernate.Session;
import org.springframework.stereotype.Repository;

/**
 * The number of meetings of each pair and the date of its latest one ({@code meeting_pair_total}),
 * changed in the transaction that records or removes a meeting, so that a pair's total is one row
 * read whatever the number of its meetings ({@link MeetingPairIndex#total}).
 *
 * <p>Writers of one pair queue on its row until they commit. A meeting changes its pairs' rows in
 * the pairs' order, so two meetings never wait on each other in a circle. A repository, so that the errors of its
 * plain JDBC ({@link Session#doWork}, which Hibernate names but Spring does not) reach the caller as Spring's (a lock
 * not granted in time is a {@code CannotAcquireLockException}, 409), not as a 500.
 */
@Repository
class MeetingPairTotals {

    /** A pair's total and the date of its latest meeting (null without meetings). */
    record Total(long meetings, LocalDate latestMeeting) {

        static final Total NONE = new Total(0, null);

        /** Whether every meeting counted is dated on or before {@code day}. */
        boolean allOnOrBefore(LocalDate day) {
            return latestMeeting == null || !latestMeeting.isAfter(day);
        }
    }

    private static final String INCREMENT = """
            update meeting_pair_total set meetings = meetings + 1, latest_meeting = case
                when latest_meeting is null or latest_meeting < ? then ? else latest_meeting end
            where country_a = ? and country_b = ?""";

    private static final String DECREMENT = """
            update meeting_pair_total set meetings = meetings - 1 where country_a = ? and country_b = ?""";

    /**
     * Read again in a statement of its own, after the decrement has waited for the pair's other
     * writers: a subquery of the decrement would read the pair's meetings as they stood before that
     * wait, without a meeting another writer recorded meanwhile.
     */
    private static final String LATEST = """
            update meeting_pair_total set latest_meeting = (
                select max(p.meeting_date) from meeting_pair p where p.country_a = ? and p.country_b = ?)
            where country_a = ? and country_b = ?""";

    private static final String CREATE = """
            insert into meeting_pair_total (country_a, country_b, meetings)
            select cast(? as varchar(2)), cast(? as varchar(2)), 0 where not exists (
                select 1 from meeting_pair_total where country_a = ? and country_b = ?)""";

    private static final String UNIQUE_VIOLATION = "23505";

    private static final Comparator<RelationPair> PAIR_ORDER =
            Comparator.comparing(RelationPair::first).thenComparing(RelationPair::second);

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Counts a meeting recorded on {@code date} in each of {@code pairs}: one batch of updates, in
     * the pairs' order. A pair without a row yet (its first meeting) gets one first.
     */
    void added(List<RelationPair> pairs, LocalDate date) {
        List<RelationPair> sorted = pairs.stream().sorted(PAIR_ORDER).toList();
        Binder increment = (statement, pair) -> {
            statement.setObject(1, date);
            statement.setObject(2, date);
            statement.setString(3, pair.first().value());
            statement.setString(4, pair.second().value());
        };
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            int[] updated = inBatch(connection, INCREMENT, sorted, increment);
            List<RelationPair> missing = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                if (updated[i] == 0) {
                    missing.add(sorted.get(i));
                }
            }
            if (!missing.isEmpty()) {
                createMissing(connection, missing);
                inBatch(connection, INCREMENT, missing, increment);
            }
        });
    }

    /**
     * Uncounts a removed meeting in each of {@code pairs}, in one batch; then the latest date is read
     * again from the pair index, whose rows of the meeting must already be deleted ({@link #LATEST}).
     */
    void removed(List<RelationPair> pairs) {
        List<RelationPair> sorted = pairs.stream().sorted(PAIR_ORDER).toList();
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            inBatch(connection, DECREMENT, sorted, PAIR);
            inBatch(connection, LATEST, sorted, PAIR_TWICE);
        });
    }

    /**
     * Creates the rows of these pairs at zero unless another transaction did meanwhile. The
     * statement skips a row that exists; when another writer creates the same row at the same
     * time, PostgreSQL skips the conflict itself ({@code on conflict do nothing}: a failed
     * statement would abort its transaction), and H2 fails only the statement after waiting for
     * the other writer, so each row is then tried alone and a duplicate ignored. Plain JDBC,
     * caught here: Hibernate would mark the whole transaction for rollback on that failure.
     */
    private static void createMissing(Connection connection, List<RelationPair> pairs) throws SQLException {
        boolean postgres = DatabaseProduct.isPostgres(connection);
        String sql = CREATE + (postgres ? " on conflict do nothing" : "");
        try {
            inBatch(connection, sql, pairs, PAIR_TWICE);
        } catch (BatchUpdateException createdMeanwhile) {
            if (postgres) {
                throw createdMeanwhile;
            }
            for (RelationPair pair : pairs) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    PAIR_TWICE.bind(statement, pair);
                    statement.executeUpdate();
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement, RelationPair pair) throws SQLException;
    }

    /** The pair's two countries as the statement's parameters. */
    private static final Binder PAIR = (statement, pair) -> {
        statement.setString(1, pair.first().value());
        statement.setString(2, pair.second().value());
    };

    /** The pair's two countries, twice (a subquery's, then the row's). */
    private static final Binder PAIR_TWICE = (statement, pair) -> {
        PAIR.bind(statement, pair);
        statement.setString(3, pair.first().value());
        statement.setString(4, pair.second().value());
    };

    /** Runs {@code sql} once per pair, in one JDBC batch (one round trip); the update counts. */
    private static int[] inBatch(Connection connection, String sql, List<RelationPair> pairs, Binder binder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (RelationPair pair : pairs) {
                binder.bind(statement, pair);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }
}
