package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.HeldRowLock;
import org.chancery.support.Parallel;
import org.chancery.support.RefusedWrites;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ConcurrentOpeningIntegrationTests extends ApiIntegrationTest {

    private static final int PARALLEL = 8;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private MissionRepository missions;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    @DisplayName("R7: of parallel openings of several planned embassies of one direction, exactly one succeeds")
    void exactlyOneOfParallelEmbassyOpeningsSucceeds() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\"}")
                .andExpect(status().isCreated());
        List<Long> embassies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            embassies.add(create("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"KR\","
                    + "\"type\":\"" + (i % 2 == 0 ? "EMBASSY" : "HIGH_COMMISSION") + "\",\"city\":\"Seoul " + i + "\"}")
                    .get("id").asLong());
        }
        List<String> statuses = Parallel.run(embassies.stream().<Callable<String>>map(id -> () ->
                outcome(postAsEditor("/api/missions/{id}/open", "{\"date\":\"2024-09-01\"}", id))).toList());

        assertThat(statuses).as("the others are refused by R7").containsOnly("200", "409 EMBASSY_ALREADY_OPEN");
        assertThat(statuses).filteredOn("200"::equals).hasSize(1);
        assertThat(json(getJson("/api/missions?status=OPEN&sending=CU")).get("page").get("totalElements").asInt())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("R7: the embassy slot's constraint, named as each database names it, is an embassy opened meanwhile")
    void theEmbassySlotsConstraintIsToldFromAnyOther() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\"}")
                .andExpect(status().isCreated());
        long first = create("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"KR\","
                + "\"type\":\"EMBASSY\",\"city\":\"Seoul\"}").get("id").asLong();
        long second = create("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"KR\","
                + "\"type\":\"EMBASSY\",\"city\":\"Busan\"}").get("id").asLong();
        postAsEditor("/api/missions/{id}/open", "{\"date\":\"2024-09-01\"}", first).andExpect(status().isOk());
        // as a request finds it when another opened the first since it checked: the second's opening takes the slot
        DataIntegrityViolationException slotTaken = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    Mission mission = missions.findById(second).orElseThrow();
                    mission.open(FuzzyDate.of(LocalDate.of(2024, 9, 2), DatePrecision.DAY));
                    missions.flush();
                }));
        Mission mission = missions.findById(second).orElseThrow();

        assertThat(MissionService.slotTakenMeanwhile(slotTaken, mission))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.R7_EMBASSY_ALREADY_OPEN))
                .hasMessage("CU already has an open embassy-class mission in KR.");
        DataIntegrityViolationException check = RefusedWrites.constraintBroken(ConstraintKind.CHECK,
                "ck_mission_dates");
        assertThat(MissionService.slotTakenMeanwhile(check, mission)).as("another constraint").isSameAs(check);
        assertThat(json(getJson("/api/missions/{id}", second)).get("status").asString()).isEqualTo("PLANNED");
    }

    @Test
    @DisplayName("R1: of parallel identical events on one pair, exactly one is recorded")
    void exactlyOneOfParallelEstablishmentsIsRecorded() throws Exception {
        List<String> statuses = Parallel.run(java.util.stream.IntStream.range(0, PARALLEL)
                .<Callable<String>>mapToObj(i -> () -> outcome(postAsEditor("/api/relations/{a}/{b}/events",
                        "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-1" + (i % 2) + "\"}", i % 2 == 0 ? "CU" : "KR",
                        i % 2 == 0 ? "KR" : "CU")))
                .toList());

        assertThat(statuses).as("the others are refused by R1").containsOnly("201", "409 RELATION_TRANSITION_INVALID");
        assertThat(statuses).filteredOn("201"::equals).hasSize(1);
        assertThat(json(getJson("/api/relations/CU/KR")).get("events").size()).isEqualTo(1);
    }

    @Test
    @DisplayName("R1: parallel first events of new pairs, most of them refused, record the valid one and never fail")
    void parallelFirstEventsOfANewPairRecordTheValidOneWhateverIsRefused() throws Exception {
        for (String partner : List.of("DE", "IT", "ES", "PT", "BE", "NL", "AT", "CH", "SE", "NO")) {
            List<String> statuses = Parallel.run(java.util.stream.IntStream.range(0, PARALLEL)
                    .<Callable<String>>mapToObj(i -> () -> outcome(postAsEditor("/api/relations/FR/{b}/events",
                            i % 4 == 0 ? "{\"type\":\"ESTABLISHED\",\"date\":\"2000-01-0" + (i + 1) + "\"}"
                                    : "{\"type\":\"SEVERED\",\"date\":\"1990-01-01\"}", partner)))
                    .toList());

            assertThat(statuses).as("FR–%s: the others are refused by R1", partner)
                    .containsOnly("201", "409 RELATION_TRANSITION_INVALID");
            assertThat(statuses).as("FR–%s", partner).filteredOn("201"::equals).hasSize(1);
            assertThat(json(getJson("/api/relations/FR/" + partner)).get("events").size()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("R9: an interests section opens only once a write holding its protecting power's pair has ended, "
            + "whichever of the two pairs comes first")
    void interestsSectionOpeningWaitsForTheProtectingPowersPair() throws Exception {
        // SB–VU comes before VU–WS; CU–US after CH–CU: the power's pair is locked after and before the section's own
        assertOpeningWaitsForThePowersPair("SB", "VU", "WS", "Port Vila");
        assertOpeningWaitsForThePowersPair("US", "CU", "CH", "Havana");
    }

    private void assertOpeningWaitsForThePowersPair(String sending, String receiving, String power, String city)
            throws Exception {
        postAsEditor("/api/relations/{a}/{b}/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2000-01-01\"}", power,
                receiving).andExpect(status().isCreated());
        long section = create("/api/missions", "{\"sendingCountry\":\"" + sending + "\",\"receivingCountry\":\""
                + receiving + "\",\"type\":\"INTERESTS_SECTION\",\"city\":\"" + city + "\",\"protectingPower\":\""
                + power + "\"}").get("id").asLong();
        String first = power.compareTo(receiving) < 0 ? power : receiving;
        String second = power.compareTo(receiving) < 0 ? receiving : power;
        try (HeldRowLock powersPair = HeldRowLock.on(dataSource, "relation", "country_a = ? AND country_b = ?", first,
                second)) {
            assertThat(powersPair.statusOnceReleased(() -> postAsEditor("/api/missions/{id}/open",
                    "{\"date\":\"2005-01-01\"}", section).andReturn().getResponse().getStatus(),
                    "the opening of " + sending + "'s section in " + receiving + " under " + power)).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("R9: an interests section's opening holds its protecting power's pair even when it has no history "
            + "yet, so that a first establishment and a severance cannot slip in before it reads the pair")
    void interestsSectionOpeningHoldsThePowersPairEvenWithoutHistory() throws Exception {
        long section = create("/api/missions", "{\"sendingCountry\":\"SB\",\"receivingCountry\":\"VU\","
                + "\"type\":\"INTERESTS_SECTION\",\"city\":\"Port Vila\",\"protectingPower\":\"WS\"}").get("id").asLong();
        // the opening takes the pairs' locks first, then waits for the receiving country's row
        try (HeldRowLock vanuatu = HeldRowLock.on(dataSource, "country", "code = ?", "VU")) {
            assertThat(vanuatu.statusOnceReleased(() -> postAsEditor("/api/missions/{id}/open",
                    "{\"date\":\"2005-01-01\"}", section).andReturn().getResponse().getStatus(), "the opening",
                    () -> assertThat(HeldRowLock.isLocked(dataSource, "relation", "country_a = ? AND country_b = ?",
                            "VU", "WS")).as("the power's pair VU–WS, without history, while the opening waits").isTrue()))
                    .as("WS has no relations with VU: R9").isEqualTo(409);
        }
        try (var connection = dataSource.getConnection(); var rows = connection.prepareStatement(
                "SELECT count(*) FROM relation WHERE country_a = 'VU' AND country_b = 'WS'").executeQuery()) {
            rows.next();
            assertThat(rows.getInt(1)).as("no empty pair left behind").isZero();
        }
    }

    @Test
    @DisplayName("R9 with R20: of an interests section's opening and a back-dated severance of its protecting "
            + "power's relations sent together, exactly one is recorded")
    void interestsSectionOpeningAndTheProtectingPowersSeveranceDoNotBothPass() throws Exception {
        for (int round = 0; round < 6; round++) {
            String receiving = List.of("VU", "FJ", "TO", "KI", "TV", "NR").get(round);
            postAsEditor("/api/relations/WS/{b}/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2000-01-01\"}",
                    receiving).andExpect(status().isCreated());
            long section = create("/api/missions", "{\"sendingCountry\":\"SB\",\"receivingCountry\":\"" + receiving
                    + "\",\"type\":\"INTERESTS_SECTION\",\"city\":\"Capital\",\"protectingPower\":\"WS\"}")
                    .get("id").asLong();

            List<String> statuses = Parallel.run(List.of(
                    () -> outcome(postAsEditor("/api/missions/{id}/open", "{\"date\":\"2005-01-01\"}", section)),
                    () -> outcome(postAsEditor("/api/relations/WS/{b}/events",
                            "{\"type\":\"SEVERED\",\"date\":\"2003-01-01\"}", receiving))));

            boolean opened = "OPEN".equals(json(getJson("/api/missions/{id}", section)).get("status").asString());
            boolean severed = json(getJson("/api/relations/WS/" + receiving)).get("events").size() == 2;
            assertThat(opened).as("round %s: answers %s", round, statuses).isNotEqualTo(severed);
            assertThat(statuses).as("round %s: the loser refused by R20 or R9", round).containsExactlyInAnyOrder(
                    opened ? "200" : "409 INTERESTS_SECTION_NOT_ALLOWED",
                    opened ? "409 CONFLICTS_WITH_RECORDED_FACTS" : "201");
        }
    }

    /** The answer's status, and its problem code if it is a problem. */
    private static String outcome(ResultActions answer) throws Exception {
        int status = answer.andReturn().getResponse().getStatus();
        return status < 400 ? String.valueOf(status) : status + " " + json(answer).get("code").asString();
    }
}
