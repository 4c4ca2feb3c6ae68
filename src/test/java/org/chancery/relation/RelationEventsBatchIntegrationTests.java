package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Several events of a pair recorded together: history that can only be back-filled as one change. */
class RelationEventsBatchIntegrationTests extends ApiIntegrationTest {

    private static final String BATCH = "/api/relations/{a}/{b}/events/batch";

    @Test
    void aSeveranceAndItsRestorationAreBackFilledTogetherBeforeAnEmbassyThatEitherAloneWouldContradict()
            throws Exception {
        recordEvent("FJ", "TO", "ESTABLISHED", "1970-10-10");
        long embassy = planMission("FJ", "TO", "EMBASSY", "Nuku'alofa");
        openMission(embassy, "1980-01-01").andExpect(status().isOk());
        postAsEditor("/api/relations/FJ/TO/events", "{\"type\": \"SEVERED\", \"date\": \"1975-01-01\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                .andExpect(jsonPath("$.detail").value(containsString("EMBASSY " + embassy + " ")));
        postAsEditor("/api/relations/FJ/TO/events", "{\"type\": \"RESTORED\", \"date\": \"1978-01-01\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"));

        postAsEditor(BATCH, """
                {"events": [{"type": "RESTORED", "date": "1978-01-01", "note": "Exchange of notes"},
                            {"type": "SEVERED", "date": "1975-01-01", "datePrecision": "YEAR"}]}""", "TO", "FJ")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.events[*].type").value(contains("SEVERED", "RESTORED")))
                .andExpect(jsonPath("$.events[0].date").value("1975-01-01"))
                .andExpect(jsonPath("$.events[0].datePrecision").value("YEAR"))
                .andExpect(jsonPath("$.events[0].affectedMissions", hasSize(0)))
                .andExpect(jsonPath("$.events[1].note").value("Exchange of notes"));

        getJson("/api/relations/FJ/TO?asOf=1976-06-01").andExpect(jsonPath("$.status").value("SEVERED"));
        getJson("/api/relations/FJ/TO?asOf=1979-06-01").andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.since").value("1978-01-01"));
        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("OPEN"));
        JsonNode changes = json(mvc.perform(get("/api/changes?kind=event").with(httpBasic("editor", "editor-secret"))));
        assertThat(changes.get("content")).as("each event in the change feed").hasSize(3);
    }

    @Test
    void aSeveranceAndItsRestorationRecordedTogetherAreDeletedTogetherWhereEitherAloneIsRefused() throws Exception {
        recordEvent("FJ", "TO", "ESTABLISHED", "1970-10-10");
        long embassy = planMission("FJ", "TO", "EMBASSY", "Nuku'alofa");
        openMission(embassy, "1980-01-01").andExpect(status().isOk());
        JsonNode recorded = json(postAsEditor(BATCH, """
                {"events": [{"type": "SEVERED", "date": "1975-01-01"}, {"type": "RESTORED", "date": "1978-01-01"}]}""",
                "FJ", "TO").andExpect(status().isCreated()));
        long severance = recorded.get("events").get(0).get("id").asLong();
        long restoration = recorded.get("events").get(1).get("id").asLong();
        deleteAsEditor("/api/relations/FJ/TO/events/{id}", restoration).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"));
        deleteAsEditor("/api/relations/FJ/TO/events/{id}", severance).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"));

        deleteAsEditor("/api/relations/TO/FJ/events?id={s}&id={r}&id={s}", severance, restoration, severance)
                .andExpect(status().isNoContent());

        getJson("/api/relations/FJ/TO").andExpect(jsonPath("$.events[*].type").value(contains("ESTABLISHED")))
                .andExpect(jsonPath("$.since").value("1970-10-10"));
        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("OPEN"));
        JsonNode changes = json(mvc.perform(get("/api/changes?kind=event").with(httpBasic("editor", "editor-secret"))))
                .get("content");
        assertThat(changes.valueStream().map(change -> change.get("action").asString() + " "
                + change.get("id").asString()).toList()).as("each event deleted, in the change feed, once")
                .endsWith("DELETED " + severance, "DELETED " + restoration);
    }

    @Test
    void aSeveranceDeletedWithALaterRestorationKeepsWhatItClosedAndIsRefusedWhileThatRemains() throws Exception {
        recordEvent("FJ", "TO", "ESTABLISHED", "1970-10-10");
        long first = planMission("FJ", "TO", "EMBASSY", "Nuku'alofa");
        openMission(first, "1972-01-01").andExpect(status().isOk());
        JsonNode recorded = json(postAsEditor(BATCH, """
                {"events": [{"type": "SEVERED", "date": "1975-01-01"}, {"type": "RESTORED", "date": "1978-01-01"}]}""",
                "FJ", "TO").andExpect(status().isCreated()));
        long second = planMission("FJ", "TO", "EMBASSY", "Nuku'alofa");
        openMission(second, "1980-01-01").andExpect(status().isOk());

        // the first embassy, open again from 1972, would be open beside the second (R7): it stays closed
        deleteAsEditor("/api/relations/FJ/TO/events?id={s}&id={r}", recorded.get("events").get(0).get("id").asLong(),
                recorded.get("events").get(1).get("id").asLong())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                .andExpect(jsonPath("$.detail").value("EMBASSY " + first + " was closed by the severance of 1975-01-01; "
                        + "the history would no longer have that severance. A severance deleted with a later restoration "
                        + "keeps what it closed and ended: delete the restoration alone first, then the severance, which "
                        + "takes them with it as the last of the history."));
        getJson("/api/missions/{id}", first).andExpect(jsonPath("$.status").value("CLOSED"));
        getJson("/api/relations/FJ/TO").andExpect(jsonPath("$.events", hasSize(3)));
    }

    @Test
    void aSeveranceAndARestorationThatNothingFollowedAreDeletedOneAfterTheOtherTakingTheEffectsBack() throws Exception {
        recordEvent("FJ", "TO", "ESTABLISHED", "1970-10-10");
        long embassy = planMission("FJ", "TO", "EMBASSY", "Nuku'alofa");
        openMission(embassy, "1972-01-01").andExpect(status().isOk());
        long severance = recordEvent("FJ", "TO", "SEVERED", "1975-01-01").get("id").asLong();
        long restoration = recordEvent("FJ", "TO", "RESTORED", "1978-01-01").get("id").asLong();

        deleteAsEditor("/api/relations/FJ/TO/events?id={s}&id={r}", severance, restoration)
                .andExpect(status().isConflict());
        deleteAsEditor("/api/relations/FJ/TO/events/{id}", restoration).andExpect(status().isNoContent());
        deleteAsEditor("/api/relations/FJ/TO/events/{id}", severance).andExpect(status().isNoContent());
        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void aSeveranceOfAStateThatHasCeasedToExistKeepsWhatItClosed() throws Exception {
        // the German Democratic Republic ceased to exist on 1990-10-02: an embassy in it open again would be open today
        recordEvent("DD", "GH", "ESTABLISHED", "1960-01-01");
        long embassy = planMission("GH", "DD", "EMBASSY", "East Berlin");
        openMission(embassy, "1961-01-01").andExpect(status().isOk());
        long severance = recordEvent("DD", "GH", "SEVERED", "1980-01-01").get("id").asLong();

        deleteAsEditor("/api/relations/DD/GH/events/{id}", severance).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                .andExpect(jsonPath("$.detail").value(containsString("A severance of a country that has ceased to "
                        + "exist keeps what it closed and ended")));
        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void aDeletionOfSeveralEventsThatCannotBeDoneDeletesNone() throws Exception {
        long established = recordEvent("FJ", "TO", "ESTABLISHED", "1970-10-10").get("id").asLong();
        long severed = recordEvent("FJ", "TO", "SEVERED", "1975-01-01").get("id").asLong();
        long elsewhere = recordEvent("FJ", "WS", "ESTABLISHED", "1970-10-10").get("id").asLong();
        String events = "/api/relations/FJ/TO/events";

        deleteAsEditor(events + "?id={a}&id={b}", severed, elsewhere).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("The relation FJ–TO has no event " + elsewhere + "."));
        deleteAsEditor(events + "?id={a}", established).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"))
                .andExpect(jsonPath("$.detail").value(containsString("Without ESTABLISHED on 1970-10-10 (event "
                        + established + ")")));
        deleteAsEditor(events + "?id=").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        deleteAsEditor(events).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        for (String notAnId : List.of("first", "0x1F", "99999999999999999999")) {
            deleteAsEditor(events + "?id={id}", notAnId).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.detail").value(containsString("'" + notAnId + "'")));
        }
        StringBuilder many = new StringBuilder(events + "?id=" + severed);
        for (int id = 1; id <= 20; id++) {
            many.append("&id=").append(severed + 1000 + id);
        }
        deleteAsEditor(many.toString()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("not 21")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(events + "?id="
                + severed)).andExpect(status().isUnauthorized());

        getJson("/api/relations/FJ/TO").andExpect(jsonPath("$.events", hasSize(2)))
                .andExpect(jsonPath("$.status").value("SEVERED"));
    }

    @Test
    void eventsOfOneDayAreNumberedAndAnsweredAsTheHistoryAppliesThemConsularFirst() throws Exception {
        JsonNode answer = json(postAsEditor(BATCH, """
                {"events": [{"type": "ESTABLISHED", "date": "1960-01-01"},
                            {"type": "CONSULAR_ESTABLISHED", "date": "1960-01-01"}]}""", "IT", "ES")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/relations/ES/IT"))
                .andExpect(jsonPath("$.events[*].type").value(contains("CONSULAR_ESTABLISHED", "ESTABLISHED"))));
        assertThat(answer.get("events").get(0).get("id").asLong())
                .isLessThan(answer.get("events").get(1).get("id").asLong());
        getJson("/api/relations/ES/IT").andExpect(jsonPath("$.events[*].type")
                .value(contains("CONSULAR_ESTABLISHED", "ESTABLISHED")));
    }

    @Test
    void aSeveranceInTheBatchClosesWhatIsOpenThatDayAndListsIt() throws Exception {
        recordEvent("FJ", "TO", "ESTABLISHED", "1970-10-10");
        long embassy = planMission("FJ", "TO", "EMBASSY", "Nuku'alofa");
        openMission(embassy, "1972-01-01").andExpect(status().isOk());

        postAsEditor(BATCH, """
                {"events": [{"type": "SEVERED", "date": "1975-01-01"}, {"type": "RESTORED", "date": "1978-01-01"}]}""",
                "FJ", "TO")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.events[0].affectedMissions[*].id").value(contains((int) embassy)))
                .andExpect(jsonPath("$.events[1].affectedMissions", hasSize(0)));
        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedOn").value("1975-01-01"))
                .andExpect(jsonPath("$.closingReason").value("RELATIONS_SEVERED"));
    }

    @Test
    void aBatchIsRecordedWholeOrNotAtAllAndTheFirstRefusalAnswers() throws Exception {
        recordEvent("FJ", "TO", "ESTABLISHED", "1970-10-10");

        postAsEditor(BATCH, """
                {"events": [{"type": "SEVERED", "date": "1975-01-01"}, {"type": "SEVERED", "date": "1976-01-01"}]}""",
                "FJ", "TO")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"));
        postAsEditor(BATCH, """
                {"events": [{"type": "SEVERED", "date": "1975-01-01"}, {"type": "RESTORED", "date": "2999-01-01"}]}""",
                "FJ", "TO")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"));
        postAsEditor(BATCH, """
                {"events": [{"type": "SEVERED", "date": "1975-01-01"}, {"type": "RESTORED", "date": "1500-01-01"}]}""",
                "FJ", "TO")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("events[1].date"));
        postAsEditor(BATCH, "{\"events\": []}", "FJ", "TO")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events"));
        postAsEditor(BATCH, "{\"events\": [" + "{\"type\": \"SEVERED\", \"date\": \"1975-01-01\"},".repeat(20)
                + "{\"type\": \"RESTORED\", \"date\": \"1978-01-01\"}]}", "FJ", "TO")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events"));
        postAsEditor(BATCH, "{}", "FJ", "TO")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events"));
        postAsEditor(BATCH, "{\"events\": [{\"type\": \"SEVERED\", \"date\": \"1975-01-01\"}]}", "FJ", "FJ")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SAME_COUNTRY"));
        mvc.perform(post(BATCH, "FJ", "TO").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\": [{\"type\": \"SEVERED\", \"date\": \"1975-01-01\"}]}"))
                .andExpect(status().isUnauthorized());

        getJson("/api/relations/FJ/TO/timeline")
                .andExpect(jsonPath("$.content[*].type").value(contains("ESTABLISHED")));
        JsonNode changes = json(mvc.perform(get("/api/changes?kind=event").with(httpBasic("editor", "editor-secret"))));
        assertThat(changes.get("content")).as("the establishment only").hasSize(1);
    }

    @Test
    void theBatchPathReadOrDeletedIsAMethodItDoesNotAllowWhileAnEventIdThatIsNoNumberStaysMalformed()
            throws Exception {
        getJson(BATCH, "FJ", "TO")
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "OPTIONS,POST"))
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
        deleteAsEditor(BATCH, "FJ", "TO")
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "OPTIONS,POST"));
        getJson("/api/relations/FJ/TO/events/batches")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        deleteAsEditor("/api/relations/FJ/TO/events/abc")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        long id = recordEvent("FJ", "TO", "ESTABLISHED", "1970-10-10").get("id").asLong();
        getJson("/api/relations/FJ/TO/events/{id}", id).andExpect(jsonPath("$.type").value("ESTABLISHED"));
    }
}
