package org.chancery.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("The Cuba–South Korea story, told through the API")
class CubaSouthKoreaStoryIntegrationTests extends ApiIntegrationTest {

    private long id(String url, String json, Object... vars) throws Exception {
        return create(url, json, vars).get("id").asLong();
    }

    @Test
    void replaysTheStoryAndReadsItBack() throws Exception {
        clock.setToday(LocalDate.of(2025, 3, 1));
        id("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"1949-01-01\",\"datePrecision\":\"YEAR\"}");
        id("/api/relations/CU/KR/events", "{\"type\":\"SEVERED\",\"date\":\"1959-01-01\",\"datePrecision\":\"YEAR\"}");
        long chung = id("/api/diplomats", """
                {"name": "Chung Byung-won", "country": "KR", "title": "Deputy Foreign Minister",
                 "organization": "Ministry of Foreign Affairs"}""");
        long pereira = id("/api/diplomats", """
                {"name": "Carlos Miguel Pereira Hernández", "country": "CU",
                 "title": "Director General for Bilateral Affairs", "organization": "Ministry of Foreign Affairs"}""");
        long monzon = id("/api/diplomats", "{\"name\": \"Claudio Monzón Baeza\", \"country\": \"CU\", \"title\": \"Ambassador\"}");
        long restored = id("/api/relations/KR/CU/events", "{\"type\":\"RESTORED\",\"date\":\"2024-02-14\"}");

        long seoulMeeting = id("/api/meetings", """
                {"date": "2024-05-22", "city": "Seoul", "country": "KR", "title": "First dialogue since the restoration",
                 "outcomes": ["agreed to open embassies as soon as possible"],
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(chung, pereira));
        long provisional = id("/api/missions", """
                {"sendingCountry": "KR", "receivingCountry": "CU", "type": "PROVISIONAL_OFFICE", "city": "Havana",
                 "plannedOpening": "2024-H1"}""");
        long cubanEmbassy = id("/api/missions", """
                {"sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "city": "Seoul", "plannedOpening": "2024-07"}""");
        long koreanEmbassy = id("/api/missions", """
                {"sendingCountry": "KR", "receivingCountry": "CU", "type": "EMBASSY", "city": "Havana"}""");
        long officeMilestone = id("/api/relations/KR/CU/milestones", """
                {"title": "South Korean provisional office in Havana opens", "target": "2024-H1", "missionId": %s}"""
                .formatted(provisional));
        long embassyMilestone = id("/api/relations/CU/KR/milestones", """
                {"title": "Cuban embassy in Seoul opens", "target": "2024-07", "missionId": %s}""".formatted(cubanEmbassy));
        long head = id("/api/missions/" + cubanEmbassy + "/heads", """
                {"diplomatId": %s, "rank": "AMBASSADOR", "agrementOn": "2024-12-01", "startedOn": "2025-01-08"}"""
                .formatted(monzon));
        postAsEditor("/api/missions/{id}/open", "{\"date\":\"2025-01-17\"}", koreanEmbassy).andExpect(status().isOk());

        getJson("/api/relations/KR/CU")
                .andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.since").value("2024-02-14"))
                .andExpect(jsonPath("$.meetingCount").value(1))
                .andExpect(jsonPath("$.firstMeetingSinceEstablishment.id").value(seoulMeeting))
                .andExpect(jsonPath("$.firstMeetingSinceEstablishment.date").value("2024-05-22"))
                .andExpect(jsonPath("$.missions", hasSize(3)))
                .andExpect(jsonPath("$.missions[?(@.id == %s)].status", koreanEmbassy).value(contains("OPEN")))
                .andExpect(jsonPath("$.missions[?(@.id == %s)].status", cubanEmbassy).value(contains("PLANNED")))
                .andExpect(jsonPath("$.milestones[*].status").value(contains("OVERDUE", "OVERDUE")));
        getJson("/api/relations/CU/KR?asOf=2024-03-01")
                .andExpect(jsonPath("$.meetingCount").value(0))
                .andExpect(jsonPath("$.firstMeetingSinceEstablishment").value(nullValue()))
                .andExpect(jsonPath("$.missions[?(@.id == %s)].status", koreanEmbassy).value(contains("PLANNED")));
        getJson("/api/milestones?status=OVERDUE&country=KR")
                .andExpect(jsonPath("$.content[*].id").value(contains((int) officeMilestone, (int) embassyMilestone)));

        getJson("/api/relations/CU/KR/timeline")
                .andExpect(jsonPath("$.content[*].type").value(contains("ESTABLISHED", "SEVERED", "RESTORED",
                        "MEETING", "FIRST_MEETING_SINCE_ESTABLISHMENT", "MILESTONE_DUE", "MILESTONE_DUE",
                        "HEAD_OF_MISSION_STARTED", "MISSION_OPENED")))
                .andExpect(jsonPath("$.content[2].ref.kind").value("event"))
                .andExpect(jsonPath("$.content[2].ref.id").value(restored))
                .andExpect(jsonPath("$.content[3].ref.id").value(seoulMeeting))
                .andExpect(jsonPath("$.content[5].ref.id").value(officeMilestone))
                .andExpect(jsonPath("$.content[7].ref.kind").value("head"))
                .andExpect(jsonPath("$.content[7].ref.id").value(head))
                .andExpect(jsonPath("$.content[8].date").value("2025-01-17"))
                .andExpect(jsonPath("$.page.size").value(100))
                .andExpect(jsonPath("$.page.totalElements").value(9));
        for (JsonNode item : json(getJson("/api/relations/CU/KR/timeline")).get("content")) {
            JsonNode ref = item.get("ref");
            assertThat(json(getJson(ref.get("href").asString())).get("id").asLong())
                    .as(item.get("type").asString() + " reads its fact at " + ref.get("href").asString())
                    .isEqualTo(ref.get("id").asLong());
        }
        getJson("/api/relations/CU/KR/timeline")
                .andExpect(jsonPath("$.content[7].ref.href").value("/api/missions/" + cubanEmbassy + "/heads/" + head));
        getJson("/api/relations/CU/KR/timeline?size=4&page=1")
                .andExpect(jsonPath("$.content[*].type").value(contains("FIRST_MEETING_SINCE_ESTABLISHMENT",
                        "MILESTONE_DUE", "MILESTONE_DUE", "HEAD_OF_MISSION_STARTED")))
                .andExpect(jsonPath("$.page.totalElements").value(9));

        clock.setToday(LocalDate.of(2025, 9, 1));
        postAsEditor("/api/missions/{id}/open", "{\"date\":\"2025-08-01\"}", cubanEmbassy).andExpect(status().isOk());
        getJson("/api/milestones/{id}", embassyMilestone)
                .andExpect(jsonPath("$.status").value("ACHIEVED"))
                .andExpect(jsonPath("$.achievedOn").value("2025-08-01"))
                .andExpect(jsonPath("$.onTime").value(false));
        getJson("/api/relations/CU/KR/timeline")
                .andExpect(jsonPath("$.content[-1].type").value("MILESTONE_ACHIEVED"));
    }

    @Test
    void aRestorationAfterTheFirstMeetingMovesTheFirstMeetingSinceEstablishment() throws Exception {
        long us = id("/api/diplomats", "{\"name\": \"A\", \"country\": \"US\"}");
        long cu = id("/api/diplomats", "{\"name\": \"B\", \"country\": \"CU\"}");
        id("/api/relations/US/CU/events", "{\"type\":\"ESTABLISHED\",\"date\":\"1902-05-20\"}");
        String meeting = "{\"date\": \"%s\", \"city\": \"Havana\", \"country\": \"CU\", \"participants\": [{\"diplomatId\": %s}, {\"diplomatId\": %s}]}";
        long early = id("/api/meetings", meeting.formatted("1950-01-01", us, cu));
        long late = id("/api/meetings", meeting.formatted("2016-03-21", us, cu));
        getJson("/api/relations/US/CU").andExpect(jsonPath("$.firstMeetingSinceEstablishment.id").value(early));

        id("/api/relations/US/CU/events", "{\"type\":\"SEVERED\",\"date\":\"1961-01-03\"}");
        id("/api/relations/US/CU/events", "{\"type\":\"RESTORED\",\"date\":\"2015-07-20\"}");
        getJson("/api/relations/US/CU")
                .andExpect(jsonPath("$.meetingCount").value(2))
                .andExpect(jsonPath("$.firstMeetingSinceEstablishment.id").value(late));

        long earlier = id("/api/meetings", meeting.formatted("2015-09-01", us, cu));
        getJson("/api/relations/US/CU").andExpect(jsonPath("$.firstMeetingSinceEstablishment.id").value(earlier));
        getJson("/api/relations/US/CU?asOf=2000-01-01")
                .andExpect(jsonPath("$.status").value("SEVERED"))
                .andExpect(jsonPath("$.meetingCount").value(1))
                .andExpect(jsonPath("$.firstMeetingSinceEstablishment.id").value(early));
    }
}
