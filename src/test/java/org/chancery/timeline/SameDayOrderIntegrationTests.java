package org.chancery.timeline;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Within a day the timeline lists what ends before what begins, but a fact that begins and ends on that one day
 * begins first: an embassy opened and closed on one day, with a head who took up and ended functions that day.
 */
class SameDayOrderIntegrationTests extends ApiIntegrationTest {

    private static final String DAY = "2001-05-01";

    @Autowired
    private Timeline timeline;

    @Test
    void listsWhatBeganAndEndedOnOneDayBeginningFirstAfterTheDaysOtherEndings() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"2000-01-10\"}")
                .andExpect(status().isCreated());
        long consulate = plan("CONSULATE", "Busan");
        post("/api/missions/" + consulate + "/open", "2000-02-01");
        long embassy = plan("EMBASSY", "Seoul");
        post("/api/missions/" + embassy + "/open", DAY);
        long envoy = create("/api/diplomats", "{\"name\": \"Cuban Envoy\", \"country\": \"CU\"}").get("id").asLong();
        long head = create("/api/missions/" + embassy + "/heads", "{\"diplomatId\": " + envoy + ", \"rank\": "
                + "\"AMBASSADOR\", \"agrementOn\": \"2001-04-01\", \"startedOn\": \"" + DAY + "\"}").get("id").asLong();
        post("/api/missions/" + embassy + "/heads/" + head + "/end", DAY);
        post("/api/missions/" + embassy + "/close", DAY);
        post("/api/missions/" + consulate + "/close", DAY);

        List<String> theDay = new ArrayList<>();
        for (JsonNode item : json(getJson("/api/relations/CU/KR/timeline?size=100")).get("content")) {
            if (item.get("date").asString().equals(DAY)) {
                theDay.add(item.get("type").asString() + " " + item.get("ref").get("id").asLong());
            }
        }

        assertThat(theDay).containsExactly("MISSION_CLOSED " + consulate, "MISSION_OPENED " + embassy,
                "HEAD_OF_MISSION_STARTED " + head, "HEAD_OF_MISSION_ENDED " + head, "MISSION_CLOSED " + embassy);
        RelationPair pair = RelationPair.of(new CountryCode("CU"), new CountryCode("KR"));
        List<TimelineItem> streamed = new ArrayList<>();
        timeline.forEach(pair, streamed::add);
        assertThat(streamed).isEqualTo(timeline.of(pair, PageRequest.of(0, 100)).getContent());
    }

    private long plan(String type, String city) throws Exception {
        return create("/api/missions", "{\"sendingCountry\": \"CU\", \"receivingCountry\": \"KR\", \"type\": \"" + type
                + "\", \"city\": \"" + city + "\"}").get("id").asLong();
    }

    private void post(String path, String date) throws Exception {
        postAsEditor(path, "{\"date\": \"" + date + "\"}").andExpect(status().isOk());
    }
}
