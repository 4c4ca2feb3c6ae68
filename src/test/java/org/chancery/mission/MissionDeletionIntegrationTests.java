package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * A mission or a head of mission recorded by mistake is deleted as if never recorded, unless R21 keeps it; an embassy
 * still open gives back what its opening superseded (R8 undone).
 */
class MissionDeletionIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void cubaAndSouthKoreaEstablished() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "2024-02-14");
    }

    private ResultActions deleteIfMatch(String ifMatch, String url, Object... vars) throws Exception {
        return mvc.perform(delete(url, vars).header("If-Match", ifMatch).with(httpBasic("editor", "editor-secret")));
    }

    private String etagOf(long mission) throws Exception {
        return getJson("/api/missions/{id}", mission).andReturn().getResponse().getHeader("ETag");
    }

    private long appoint(long mission, String name, String startedOn) throws Exception {
        long diplomat = newDiplomat(name, "CU");
        return create("/api/missions/" + mission + "/heads", "{\"diplomatId\":" + diplomat
                + ",\"rank\":\"CHARGE_D_AFFAIRES_AD_INTERIM\",\"startedOn\":\"" + startedOn + "\"}").get("id").asLong();
    }

    private long lastSeq() throws Exception {
        return changesAfter(0).stream().mapToLong(change -> change.get("seq").asLong()).max().orElse(0);
    }

    private List<JsonNode> changesAfter(long seq) throws Exception {
        List<JsonNode> changes = new ArrayList<>();
        json(mvc.perform(get("/api/changes?after=" + seq + "&size=500").with(httpBasic("editor", "editor-secret"))))
                .get("content").forEach(changes::add);
        return changes;
    }

    private static String described(JsonNode change) {
        return change.get("action").asString() + " " + change.get("kind").asString() + " "
                + change.get("id").asString();
    }

    @Test
    void deletesAnOpenMissionAsIfItHadNeverBeenRecorded() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        openMission(embassy, "2024-06-01").andExpect(status().isOk());
        long seq = lastSeq();

        deleteIfMatch(etagOf(embassy), "/api/missions/{id}", embassy).andExpect(status().isNoContent());

        getJson("/api/missions/{id}", embassy).andExpect(status().isNotFound());
        getJson("/api/missions?country=KR").andExpect(jsonPath("$.content", hasSize(0)));
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.missions", hasSize(0)));
        assertThat(getJson("/api/relations/CU/KR/timeline").andReturn().getResponse().getContentAsString())
                .doesNotContain("MISSION_OPENED");
        assertThat(changesAfter(seq)).singleElement().satisfies(change -> {
            assertThat(described(change)).isEqualTo("DELETED mission " + embassy);
            assertThat(change.get("countries").toString()).isEqualTo("[\"CU\",\"KR\"]");
        });
        // the direction's embassy slot (R7) is free again: the embassy recorded in its place opens that day
        openMission(planMission("CU", "KR", "EMBASSY", "Seoul"), "2024-06-01").andExpect(status().isOk());
    }

    @Test
    void deletesAPlannedOrCancelledMission() throws Exception {
        long planned = planMission("KR", "CU", "EMBASSY", "Havana");
        long cancelled = planMission("KR", "CU", "CONSULATE_GENERAL", "Havana");
        postAsEditor("/api/missions/{id}/cancel", null, cancelled).andExpect(status().isOk());

        deleteAsEditor("/api/missions/{id}", planned).andExpect(status().isNoContent());
        deleteAsEditor("/api/missions/{id}", cancelled).andExpect(status().isNoContent());

        getJson("/api/missions?country=CU").andExpect(jsonPath("$.content", hasSize(0)));
    }

    @Test
    void refusesAStaleIfMatchAndKeepsTheMission() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        String planned = etagOf(embassy);
        openMission(embassy, "2024-06-01").andExpect(status().isOk());

        deleteIfMatch(planned, "/api/missions/{id}", embassy).andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("VERSION_MISMATCH"));

        getJson("/api/missions/{id}", embassy).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void refusesToDeleteAMissionWithAHeadUntilTheHeadIsDeletedFirst() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        openMission(embassy, "2024-06-01").andExpect(status().isOk());
        long head = appoint(embassy, "Chargé ad interim", "2024-06-01");

        refused(deleteAsEditor("/api/missions/{id}", embassy), 409, "RESOURCE_IN_USE", "R21")
                .andExpect(jsonPath("$.detail").value("Mission " + embassy + " (CU in KR) cannot be deleted: head of "
                        + "mission " + head + " (Chargé ad interim) is recorded on it; delete that head first."));
        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads", hasSize(1)));

        String before = etagOf(embassy);
        long seq = lastSeq();
        deleteIfMatch(before, "/api/missions/{id}/heads/{head}", embassy, head).andExpect(status().isNoContent());

        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads", hasSize(0)))
                .andExpect(jsonPath("$.currentHead").value((Object) null))
                .andExpect(header().string("ETag", not(before)));
        getJson("/api/missions/{id}/heads/{head}", embassy, head).andExpect(status().isNotFound());
        assertThat(changesAfter(seq)).extracting(MissionDeletionIntegrationTests::described)
                .containsExactly("DELETED head " + head, "UPDATED mission " + embassy);

        deleteAsEditor("/api/missions/{id}", embassy).andExpect(status().isNoContent());
    }

    @Test
    void deletesOneHeadAndKeepsTheOthersInTheirPlaces() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        openMission(embassy, "2024-06-01").andExpect(status().isOk());
        long first = appoint(embassy, "Chargé ad interim", "2024-06-01");
        postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2025-01-08\"}", embassy, first)
                .andExpect(status().isOk());
        long mistaken = appoint(embassy, "Recorded by mistake", "2025-01-08");

        deleteAsEditor("/api/missions/{id}/heads/{head}", embassy, mistaken).andExpect(status().isNoContent());

        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads", hasSize(1)))
                .andExpect(jsonPath("$.heads[0].id").value(first));
        // the period the mistaken head held is free for the head who really served (R16)
        appoint(embassy, "Claudio Monzón Baeza", "2025-01-08");
    }

    @Test
    void refusesAStaleIfMatchOnAHeadsDeletionAndKeepsTheHead() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        openMission(embassy, "2024-06-01").andExpect(status().isOk());
        String opened = etagOf(embassy);
        long head = appoint(embassy, "Chargé ad interim", "2024-06-01");

        deleteIfMatch(opened, "/api/missions/{id}/heads/{head}", embassy, head)
                .andExpect(status().isPreconditionFailed());

        getJson("/api/missions/{id}/heads/{head}", embassy, head).andExpect(status().isOk());
    }

    @Test
    void answersNotFoundForAnUnknownMissionOrAHeadOfAnotherMission() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        openMission(embassy, "2024-06-01").andExpect(status().isOk());
        long other = planMission("CU", "KR", "CONSULATE_GENERAL", "Busan");
        long head = appoint(embassy, "Chargé ad interim", "2024-06-01");

        deleteAsEditor("/api/missions/{id}", 424242).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        deleteAsEditor("/api/missions/{id}/heads/{head}", other, head).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Mission " + other + " has no head of mission " + head + "."));
        deleteAsEditor("/api/missions/{id}/heads/{head}", 424242, head).andExpect(status().isNotFound());

        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads", hasSize(1)));
    }

    @Test
    void answersNotFoundForAHeadTheMissionDoesNotHaveWhateverItsIfMatchSays() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        long other = planMission("CU", "KR", "CONSULATE_GENERAL", "Busan");
        String stale = etagOf(embassy);
        openMission(embassy, "2024-06-01").andExpect(status().isOk());
        long head = appoint(embassy, "Chargé ad interim", "2024-06-01");

        // without If-Match the request is answered 404, and so it is with one (RFC 9110, 13.2.1): the head is not there
        deleteIfMatch(stale, "/api/missions/{id}/heads/{head}", other, head).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Mission " + other + " has no head of mission " + head + "."));
        postAsEditorIfMatch("\"7\"", "/api/missions/{id}/heads/{head}/end", "{\"date\":\"2025-01-08\"}", other, head)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        // the head that is there is still guarded by the mission's version
        deleteIfMatch(stale, "/api/missions/{id}/heads/{head}", embassy, head)
                .andExpect(status().isPreconditionFailed());

        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads", hasSize(1)));
    }

    @Test
    void letsOnlyAnEditorDelete() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");

        mvc.perform(delete("/api/missions/{id}", embassy)).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/missions/{id}", embassy).with(httpBasic("reader", "reader-secret")))
                .andExpect(status().isForbidden());

        getJson("/api/missions/{id}", embassy).andExpect(status().isOk());
    }

    @Test
    void deletingAnEmbassyStillOpenReopensTheOfficeItSupersededWithItsHead() throws Exception {
        long office = planMission("KR", "CU", "PROVISIONAL_OFFICE", "Havana");
        openMission(office, "2024-06-01").andExpect(status().isOk());
        long head = create("/api/missions/" + office + "/heads", "{\"diplomatId\":" + newDiplomat("Kim", "KR")
                + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"2024-07-01\"}").get("id").asLong();
        long embassy = planMission("KR", "CU", "EMBASSY", "Havana");
        openMission(embassy, "2025-01-17").andExpect(status().isOk());
        getJson("/api/missions/{id}/heads/{head}", office, head).andExpect(jsonPath("$.endedOn").value("2025-01-17"));
        String superseded = etagOf(office);
        long seq = lastSeq();

        deleteAsEditor("/api/missions/{id}", embassy).andExpect(status().isNoContent());

        getJson("/api/missions/{id}", office).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.closedOn").value((Object) null))
                .andExpect(jsonPath("$.closingReason").value((Object) null))
                .andExpect(jsonPath("$.successorId").value((Object) null))
                .andExpect(jsonPath("$.currentHead.id").value(head))
                .andExpect(header().string("ETag", not(superseded)));
        getJson("/api/missions/{id}/heads/{head}", office, head).andExpect(jsonPath("$.endedOn").value((Object) null));
        assertThat(changesAfter(seq)).extracting(MissionDeletionIntegrationTests::described).containsExactly(
                "DELETED mission " + embassy, "UPDATED mission " + office, "UPDATED head " + head);
        // the embassy really opened later: its opening supersedes the office again
        long later = planMission("KR", "CU", "EMBASSY", "Havana");
        openMission(later, "2025-03-01").andExpect(status().isOk())
                .andExpect(jsonPath("$.predecessorId").value(office));
        getJson("/api/missions/{id}/heads/{head}", office, head).andExpect(jsonPath("$.endedOn").value("2025-03-01"));
    }

    @Test
    void deletingAnEmbassyStillOpenGivesTheLegationItSupersededItsEmbassySlotAgain() throws Exception {
        long legation = planMission("CU", "KR", "LEGATION", "Seoul");
        openMission(legation, "2024-03-01").andExpect(status().isOk());
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        openMission(embassy, "2024-09-01").andExpect(status().isOk());

        deleteAsEditor("/api/missions/{id}", embassy).andExpect(status().isNoContent());

        getJson("/api/missions/{id}", legation).andExpect(jsonPath("$.status").value("OPEN"));
        // R7: the legation holds the direction's one embassy-class slot again, which a second legation cannot take
        long another = planMission("CU", "KR", "LEGATION", "Busan");
        refused(openMission(another, "2024-10-01"), 409, "EMBASSY_ALREADY_OPEN", "R7");
    }

    @Test
    void refusesToDeleteAnEmbassyClosedSinceOrTheMissionItSuperseded() throws Exception {
        long office = planMission("KR", "CU", "PROVISIONAL_OFFICE", "Havana");
        openMission(office, "2024-06-01").andExpect(status().isOk());
        long embassy = planMission("KR", "CU", "EMBASSY", "Havana");
        openMission(embassy, "2025-01-17").andExpect(status().isOk());

        refused(deleteAsEditor("/api/missions/{id}", office), 409, "RESOURCE_IN_USE", "R21")
                .andExpect(jsonPath("$.detail").value(containsString("mission " + embassy + " superseded it (R8)")));
        closeMission(embassy, "2025-06-01").andExpect(status().isOk());
        refused(deleteAsEditor("/api/missions/{id}", embassy), 409, "RESOURCE_IN_USE", "R21")
                .andExpect(jsonPath("$.detail").value(containsString("it superseded mission " + office
                        + " when it opened (R8) and has closed since")));

        getJson("/api/missions/{id}", office).andExpect(jsonPath("$.successorId").value(embassy))
                .andExpect(jsonPath("$.status").value("CLOSED"));
        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.predecessorId").value(office));
    }

    @Test
    void refusesToDeleteAnEmbassyNamedByAClosingRecordedWithItsReason() throws Exception {
        long embassy = planMission("KR", "CU", "EMBASSY", "Havana");
        openMission(embassy, "2025-01-17").andExpect(status().isOk());
        long office = planMission("KR", "CU", "PROVISIONAL_OFFICE", "Havana");
        // as an export reads: the office closed as the embassy opened, recorded so, not by the opening
        openClosedFor(office, "2024-06-01", "2025-01-17", "SUPERSEDED").andExpect(status().isOk())
                .andExpect(jsonPath("$.successorId").value(embassy));

        refused(deleteAsEditor("/api/missions/{id}", embassy), 409, "RESOURCE_IN_USE", "R21")
                .andExpect(jsonPath("$.detail").value(containsString("the closing of mission " + office
                        + " on 2025-01-17 (SUPERSEDED) was recorded as such, not given by its opening, and stays")));

        getJson("/api/missions/{id}", office).andExpect(jsonPath("$.status").value("CLOSED"));
        getJson("/api/missions/{id}", embassy).andExpect(status().isOk());
    }

    @Test
    void refusesToDeleteAnEmbassyWhoseOpeningClosedAMissionBeforeChanceryKeptThat() throws Exception {
        long office = planMission("KR", "CU", "PROVISIONAL_OFFICE", "Havana");
        openMission(office, "2024-06-01").andExpect(status().isOk());
        long embassy = planMission("KR", "CU", "EMBASSY", "Havana");
        openMission(embassy, "2025-01-17").andExpect(status().isOk());
        // as a release before V34 left it: the closing with no mark of the opening that gave it
        jdbc.sql("update mission set closed_by_supersession = false where id = ?").param(office).update();

        refused(deleteAsEditor("/api/missions/{id}", embassy), 409, "RESOURCE_IN_USE", "R21")
                .andExpect(jsonPath("$.detail").value(containsString("the closing of mission " + office)));

        getJson("/api/missions/{id}", office).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void refusesToDeleteAnEmbassyWhoseOpeningClosedAnInterestsSection() throws Exception {
        recordEvent("US", "CU", "ESTABLISHED", "1902-05-20");
        recordEvent("US", "CU", "SEVERED", "1961-01-03");
        recordEvent("CH", "CU", "ESTABLISHED", "1902-01-01");
        long section = create("/api/missions", "{\"sendingCountry\":\"US\",\"receivingCountry\":\"CU\",\"type\":"
                + "\"INTERESTS_SECTION\",\"city\":\"Havana\",\"protectingPower\":\"CH\"}").get("id").asLong();
        openMission(section, "1977-09-01").andExpect(status().isOk());
        recordEvent("US", "CU", "RESTORED", "2015-07-20");
        long embassy = planMission("US", "CU", "EMBASSY", "Havana");
        openMission(embassy, "2015-07-20").andExpect(status().isOk());

        refused(deleteAsEditor("/api/missions/{id}", embassy), 409, "RESOURCE_IN_USE", "R21")
                .andExpect(jsonPath("$.detail").value(containsString("its opening closed interests section " + section
                        + " (R8)")));

        getJson("/api/missions/{id}", section).andExpect(jsonPath("$.closingReason").value("SUPERSEDED"));
    }

    @Test
    void refusesToDeleteAMissionAMilestoneNamesUntilTheMilestoneIsDeleted() throws Exception {
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        long milestone = create("/api/relations/CU/KR/milestones",
                "{\"title\":\"Embassy opens\",\"target\":\"2024\",\"missionId\":" + embassy + "}").get("id").asLong();

        refused(deleteAsEditor("/api/missions/{id}", embassy), 409, "RESOURCE_IN_USE", "R21")
                .andExpect(jsonPath("$.detail").value("Mission " + embassy + " (CU in KR) cannot be deleted: "
                        + "milestone " + milestone + " names it."));

        deleteAsEditor("/api/milestones/{id}", milestone).andExpect(status().isNoContent());
        deleteAsEditor("/api/missions/{id}", embassy).andExpect(status().isNoContent());
    }

    @Test
    void refusesToDeleteAMissionAnAccreditationIsServedFrom() throws Exception {
        recordEvent("BB", "US", "ESTABLISHED", "1966-11-30");
        recordEvent("AG", "US", "ESTABLISHED", "1981-11-01");
        long bridgetown = planMission("US", "BB", "EMBASSY", "Bridgetown");
        openMission(bridgetown, "1966-11-30").andExpect(status().isOk());
        long accreditation = create("/api/relations/AG/US/accreditations", """
                {"sendingCountry": "US", "receivingCountry": "AG", "level": "AMBASSADOR", "from": "1994-06-30",
                 "residentMissionId": %s}""".formatted(bridgetown)).get("id").asLong();

        refused(deleteAsEditor("/api/missions/{id}", bridgetown), 409, "RESOURCE_IN_USE", "R21")
                .andExpect(jsonPath("$.detail").value(containsString("accreditation " + accreditation
                        + ", served from it, names it.")));

        deleteAsEditor("/api/relations/AG/US/accreditations/{id}", accreditation).andExpect(status().isNoContent());
        deleteAsEditor("/api/missions/{id}", bridgetown).andExpect(status().isNoContent());
    }
}
