package org.chancery.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.chancery.country.CountryCode;
import org.chancery.meeting.MeetingDetails;
import org.chancery.meeting.Meetings;
import org.chancery.milestone.MilestoneStatus;
import org.chancery.milestone.MilestoneView;
import org.chancery.milestone.Milestones;
import org.chancery.mission.HeadRank;
import org.chancery.mission.MissionFacts;
import org.chancery.mission.MissionService;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionType;
import org.chancery.relation.EventFact;
import org.chancery.relation.EventType;
import org.chancery.relation.RelationHistory;
import org.chancery.relation.RelationHistoryGuard;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.relation.RelationStatus;
import org.chancery.shared.Today;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bench world at a small scale, written into the test database and read back: every fact is
 * checked with the project's own rule code where it is public ({@link RelationHistory#replay} for
 * R1 and R2, the {@link RelationHistoryGuard}s that guard a history change for R5, R6, R9, R11 and
 * R15, the meeting and milestone read models for R17 and R19) and against the rules of API.md
 * where the check lives inside a service (R7, R8, R9's protecting power, R12–R14, R16).
 */
@TestPropertySource(properties = "chancery.bench.scale=0.01")
class SyntheticWorldIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private Today today;

    @Autowired
    private List<RelationHistoryGuard> guards;

    @Autowired
    private RelationService relations;

    @Autowired
    private MissionService missions;

    @Autowired
    private Meetings meetings;

    @Autowired
    private Milestones milestones;

    @Value("${chancery.bench.scale}")
    private double scale;

    private JdbcTemplate jdbc;

    private record StoredEvent(Long id, EventType type, LocalDate date) implements EventFact {
    }

    private record StoredMission(long id, String sending, String receiving, MissionType type, MissionStatus status,
            LocalDate openedOn, LocalDate closedOn, String closingReason, String protectingPower, Long predecessorId,
            Long successorId, String embassySlot) {
    }

    private record StoredHead(long missionId, long diplomatId, String name, HeadRank rank, LocalDate agrementOn,
            LocalDate startedOn, LocalDate endedOn, String diplomatCountry, String diplomatName) {
    }

    @Test
    void writesASmallWorldInWhichEveryFactKeepsTheRules() throws Exception {
        BenchWorld bench = new BenchWorld(dataSource, transactions, today, scale, SyntheticWorld.DEFAULT_SEED);
        jdbc = new JdbcTemplate(dataSource);

        assertThat(bench.load()).isTrue();

        assertThat(count("relation")).isEqualTo(150);
        assertThat(count("diplomat")).isEqualTo(2 * count("country"));
        assertThat(count("meeting")).isEqualTo(1000);
        assertThat(count("milestone")).isEqualTo(50);
        assertThat(count("mission")).isBetween(120L, 300L);
        relationsFollowTheirStateMachine();
        missionsKeepTheRules();
        meetingsKeepTheRules();
        milestonesKeepTheRules();
        theApplicationWritesOnTopOfTheWorld();

        long meetingsBefore = count("meeting");
        assertThat(bench.load()).as("a second start leaves the data as it is").isFalse();
        assertThat(count("meeting")).isEqualTo(meetingsBefore);
    }

    @Test
    void theSameSeedMakesTheSameWorld() {
        jdbc = new JdbcTemplate(dataSource);
        List<SyntheticWorld.Country> countries = new WorldWriter(dataSource, transactions).countries();
        SyntheticWorld one = SyntheticWorld.plan(7, 0.02, today.date(), countries);
        SyntheticWorld two = SyntheticWorld.plan(7, 0.02, today.date(), countries);
        assertThat(two.relations()).isEqualTo(one.relations());
        assertThat(two.missions()).isEqualTo(one.missions());
        assertThat(two.milestones()).isEqualTo(one.milestones());
        List<SyntheticWorld.MeetingRow> first = new ArrayList<>();
        List<SyntheticWorld.MeetingRow> second = new ArrayList<>();
        one.meetings(500, first::addAll);
        two.meetings(300, second::addAll);
        assertThat(second).isEqualTo(first).hasSize(2000);
        assertThat(SyntheticWorld.plan(8, 0.02, today.date(), countries).missions()).isNotEqualTo(one.missions());
    }

    /** R1 (replayed by {@link RelationHistory}), R2 and the derived columns, R3, R4. */
    private void relationsFollowTheirStateMachine() {
        Map<Long, List<StoredEvent>> events = new HashMap<>();
        jdbc.query("select id, relation_id, type, event_date from relation_event", rs -> {
            events.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>()).add(new StoredEvent(rs.getLong(1),
                    EventType.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class)));
        });
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        Set<RelationStatus> statuses = EnumSet.noneOf(RelationStatus.class);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        jdbc.query("select id, country_a, country_b, status, since, consular_status from relation", rs -> {
            List<StoredEvent> history = events.getOrDefault(rs.getLong(1), List.of());
            assertThat(history).hasSizeBetween(1, 6);
            assertThat(rs.getString(2)).isLessThan(rs.getString(3));
            RelationHistory replayed = RelationHistory.replay(history);
            assertThat(replayed.current().status().name()).isEqualTo(rs.getString(4));
            assertThat(replayed.current().since()).isEqualTo(rs.getObject(5, LocalDate.class));
            assertThat(replayed.current().consularStatus().name()).isEqualTo(rs.getString(6));
            history.forEach(e -> assertThat(e.date()).isBeforeOrEqualTo(today.date()));
            history.forEach(e -> seen.add(e.type()));
            statuses.add(replayed.current().status());
            RelationPair pair = RelationPair.of(new CountryCode(rs.getString(2)), new CountryCode(rs.getString(3)));
            readOnly.executeWithoutResult(tx -> {
                RelationHistory stored = relations.history(pair);
                guards.forEach(guard -> guard.check(pair, stored));
            });
        });
        assertThat(seen).containsExactlyInAnyOrder(EventType.values());
        assertThat(statuses).contains(RelationStatus.ESTABLISHED, RelationStatus.SEVERED, RelationStatus.NONE);
        assertThat(relations.history(RelationPair.of(CountryCode.of("US"), CountryCode.of("FR"))).events())
                .hasSize(6);
    }

    /** R4, R7, R8, R9, R12 (and R3) on every mission; R13–R16 on every head of mission. */
    private void missionsKeepTheRules() {
        List<StoredMission> all = jdbc.query("""
                select id, sending_country, receiving_country, type, status, opened_on, closed_on, closing_reason,
                       protecting_power, predecessor_id, successor_id, embassy_slot
                from mission order by id""", (rs, i) -> new StoredMission(rs.getLong(1), rs.getString(2),
                rs.getString(3), MissionType.valueOf(rs.getString(4)), MissionStatus.valueOf(rs.getString(5)),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                (Long) rs.getObject(10, Long.class), (Long) rs.getObject(11, Long.class), rs.getString(12)));
        assertThat(jdbc.queryForObject("""
                select count(*) from mission m where not exists (select 1 from relation r
                  where (r.country_a = m.sending_country and r.country_b = m.receiving_country)
                     or (r.country_b = m.sending_country and r.country_a = m.receiving_country))""", Long.class))
                .as("every mission is between the countries of a relation, so the guards above saw it").isZero();
        Map<Long, StoredMission> byId = new HashMap<>();
        Map<String, List<StoredMission>> byDirection = new HashMap<>();
        Map<MissionType, Integer> types = new EnumMap<>(MissionType.class);
        for (StoredMission m : all) {
            byId.put(m.id(), m);
            byDirection.computeIfAbsent(m.sending() + m.receiving(), d -> new ArrayList<>()).add(m);
            types.merge(m.type(), 1, Integer::sum);
            assertThat(m.sending()).isNotEqualTo(m.receiving());
            switch (m.status()) {
                case PLANNED, CANCELLED -> assertThat(m.openedOn()).isNull();
                case OPEN -> assertThat(m.openedOn()).isNotNull().isBeforeOrEqualTo(today.date());
                case CLOSED -> assertThat(m.closedOn()).isNotNull().isAfterOrEqualTo(m.openedOn())
                        .isBeforeOrEqualTo(today.date());
            }
            if (m.status() != MissionStatus.CLOSED) {
                assertThat(m.closedOn()).isNull();
            }
            assertThat(m.embassySlot()).isEqualTo(m.status() == MissionStatus.OPEN && m.type().embassyClass()
                    ? m.sending() + m.receiving() : null);
            if (m.type() == MissionType.INTERESTS_SECTION) {
                assertThat(m.protectingPower()).isNotNull().isNotIn(m.sending(), m.receiving());
                RelationPair power = RelationPair.of(new CountryCode(m.protectingPower()), new CountryCode(m.receiving()));
                assertThat(relations.history(power).on(m.openedOn()).established())
                        .as("R9: protecting power of %s established with the receiving country", m).isTrue();
            } else {
                assertThat(m.protectingPower()).isNull();
            }
        }
        for (StoredMission m : all) {
            if (m.successorId() != null) {
                StoredMission successor = byId.get(m.successorId());
                assertThat(successor.predecessorId()).isEqualTo(m.id());
                assertThat(m.closingReason()).isEqualTo("SUPERSEDED");
                assertThat(m.closedOn()).isEqualTo(successor.openedOn());
            }
        }
        for (List<StoredMission> direction : byDirection.values()) {
            List<StoredMission> embassies = direction.stream().filter(m -> m.type().embassyClass())
                    .filter(m -> m.openedOn() != null).sorted(Comparator.comparing(StoredMission::openedOn)).toList();
            for (int i = 1; i < embassies.size(); i++) {
                assertThat(embassies.get(i - 1).closedOn()).as("R7: %s", embassies.get(i - 1)).isNotNull()
                        .isBeforeOrEqualTo(embassies.get(i).openedOn());
            }
            for (StoredMission embassy : embassies) {
                for (StoredMission other : direction) {
                    if (other.type() == MissionType.PROVISIONAL_OFFICE || other.type() == MissionType.INTERESTS_SECTION) {
                        boolean openThatDay = other.openedOn() != null && !other.openedOn().isAfter(embassy.openedOn())
                                && (other.closedOn() == null || other.closedOn().isAfter(embassy.openedOn()));
                        assertThat(openThatDay).as("R8: %s open when %s opened", other, embassy).isFalse();
                    }
                }
            }
        }
        assertThat(types.keySet()).as("mission types %s", types)
                .containsAll(EnumSet.complementOf(EnumSet.of(MissionType.NUNCIATURE, MissionType.LEGATION)));

        List<StoredHead> heads = jdbc.query("""
                select h.mission_id, h.diplomat_id, h.name, h.head_rank, h.agrement_on, h.started_on, h.ended_on,
                       d.country, d.name
                from head_of_mission h join diplomat d on d.id = h.diplomat_id""", (rs, i) -> new StoredHead(
                rs.getLong(1), rs.getLong(2), rs.getString(3), HeadRank.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getString(8), rs.getString(9)));
        assertThat(heads).hasSizeGreaterThan(all.size() / 3);
        Map<Long, List<StoredHead>> byMission = new HashMap<>();
        for (StoredHead head : heads) {
            StoredMission mission = byId.get(head.missionId());
            byMission.computeIfAbsent(head.missionId(), id -> new ArrayList<>()).add(head);
            assertThat(head.diplomatCountry()).as("R13").isEqualTo(mission.sending());
            assertThat(head.name()).isEqualTo(head.diplomatName());
            if (head.rank().needsAgrement()) {
                assertThat(head.agrementOn()).as("R14").isNotNull().isBeforeOrEqualTo(head.startedOn());
            }
            assertThat(mission.type().consular()).as("R15").isFalse();
            assertThat(head.startedOn()).isBeforeOrEqualTo(today.date());
            if (head.endedOn() != null) {
                assertThat(head.endedOn()).isAfterOrEqualTo(head.startedOn()).isBeforeOrEqualTo(today.date());
            }
            if (mission.status() == MissionStatus.CLOSED) {
                assertThat(head.endedOn()).as("R16: closing ends the head").isNotNull()
                        .isBeforeOrEqualTo(mission.closedOn());
            }
        }
        for (List<StoredHead> ofMission : byMission.values()) {
            List<StoredHead> ordered = ofMission.stream().sorted(Comparator.comparing(StoredHead::startedOn)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                assertThat(ordered.get(i - 1).endedOn()).as("R16").isNotNull()
                        .isBeforeOrEqualTo(ordered.get(i).startedOn());
            }
        }
    }

    /** R3, R17, the participants' snapshots and the index rows, read through {@link Meetings}. */
    private void meetingsKeepTheRules() {
        Map<Long, String[]> diplomats = new HashMap<>();
        jdbc.query("select id, country, title from diplomat",
                rs -> { diplomats.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)}); });
        Map<Long, Set<String>> countries = new HashMap<>();
        jdbc.query("select meeting_id, country from meeting_country",
                rs -> { countries.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getString(2)); });
        Map<Long, Set<RelationPair>> pairs = new HashMap<>();
        jdbc.query("select meeting_id, country_a, country_b from meeting_pair", rs -> {
            pairs.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(
                    RelationPair.of(new CountryCode(rs.getString(2)), new CountryCode(rs.getString(3))));
        });
        int seen = 0;
        Page<MeetingDetails> page;
        int number = 0;
        do {
            page = meetings.search(List.of(), null, null, null, PageRequest.of(number++, 200, Sort.by("id")));
            for (MeetingDetails meeting : page) {
                assertThat(meeting.participants()).as("R17").hasSizeBetween(2, 6);
                assertThat(meeting.countries()).as("R17").hasSizeGreaterThanOrEqualTo(2);
                assertThat(meeting.date()).isBeforeOrEqualTo(today.date());
                for (var participant : meeting.participants()) {
                    String[] diplomat = diplomats.get(participant.diplomatId());
                    assertThat(participant.country().value()).isEqualTo(diplomat[0]);
                    assertThat(participant.title()).isEqualTo(diplomat[1]);
                    assertThat(participant.name()).isNotNull();
                }
                assertThat(countries.get(meeting.id()))
                        .containsExactlyElementsOf(meeting.countries().stream().map(CountryCode::value).toList());
                assertThat(pairs.get(meeting.id())).containsExactlyInAnyOrderElementsOf(pairsOf(meeting.countries()));
                seen++;
            }
        } while (page.hasNext());
        assertThat(seen).isEqualTo(1000);
        assertThat(meetings.countBetween(RelationPair.of(CountryCode.of("US"), CountryCode.of("FR")), null))
                .isGreaterThanOrEqualTo(5);
    }

    /** R19 and the derived statuses, read through {@link Milestones}. */
    private void milestonesKeepTheRules() {
        Set<MilestoneStatus> statuses = EnumSet.noneOf(MilestoneStatus.class);
        int withMission = 0;
        Page<MilestoneView> page;
        int number = 0;
        do {
            page = milestones.search(null, null, PageRequest.of(number++, 200, Sort.by("id")));
            for (MilestoneView milestone : page) {
                statuses.add(milestone.status());
                if (milestone.achievedOn() != null) {
                    assertThat(milestone.achievedOn()).isBeforeOrEqualTo(today.date());
                }
                if (milestone.missionId() == null) {
                    continue;
                }
                withMission++;
                MissionFacts mission = missions.facts(milestone.missionId()).orElseThrow();
                assertThat(RelationPair.of(mission.sendingCountry(), mission.receivingCountry()).codes())
                        .as("R19").isEqualTo(milestone.countries());
                if (mission.openedOn() == null) {
                    assertThat(milestone.status()).isNotEqualTo(MilestoneStatus.ACHIEVED);
                } else if (milestone.status() != MilestoneStatus.CANCELLED) {
                    assertThat(milestone.status()).isEqualTo(MilestoneStatus.ACHIEVED);
                    assertThat(milestone.achievedOn()).as("R19: achieved by the opening").isEqualTo(mission.openedOn());
                }
            }
        } while (page.hasNext());
        assertThat(withMission).isPositive();
        assertThat(statuses).contains(MilestoneStatus.PENDING, MilestoneStatus.OVERDUE, MilestoneStatus.ACHIEVED);
    }

    /** The sequences start above the generated ids, and the services accept new facts about the world. */
    private void theApplicationWritesOnTopOfTheWorld() throws Exception {
        long largest = Objects.requireNonNull(jdbc.queryForObject("select max(id) from diplomat", Long.class));
        long diplomat = create("/api/diplomats", """
                {"name": "New Envoy", "country": "US", "title": "Special Envoy"}""").get("id").asLong();
        assertThat(diplomat).isGreaterThan(largest);
        long french = Objects.requireNonNull(jdbc.queryForObject(
                "select min(id) from diplomat where country = 'FR'", Long.class));
        long meeting = create("/api/meetings", """
                {"date": "%s", "city": "Paris", "country": "FR", "title": "Talks",
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}"""
                .formatted(today.date(), diplomat, french)).get("id").asLong();
        assertThat(meeting).isGreaterThan(1000);
        getJson("/api/relations/US/FR").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.since").value("1944-10-23"))
                .andExpect(jsonPath("$.events.length()").value(6));
    }

    private long count(String table) {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
    }

    /** Every unordered pair of the countries. */
    private static List<RelationPair> pairsOf(List<CountryCode> countries) {
        List<RelationPair> pairs = new ArrayList<>();
        for (int i = 0; i < countries.size(); i++) {
            for (int j = i + 1; j < countries.size(); j++) {
                pairs.add(RelationPair.of(countries.get(i), countries.get(j)));
            }
        }
        return pairs;
    }
}
