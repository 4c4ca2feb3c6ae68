package org.chancery.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.JsonNode;

/**
 * Within a day the timeline lists what ends before what begins, and what begins and ends that day first, each
 * beginning first: a legation with two heads of one day each, superseded by an embassy opened that day; a consulate
 * closed; a liaison office opened and closed; a meeting last.
 */
class SameDayOrderIntegrationTests extends ApiIntegrationTest {

    private static final String DAY = "2001-05-01";

    @Autowired
    private Timeline timeline;

    @Test
    void listsWhatBeganAndEndedOnOneDayFirstThenTheDaysEndingsThenItsBeginnings() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"2000-01-10\"}")
                .andExpect(status().isCreated());
        long consulate = plan("CONSULATE", "Busan");
        post("/api/missions/" + consulate + "/open", "2000-02-01");
        long legation = plan("LEGATION", "Seoul");
        post("/api/missions/" + legation + "/open", "2000-02-01");
        long first = appoint(legation, "First Envoy", ", \"endedOn\": \"" + DAY + "\"");
        long second = appoint(legation, "Second Envoy", "");
        long office = plan("LIAISON_OFFICE", "Incheon");
        post("/api/missions/" + office + "/open", DAY);
        post("/api/missions/" + office + "/close", DAY);
        post("/api/missions/" + consulate + "/close", DAY);
        long embassy = plan("EMBASSY", "Seoul");
        post("/api/missions/" + embassy + "/open", DAY);
        long cuban = create("/api/diplomats", "{\"name\": \"Cuban\", \"country\": \"CU\"}").get("id").asLong();
        long korean = create("/api/diplomats", "{\"name\": \"Korean\", \"country\": \"KR\"}").get("id").asLong();
        long meeting = create("/api/meetings", "{\"date\": \"" + DAY + "\", \"city\": \"Seoul\", \"country\": \"KR\", "
                + "\"participants\": [{\"diplomatId\": " + cuban + "}, {\"diplomatId\": " + korean + "}]}")
                .get("id").asLong();

        List<String> theDay = new ArrayList<>();
        for (JsonNode item : json(getJson("/api/relations/CU/KR/timeline?size=100")).get("content")) {
            if (item.get("date").asString().equals(DAY)) {
                theDay.add(item.get("type").asString() + " " + item.get("ref").get("id").asLong());
            }
        }

        assertThat(theDay).containsExactly("HEAD_OF_MISSION_STARTED " + first, "HEAD_OF_MISSION_ENDED " + first,
                "HEAD_OF_MISSION_STARTED " + second, "HEAD_OF_MISSION_ENDED " + second, "MISSION_OPENED " + office,
                "MISSION_CLOSED " + office, "MISSION_CLOSED " + consulate, "MISSION_CLOSED " + legation,
                "MISSION_OPENED " + embassy, "MEETING " + meeting, "FIRST_MEETING_SINCE_ESTABLISHMENT " + meeting);
        RelationPair pair = RelationPair.of(new CountryCode("CU"), new CountryCode("KR"));
        List<TimelineItem> paged = timeline.of(pair, PageRequest.of(0, 100)).getContent();
        for (int chunk : List.of(1, 1000)) {
            List<TimelineItem> streamed = new ArrayList<>();
            timeline.forEach(pair, chunk, streamed::add);
            assertThat(streamed).as("read %s meetings at a time", chunk).isEqualTo(paged);
        }
    }

    @Test
    void listsADaysConsularEventBeforeItsDiplomaticOneAsTheRulesApplyThem() throws Exception {
        for (String[] event : new String[][] {{"ESTABLISHED", "2000-01-10"}, {"SEVERED", "2003-01-01"},
                {"CONSULAR_SEVERED", "2005-05-05"}, {"RESTORED", "2005-05-05"}}) {
            postAsEditor("/api/relations/CU/KR/events", "{\"type\": \"" + event[0] + "\", \"date\": \"" + event[1]
                    + "\"}").andExpect(status().isCreated());
        }

        List<String> types = new ArrayList<>();
        json(getJson("/api/relations/CU/KR/timeline")).get("content").forEach(item -> types.add(item.get("type")
                .asString()));

        assertThat(types).containsExactly("ESTABLISHED", "SEVERED", "CONSULAR_SEVERED", "RESTORED");
        getJson("/api/relations/CU/KR?asOf=2005-05-05").andExpect(jsonPath("$.consularStatus").value("ESTABLISHED"));
    }

    private long plan(String type, String city) throws Exception {
        return create("/api/missions", "{\"sendingCountry\": \"CU\", \"receivingCountry\": \"KR\", \"type\": \"" + type
                + "\", \"city\": \"" + city + "\"}").get("id").asLong();
    }

    /** Appoints a new Cuban diplomat envoy at the mission on {@link #DAY}; the head's id. */
    private long appoint(long mission, String name, String end) throws Exception {
        long diplomat = create("/api/diplomats", "{\"name\": \"" + name + "\", \"country\": \"CU\"}").get("id").asLong();
        return create("/api/missions/" + mission + "/heads", "{\"diplomatId\": " + diplomat + ", \"rank\": \"ENVOY\", "
                + "\"agrementOn\": \"2001-04-01\", \"startedOn\": \"" + DAY + "\"" + end + "}").get("id").asLong();
    }

    private void post(String path, String date) throws Exception {
        postAsEditor(path, "{\"date\": \"" + date + "\"}").andExpect(status().isOk());
    }
}
