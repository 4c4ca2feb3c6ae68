package org.chancery.bench;

import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.chancery.bench.SyntheticWorld.HeadRow;
import org.chancery.bench.SyntheticWorld.MeetingRow;
import org.chancery.bench.SyntheticWorld.MilestoneRow;
import org.chancery.bench.SyntheticWorld.MissionRow;
import org.chancery.bench.SyntheticWorld.ParticipantRow;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.SearchText;
import org.chancery.relation.RelationHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a {@link SyntheticWorld} into the tables the services write, with JDBC batches in
 * transactions of a few thousand rows, and fills every column a service would derive: the
 * relation's status, {@code since} and consular status, a mission's {@code embassy_slot} and its
 * predecessor and successor, heads' names, a milestone's target period and achievement, the
 * participants' countries and titles and the {@code meeting_country} and {@code meeting_pair}
 * index rows. Ids are the planned ones; at the end every sequence restarts above them, so that
 * the application's own inserts (which take ids from the sequences, 50 at a time) never collide.
 */
final class WorldWriter {

    private static final Logger log = LoggerFactory.getLogger(WorldWriter.class);
    private static final int BATCH = 1_000;
    private static final int MEETINGS_PER_TRANSACTION = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    WorldWriter(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether the database holds anything but countries. */
    boolean holdsData() {
        for (String table : List.of("relation", "diplomat", "meeting", "mission", "milestone")) {
            Long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
            if (rows != null && rows > 0) {
                return true;
            }
        }
        return false;
    }

    List<SyntheticWorld.Country> countries() {
        return jdbc.query("select code, name from country order by code",
                (rs, i) -> new SyntheticWorld.Country(rs.getString(1), rs.getString(2)));
    }

    /** Writes the world; the database must hold no relation, diplomat, meeting, mission or milestone yet. */
    void write(SyntheticWorld world) {
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            writeRelations(world);
            writeDiplomats(world.roster());
        });
        transaction.executeWithoutResult(status -> {
            writeMissions(world);
            writeMilestones(world);
        });
        log.info("Bench world: relations, diplomats, missions and milestones written in {} s", seconds(started));
        long[] meetings = {0, 0};
        world.meetings(MEETINGS_PER_TRANSACTION, chunk -> transaction.executeWithoutResult(status -> {
            meetings[0] += chunk.size();
            meetings[1] += writeMeetings(chunk);
            if (meetings[0] % 100_000 == 0) {
                log.info("Bench world: {} of {} meetings written after {} s", meetings[0], world.meetingCount(),
                        seconds(started));
            }
        }));
        transaction.executeWithoutResult(status -> writeMeetingPairTotals());
        restartSequences(world);
        log.info("Bench world written in {} s: {} relations, {} events, {} diplomats, {} missions, {} heads of mission, "
                + "{} milestones, {} meetings with {} participants", seconds(started), world.relations().size(),
                world.eventCount(), world.roster().size(), world.missions().size(), world.headCount(),
                world.milestones().size(), meetings[0], meetings[1]);
    }

    /** The meeting module's per-pair totals, counted once from the pair index as its migration does. */
    private void writeMeetingPairTotals() {
        jdbc.update("insert into meeting_pair_total (country_a, country_b, meetings, latest_meeting) "
                + "select country_a, country_b, count(*), max(meeting_date) from meeting_pair "
                + "group by country_a, country_b");
    }

    private static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0;
    }

    private void writeRelations(SyntheticWorld world) {
        batch("insert into relation (id, country_a, country_b, status, since, consular_status, version) "
                + "values (?, ?, ?, ?, ?, ?, 0)",
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR},
                world.relations(), r -> new Object[] {r.id(), r.countryA(), r.countryB(), r.current().status().name(),
                        r.current().since(), r.current().consularStatus().name()});
        batch("insert into relation_event (id, relation_id, type, event_date, date_precision) values (?, ?, ?, ?, ?)",
                new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.VARCHAR},
                world.relations().stream().flatMap(r -> r.events().stream()).toList(),
                e -> new Object[] {e.id(), e.relationId(), e.type().name(), e.date(), e.datePrecision().name()});
        record IntervalRow(SyntheticWorld.RelationRow relation, RelationHistory.Interval interval) {
        }
        batch("insert into relation_interval (relation_id, country_a, country_b, valid_from, valid_to, status, since, "
                + "since_precision, consular_status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR, Types.DATE,
                        Types.VARCHAR, Types.VARCHAR},
                world.relations().stream().flatMap(r -> RelationHistory.replay(r.events()).intervals().stream()
                        .map(interval -> new IntervalRow(r, interval))).toList(),
                row -> new Object[] {row.relation().id(), row.relation().countryA(), row.relation().countryB(),
                        row.interval().from(), row.interval().to(), row.interval().state().status().name(),
                        row.interval().state().since(), precision(row.interval().state().sincePrecision()),
                        row.interval().state().consularStatus().name()});
    }

    private static String precision(DatePrecision precision) {
        return precision == null ? null : precision.name();
    }

    private void writeDiplomats(SyntheticWorld.Roster roster) {
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (long id = 1; id <= roster.size(); id++) {
            String name = roster.name(id);
            rows.add(new Object[] {id, name, SearchText.key(name), roster.country(id), roster.title(id),
                "Ministry of Foreign Affairs"});
            if (rows.size() == BATCH || id == roster.size()) {
                jdbc.batchUpdate("insert into diplomat (id, name, name_key, country, title, organization, version) "
                        + "values (?, ?, ?, ?, ?, ?, 0)", rows,
                        new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                            Types.VARCHAR});
                rows.clear();
            }
        }
    }

    private void writeMissions(SyntheticWorld world) {
        batch("""
                insert into mission (id, sending_country, receiving_country, type, city, status, planned_opening,
                    opened_on, opened_precision, closed_on, closed_precision, closing_reason, protecting_power,
                    embassy_slot, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR},
                world.missions(), m -> new Object[] {m.id(), m.sending(), m.receiving(), m.type().name(), m.city(),
                        m.status().name(), m.plannedOpening(), m.openedOn(), precision(m.openedOn()), m.closedOn(),
                        precision(m.closedOn()), m.closingReason(), m.protectingPower(), m.embassySlot()});
        batch("update mission set predecessor_id = ?, successor_id = ? where id = ?",
                new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT},
                world.missions().stream().filter(m -> m.predecessorId() != null || m.successorId() != null).toList(),
                m -> new Object[] {m.predecessorId(), m.successorId(), m.id()});
        batch("""
                insert into head_of_mission (id, mission_id, diplomat_id, name, head_rank, agrement_on, started_on,
                    started_precision, ended_on, ended_precision)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE,
                        Types.DATE, Types.VARCHAR, Types.DATE, Types.VARCHAR},
                world.missions().stream().flatMap(m -> m.heads().stream()).toList(),
                (HeadRow h) -> new Object[] {h.id(), h.missionId(), h.diplomatId(), h.name(), h.rank().name(),
                        h.agrementOn(), h.startedOn(), precision(h.startedOn()), h.endedOn(), precision(h.endedOn())});
    }

    private void writeMilestones(SyntheticWorld world) {
        batch("""
                insert into milestone (id, country_a, country_b, title, target, target_start, target_end, mission_id,
                    achieved_on, cancelled, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
                        Types.DATE, Types.BIGINT, Types.DATE, Types.BOOLEAN},
                world.milestones(), (MilestoneRow m) -> new Object[] {m.id(), m.countryA(), m.countryB(), m.title(),
                        m.target().toString(), m.target().start(), m.target().end(), m.missionId(), m.achievedOn(),
                        m.cancelled()});
    }

    /** Writes meetings with their participants and index rows; answers the number of participants. */
    private int writeMeetings(List<MeetingRow> meetings) {
        List<Object[]> participants = new ArrayList<>();
        List<Object[]> countries = new ArrayList<>();
        List<Object[]> pairs = new ArrayList<>();
        for (MeetingRow meeting : meetings) {
            for (int i = 0; i < meeting.participants().size(); i++) {
                ParticipantRow p = meeting.participants().get(i);
                participants.add(new Object[] {meeting.id(), i, p.diplomatId(), p.country(), p.title(),
                        meeting.date()});
            }
            List<String> codes = meeting.countries();
            for (int i = 0; i < codes.size(); i++) {
                countries.add(new Object[] {meeting.id(), codes.get(i), meeting.date()});
                for (int j = i + 1; j < codes.size(); j++) {
                    pairs.add(new Object[] {meeting.id(), codes.get(i), codes.get(j), meeting.date()});
                }
            }
        }
        // each index takes its rows in its own order, so that a batch fills few pages one after the other
        participants.sort(Comparator.comparingLong((Object[] row) -> (Long) row[2]).thenComparingLong(row -> (Long) row[0]));
        countries.sort(Comparator.comparing((Object[] row) -> (String) row[1]).thenComparingLong(row -> (Long) row[0]));
        pairs.sort(Comparator.comparing((Object[] row) -> (String) row[1] + row[2]).thenComparingLong(row -> (Long) row[0]));
        batch("insert into meeting (id, meeting_date, date_precision, city, country, title) values (?, ?, ?, ?, ?, ?)",
                new int[] {Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR},
                meetings, m -> new Object[] {m.id(), m.date(), DatePrecision.DAY.name(), m.city(), m.country(),
                        m.title()});
        batch("insert into meeting_participant (meeting_id, list_index, diplomat_id, country, title, meeting_date) "
                + "values (?, ?, ?, ?, ?, ?)", new int[] {Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.VARCHAR,
                        Types.VARCHAR, Types.DATE}, participants, row -> row);
        batch("insert into meeting_country (meeting_id, country, meeting_date) values (?, ?, ?)",
                new int[] {Types.BIGINT, Types.VARCHAR, Types.DATE}, countries, row -> row);
        batch("insert into meeting_pair (meeting_id, country_a, country_b, meeting_date) values (?, ?, ?, ?)",
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE}, pairs, row -> row);
        return participants.size();
    }

    /**
     * Restarts each sequence above the ids written: Hibernate's pooled optimizer hands out the 50 ids
     * below each value it reads, so the next value is the largest id plus 100.
     */
    private void restartSequences(SyntheticWorld world) {
        restart("relation_seq", world.relations().size());
        restart("relation_event_seq", world.eventCount());
        restart("diplomat_seq", world.roster().size());
        restart("mission_seq", world.missions().size());
        restart("head_of_mission_seq", world.headCount());
        restart("milestone_seq", world.milestones().size());
        restart("meeting_seq", world.meetingCount());
    }

    private void restart(String sequence, long largestId) {
        jdbc.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + (largestId + 100));
    }

    private <T> void batch(String sql, int[] types, List<T> items, Function<T, Object[]> row) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Object[]> rows = items.subList(from, Math.min(items.size(), from + BATCH)).stream().map(row).toList();
            jdbc.batchUpdate(sql, rows, types);
        }
    }

    private static String precision(Object date) {
        return date == null ? null : DatePrecision.DAY.name();
    }
}
