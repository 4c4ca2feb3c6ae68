package org.chancery.change;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.chancery.shared.FactChanged;
import org.chancery.shared.ReadOnlyDatabases;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change feed. Writers record their changes without a seq (a number drawn before commit could
 * become visible after a larger one); before it answers, the feed numbers the changes that have
 * committed since it last did, in one short transaction under the sequencer's row lock (so that
 * instances sharing the database number one after the other), then reads. A read that finds no change waiting
 * takes no lock and writes nothing (each read had locked and written the sequencer's row: the readers of every
 * instance queued on it, twelve times slower while an import wrote). A change is numbered only
 * once it is visible, after every change numbered before it: a client asking for the changes after
 * the last seq it saw misses none. While the database takes no writes, the feed answers with the changes numbered
 * before ({@link #numbering}).
 */
@Service
public class ChangeFeed {

    /** Changes numbered at most at a time; a larger backlog is numbered over the following reads. */
    private static final int NUMBER_AT_MOST = 20_000;

    private static final String SELECT = "select c.seq, c.recorded_at, c.user_name, c.action, c.kind, c.fact_id, "
            + "c.countries";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final ReadOnlyDatabases readOnly;

    ChangeFeed(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactionManager,
            ReadOnlyDatabases readOnly) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = readOnly;
    }

    /** Which changes a list keeps: of one kind, of facts of one country (alpha-2), either or both null for all. */
    public record Only(String kind, String country) {

        public static final Only ALL = new Only(null, null);
    }

    /**
     * The changes with a seq greater than {@code after}, of the kind and the country given (a change that names the
     * country, of any kind but an import: its events, meetings, missions, heads, accreditations, diplomats,
     * milestones, the country itself), oldest first. Of one kind, the order names the kind before the seq, as the
     * index that has both does: H2 reads a page along an index only if the order starts with its columns, and with
     * {@code order by seq} sorted every change of the kind for each page (43 ms a page among 100,000, against
     * 0.2 ms). A country's are read along the country's own index ({@code change_log_country}, written as the
     * changes are numbered), and counted there.
     */
    public Page<Change> after(long after, Only only, Pageable pageable) {
        number();
        String where = where(only);
        Map<String, Object> parameters = parameters(after, only);
        return transactions.execute(status -> {
            List<Change> changes = jdbc.sql(select(only, " offset " + pageable.getOffset() + " rows fetch next "
                            + pageable.getPageSize() + " rows only")).params(parameters).query(ChangeFeed::change)
                    .list();
            return PageableExecutionUtils.getPage(changes, pageable, () -> jdbc.sql("select count(*) from "
                    + rows(only) + where).params(parameters).query(Long.class).single());
        });
    }

    /**
     * The first {@code limit} changes numbered so far with a seq greater than {@code after}, of the kind and the
     * country given,
     * oldest first, without numbering those committed since and without counting: the pages of one CSV download,
     * each read after the last seq of the one before in one read-only transaction, after {@link #numberAll()}.
     */
    public List<Change> numberedAfter(long after, Only only, int limit) {
        return transactions.execute(status -> jdbc.sql(select(only, " fetch first " + limit + " rows only"))
                .params(parameters(after, only)).query(ChangeFeed::change).list());
    }

    /**
     * The statement of a page ({@code page}: its offset and size): of the changes, or of one country's, whose seqs
     * are chosen along its rows of {@code change_log_country} (f) before the page's changes are read by them.
     */
    private static String select(Only only, String page) {
        if (only.country() == null) {
            return SELECT + " from " + rows(only) + where(only) + order(only) + page;
        }
        return SELECT + " from (select f.seq from " + rows(only) + where(only) + order(only) + page
                + ") f join change_log c on c.seq = f.seq order by f.seq";
    }

    /** The rows a list is chosen among: the changes (c), or one country's rows of {@code change_log_country} (f). */
    private static String rows(Only only) {
        return only.country() == null ? "change_log c" : "change_log_country f";
    }

    private static String where(Only only) {
        String changes = only.country() == null ? "c" : "f";
        return (only.country() == null ? " where" : " where f.country = :country and") + " " + changes
                + ".seq > :after" + (only.kind() == null ? "" : " and " + changes + ".kind = :kind");
    }

    /** In the order of the index a page is read along (H2 follows an index only for an order of its columns). */
    private static String order(Only only) {
        if (only.country() != null) {
            return only.kind() == null ? " order by f.country, f.seq" : " order by f.country, f.kind, f.seq";
        }
        return only.kind() == null ? " order by c.seq" : " order by c.kind, c.seq";
    }

    private static Map<String, Object> parameters(long after, Only only) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("after", after);
        if (only.kind() != null) {
            parameters.put("kind", only.kind());
        }
        if (only.country() != null) {
            parameters.put("country", only.country());
        }
        return parameters;
    }

    /**
     * Numbers the changes committed since the last numbering, in a transaction of its own (it writes: never within a
     * read-only one): a transaction's changes together, in the order they were made, the transactions in the order of
     * their {@code tx}, drawn just before each committed ({@link ChangeRecorder}: of two writes one of which ended
     * before the other began, the first is numbered first).
     */
    public void number() {
        numbering(() -> waiting() && numberAtMost());
    }

    /** Numbers every change committed so far, however many are waiting (for a CSV download of all of them). */
    public void numberAll() {
        numbering(() -> {
            if (!waiting()) {
                return false;
            }
            while (numberAtMost()) {
                // another batch is waiting
            }
            return false;
        });
    }

    /**
     * Whether a change that committed waits for its seq, read without a lock along the index of those waiting: one
     * committed after this read is numbered by the next (after every seq this read's answer holds).
     */
    private boolean waiting() {
        return jdbc.sql("select id from change_log where seq is null fetch first 1 rows only").query(Long.class)
                .optional().isPresent();
    }

    /**
     * Numbers as {@code numbering} does, unless the database takes no writes (made read-only for maintenance, a
     * standby): no change commits then, so the changes numbered before are the feed as it stands, and are read as
     * they are; those that committed before and wait for their seq are numbered after them once it takes writes
     * again (the pool's sessions renewed, as after any write it refused), and a client reading after the last seq
     * it saw misses none of them.
     */
    private void numbering(BooleanSupplier numbering) {
        try {
            numbering.getAsBoolean();
        } catch (RuntimeException e) {
            if (!readOnly.refusedWrite(e)) {
                throw e;
            }
            readOnly.renewSessions();
        }
    }

    /** Numbers at most {@value #NUMBER_AT_MOST} waiting changes; whether more were waiting. */
    private boolean numberAtMost() {
        return transactions.execute(status -> {
            long last = jdbc.sql("select last_seq from change_sequencer where id = 1 for update").query(Long.class)
                    .single();
            // along the index of the changes waiting: a transaction's changes together (a change an older build wrote
            // without tx, on a database this build migrated, is one of its own, its place among them the database's)
            List<Waiting> waiting = jdbc.sql("select id, tx, kind, countries from change_log where seq is null "
                    + "order by tx, id fetch first " + (NUMBER_AT_MOST + 1) + " rows only").query(Waiting.class).list();
            if (waiting.isEmpty()) {
                return false;
            }
            List<Waiting> pending = whole(waiting);
            List<Object[]> numbers = new ArrayList<>(pending.size());
            List<Object[]> countries = new ArrayList<>();
            long seq = last;
            for (Waiting change : pending) {
                numbers.add(new Object[] {++seq, change.id()});
                for (String country : change.codes()) {
                    countries.add(new Object[] {country, seq, change.kind()});
                }
            }
            batches.batchUpdate("update change_log set seq = ? where id = ?", numbers);
            batches.batchUpdate("insert into change_log_country (country, seq, kind) values (?, ?, ?)", countries);
            jdbc.sql("update change_sequencer set last_seq = :last where id = 1").param("last", seq).update();
            return waiting.size() > pending.size();
        });
    }

    /**
     * A change waiting for its seq, of the transaction {@code tx} (the id of its first change; none: its own), of
     * the countries its codes name (joined by commas, or none).
     */
    private record Waiting(long id, Long tx, String kind, String countries) {

        long transaction() {
            return tx == null ? id : tx;
        }

        /** Each country once (a meeting's countries are named once each; a change written otherwise is taken so). */
        Set<String> codes() {
            return countries == null || countries.isEmpty() ? Set.of()
                    : new LinkedHashSet<>(Arrays.asList(countries.split(",")));
        }
    }

    /**
     * The first {@value #NUMBER_AT_MOST} changes waiting, or fewer: a transaction's changes that would be cut by the
     * batch's end wait for the next batch whole (unless they alone fill it).
     */
    private static List<Waiting> whole(List<Waiting> waiting) {
        if (waiting.size() <= NUMBER_AT_MOST) {
            return waiting;
        }
        long cut = waiting.get(NUMBER_AT_MOST).transaction();
        List<Waiting> batch = waiting.subList(0, NUMBER_AT_MOST);
        List<Waiting> before = batch.stream().filter(change -> change.transaction() != cut).toList();
        return before.isEmpty() ? batch : before;
    }

    private static Change change(ResultSet row, int number) throws SQLException {
        String countries = row.getString(7);
        return new Change(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3),
                FactChanged.Action.valueOf(row.getString(4)), row.getString(5), row.getString(6),
                countries == null ? List.of() : Arrays.asList(countries.split(",")));
    }
}
