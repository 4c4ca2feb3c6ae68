package org.chancery.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chancery.country.CountryCode;
import org.chancery.mission.MissionService;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.RuleViolationException;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.Parallel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Milestone writes racing each other and the opening of their mission. */
class MilestoneConcurrencyIntegrationTests extends ApiIntegrationTest {

    private static final int PARALLEL = 6;

    private static final RelationPair CU_KR = RelationPair.of(new CountryCode("CU"), new CountryCode("KR"));

    @Autowired
    private MilestoneService milestones;

    @Autowired
    private MissionService missions;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void achievesEveryMilestonePlannedWhileItsMissionOpens() throws Exception {
        for (int round = 0; round < 5; round++) {
            long office = planMission("KR", "CU", "LIAISON_OFFICE", "Havana " + round);
            List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
            for (int i = 0; i < PARALLEL - 1; i++) {
                int n = i;
                calls.add(() -> postAsEditor("/api/relations/CU/KR/milestones", milestoneOf(office, n))
                        .andReturn().getResponse());
            }
            calls.add(() -> postAsEditor("/api/missions/{id}/open", "{\"date\": \"2024-03-01\"}", office)
                    .andReturn().getResponse());

            List<MockHttpServletResponse> answers = Parallel.run(calls);

            assertThat(answers).extracting(MockHttpServletResponse::getStatus).as("round %s", round)
                    .containsOnly(200, 201);
            JsonNode overdue = json(getJson("/api/milestones?size=200&status=OVERDUE"));
            assertThat(overdue.get("content")).as("not achieved after round %s", round).isEmpty();
        }
        JsonNode achieved = json(getJson("/api/milestones?size=200&status=ACHIEVED"));
        assertThat(achieved.get("content")).hasSize(5 * (PARALLEL - 1));
        achieved.get("content").forEach(m -> assertThat(m.get("achievedOn").asString()).isEqualTo("2024-03-01"));
    }

    @Test
    void refusesAMilestoneOfAMissionCancelledSinceItsTransactionReadTheMission() throws Exception {
        // an import row reads the mission (a line before, or the check before the pair's lock) and plans its
        // milestone under the lock; a cancellation committed in between must be seen there, not the mission read
        long office = planMission("KR", "CU", "LIAISON_OFFICE", "Havana");

        assertThatThrownBy(() -> inOneTransaction(() -> {
            missions.facts(office);
            elsewhere(() -> missions.cancel(office));
            milestones.plan(CU_KR, new MilestoneService.Plan("Office opens", "2024-Q3", office, List.of()));
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("was cancelled");

        assertThat(json(getJson("/api/milestones?size=200")).get("content")).isEmpty();
    }

    @Test
    void achievesAMilestoneOfAMissionOpenedSinceItsTransactionReadTheMission() throws Exception {
        long office = planMission("KR", "CU", "LIAISON_OFFICE", "Havana");

        inOneTransaction(() -> {
            missions.facts(office);
            elsewhere(() -> missions.open(office, FuzzyDate.of(LocalDate.parse("2024-03-01"), DatePrecision.DAY)));
            milestones.plan(CU_KR, new MilestoneService.Plan("Office opens", "2024-Q3", office, List.of()));
        });

        JsonNode planned = json(getJson("/api/milestones?size=200")).get("content");
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).get("status").asString()).isEqualTo("ACHIEVED");
        assertThat(planned.get(0).get("achievedOn").asString()).isEqualTo("2024-03-01");
    }

    private void inOneTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private void elsewhere(Runnable work) {
        TransactionTemplate other = new TransactionTemplate(transactions);
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        other.executeWithoutResult(status -> work.run());
    }

    @Test
    void recordsOnlyOneOfAnAchievementAndACancellationMadeAtOnce() throws Exception {
        long id = create("/api/relations/CU/KR/milestones", "{\"title\": \"Exchange of notes\", \"target\": \"2024-Q1\"}")
                .get("id").asLong();
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            calls.add(i % 2 == 0
                    ? () -> postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2024-02-14\"}", id)
                            .andReturn().getResponse()
                    : () -> postAsEditor("/api/milestones/{id}/cancel", null, id).andReturn().getResponse());
        }

        List<MockHttpServletResponse> answers = Parallel.run(calls);

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(200, 409);
        assertThat(answers).filteredOn(a -> a.getStatus() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatus() == 409).extracting(MilestoneConcurrencyIntegrationTests::code)
                .containsOnly("MILESTONE_STATUS_INVALID");
        String winner = JSON.readTree(answers.stream().filter(a -> a.getStatus() == 200).findFirst().orElseThrow()
                .getContentAsString()).get("status").asString();
        assertThat(json(getJson("/api/milestones/{id}", id)).get("status").asString()).isEqualTo(winner);
    }

    @Test
    void aMissionOpensWhileItsMilestonesAreCancelledAndEachEndsAchievedOrCancelled() throws Exception {
        for (int round = 0; round < 4; round++) {
            long office = planMission("KR", "CU", "LIAISON_OFFICE", "Havana " + round);
            List<Long> planned = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                planned.add(create("/api/relations/CU/KR/milestones", milestoneOf(office, i))
                        .get("id").asLong());
            }
            List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
            calls.add(() -> postAsEditor("/api/missions/{id}/open", "{\"date\": \"2024-03-01\"}", office)
                    .andReturn().getResponse());
            planned.forEach(id -> calls.add(() -> postAsEditor("/api/milestones/{id}/cancel", null, id)
                    .andReturn().getResponse()));

            List<MockHttpServletResponse> answers = Parallel.run(calls);

            assertThat(answers.get(0).getStatus()).as("round %s: the opening", round).isEqualTo(200);
            List<MockHttpServletResponse> cancellations = answers.subList(1, answers.size());
            assertThat(cancellations).extracting(MockHttpServletResponse::getStatus).as("round %s", round)
                    .isSubsetOf(200, 409);
            assertThat(cancellations).filteredOn(a -> a.getStatus() == 409)
                    .extracting(MilestoneConcurrencyIntegrationTests::code).isSubsetOf("MILESTONE_STATUS_INVALID");
            for (int i = 0; i < planned.size(); i++) {
                String status = json(getJson("/api/milestones/{id}", planned.get(i))).get("status").asString();
                assertThat(status).as("round %s, milestone %s", round, i)
                        .isEqualTo(cancellations.get(i).getStatus() == 200 ? "CANCELLED" : "ACHIEVED");
            }
        }
    }

    /** A milestone achieved by the opening of {@code office}. */
    private static String milestoneOf(long office, int n) {
        return """
                {"title": "Liaison office %s", "target": "2024-H1", "missionId": %s}""".formatted(n, office);
    }

    private static String code(MockHttpServletResponse answer) {
        try {
            return JSON.readTree(answer.getContentAsString()).get("code").asString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
