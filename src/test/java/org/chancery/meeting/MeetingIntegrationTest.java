package org.chancery.meeting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.chancery.support.ApiIntegrationTest;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Fixtures of the meeting tests: diplomats and meetings recorded through the API. */
abstract class MeetingIntegrationTest extends ApiIntegrationTest {

    protected long diplomat(String name, String country, String title) throws Exception {
        return create("/api/diplomats", """
                {"name": "%s", "country": "%s", "title": %s, "organization": "Ministry of Foreign Affairs"}"""
                .formatted(name, country, title == null ? "null" : "\"" + title + "\"")).get("id").asLong();
    }

    protected long meeting(String date, String city, String country, long... diplomatIds) throws Exception {
        return create("/api/meetings", meetingJson(date, city, country, diplomatIds)).get("id").asLong();
    }

    /** The ids of the page a list request answered, in order. */
    protected static List<Long> ids(ResultActions result) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : json(result).get("content")) {
            ids.add(item.get("id").asLong());
        }
        return ids;
    }

    protected static String meetingJson(String date, String city, String country, long... diplomatIds) {
        String participants = Arrays.stream(diplomatIds)
                .mapToObj(id -> "{\"diplomatId\": " + id + "}")
                .collect(Collectors.joining(", "));
        return """
                {"date": "%s", "city": "%s", "country": "%s", "title": "Talks in %s",
                 "participants": [%s]}""".formatted(date, city, country, city, participants);
    }
}
