package org.chancery.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The U.S.–Cuba history as the State Department's Office of the Historian tells it, written through
 * the API: a legation in 1902, raised to an embassy in 1923, relations severed on 1961-01-03, an
 * interests section under Swiss protection from 1977-09-01, and relations restored on 2015-07-20 with
 * an embassy superseding the interests section. Read back as of five days, and from the relation
 * list as of those days.
 */
@DisplayName("The U.S.–Cuba history, written through the API and read as of a day")
class UnitedStatesCubaHistoryIntegrationTests extends ApiIntegrationTest {

    private long legation;
    private long embassy;
    private long interestsSection;
    private long secondEmbassy;

    private void writeTheHistory() throws Exception {
        recordEvent("CH", "CU", "ESTABLISHED", "1902-05-20");
        recordEvent("CU", "US", "ESTABLISHED", "1902-05-27");
        legation = planMission("US", "CU", "LEGATION", "Havana");
        openMission(legation, "1902-05-27").andExpect(status().isOk());
        embassy = planMission("US", "CU", "EMBASSY", "Havana");
        openMission(embassy, "1923-02-10").andExpect(status().isOk())
                .andExpect(jsonPath("$.predecessorId").value(legation));
        JsonNode severance = recordEvent("CU", "US", "SEVERED", "1961-01-03");
        assertThat(severance.get("affectedMissions")).extracting(m -> m.get("id").asLong()).containsExactly(embassy);
        interestsSection = create("/api/missions", """
                {"sendingCountry": "US", "receivingCountry": "CU", "type": "INTERESTS_SECTION", "city": "Havana",
                 "protectingPower": "CH"}""").get("id").asLong();
        openMission(interestsSection, "1977-09-01").andExpect(status().isOk());
        recordEvent("CU", "US", "RESTORED", "2015-07-20");
        secondEmbassy = planMission("US", "CU", "EMBASSY", "Havana");
        openMission(secondEmbassy, "2015-07-20").andExpect(status().isOk())
                .andExpect(jsonPath("$.predecessorId").value(interestsSection));
    }

    /** The U.S. missions in Cuba open at the end of {@code day}, as the relation view lists them. */
    private List<Long> openUsMissions(JsonNode relation) {
        List<Long> open = new ArrayList<>();
        for (JsonNode mission : relation.get("missions")) {
            if (mission.get("sendingCountry").asString().equals("US") && mission.get("status").asString().equals("OPEN")) {
                open.add(mission.get("id").asLong());
            }
        }
        return open;
    }

    @Test
    void answersHowTheUnitedStatesAndCubaStoodOnFiveDays() throws Exception {
        writeTheHistory();

        JsonNode in1910 = json(getJson("/api/relations/US/CU?asOf=1910-01-01"));
        assertThat(in1910.get("status").asString()).isEqualTo("ESTABLISHED");
        assertThat(in1910.get("since").asString()).isEqualTo("1902-05-27");
        assertThat(openUsMissions(in1910)).containsExactly(legation);

        JsonNode in1950 = json(getJson("/api/relations/US/CU?asOf=1950-01-01"));
        assertThat(in1950.get("since").asString()).isEqualTo("1902-05-27");
        assertThat(openUsMissions(in1950)).containsExactly(embassy);

        JsonNode in1970 = json(getJson("/api/relations/US/CU?asOf=1970-01-01"));
        assertThat(in1970.get("status").asString()).isEqualTo("SEVERED");
        assertThat(in1970.get("since").asString()).isEqualTo("1961-01-03");
        assertThat(in1970.get("consularStatus").asString()).isEqualTo("ESTABLISHED");
        assertThat(openUsMissions(in1970)).isEmpty();

        JsonNode in1990 = json(getJson("/api/relations/US/CU?asOf=1990-01-01"));
        assertThat(in1990.get("status").asString()).isEqualTo("SEVERED");
        assertThat(openUsMissions(in1990)).containsExactly(interestsSection);

        JsonNode in2016 = json(getJson("/api/relations/US/CU?asOf=2016-01-01"));
        assertThat(in2016.get("status").asString()).isEqualTo("ESTABLISHED");
        assertThat(in2016.get("since").asString()).isEqualTo("2015-07-20");
        assertThat(openUsMissions(in2016)).containsExactly(secondEmbassy);

        getJson("/api/missions/" + legation).andExpect(jsonPath("$.closedOn").value("1923-02-10"))
                .andExpect(jsonPath("$.closingReason").value("SUPERSEDED"))
                .andExpect(jsonPath("$.successorId").value(embassy));
        getJson("/api/missions/" + interestsSection).andExpect(jsonPath("$.closedOn").value("2015-07-20"))
                .andExpect(jsonPath("$.closingReason").value("SUPERSEDED"))
                .andExpect(jsonPath("$.protectingPower").value("CH"));
        getJson("/api/missions?sending=US&receiving=CU&openOn=1990-01-01")
                .andExpect(jsonPath("$.content[*].type").value(contains("INTERESTS_SECTION")));
    }

    @Test
    void tellsInTheStoryWhyEachMissionClosedInWords() throws Exception {
        writeTheHistory();
        postAsEditor("/api/missions/" + secondEmbassy + "/close", "{\"date\": \"2016-01-01\", \"reason\": \"Hurricane damage\"}")
                .andExpect(status().isOk());

        getJson("/api/relations/US/CU/timeline?size=100")
                .andExpect(jsonPath("$.content[?(@.type == 'MISSION_CLOSED')].summary").value(contains(
                        "Legation of US in Havana closed (superseded by a mission opened in its place)",
                        "Embassy of US in Havana closed (diplomatic relations severed)",
                        "Interests section of US in Havana closed (superseded by a mission opened in its place)",
                        "Embassy of US in Havana closed (Hurricane damage)")));
    }

    @Test
    void listsThePairAsOfEachDayAmongTheRelationsOfTheUnitedStates() throws Exception {
        writeTheHistory();
        recordEvent("FR", "US", "ESTABLISHED", "1778-02-06");

        getJson("/api/relations?country=US&asOf=1901-01-01")
                .andExpect(jsonPath("$.content[*].countries[0]").value(contains("FR")));
        getJson("/api/relations?country=USA&asOf=1910-01-01")
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("CU", "US"), List.of("FR", "US"))))
                .andExpect(jsonPath("$.content[0].status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.content[0].since").value("1902-05-27"));
        getJson("/api/relations?country=us&asOf=1970-01-01&status=SEVERED")
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].countries").value(contains("CU", "US")))
                .andExpect(jsonPath("$.content[0].since").value("1961-01-03"))
                .andExpect(jsonPath("$.content[0].consularStatus").value("ESTABLISHED"));
        getJson("/api/relations?country=US&asOf=1990-01-01&status=ESTABLISHED")
                .andExpect(jsonPath("$.content[*].countries[0]").value(contains("FR")));
        getJson("/api/relations?country=US&asOf=2016-01-01&status=ESTABLISHED")
                .andExpect(jsonPath("$.content[*].countries[0]").value(contains("CU", "FR")))
                .andExpect(jsonPath("$.content[0].since").value("2015-07-20"));
        getJson("/api/relations?country=CH&asOf=1977-09-01")
                .andExpect(jsonPath("$.content[0].countries").value(contains("CH", "CU")))
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }
}
