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
 * The timeline marks the first meeting since the latest establishment whichever page is asked for,
 * also when the meetings a page reaches all predate that establishment; and the whole timeline (a CSV)
 * reading its meetings a few at a time gives the items of the pages, in their order, a chunk after another.
 */
class FirstMeetingSinceEstablishmentIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private Timeline timeline;

    @Test
    void marksTheFirstMeetingSinceTheRestorationAlsoOnAPageThatEndsBeforeIt() throws Exception {
        event("ESTABLISHED", "2000-01-10");
        long cu = create("/api/diplomats", "{\"name\": \"Cuban Envoy\", \"country\": \"CU\"}").get("id").asLong();
        long kr = create("/api/diplomats", "{\"name\": \"Korean Envoy\", \"country\": \"KR\"}").get("id").asLong();
        for (int year = 2001; year <= 2004; year++) {
            meeting(year + "-03-01", cu, kr);
        }
        event("SEVERED", "2005-01-01");
        event("RESTORED", "2010-06-01");
        long afterRestoration = meeting("2011-02-01", cu, kr);
        meeting("2012-02-01", cu, kr);

        List<JsonNode> everything = items(json(getJson("/api/relations/CU/KR/timeline?size=100")));
        long total = json(getJson("/api/relations/CU/KR/timeline?size=100")).get("page").get("totalElements").asLong();
        JsonNode firstPageOfTwo = json(getJson("/api/relations/CU/KR/timeline?size=2"));

        assertThat(everything).filteredOn(item -> item.get("type").asString().equals("FIRST_MEETING_SINCE_ESTABLISHMENT"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("ref").get("id").asLong()).isEqualTo(afterRestoration));
        assertThat(firstPageOfTwo.get("page").get("totalElements").asLong()).isEqualTo(total)
                .isEqualTo(everything.size());
    }

    @Test
    void saysWhetherRelationsWereEstablishedOrRestoredSinceTheFirstMeeting() throws Exception {
        event("ESTABLISHED", "2000-01-10");
        long cu = create("/api/diplomats", "{\"name\": \"Cuban Envoy\", \"country\": \"CU\"}").get("id").asLong();
        long kr = create("/api/diplomats", "{\"name\": \"Korean Envoy\", \"country\": \"KR\"}").get("id").asLong();
        meeting("2001-03-01", cu, kr);
        RelationPair pair = RelationPair.of(new CountryCode("CU"), new CountryCode("KR"));
        assertThat(firstMeetingSummaries(pair)).containsExactly(
                "First meeting since relations were established on 2000-01-10, in Havana",
                "First meeting since relations were established on 2000-01-10, in Havana");

        event("SEVERED", "2005-01-01");
        event("RESTORED", "2010-06-01");
        meeting("2011-02-01", cu, kr);

        assertThat(firstMeetingSummaries(pair)).containsExactly(
                "First meeting since relations were restored on 2010-06-01, in Havana",
                "First meeting since relations were restored on 2010-06-01, in Havana");
    }

    @Test
    void givesTheEstablishmentAsItsPrecisionKnowsIt() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1960-01-01\", "
                + "\"datePrecision\": \"YEAR\"}");
        long cu = create("/api/diplomats", "{\"name\": \"Cuban Envoy\", \"country\": \"CU\"}").get("id").asLong();
        long kr = create("/api/diplomats", "{\"name\": \"Korean Envoy\", \"country\": \"KR\"}").get("id").asLong();
        meeting("1961-03-01", cu, kr);

        assertThat(firstMeetingSummaries(RelationPair.of(new CountryCode("CU"), new CountryCode("KR")))).containsOnly(
                "First meeting since relations were established on 1960-01-01 (year known), in Havana");
    }

    /** The summaries of the first meeting since establishment: the pages' and then the whole timeline's a CSV streams. */
    private List<String> firstMeetingSummaries(RelationPair pair) {
        List<TimelineItem> streamed = new ArrayList<>();
        timeline.forEach(pair, 1, streamed::add);
        List<TimelineItem> all = new ArrayList<>(timeline.of(pair, PageRequest.of(0, 100)).getContent());
        all.addAll(streamed);
        return all.stream().filter(item -> item.type().equals("FIRST_MEETING_SINCE_ESTABLISHMENT"))
                .map(TimelineItem::summary).toList();
    }

    @Test
    void givesEveryItemInThePagesOrderHoweverFewMeetingsItReadsAtATime() throws Exception {
        event("ESTABLISHED", "2000-01-10");
        long cu = create("/api/diplomats", "{\"name\": \"Cuban Envoy\", \"country\": \"CU\"}").get("id").asLong();
        long kr = create("/api/diplomats", "{\"name\": \"Korean Envoy\", \"country\": \"KR\"}").get("id").asLong();
        for (String date : List.of("2000-01-10", "2001-03-01", "2001-03-01", "2003-07-15", "2004-12-31", "2005-01-01",
                "2009-02-02", "2010-06-01", "2010-06-01", "2011-02-01", "2012-02-01", "2012-02-01", "2013-05-05")) {
            meeting(date, cu, kr);
        }
        event("SEVERED", "2005-01-01");
        event("RESTORED", "2010-06-01");
        RelationPair pair = RelationPair.of(new CountryCode("KR"), new CountryCode("CU"));
        List<TimelineItem> paged = timeline.of(pair, PageRequest.of(0, 1000)).getContent();
        assertThat(paged).hasSize(3 + 13 + 1);

        for (int chunk : List.of(1, 2, 5, 13, 1000)) {
            List<TimelineItem> streamed = new ArrayList<>();
            List<Integer> chunksBegun = new ArrayList<>();
            timeline.forEach(pair, chunk, streamed::add, () -> chunksBegun.add(streamed.size()));
            assertThat(streamed).as("read %s at a time", chunk).isEqualTo(paged);
            // before each read of meetings after the first (a full chunk read is followed by one more), not before
            // the first: a CSV of fewer meetings than a chunk never waits for the exports under way
            assertThat(chunksBegun).as("read %s at a time", chunk).hasSize(13 / chunk);
        }
    }

    private void event(String type, String date) throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\": \"%s\", \"date\": \"%s\"}".formatted(type, date))
                .andExpect(status().isCreated());
    }

    private long meeting(String date, long... diplomats) throws Exception {
        return create("/api/meetings", """
                {"date": "%s", "city": "Havana", "country": "CU",
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(date, diplomats[0], diplomats[1]))
                .get("id").asLong();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("content").forEach(items::add);
        return items;
    }
}
