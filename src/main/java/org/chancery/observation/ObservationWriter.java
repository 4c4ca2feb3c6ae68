package org.chancery.observation;

import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chancery.shared.DatabaseProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes observations in JDBC batches, never an entity per row, in the caller's transaction: the
 * observations of a batch of input rows, and the counts of the summary they change.
 */
@Component
class ObservationWriter {

    /** Ids a block of {@code observation_seq} holds (its increment). */
    static final int ID_BLOCK = 1000;

    /** A direction of a pair in a year, in a data set's own state codes. */
    record Key(int year, String sending, String receiving) {

        /** The observation's key column in {@code dataset}. */
        String column(String dataset) {
            return dataset + "|" + year + "|" + sending + "|" + receiving;
        }
    }

    /** An observation already recorded: its id, the data set's code of its level, the job and line it came from. */
    record Recorded(long id, String rawCode, Long jobId, Integer line) {
    }

    /** An observation to record. */
    record New(long id, Key key, String sendingCountry, String receivingCountry, ObservationLevel level, int line) {
    }

    private static final Logger log = LoggerFactory.getLogger(ObservationWriter.class);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ObservationWriter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * On PostgreSQL, brings the planner's statistics of the observations and their summary up to date ({@code
     * ANALYZE}): the lookups of an import, planned while the tables were small (a pooled connection keeps a generic
     * plan), would read the whole table for each batch as the import grows it, until autovacuum analyses it — which may
     * be off, and lags a table growing fast. H2 keeps its own statistics. A refresh that fails (a lock it waited for
     * too long) is logged, and the import goes on.
     */
    void refreshStatistics() {
        try {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                if (DatabaseProduct.isPostgres(connection)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("analyze observation, observation_summary");
                    }
                }
                return null;
            });
        } catch (DataAccessException e) {
            log.warn("The observations' statistics could not be refreshed; the import goes on", e);
        }
    }

    /** The first of {@value #ID_BLOCK} ids reserved for the caller. */
    long reserveIds() {
        return jdbc.queryForObject("select nextval('observation_seq')", Long.class);
    }

    /** The observations of the data set recorded for these keys: one statement, an index probe per key. */
    Map<Key, Recorded> recorded(String dataset, Collection<Key> keys) {
        Map<Key, Recorded> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        named.query("""
                select observed_year, sending_dataset_code, receiving_dataset_code, id, raw_code, import_job_id,
                       source_line
                from observation where observation_key = any(:keys)""",
                new MapSqlParameterSource("keys", keys.stream().map(key -> key.column(dataset)).toArray(String[]::new)),
                (ResultSet row) -> {
                    found.put(new Key(row.getInt(1), row.getString(2), row.getString(3)), new Recorded(row.getLong(4),
                            row.getString(5), row.getObject(6, Long.class), row.getObject(7, Integer.class)));
                });
        return found;
    }

    /** Records observations of the data set, for the job, in one batch, with the summary counts they add. */
    void insert(String dataset, long jobId, List<New> observations) {
        if (observations.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into observation (id, dataset, observed_year, sending_country, receiving_country,
                    sending_dataset_code, receiving_dataset_code, observation_level, raw_code, import_job_id, source_line,
                    observation_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                observations.stream().map(o -> new Object[] {o.id(), dataset, o.key().year(), o.sendingCountry(),
                        o.receivingCountry(), o.key().sending(), o.key().receiving(), o.level().name(),
                        o.level().cowCode(), jobId, o.line(), o.key().column(dataset)}).toList(),
                new int[] {Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.VARCHAR});
        Map<List<Object>, Long> counts = new HashMap<>();
        for (New o : observations) {
            counts.merge(List.of(o.sendingCountry(), ObservationDirection.SENDING.name(), o.key().year(), o.level().name()),
                    1L, Long::sum);
            counts.merge(List.of(o.receivingCountry(), ObservationDirection.RECEIVING.name(), o.key().year(),
                    o.level().name()), 1L, Long::sum);
            counts.merge(List.of(Observations.ALL_COUNTRIES, ObservationDirection.SENDING.name(), o.key().year(),
                    o.level().name()), 1L, Long::sum);
        }
        List<Object[]> increments = counts.entrySet().stream().map(count -> new Object[] {count.getValue(),
                count.getKey().get(0), count.getKey().get(1), count.getKey().get(2), count.getKey().get(3), dataset})
                .toList();
        int[] updated = jdbc.batchUpdate("""
                update observation_summary set observations = observations + ?
                where country = ? and direction = ? and observed_year = ? and observation_level = ? and dataset = ?""",
                increments);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] increment = increments.get(i);
                missing.add(new Object[] {increment[1], increment[2], increment[3], increment[4], increment[5],
                        increment[0]});
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("insert into observation_summary (country, direction, observed_year, observation_level, "
                    + "dataset, observations) values (?, ?, ?, ?, ?, ?)", missing);
        }
    }
}
