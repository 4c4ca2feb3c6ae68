package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.chancery.support.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class MeetingApiIntegrationTests extends MeetingIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private long chung;
    private long pereira;
    private long choi;

    @BeforeEach
    void diplomats() throws Exception {
        chung = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        pereira = diplomat("Carlos Miguel Pereira Hernández", "CU", "Director General for Bilateral Affairs");
        choi = diplomat("Choi Son Hui", "KP", "Minister of Foreign Affairs");
    }

    @Test
    void showsAndListsAMeetingExactlyAsRecordingAnsweredIt() throws Exception {
        long host = diplomat("Host", "KR", "Deputy Foreign Minister");
        long guest = diplomat("Guest", "CU", "Director General for Bilateral Affairs");
        long observer = diplomat("Observer", "JP", null);
        JsonNode recorded = create("/api/meetings", """
                {"date": "2024-05-09", "datePrecision": "MONTH", "city": "Seoul", "country": "KR",
                 "title": "First dialogue", "summary": "A long talk.", "outcomes": ["embassies", "flights"],
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s, "title": "Envoy"}, {"diplomatId": %s}],
                 "sources": [{"url": "https://www.cibercuba.com/x", "publisher": "CiberCuba"}]}"""
                .formatted(guest, host, observer));
        long id = recorded.get("id").asLong();

        JsonNode shown = json(getJson("/api/meetings/{id}", id).andExpect(status().isOk()));
        JsonNode listed = json(getJson("/api/meetings?country=KR&country=CU")).get("content").get(0);

        assertThat(shown).isEqualTo(recorded);
        assertThat(listed).isEqualTo(recorded);
        assertThat(recorded.get("participants").get(1).get("title").asString()).isEqualTo("Envoy");
        assertThat(recorded.get("countries").toString()).isEqualTo("[\"CU\",\"JP\",\"KR\"]");
        assertThat(recorded.get("hostCountry").asString()).isEqualTo("KR");
        assertThat(recorded.get("date").asString()).isEqualTo("2024-05-01");
    }

    @Test
    void recordsAMeetingWithItsDerivedCountriesKindAndHost() throws Exception {
        var answer = postAsEditor("/api/meetings", """
                {"date": "2024-05-22", "city": "Seoul", "country": "kor", "title": "First dialogue",
                 "summary": "Chung received Pereira.", "outcomes": ["agreed to open embassies as soon as possible"],
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}],
                 "sources": [{"url": "https://www.cibercuba.com/noticias/cuba-corea", "publisher": "CiberCuba"}]}"""
                .formatted(pereira, chung))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/meetings/")))
                .andExpect(jsonPath("$.date").value("2024-05-22"))
                .andExpect(jsonPath("$.datePrecision").value("DAY"))
                .andExpect(jsonPath("$.city").value("Seoul"))
                .andExpect(jsonPath("$.country").value("KR"))
                .andExpect(jsonPath("$.title").value("First dialogue"))
                .andExpect(jsonPath("$.summary").value("Chung received Pereira."))
                .andExpect(jsonPath("$.outcomes").value(contains("agreed to open embassies as soon as possible")))
                .andExpect(jsonPath("$.countries").value(contains("CU", "KR")))
                .andExpect(jsonPath("$.kind").value("VISIT"))
                .andExpect(jsonPath("$.hostCountry").value("KR"))
                .andExpect(jsonPath("$.participants[0].diplomatId").value(pereira))
                .andExpect(jsonPath("$.participants[0].name").value("Carlos Miguel Pereira Hernández"))
                .andExpect(jsonPath("$.participants[0].country").value("CU"))
                .andExpect(jsonPath("$.participants[0].title").value("Director General for Bilateral Affairs"))
                .andExpect(jsonPath("$.participants[1].name").value("Chung Byung-won"))
                .andExpect(jsonPath("$.sources[0].publisher").value("CiberCuba"));
        long id = json(answer).get("id").asLong();
        answer.andExpect(header().string("Location", "/api/meetings/" + id));

        getJson("/api/meetings/{id}", id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.kind").value("VISIT"))
                .andExpect(jsonPath("$.participants.length()").value(2))
                .andExpect(jsonPath("$.sources[0].url").value("https://www.cibercuba.com/noticias/cuba-corea"));
    }

    @Test
    void recordsAMeetingInAThirdCountryWithoutHost() throws Exception {
        postAsEditor("/api/meetings", meetingJson("2018-11-04", "New York", "US", chung, pereira))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("THIRD_LOCATION"))
                .andExpect(jsonPath("$.hostCountry").doesNotExist())
                .andExpect(jsonPath("$.countries").value(contains("CU", "KR")));
    }

    @Test
    void keepsTheTitleAParticipantHeldWhenTheMeetingWasRecorded() throws Exception {
        long id = meeting("2024-05-22", "Seoul", "KR", chung, pereira);

        putAsEditor("/api/diplomats/{id}", """
                {"name": "Chung Byung-won", "country": "KR", "title": "Vice Foreign Minister"}""", chung)
                .andExpect(status().isOk());

        getJson("/api/meetings/{id}", id)
                .andExpect(jsonPath("$.participants[0].title").value("Deputy Foreign Minister"));
    }

    @Test
    void showsTheCurrentNameOfAParticipant() throws Exception {
        long id = meeting("2024-05-22", "Seoul", "KR", chung, pereira);

        putAsEditor("/api/diplomats/{id}", """
                {"name": "Chung Byung-won (정병원)", "country": "KR", "title": "Deputy Foreign Minister"}""", chung)
                .andExpect(status().isOk());

        getJson("/api/meetings/{id}", id)
                .andExpect(jsonPath("$.participants[0].name").value("Chung Byung-won (정병원)"));
    }

    @Test
    void keepsTheTitleTheRequestGives() throws Exception {
        postAsEditor("/api/meetings", """
                {"date": "2018-11-04", "city": "Pyongyang", "country": "KP",
                 "participants": [{"diplomatId": %s, "title": "First Vice Minister"}, {"diplomatId": %s}]}"""
                .formatted(choi, pereira))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.participants[0].title").value("First Vice Minister"))
                .andExpect(jsonPath("$.participants[1].title").value("Director General for Bilateral Affairs"))
                .andExpect(jsonPath("$.title").doesNotExist())
                .andExpect(jsonPath("$.outcomes").isEmpty())
                .andExpect(jsonPath("$.sources").isEmpty());
    }

    @Test
    void storesTheFirstDayOfAMonthPrecisionDateWhichThePairsTimelineKeeps() throws Exception {
        postAsEditor("/api/meetings", """
                {"date": "2018-11-04", "datePrecision": "MONTH", "city": "Pyongyang", "country": "KP",
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(choi, pereira))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.date").value("2018-11-01"))
                .andExpect(jsonPath("$.datePrecision").value("MONTH"));
        getJson("/api/relations/KP/CU/timeline")
                .andExpect(jsonPath("$.content[?(@.type == 'MEETING')].date").value(contains("2018-11-01")))
                .andExpect(jsonPath("$.content[?(@.type == 'MEETING')].datePrecision").value(contains("MONTH")));
    }

    @Test
    void refusesAMeetingWithOneParticipantAsTooFewParties() throws Exception {
        postAsEditor("/api/meetings", meetingJson("2024-05-22", "Seoul", "KR", chung))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("TOO_FEW_PARTIES"))
                .andExpect(jsonPath("$.rule").value("R17"));
        postAsEditor("/api/meetings", meetingJson("2024-05-22", "Seoul", "KR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TOO_FEW_PARTIES"));
    }

    @Test
    void refusesOneDiplomatListedTwiceAsTooFewPartiesAndARepeatAmongEnoughPartiesAsInvalid() throws Exception {
        long recorded = json(getJson("/api/meetings")).get("page").get("totalElements").asLong();
        postAsEditor("/api/meetings", meetingJson("2024-05-22", "Seoul", "KR", chung, chung))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TOO_FEW_PARTIES"))
                .andExpect(jsonPath("$.rule").value("R17"));
        postAsEditor("/api/meetings", meetingJson("2024-05-22", "Seoul", "KR", chung, pereira, chung))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("participants[2].diplomatId"));
        getJson("/api/meetings").andExpect(jsonPath("$.page.totalElements").value(recorded));
    }

    @Test
    void refusesAMeetingOfDiplomatsOfOneCountryAsTooFewParties() throws Exception {
        long kang = diplomat("Kang Kyung-wha", "KR", "Minister of Foreign Affairs");

        postAsEditor("/api/meetings", meetingJson("2024-05-22", "Seoul", "KR", chung, kang))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TOO_FEW_PARTIES"));
    }

    @Test
    void refusesTheSameDiplomatListedTwice() throws Exception {
        postAsEditor("/api/meetings", meetingJson("2024-05-22", "Seoul", "KR", chung, pereira, chung))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("participants[2].diplomatId"));
    }

    @Test
    void refusesAnUnknownDiplomatOrCountryAsUnknownReference() throws Exception {
        postAsEditor("/api/meetings", meetingJson("2024-05-22", "Seoul", "KR", chung, 999_999))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_REFERENCE"))
                .andExpect(jsonPath("$.rule").value("R18"))
                .andExpect(jsonPath("$.detail").value(containsString("999999")));
        postAsEditor("/api/meetings", meetingJson("2024-05-22", "Atlantis", "ZZ", chung, pereira))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_REFERENCE"))
                .andExpect(jsonPath("$.detail").value(containsString("country")));
    }

    @Test
    void answersAnotherConstraintThanADiplomatsKeyAsAConflictNotAsADiplomatDeletedMeanwhile() throws Exception {
        // a constraint the code does not know, as an instance left running on an older build meets a newer schema's
        jdbc.execute("alter table meeting add constraint ck_meeting_test_city check (city <> 'Checkpoint')");
        try {
            postAsEditor("/api/meetings", meetingJson("2024-05-22", "Checkpoint", "KR", chung, pereira))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.rule").value("R20"));
        } finally {
            jdbc.execute("alter table meeting drop constraint ck_meeting_test_city");
        }
        getJson("/api/meetings?country=KR").andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void refusesAMeetingAfterTodayAsDateInFuture() throws Exception {
        postAsEditor("/api/meetings", meetingJson("2026-06-02", "Seoul", "KR", chung, pereira))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"))
                .andExpect(jsonPath("$.rule").value("R3"));
        postAsEditor("/api/meetings", meetingJson("2026-06-01", "Seoul", "KR", chung, pereira))
                .andExpect(status().isCreated());
    }

    @Test
    void keepsTextAsGivenBarWhatIsNotSeenAroundIt() throws Exception {
        // an outcome of a control character passed validation and was trimmed to "", one in ideographic spaces
        // kept them; one of a control character alone is blank
        long host = diplomat("Host", "KR", null);
        long guest = diplomat("Guest", "CU", null);
        String meeting = """
                {"date": "2024-05-22", "country": "KR", "title": "\\u3000Talks\\u00a0",
                 "outcomes": ["\\u3000embassies\\u3000", "\\u200bcon\\u0001sulates\\u0001"%s],
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""";
        postAsEditor("/api/meetings", meeting.formatted("", host, guest))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Talks"))
                .andExpect(jsonPath("$.outcomes").value(contains("embassies", "con\u0001sulates")));
        postAsEditor("/api/meetings", meeting.formatted(", \"\\u0001\"", host, guest))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcomes[2]"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
    }

    @Test
    void refusesAnIncompleteMeetingWithTheFieldsNamed() throws Exception {
        postAsEditor("/api/meetings", "{\"city\": \"Seoul\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("date", "country", "participants")));
        postAsEditor("/api/meetings", """
                {"date": "2024-05-22", "country": "KR", "outcomes": [" "],
                 "participants": [{"title": "Minister"}, null],
                 "sources": [{"url": "ftp://example.org/notes"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("outcomes[0]",
                        "participants[0].diplomatId", "participants[1]", "sources[0].url")));
    }

    @Test
    void refusesABadDateOrPrecisionWithTheFieldNamed() throws Exception {
        postAsEditor("/api/meetings", """
                {"date": "2024-13-45", "country": "KR", "participants": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        postAsEditor("/api/meetings", """
                {"date": "2024-05-22", "datePrecision": "WEEK", "country": "KR", "participants": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("datePrecision"));
        postAsEditor("/api/meetings", "{not json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void refusesWritesWithoutCredentials() throws Exception {
        long id = meeting("2024-05-22", "Seoul", "KR", chung, pereira);

        mvc.perform(post("/api/meetings").contentType(MediaType.APPLICATION_JSON)
                        .content(meetingJson("2024-05-22", "Seoul", "KR", chung, pereira)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        mvc.perform(delete("/api/meetings/{id}", id))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        getJson("/api/meetings/{id}", id).andExpect(status().isOk());
    }

    @Test
    void refusesWritesToAUserWithoutTheEditorRole() throws Exception {
        long id = meeting("2024-05-22", "Seoul", "KR", chung, pereira);

        mvc.perform(post("/api/meetings").with(httpBasic("reader", "reader-secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(meetingJson("2024-05-22", "Seoul", "KR", chung, pereira)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(delete("/api/meetings/{id}", id).with(httpBasic("reader", "reader-secret")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void answersAnUnknownMeetingWithNotFound() throws Exception {
        getJson("/api/meetings/{id}", 424242)
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.instance").value("/api/meetings/424242"));
        deleteAsEditor("/api/meetings/{id}", 424242)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        getJson("/api/meetings/seoul")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void deletesAMeeting() throws Exception {
        long id = meeting("2024-05-22", "Seoul", "KR", chung, pereira);

        deleteAsEditor("/api/meetings/{id}", id).andExpect(status().isNoContent());

        getJson("/api/meetings/{id}", id).andExpect(status().isNotFound());
        getJson("/api/meetings?country=KR").andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void ofParallelDeletionsOfOneMeetingOneDeletesItAndTheOthersFindNothing() throws Exception {
        long id = meeting("2024-05-22", "Seoul", "KR", chung, pereira);

        List<Integer> statuses = Parallel.run(Collections.nCopies(6, (Callable<Integer>)
                () -> deleteAsEditor("/api/meetings/{id}", id).andReturn().getResponse().getStatus()));

        assertThat(statuses).containsOnly(204, 404);
        assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
        getJson("/api/meetings?country=KR").andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void listsMeetingsNewestFirst() throws Exception {
        long first = meeting("2018-11-04", "Pyongyang", "KP", choi, pereira);
        long second = meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        long sameDay = meeting("2024-05-22", "Seoul", "KR", chung, choi);

        var page = getJson("/api/meetings")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.size").value(20))
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.totalPages").value(1));
        assertThat(ids(page)).containsExactly(sameDay, second, first);
        assertThat(ids(getJson("/api/meetings?sort=date,asc"))).containsExactly(first, second, sameDay);
        var second1 = getJson("/api/meetings?size=1&page=1")
                .andExpect(jsonPath("$.content[0].participants[*].name")
                        .value(contains("Chung Byung-won", "Carlos Miguel Pereira Hernández")))
                .andExpect(jsonPath("$.page.totalPages").value(3));
        assertThat(ids(second1)).containsExactly(second);
    }

    @Test
    void sortsAllMeetingsOrTheDatedOnesByTheFieldGiven() throws Exception {
        long havana = meeting("2024-12-31", "Havana", "CU", chung, pereira);
        long pyongyang = meeting("2018-11-04", "Pyongyang", "KP", choi, pereira);
        long seoul = meeting("2024-05-22", "Seoul", "KR", chung, pereira);

        assertThat(ids(getJson("/api/meetings?sort=id,desc"))).containsExactly(seoul, pyongyang, havana);
        assertThat(ids(getJson("/api/meetings?sort=id&size=2&page=1")
                .andExpect(jsonPath("$.page.totalElements").value(3)))).containsExactly(seoul);
        assertThat(ids(getJson("/api/meetings?sort=city,desc"))).containsExactly(seoul, pyongyang, havana);
        assertThat(ids(getJson("/api/meetings?sort=country"))).containsExactly(havana, pyongyang, seoul);
        assertThat(ids(getJson("/api/meetings?sort=id,desc&from=2018-11-04&to=2024-05-22")
                .andExpect(jsonPath("$.page.totalElements").value(2)))).containsExactly(seoul, pyongyang);
    }

    @Test
    void listsTheMeetingsInvolvingAllTheCountriesGiven() throws Exception {
        long pyongyang = meeting("2018-11-04", "Pyongyang", "KP", choi, pereira);
        long seoul = meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        long trilateral = meeting("2024-09-25", "New York", "US", chung, pereira, choi);

        assertThat(ids(getJson("/api/meetings?country=CU"))).containsExactly(trilateral, seoul, pyongyang);
        assertThat(ids(getJson("/api/meetings?country=cub&country=KOR")
                .andExpect(jsonPath("$.page.totalElements").value(2)))).containsExactly(trilateral, seoul);
        assertThat(ids(getJson("/api/meetings?country=KR&country=KP&country=CU"))).containsExactly(trilateral);
        assertThat(ids(getJson("/api/meetings?country=KR&country=KR"))).containsExactly(trilateral, seoul);
        getJson("/api/meetings?country=US")
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void listsTheMeetingsADiplomatTookPartInWithTheOtherFilters() throws Exception {
        long lee = diplomat("Lee Jae-min", "KR", "Ambassador");
        long pyongyang = meeting("2018-11-04", "Pyongyang", "KP", choi, pereira);
        long seoul = meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        long trilateral = meeting("2024-09-25", "New York", "US", chung, pereira, choi);
        meeting("2025-01-15", "Seoul", "KR", chung, choi);

        assertThat(ids(getJson("/api/meetings?diplomat=" + pereira)
                .andExpect(jsonPath("$.page.totalElements").value(3)))).containsExactly(trilateral, seoul, pyongyang);
        assertThat(ids(getJson("/api/meetings?diplomat=" + pereira + "&country=KR")))
                .containsExactly(trilateral, seoul);
        assertThat(ids(getJson("/api/meetings?diplomat=" + pereira + "&country=KR&country=KP")))
                .containsExactly(trilateral);
        assertThat(ids(getJson("/api/meetings?diplomat=" + pereira + "&to=2024-06-30&sort=date&size=1&page=1")
                .andExpect(jsonPath("$.page.totalElements").value(2)))).containsExactly(seoul);
        getJson("/api/meetings?diplomat=" + lee)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
        getJson("/api/meetings?diplomat=" + (lee + 1000))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("diplomat"));
        getJson("/api/meetings?diplomat=chung")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        mvc.perform(get("/api/meetings?diplomat=" + pereira + "&country=KP&format=csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pyongyang")))
                .andExpect(content().string(not(containsString("Seoul"))));
    }

    @Test
    void listsTheMeetingsOfOneCountryOrPairPageByPageByDate() throws Exception {
        long oldest = meeting("2015-06-01", "Havana", "CU", chung, pereira);
        long withoutKorea = meeting("2016-03-10", "Pyongyang", "KP", choi, pereira);
        long early = meeting("2018-11-04", "Seoul", "KR", chung, choi);
        long sameDayFirst = meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        long sameDaySecond = meeting("2024-05-22", "Seoul", "KR", chung, choi);
        long trilateral = meeting("2024-09-25", "New York", "US", chung, pereira, choi);
        long latest = meeting("2025-01-15", "Havana", "CU", chung, pereira);
        List<Long> newestFirst = List.of(latest, trilateral, sameDaySecond, sameDayFirst, early, oldest);

        List<Long> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(ids(getJson("/api/meetings?country=KR&size=2&page=" + page)
                    .andExpect(jsonPath("$.page.totalElements").value(6))
                    .andExpect(jsonPath("$.page.totalPages").value(3))));
        }
        assertThat(paged).isEqualTo(newestFirst);
        assertThat(ids(getJson("/api/meetings?country=KOR&size=2&page=3")
                .andExpect(jsonPath("$.page.totalElements").value(6)))).isEmpty();
        assertThat(ids(getJson("/api/meetings?country=KR&sort=date,asc&sort=id,asc")))
                .containsExactly(oldest, early, sameDayFirst, sameDaySecond, trilateral, latest);
        assertThat(ids(getJson("/api/meetings?country=KR&from=2018-11-04&to=2024-05-22")
                .andExpect(jsonPath("$.page.totalElements").value(3))))
                .containsExactly(sameDaySecond, sameDayFirst, early);
        assertThat(ids(getJson("/api/meetings?country=KP&from=2016-03-10&to=2016-03-10")))
                .containsExactly(withoutKorea);
        assertThat(ids(getJson("/api/meetings?country=CU&country=KR&sort=date&size=2&page=1")
                .andExpect(jsonPath("$.page.totalElements").value(4)))).containsExactly(trilateral, latest);
        assertThat(ids(getJson("/api/meetings?country=KR&sort=date,desc&sort=city")))
                .as("ties in the first order's direction").containsExactly(latest, trilateral, sameDaySecond,
                        sameDayFirst, early, oldest);
    }

    @Test
    void listsTheMeetingsFromAndToDatesInclusive() throws Exception {
        long pyongyang = meeting("2018-11-04", "Pyongyang", "KP", choi, pereira);
        long seoul = meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        long havana = meeting("2024-12-31", "Havana", "CU", chung, pereira);

        assertThat(ids(getJson("/api/meetings?from=2024-05-22&to=2024-12-31"))).containsExactly(havana, seoul);
        assertThat(ids(getJson("/api/meetings?to=2024-05-22&country=CU"))).containsExactly(seoul, pyongyang);
        assertThat(ids(getJson("/api/meetings?from=2024-05-23"))).containsExactly(havana);
        assertThat(ids(getJson("/api/meetings?from=2024-05-22&to=2024-05-22"))).containsExactly(seoul);
    }

    @Test
    void refusesABadListFilter() throws Exception {
        getJson("/api/meetings?from=2024-12-31&to=2024-01-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        getJson("/api/meetings?country=CU&country=ZZ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        getJson("/api/meetings?from=yesterday")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        getJson("/api/meetings?sort=summary,asc")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void documentsEveryMeetingEndpointWithItsAnswers() throws Exception {
        getJson("/v3/api-docs")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/meetings'].get.responses['400'].description")
                        .value(containsString("VALIDATION_FAILED")))
                .andExpect(jsonPath("$.paths['/api/meetings'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/meetings'].post.responses['400'].description")
                        .value(containsString("TOO_FEW_PARTIES")))
                .andExpect(jsonPath("$.paths['/api/meetings'].post.responses['401']").exists())
                .andExpect(jsonPath("$.paths['/api/meetings'].post.responses['403']").exists())
                .andExpect(jsonPath("$.paths['/api/meetings'].post.security[0].basic").exists())
                .andExpect(jsonPath("$.paths['/api/meetings/{id}'].get.responses['404']").exists())
                .andExpect(jsonPath("$.paths['/api/meetings/{id}'].delete.responses['204']").exists())
                .andExpect(jsonPath("$.paths['/api/meetings/{id}'].delete.security[0].basic").exists());
    }
}
