package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Legations (API.md 1.1): embassy class for R5, R7, R11 and R15, raised to embassies by R8. */
class LegationApiIntegrationTests extends ApiIntegrationTest {

    @Test
    void r5ALegationOpensOnlyWhileDiplomaticRelationsAreEstablished() throws Exception {
        long legation = planMission("US", "DK", "LEGATION", "Copenhagen");
        openMission(legation, "1827-09-20").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RELATION_NOT_ESTABLISHED"))
                .andExpect(jsonPath("$.rule").value("R5"));
        recordEvent("DK", "US", "ESTABLISHED", "1801-10-12");
        openMission(legation, "1827-09-20").andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("LEGATION"))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void r7ALegationAndAnotherLegationOrALegationOpenedAfterAnEmbassyCannotBeOpenAtOnce() throws Exception {
        recordEvent("DK", "US", "ESTABLISHED", "1801-10-12");
        long legation = planMission("US", "DK", "LEGATION", "Copenhagen");
        openMission(legation, "1827-09-20").andExpect(status().isOk());
        long second = planMission("US", "DK", "LEGATION", "Copenhagen");
        openMission(second, "1830-01-01").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EMBASSY_ALREADY_OPEN"));

        long embassy = planMission("US", "DK", "EMBASSY", "Copenhagen");
        openMission(embassy, "1947-03-18").andExpect(status().isOk());
        long late = planMission("US", "DK", "LEGATION", "Copenhagen");
        openMission(late, "1950-01-01").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EMBASSY_ALREADY_OPEN"));
    }

    @Test
    void r8AnEmbassyOpeningSupersedesTheDirectionsOpenLegationAndLinksThem() throws Exception {
        recordEvent("DK", "US", "ESTABLISHED", "1801-10-12");
        long legation = planMission("US", "DK", "LEGATION", "Copenhagen");
        openMission(legation, "1827-09-20").andExpect(status().isOk());
        long danish = planMission("DK", "US", "LEGATION", "Washington");
        openMission(danish, "1850-01-01").andExpect(status().isOk());

        long embassy = planMission("US", "DK", "EMBASSY", "Copenhagen");
        openMission(embassy, "1947-03-18").andExpect(status().isOk())
                .andExpect(jsonPath("$.predecessorId").value(legation));

        getJson("/api/missions/" + legation).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedOn").value("1947-03-18"))
                .andExpect(jsonPath("$.closingReason").value("SUPERSEDED"))
                .andExpect(jsonPath("$.successorId").value(embassy));
        getJson("/api/missions/" + danish).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void r20AnEmbassyCannotOpenOnADayWhenALegationThatClosedLaterWasOpen() throws Exception {
        recordEvent("DK", "US", "ESTABLISHED", "1801-10-12");
        long legation = planMission("US", "DK", "LEGATION", "Copenhagen");
        openMission(legation, "1827-09-20").andExpect(status().isOk());
        closeMission(legation, "1940-04-10").andExpect(status().isOk());

        long embassy = planMission("US", "DK", "EMBASSY", "Copenhagen");
        openMission(embassy, "1900-01-01").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EMBASSY_ALREADY_OPEN"));
        openMission(embassy, "1947-03-18").andExpect(status().isOk())
                .andExpect(jsonPath("$.predecessorId").value((Object) null));
    }

    @Test
    void r11ASeveranceClosesTheLegationsOfBothSidesAndEndsTheirHeads() throws Exception {
        recordEvent("DE", "US", "ESTABLISHED", "1797-01-01");
        long legation = planMission("US", "DE", "LEGATION", null);
        openMission(legation, "1816-01-01").andExpect(status().isOk());
        long envoy = newDiplomat("An envoy", "US");
        create("/api/missions/" + legation + "/heads", "{\"diplomatId\":" + envoy
                + ",\"rank\":\"ENVOY\",\"agrementOn\":\"1900-01-01\",\"startedOn\":\"1900-02-01\"}");

        JsonNode severance = recordEvent("DE", "US", "SEVERED", "1917-02-03");

        assertThat(severance.get("affectedMissions")).hasSize(1);
        assertThat(severance.get("affectedMissions").get(0).get("type").asString()).isEqualTo("LEGATION");
        assertThat(severance.get("affectedMissions").get(0).get("city").isNull()).isTrue();
        getJson("/api/missions/" + legation).andExpect(jsonPath("$.closingReason").value("RELATIONS_SEVERED"))
                .andExpect(jsonPath("$.heads[0].endedOn").value("1917-02-03"));
    }

    @Test
    void r15ALegationHasHeadsAsAnEmbassyDoes() throws Exception {
        recordEvent("DK", "US", "ESTABLISHED", "1801-10-12");
        long legation = planMission("US", "DK", "LEGATION", "Copenhagen");
        long envoy = newDiplomat("An envoy", "US");
        postAsEditor("/api/missions/" + legation + "/heads", "{\"diplomatId\":" + envoy
                + ",\"rank\":\"ENVOY\",\"startedOn\":\"1827-09-20\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("AGREMENT_REQUIRED"));
        postAsEditor("/api/missions/" + legation + "/heads", "{\"diplomatId\":" + envoy
                + ",\"rank\":\"ENVOY\",\"agrementOn\":\"1827-09-01\",\"startedOn\":\"1800-01-01\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RELATION_NOT_ESTABLISHED"))
                .andExpect(jsonPath("$.rule").value("R15"));
        postAsEditor("/api/missions/" + legation + "/heads", "{\"diplomatId\":" + envoy
                + ",\"rank\":\"ENVOY\",\"agrementOn\":\"1827-09-01\",\"startedOn\":\"1827-09-20\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void listsLegationsByType() throws Exception {
        recordEvent("DK", "US", "ESTABLISHED", "1801-10-12");
        long legation = planMission("US", "DK", "LEGATION", "Copenhagen");
        planMission("US", "DK", "EMBASSY", "Copenhagen");
        getJson("/api/missions?type=LEGATION").andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(legation));
    }
}
