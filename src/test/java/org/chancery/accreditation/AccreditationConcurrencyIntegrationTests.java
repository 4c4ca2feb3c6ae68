package org.chancery.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.Parallel;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * R23 under concurrent requests: the writes that decide an accreditation's legality take the pair's lock (and the
 * resident mission's), so of two writes that cannot both stand, one is refused, whichever comes first.
 */
class AccreditationConcurrencyIntegrationTests extends ApiIntegrationTest {

    private static final List<String> CARIBBEAN = List.of("AG", "DM", "LC", "VC", "GD");

    private MockHttpServletResponse accredit(String receiving, String json) throws Exception {
        return postAsEditor("/api/relations/US/{b}/accreditations", json, receiving).andReturn().getResponse();
    }

    private static String code(MockHttpServletResponse answer) throws Exception {
        return JSON.readTree(answer.getContentAsString()).path("code").asString();
    }

    @Test
    void ofParallelDiplomaticAccreditationsOfOneDirectionExactlyOneIsRecorded() throws Exception {
        for (String receiving : CARIBBEAN) {
            recordEvent("US", receiving, "ESTABLISHED", "1981-11-01");
            List<MockHttpServletResponse> answers = Parallel.run(IntStream.range(0, 6)
                    .<Callable<MockHttpServletResponse>>mapToObj(i -> () -> accredit(receiving,
                            "{\"sendingCountry\": \"US\", \"level\": \"" + (i % 2 == 0 ? "AMBASSADOR" : "ENVOY")
                                    + "\", \"from\": \"199" + i + "-01-01\"}"))
                    .toList());

            assertThat(answers).as("US in %s", receiving).extracting(MockHttpServletResponse::getStatus)
                    .containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
            for (MockHttpServletResponse refused : answers.stream().filter(a -> a.getStatus() == 409).toList()) {
                assertThat(code(refused)).isEqualTo("ACCREDITATION_CONFLICT");
            }
            assertThat(json(getJson("/api/relations/US/{b}/accreditations", receiving)).get("page")
                    .get("totalElements").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anAccreditationAndAnEmbassyOpeningOfTheDirectionInParallelDoNotBothStand() throws Exception {
        for (String receiving : CARIBBEAN) {
            recordEvent("US", receiving, "ESTABLISHED", "1981-11-01");
            long embassy = planMission("US", receiving, "EMBASSY", null);
            List<MockHttpServletResponse> answers = Parallel.run(List.of(
                    () -> openMission(embassy, "1990-01-01").andReturn().getResponse(),
                    () -> accredit(receiving, "{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", "
                            + "\"from\": \"1985-01-01\"}")));

            boolean opened = answers.get(0).getStatus() == 200;
            boolean accredited = answers.get(1).getStatus() == 201;
            assertThat(opened).as("US in %s: exactly one of %s stands", receiving, answers.stream()
                    .map(MockHttpServletResponse::getStatus).toList()).isNotEqualTo(accredited);
            MockHttpServletResponse refused = answers.get(opened ? 1 : 0);
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(code(refused)).isIn("ACCREDITATION_CONFLICT", "CONFLICTS_WITH_RECORDED_FACTS");
            JsonNode mission = json(getJson("/api/missions/{id}", embassy));
            assertThat(mission.get("status").asString()).isEqualTo(opened ? "OPEN" : "PLANNED");
            assertThat(json(getJson("/api/relations/US/{b}/accreditations", receiving)).get("page")
                    .get("totalElements").asInt()).isEqualTo(accredited ? 1 : 0);
        }
    }

    @Test
    void anAccreditationResidentAtAMissionAndThatMissionsEarlierClosingInParallelDoNotBothStand() throws Exception {
        List<String> hosts = List.of("BB", "TT", "JM", "GY", "BS");
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i);
            String receiving = CARIBBEAN.get(i);
            recordEvent("US", host, "ESTABLISHED", "1966-11-30");
            long resident = planMission("US", host, "EMBASSY", null);
            openMission(resident, "1966-11-30").andExpect(status().isOk());
            recordEvent("US", receiving, "ESTABLISHED", "1981-11-01");
            List<MockHttpServletResponse> answers = Parallel.run(List.of(
                    () -> closeMission(resident, "1994-06-01").andReturn().getResponse(),
                    () -> accredit(receiving, "{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", "
                            + "\"from\": \"1994-06-30\", \"residentMissionId\": " + resident + "}")));

            boolean closed = answers.get(0).getStatus() == 200;
            boolean accredited = answers.get(1).getStatus() == 201;
            assertThat(closed).as("resident in %s, accredited to %s: exactly one of %s stands", host, receiving,
                    answers.stream().map(MockHttpServletResponse::getStatus).toList()).isNotEqualTo(accredited);
            if (closed) {
                assertThat(answers.get(1).getStatus()).isEqualTo(400);
                assertThat(code(answers.get(1))).isEqualTo("RESIDENT_MISSION_INVALID");
            } else {
                assertThat(answers.get(0).getStatus()).isEqualTo(409);
                assertThat(code(answers.get(0))).isEqualTo("CONFLICTS_WITH_RECORDED_FACTS");
            }
            assertThat(json(getJson("/api/missions/{id}", resident)).get("status").asString())
                    .isEqualTo(closed ? "CLOSED" : "OPEN");
        }
    }
}
