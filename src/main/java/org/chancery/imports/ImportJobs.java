package org.chancery.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.chancery.shared.DatabaseProduct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables of the import jobs, read and written with plain JDBC in the caller's transaction: a
 * job, its row reports and progress, its staged rows and refs.
 */
@Component
class ImportJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<FactRef>> FACTS = new TypeReference<>() {
    };

    private static final String JOB_COLUMNS = """
            select id, format, status, created_by, started_at, finished_at, rows_total, rows_done, imported, merged,
                   already_present, no_fact, rejected, error, cancelled_by from import_job""";
    private static final String ROW_COLUMNS = "select r.line, r.outcome, r.code, r.detail, r.flags, r.facts";
    /** Row reports read at a time for {@link #forEachRow}. */
    private static final int CHUNK = 1000;

    /** When jobs ran and last showed progress: real time, whatever clock says what day it is. */
    private final Clock clock = Clock.systemUTC();
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DataSource dataSource;
    private final FactCountries factCountries;

    ImportJobs(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource, FactCountries factCountries) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dataSource = dataSource;
        this.factCountries = factCountries;
    }

    /**
     * Records a job that starts running, with its lease.
     *
     * @return empty if another job holds the running slot
     */
    Optional<ImportJob> start(String format, String user, int rowsTotal) {
        long id = jdbc.sql("select nextval('import_job_seq')").query(Long.class).single();
        OffsetDateTime now = now();
        try {
            jdbc.sql("""
                    insert into import_job (id, format, status, created_by, started_at, heartbeat_at, rows_total,
                        rows_done, imported, merged, already_present, no_fact, rejected, running_slot)
                    values (:id, :format, 'RUNNING', :user, :now, :now, :total, 0, 0, 0, 0, 0, 0, 'RUNNING')""")
                    .param("id", id).param("format", format).param("user", user).param("now", now)
                    .param("total", rowsTotal).update();
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        jdbc.sql("insert into import_lease (job_id) values (:id)").param("id", id).update();
        return find(id);
    }

    /**
     * On PostgreSQL, brings the planner's statistics of the row reports up to date ({@code ANALYZE}) once a job has
     * written its own: planned for the few rows the table held before (autovacuum may be off, and lags a table that
     * grows by hundreds of thousands of rows at once), a page of a large report would sort every row of it, and its
     * CSV read the rest of it for each chunk. H2 keeps its own statistics.
     */
    void refreshStatistics() {
        if (DatabaseProduct.isPostgres(dataSource)) {
            batches.execute("analyze import_row, import_row_flag");
        }
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql(JOB_COLUMNS + " where id = :id").param("id", id).query(ImportJobs::job).optional();
    }

    Page<ImportJob> page(Pageable pageable) {
        List<ImportJob> jobs = jdbc.sql(JOB_COLUMNS + " order by id desc offset " + pageable.getOffset()
                + " rows fetch next " + pageable.getPageSize() + " rows only").query(ImportJobs::job).list();
        return PageableExecutionUtils.getPage(jobs, pageable,
                () -> jdbc.sql("select count(*) from import_job").query(Long.class).single());
    }

    /** Whether a job of the format has succeeded. */
    boolean succeeded(String format) {
        return jdbc.sql("select count(*) from import_job where format = :format and status = 'SUCCEEDED'")
                .param("format", format).query(Long.class).single() > 0;
    }

    /** The job that holds the running slot, if any. */
    Optional<ImportJob> running() {
        return jdbc.sql(JOB_COLUMNS + " where running_slot = 'RUNNING'").query(ImportJobs::job).optional();
    }

    /**
     * Writes row reports and advances the job's progress and counts by them.
     *
     * @throws ImportRun.NoLongerRunning if the job is not running (failed meanwhile as abandoned): the caller's
     *         transaction, with the rows' facts, is to be rolled back
     */
    void report(long jobId, List<RowReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        List<Object[]> rows = reports.stream().map(r -> new Object[] {jobId, r.line(), r.outcome().name(), r.code(),
                truncate(storable(r.detail()), 4000), r.flags().isEmpty() ? null : JSON.writeValueAsString(r.flags()),
                r.facts().isEmpty() ? null : JSON.writeValueAsString(r.facts())}).toList();
        batches.batchUpdate("insert into import_row (job_id, line, outcome, code, detail, flags, facts) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows, new int[] {Types.BIGINT, Types.INTEGER, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
        List<Object[]> flags = reports.stream()
                .flatMap(r -> r.flags().stream().map(flag -> new Object[] {jobId, flag, r.line()})).toList();
        if (!flags.isEmpty()) {
            batches.batchUpdate("insert into import_row_flag (job_id, flag, line) values (?, ?, ?)", flags,
                    new int[] {Types.BIGINT, Types.VARCHAR, Types.INTEGER});
        }
        Map<ImportOutcome, Integer> counts = new EnumMap<>(ImportOutcome.class);
        reports.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        int running = jdbc.sql("""
                update import_job set rows_done = rows_done + :done, imported = imported + :imported,
                    merged = merged + :merged, already_present = already_present + :present,
                    no_fact = no_fact + :none, rejected = rejected + :rejected, heartbeat_at = :now
                where id = :id and status = 'RUNNING'""")
                .param("done", reports.size()).param("imported", counts.getOrDefault(ImportOutcome.IMPORTED, 0))
                .param("merged", counts.getOrDefault(ImportOutcome.MERGED, 0))
                .param("present", counts.getOrDefault(ImportOutcome.ALREADY_PRESENT, 0))
                .param("none", counts.getOrDefault(ImportOutcome.NO_FACT, 0))
                .param("rejected", counts.getOrDefault(ImportOutcome.REJECTED, 0))
                .param("now", now()).param("id", jobId).update();
        if (running == 0) {
            throw new ImportRun.NoLongerRunning(jobId);
        }
    }

    /**
     * Ends a running job, frees the running slot and drops what it kept while running; false if the job was not
     * running (ended meanwhile by a recovery: this instance's regular look or another instance's).
     */
    boolean finish(long jobId, ImportStatus status, String error) {
        int ended = jdbc.sql("""
                update import_job set status = :status, finished_at = :now, error = :error, running_slot = null
                where id = :id and status = 'RUNNING'""")
                .param("status", status.name()).param("now", now()).param("error", truncate(storable(error), 2000))
                .param("id", jobId).update();
        jdbc.sql("delete from import_staged_row where job_id = :id").param("id", jobId).update();
        jdbc.sql("delete from import_ref where job_id = :id").param("id", jobId).update();
        return ended == 1;
    }

    /**
     * Asks a running job to stop, for {@code user}: its worker ends it at its next row ({@link #cancelledBy}).
     *
     * @return false if the job is not running, or was asked to stop already (the first who asked is kept)
     */
    boolean cancel(long jobId, String user) {
        return jdbc.sql("update import_job set cancelled_by = :user where id = :id and status = 'RUNNING'"
                + " and cancelled_by is null").param("user", user).param("id", jobId).update() == 1;
    }

    /** The user who asked the running job to stop, if anyone did. */
    Optional<String> cancelledBy(long jobId) {
        return jdbc.sql("select cancelled_by from import_job where id = :id and status = 'RUNNING'"
                + " and cancelled_by is not null").param("id", jobId).query(String.class).optional();
    }

    /**
     * Jobs whose lease nobody holds ({@link ImportLease}: their server stopped), among those running longer than
     * {@code quietSeconds} without a sign of life, held here until the transaction ends so that no other instance
     * takes them too: on PostgreSQL by their advisory locks, which a running job's worker holds; on H2 by the lease
     * rows, which it keeps locked.
     */
    List<Long> abandoned(long quietSeconds) {
        String quiet = "select l.job_id from import_lease l where l.job_id in (select j.id from import_job j"
                + " where j.heartbeat_at < :quiet)";
        return jdbc.sql(DatabaseProduct.isPostgres(dataSource)
                        ? "with quiet as materialized (" + quiet + ") select job_id from quiet where"
                                + " pg_try_advisory_xact_lock(" + ImportLease.ADVISORY_KEY.formatted("job_id") + ")"
                        : quiet + " for update skip locked")
                .param("quiet", now().minusSeconds(quietSeconds)).query(Long.class).list();
    }

    void release(long jobId) {
        jdbc.sql("delete from import_lease where job_id = :id").param("id", jobId).update();
    }

    /** Keeps input rows to be processed in the order of their sort keys, in one batch. */
    void stage(long jobId, List<StagedRow> rows) {
        batches.batchUpdate("insert into import_staged_row (job_id, sort_key, line, payload) values (?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {jobId, r.sortKey(), r.line(), r.payload()}).toList(),
                new int[] {Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.VARCHAR});
    }

    /**
     * The staged rows after {@code afterKey} (null: from the first), in sort key order, at most
     * {@code limit}: read along the primary key, whose order the statement names whole (with
     * {@code order by sort_key} alone H2 sorted every staged row after the key for each call: 0.8
     * seconds a call among 300,000 rows, against 2 milliseconds).
     */
    List<StagedRow> staged(long jobId, String afterKey, int limit) {
        return jdbc.sql("select sort_key, line, payload from import_staged_row where job_id = :job"
                        + (afterKey == null ? "" : " and sort_key > :after")
                        + " order by job_id, sort_key fetch first " + limit + " rows only")
                .param("job", jobId).params(afterKey == null ? Map.of() : Map.of("after", afterKey))
                .query((row, n) -> new StagedRow(row.getString(1), row.getInt(2), row.getString(3))).list();
    }

    void defineRef(long jobId, String ref, String kind, long factId) {
        jdbc.sql("insert into import_ref (job_id, ref, kind, fact_id) values (:job, :ref, :kind, :fact)")
                .param("job", jobId).param("ref", ref).param("kind", kind).param("fact", factId).update();
    }

    boolean refDefined(long jobId, String ref) {
        return jdbc.sql("select count(*) from import_ref where job_id = :job and ref = :ref").param("job", jobId)
                .param("ref", ref).query(Long.class).single() > 0;
    }

    /** The id of the fact of {@code kind} that {@code ref} names in this job, if a line defined it. */
    Optional<Long> ref(long jobId, String ref, String kind) {
        return jdbc.sql("select fact_id from import_ref where job_id = :job and ref = :ref and kind = :kind")
                .param("job", jobId).param("ref", ref).param("kind", kind).query(Long.class).optional();
    }

    /**
     * A page of the job's row reports, in line order. The order names the columns the filter fixes
     * first, as the index that has them does (the primary key, the outcome index, or the flag table's key):
     * H2 reads a page along an index only if the order starts with its columns, and otherwise sorted every
     * report of the job for each page (1.4 seconds for a page of the COW import's 310,820). Without a flag the
     * total is the job's own count of the reports (of the outcome), which {@link #report} advances in the
     * transaction that writes them: no report is counted (counting took 50–130 ms of each page of that import's
     * report on PostgreSQL). The total, either way, is read before the page, so that it counts no report the page
     * could not find: read after it, on H2 (whose reads see each statement's writes committed before it), a job
     * running meanwhile had answered pages without rows that its total said were there (29 of 4,857 pages of the COW
     * import); a page holding more than it counted (reports written meanwhile) is totalled by its rows.
     */
    Page<RowReport> rows(long jobId, ImportOutcome outcome, String flag, Pageable pageable) {
        String from = from(outcome, flag);
        long counted = flag != null
                ? bind(jdbc.sql("select count(*)" + from), jobId, outcome, flag).query(Long.class).single()
                : jdbc.sql("select " + countColumn(outcome) + " from import_job where id = :job")
                        .param("job", jobId).query(Long.class).single();
        List<RowReport> rows = bind(jdbc.sql(ROW_COLUMNS + from + orderByLine(outcome, flag) + " offset "
                + pageable.getOffset() + " rows fetch next " + pageable.getPageSize() + " rows only"), jobId, outcome,
                flag).query(ImportJobs::row).list();
        return PageableExecutionUtils.getPage(factCountries.of(rows), pageable, () -> counted);
    }

    /** The job's column that counts its reports of the outcome (of all, for none). */
    private static String countColumn(ImportOutcome outcome) {
        if (outcome == null) {
            return "rows_done";
        }
        return switch (outcome) {
            case IMPORTED -> "imported";
            case MERGED -> "merged";
            case ALREADY_PRESENT -> "already_present";
            case NO_FACT -> "no_fact";
            case REJECTED -> "rejected";
        };
    }

    /**
     * Every row report of the job that the filter keeps, in line order, read {@value #CHUNK} at a
     * time after the last line read: no page of a long report skips the lines before it.
     */
    void forEachRow(long jobId, ImportOutcome outcome, String flag, Consumer<RowReport> each) {
        String select = ROW_COLUMNS + from(outcome, flag) + " and " + (flag == null ? "r" : "f") + ".line > :after"
                + orderByLine(outcome, flag) + " fetch first " + CHUNK + " rows only";
        int after = Integer.MIN_VALUE;
        List<RowReport> chunk;
        do {
            chunk = bind(jdbc.sql(select), jobId, outcome, flag).param("after", after).query(ImportJobs::row).list();
            factCountries.of(chunk).forEach(each);
            after = chunk.isEmpty() ? after : chunk.get(chunk.size() - 1).line();
        } while (chunk.size() == CHUNK);
    }

    /** The reports the filter keeps: those of a flag are found through the flag table ({@code f}). */
    private static String from(ImportOutcome outcome, String flag) {
        String reports = flag == null ? " from import_row r where r.job_id = :job"
                : " from import_row_flag f join import_row r on r.job_id = f.job_id and r.line = f.line"
                        + " where f.job_id = :job and f.flag = :flag";
        return reports + (outcome == null ? "" : " and r.outcome = :outcome");
    }

    private static String orderByLine(ImportOutcome outcome, String flag) {
        if (flag != null) {
            return " order by f.job_id, f.flag, f.line";
        }
        return outcome == null ? " order by r.job_id, r.line" : " order by r.job_id, r.outcome, r.line";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, long jobId, ImportOutcome outcome,
            String flag) {
        statement = statement.param("job", jobId);
        if (outcome != null) {
            statement = statement.param("outcome", outcome.name());
        }
        if (flag != null) {
            statement = statement.param("flag", flag);
        }
        return statement;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * The text as both databases keep it alike: a NUL character (PostgreSQL refuses it in text, and failed the whole
     * job on a rejected line's detail that repeated the value holding one) and half a surrogate pair alone (its
     * driver stores {@code ?}) written as the escape {@code \u0000}, {@code \ud800}.
     */
    static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                kept.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * At most {@code max} characters, cut between two characters, never within one (PostgreSQL's driver would store
     * the lone half as {@code ?}).
     */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    private static ImportJob job(ResultSet row, int number) throws SQLException {
        Map<ImportOutcome, Integer> outcomes = new EnumMap<>(ImportOutcome.class);
        outcomes.put(ImportOutcome.IMPORTED, row.getInt(9));
        outcomes.put(ImportOutcome.MERGED, row.getInt(10));
        outcomes.put(ImportOutcome.ALREADY_PRESENT, row.getInt(11));
        outcomes.put(ImportOutcome.NO_FACT, row.getInt(12));
        outcomes.put(ImportOutcome.REJECTED, row.getInt(13));
        return new ImportJob(row.getLong(1), row.getString(2), ImportStatus.valueOf(row.getString(3)), row.getString(4),
                instant(row, 5), instant(row, 6), row.getInt(7), row.getInt(8), outcomes, row.getString(14),
                row.getString(15));
    }

    private static RowReport row(ResultSet row, int number) throws SQLException {
        String flags = row.getString(5);
        String facts = row.getString(6);
        return new RowReport(row.getInt(1), ImportOutcome.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                flags == null ? List.of() : JSON.readValue(flags, STRINGS),
                facts == null ? List.of() : JSON.readValue(facts, FACTS));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
