package org.chancery.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A milestone's achievement in the timeline is dated as it is known: by hand to the day, by an opening as that is. */
class MilestoneItemsIntegrationTests extends ApiIntegrationTest {

    @Test
    void aMilestoneAchievedByAnOpeningKnownToTheYearIsAnItemOfThatYearAndOneAchievedByHandOfItsDay()
            throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "2000-01-10");
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        create("/api/relations/CU/KR/milestones", "{\"title\": \"Embassy in Seoul\", \"target\": \"2024-06\", "
                + "\"missionId\": " + embassy + "}");
        long consulate = planMission("CU", "KR", "CONSULATE", "Busan");
        create("/api/relations/CU/KR/milestones", "{\"title\": \"Consulate in Busan\", \"target\": \"2024-H2\", "
                + "\"missionId\": " + consulate + "}");
        long byHand = create("/api/relations/CU/KR/milestones", "{\"title\": \"Talks\", \"target\": \"2024\"}")
                .get("id").asLong();
        postAsEditor("/api/missions/" + consulate + "/open", "{\"date\": \"2024-07-20\", \"datePrecision\": \"MONTH\"}")
                .andExpect(status().isOk());
        postAsEditor("/api/missions/" + embassy + "/open", "{\"date\": \"2024-01-01\", \"datePrecision\": \"YEAR\"}")
                .andExpect(status().isOk());
        postAsEditor("/api/milestones/" + byHand + "/achieve", "{\"date\": \"2024-03-05\"}")
                .andExpect(status().isOk());

        List<String> achieved = new ArrayList<>();
        for (JsonNode item : json(getJson("/api/relations/CU/KR/timeline?size=100")).get("content")) {
            if (item.get("type").asString().equals("MILESTONE_ACHIEVED")) {
                achieved.add(item.get("date").asString() + " " + item.get("datePrecision").asString() + " "
                        + item.get("summary").asString());
            }
        }

        assertThat(achieved).containsExactly(
                "2024-01-01 YEAR Milestone achieved (year known), on time or late not known (target 2024-06): "
                        + "Embassy in Seoul",
                "2024-03-05 DAY Milestone achieved on time: Talks",
                "2024-07-01 MONTH Milestone achieved (month known) on time: Consulate in Busan");
    }
}
