package org.chancery.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * No N+1 on the endpoints the benchmark measures (issue 7): each answers with the same number of
 * SQL statements (prepared on the connections, by Hibernate or plain JDBC; see {@link StatementCounter}) for a small world and a page of 2 as for a
 * larger world, a longer history and a page of 20 or more. Lists are compared on full pages, where
 * Spring Data also runs the count (on a first page that is not full it skips it: one statement
 * less, never more). Every request is sent once before it is measured, so that the countries it
 * names are in the {@link org.chancery.country.Countries} cache.
 */
class StatementCountIntegrationTests extends ApiIntegrationTest {

    private static final String ESTABLISHED = "1950-01-01";

    private static final String[] PARTNERS = {"GB", "DE", "IT", "ES", "JP", "CN", "IN", "BR", "MX", "CA", "AR", "CL",
            "PE", "CO", "EG", "NG", "ZA", "KE", "MA", "TN", "SE", "NO", "FI", "DK", "PL", "CZ", "HU", "AT", "CH", "BE"};

    @Test
    void aRepeatedCountryLookupRunsNoStatement() throws Exception {
        long first = statements(get("/api/countries/FR"), status().isOk());
        long again = statements(get("/api/countries/fr"), status().isOk());
        long alpha3 = statements(get("/api/countries/FRA"), status().isOk());
        String etag = getJson("/api/countries/FR").andReturn().getResponse().getHeader("ETag");
        long notModified = statements(get("/api/countries/FR").header("If-None-Match", etag),
                status().isNotModified());
        report("GET /api/countries/{code}", "first " + first + ", again " + again + ", alpha-3 " + alpha3
                + ", If-None-Match (304) " + notModified);

        assertThat(first).isLessThanOrEqualTo(1);
        assertThat(again).isZero();
        assertThat(alpha3).isLessThanOrEqualTo(1);
        assertThat(statements(get("/api/countries/FRA"), status().isOk())).isZero();
        assertThat(notModified).isZero();
    }

    @Test
    void theRelationViewCostsTheSameForAShortAndALongHistory() throws Exception {
        event("US", "GB", "ESTABLISHED", ESTABLISHED);
        long small = cost("/api/relations/GB/US");

        longHistoryOfUsAndFrance();
        long large = cost("/api/relations/US/FR");
        long largeAsOf = cost("/api/relations/US/FR?asOf=1990-01-01");

        report("GET /api/relations/{a}/{b}", small, large);
        // the relation with its events, the missions, the milestones, the accreditations, the meeting
        // total, the first meeting since the establishment and the latest observations
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(7);
        assertThat(largeAsOf).isEqualTo(small);
    }

    @Test
    void theRelationViewAndTheTimelineReadEverythingOnOneConnection() throws Exception {
        longHistoryOfUsAndFrance();
        for (String url : List.of("/api/relations/US/FR", "/api/relations/US/FR?asOf=1990-01-01",
                "/api/relations/US/FR/timeline")) {
            getJson(url).andExpect(status().isOk());
            // one read-only transaction, which the reads of the modules it asks join
            assertThat(statements.connections(() -> getJson(url).andExpect(status().isOk()))).as(url).isOne();
        }
    }

    @Test
    void theRelationListCostsTheSameWhateverThePageSizeAndTheNumberOfRelations() throws Exception {
        relationsOfTheUnitedStates(0, 3);
        long small = cost("/api/relations?country=US&size=2");

        relationsOfTheUnitedStates(3, PARTNERS.length);
        long large = cost("/api/relations?country=US&size=20");
        long filtered = cost("/api/relations?country=US&status=ESTABLISHED&size=20");
        long past = cost("/api/relations?country=US&asOf=1970-01-01&size=20");
        long pastFiltered = cost("/api/relations?country=US&status=SEVERED&asOf=1970-01-01&size=20");

        report("GET /api/relations?country=US", small, large);
        report("GET /api/relations?country=US&asOf=1970-01-01", "large world " + past);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(2);
        assertThat(filtered).isEqualTo(small);
        assertThat(past).isEqualTo(small);
        assertThat(pastFiltered).isLessThanOrEqualTo(small);
    }

    @Test
    void theTimelineCostsTheSameForAShortAndALongHistory() throws Exception {
        event("US", "GB", "ESTABLISHED", ESTABLISHED);
        long usInLondon = mission("US", "GB", "EMBASSY", "London");
        open(usInLondon, "1950-03-01");
        appoint(usInLondon, diplomat("Envoy One", "US"), "AMBASSADOR", "1950-02-01", "1950-04-01", null);
        meeting("1990-05-01", "London", "GB", diplomat("Minister One", "GB"), diplomat("Envoy Two", "US"));
        milestone("US", "GB", "A consulate in Edinburgh", "2030", null);
        long small = cost("/api/relations/US/GB/timeline?size=5");

        longHistoryOfUsAndFrance();
        long large = cost("/api/relations/US/FR/timeline?size=100");
        long laterPage = cost("/api/relations/US/FR/timeline?size=10&page=2");

        report("GET /api/relations/{a}/{b}/timeline", small, large);
        // the relation with its events, the missions with their heads, the milestones, the
        // accreditations, the meeting total, the meetings the page reaches (and the first since the
        // establishment if beyond them)
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(7);
        assertThat(laterPage).isEqualTo(small);
    }

    @Test
    void theMeetingListOfTwoCountriesCostsTheSameWhateverThePageSize() throws Exception {
        long[] us = diplomats("US", 4);
        long[] fr = diplomats("FR", 4);
        long[] others = {diplomat("Third One", "DE"), diplomat("Third Two", "IT"), diplomat("Third Three", "JP")};
        for (int i = 0; i < 3; i++) {
            meeting(String.format(Locale.ROOT, "2020-01-%02d", i + 1), "Paris", "FR", us[0], fr[0]);
        }
        long small = cost("/api/meetings?country=US&country=FR&size=2");

        for (int i = 0; i < 30; i++) {
            int extra = i % 3;
            long[] participants = new long[2 + extra + (i % 2)];
            participants[0] = us[i % 4];
            participants[1] = fr[(i + 1) % 4];
            for (int k = 0; k < extra; k++) {
                participants[2 + k] = others[k];
            }
            if (i % 2 == 1) {
                participants[participants.length - 1] = us[(i + 2) % 4];
            }
            meeting(String.format(Locale.ROOT, "2021-%02d-%02d", 1 + i % 12, 1 + i % 28),
                    i % 2 == 0 ? "Paris" : "Washington", i % 2 == 0 ? "FR" : "US", participants);
        }
        long large = cost("/api/meetings?country=US&country=FR&size=20");
        long dated = cost("/api/meetings?country=US&country=FR&from=2021-01-01&to=2021-12-31&size=20");

        report("GET /api/meetings?country=US&country=FR", small, large);
        // the ids of the page, their count, the meetings with their participants and names
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(3);
        assertThat(dated).isEqualTo(small);
    }

    @Test
    void theMissionListOpenOnADayCostsTheSameWhateverThePageSizeAndTheHeads() throws Exception {
        long[] envoys = diplomats("US", 6);
        missionsOfTheUnitedStates(0, 3, envoys);
        long small = cost("/api/missions?country=US&openOn=2020-01-01&size=2");

        missionsOfTheUnitedStates(3, PARTNERS.length, envoys);
        long large = cost("/api/missions?country=US&openOn=2020-01-01&size=20");
        long everyType = cost("/api/missions?country=US&size=20");

        report("GET /api/missions?country=US&openOn=2020-01-01", small, large);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(3);
        assertThat(everyType).isEqualTo(small);
    }

    @Test
    void theOverdueMilestoneListCostsTheSameWhateverThePageSize() throws Exception {
        for (int i = 0; i < 3; i++) {
            milestone("US", PARTNERS[i], "Overdue " + i, "2020-Q" + (1 + i), null);
        }
        long small = cost("/api/milestones?status=OVERDUE&size=2");

        for (int i = 3; i < PARTNERS.length; i++) {
            milestone("US", PARTNERS[i], "Overdue " + i, String.format(Locale.ROOT, "2021-%02d", 1 + i % 12), null);
            milestone("FR", PARTNERS[i], "Pending " + i, "2030-H" + (1 + i % 2), null);
        }
        long large = cost("/api/milestones?status=OVERDUE&size=20");
        long ofOneCountry = cost("/api/milestones?status=OVERDUE&country=US&size=20");

        report("GET /api/milestones?status=OVERDUE", small, large);
        // the page's ids, the page count, the rows of the ids
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(3);
        assertThat(ofOneCountry).isEqualTo(small);
    }

    @Test
    void theCountryListCostsTheSameWhateverThePageSizeAndTheFilters() throws Exception {
        long small = cost("/api/countries?size=2");
        long large = cost("/api/countries?size=100");
        long searched = cost("/api/countries?q=a&current=true&size=50");
        long former = cost("/api/countries?current=false&size=20");

        report("GET /api/countries", small, large);
        // the page's rows and their count
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(2);
        assertThat(searched).isEqualTo(small);
        assertThat(former).isLessThanOrEqualTo(small);
    }

    @Test
    void theDiplomatListCostsTheSameWhateverThePageSizeAndTheNumberOfDiplomats() throws Exception {
        diplomats("US", 3);
        long small = cost("/api/diplomats?country=US&size=2");

        diplomats("US", 30);
        diplomats("FR", 10);
        long large = cost("/api/diplomats?country=US&size=20");
        long searched = cost("/api/diplomats?q=diplomat&size=20");

        report("GET /api/diplomats?country=US", small, large);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(2);
        assertThat(searched).isEqualTo(small);
    }

    @Test
    void theAccreditationListOfAPairCostsTheSameWhateverThePageSizeAndTheirNumber() throws Exception {
        event("US", "FR", "ESTABLISHED", "1778-02-06");
        event("US", "GB", "ESTABLISHED", ESTABLISHED);
        for (int i = 0; i < 3; i++) {
            accreditation("US", "FR", "US", "CONSUL", "%s-01-01".formatted(1800 + 2 * i),
                    "%s-06-01".formatted(1800 + 2 * i));
        }
        long small = cost("/api/relations/US/FR/accreditations?size=2");

        for (int i = 0; i < 30; i++) {
            String sending = i % 2 == 0 ? "US" : "GB";
            accreditation("US", "GB", sending, i % 3 == 0 ? "ENVOY" : "CONSUL", "%s-01-01".formatted(1960 + i),
                    "%s-06-01".formatted(1960 + i));
        }
        long large = cost("/api/relations/GB/US/accreditations?size=20");

        report("GET /api/relations/{a}/{b}/accreditations", small, large);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(2);
    }

    @Test
    void recordingAMeetingCostsTheSameWhateverTheNumberOfParticipants() throws Exception {
        long[] us = diplomats("US", 3);
        long[] fr = diplomats("FR", 2);
        long de = diplomat("Third One", "DE");
        String two = meetingJson("2024-01-10", "Paris", "FR", us[0], fr[0]);
        String six = meetingJson("2024-01-11", "Berlin", "DE", us[0], us[1], us[2], fr[0], fr[1], de);
        // a pair's first meeting also creates the pair's row of meeting totals (two statements more)
        long firstOfPairs = statements(recordMeeting(six), status().isCreated());
        long lastId = -1;
        do {
            // Hibernate takes 50 meeting ids from the sequence at a time (allocationSize 50): stop warming
            // up where neither measured insert is the first of a block, which reads the sequence too
            lastId = create("/api/meetings", two).get("id").asLong();
        } while (lastId % 50 == 0 || lastId % 50 == 1);

        long small = statements(recordMeeting(two), status().isCreated());
        long large = statements(recordMeeting(six), status().isCreated());

        report("POST /api/meetings", "2 participants " + small + ", 6 participants " + large
                + ", first meeting of new pairs " + firstOfPairs);
        // the diplomats, the countries' lifetimes (locked, R22), the meeting, its participants, countries
        // and pairs (batches), the pairs' totals, the change recorded for the feed
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(8);
        // (and it may be the first of a block of ids, which reads the sequence: one more)
        assertThat(firstOfPairs).isLessThanOrEqualTo(small + 2 + 1);
    }

    // --- measuring

    /** Sends the GET once (so that the countries it names are cached), then counts the statements of a second send. */
    private long cost(String url) throws Exception {
        getJson(url).andExpect(status().isOk());
        return statements(get(url).accept(MediaType.APPLICATION_JSON), status().isOk());
    }

    private long statements(RequestBuilder request, ResultMatcher expected) throws Exception {
        return statements.count(() -> mvc.perform(request).andExpect(expected));
    }

    private static MockHttpServletRequestBuilder recordMeeting(String json) {
        return withBody(post("/api/meetings"), json).with(httpBasic("editor", "editor-secret"));
    }

    private static void report(String endpoint, long small, long large) {
        report(endpoint, "small world " + small + ", large world " + large);
    }

    private static void report(String endpoint, String counts) {
        System.out.printf("[statements] %-48s %s%n", endpoint, counts);
    }

    // --- the worlds, recorded through the API

    /**
     * US–FR, recorded in date order: five events (two severances, which close the embassies open
     * then), three embassies with successive heads, a consulate, milestones and 40 meetings.
     */
    private void longHistoryOfUsAndFrance() throws Exception {
        long[] us = diplomats("US", 5);
        long[] fr = diplomats("FR", 4);
        event("US", "FR", "ESTABLISHED", "1778-02-06");
        long first = mission("US", "FR", "EMBASSY", "Paris");
        open(first, "1779-01-01");
        appoint(first, us[4], "ENVOY", "1779-01-01", "1779-02-01", null);
        event("US", "FR", "SEVERED", "1798-07-07");
        event("US", "FR", "RESTORED", "1800-09-30");
        long second = mission("US", "FR", "EMBASSY", "Paris");
        open(second, "1801-01-01");
        appoint(second, us[0], "ENVOY", "1800-12-01", "1801-02-01", "1850-01-01");
        appoint(second, us[1], "AMBASSADOR", "1850-01-01", "1850-02-01", null);
        event("US", "FR", "SEVERED", "1942-11-08");
        event("US", "FR", "RESTORED", "1944-10-23");
        long third = mission("US", "FR", "EMBASSY", "Paris");
        open(third, "1944-11-01");
        appoint(third, us[2], "CHARGE_D_AFFAIRES_AD_INTERIM", null, "1944-11-01", "1945-01-01");
        appoint(third, us[3], "AMBASSADOR", "1944-12-01", "1945-01-01", null);
        long french = mission("FR", "US", "EMBASSY", "Washington");
        open(french, "1945-03-01");
        appoint(french, fr[0], "AMBASSADOR", "1945-02-01", "1945-03-15", "1990-01-01");
        appoint(french, fr[1], "AMBASSADOR", "1989-12-01", "1990-01-01", null);
        long consulate = mission("FR", "US", "CONSULATE_GENERAL", "New York");
        milestone("US", "FR", "French consulate in New York opens", "1950", consulate);
        open(consulate, "1950-06-01");
        long planned = mission("US", "FR", "CONSULATE", "Lyon");
        milestone("US", "FR", "US consulate in Lyon opens", "2020-H2", planned);
        milestone("US", "FR", "A cultural agreement", "2031-Q1", null);
        accreditation("US", "FR", "US", "CONSUL", "1798-08-01", "1800-10-01");
        for (int i = 0; i < 40; i++) {
            meeting(String.format(Locale.ROOT, "%s-%02d-15", 1950 + i, 1 + i % 12), i % 2 == 0 ? "Paris" : "Washington",
                    i % 2 == 0 ? "FR" : "US", us[i % 4], fr[(i + 1) % 4]);
        }
    }

    /** Relations of the US with the partners from {@code from} to {@code to} (exclusive); every third severed. */
    private void relationsOfTheUnitedStates(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            event("US", PARTNERS[i], "ESTABLISHED", String.format(Locale.ROOT, "19%02d-01-01", 50 + i));
            if (i % 3 == 1) {
                event("US", PARTNERS[i], "SEVERED", "1990-06-01");
            }
        }
    }

    /** An embassy of the US in each partner from {@code from} to {@code to} (exclusive), with zero to three heads. */
    private void missionsOfTheUnitedStates(int from, int to, long[] envoys) throws Exception {
        for (int i = from; i < to; i++) {
            event("US", PARTNERS[i], "ESTABLISHED", ESTABLISHED);
            long embassy = mission("US", PARTNERS[i], "EMBASSY", "Capital " + i);
            open(embassy, "1960-01-01");
            for (int h = 0; h < i % 4; h++) {
                String start = "%s-01-01".formatted(1970 + 10 * h);
                String end = h == i % 4 - 1 ? null : "%s-01-01".formatted(1980 + 10 * h);
                appoint(embassy, envoys[(i + h) % envoys.length], "AMBASSADOR", start, start, end);
            }
        }
    }

    private void event(String a, String b, String type, String date) throws Exception {
        create("/api/relations/" + a + "/" + b + "/events", """
                {"type": "%s", "date": "%s"}""".formatted(type, date));
    }

    private long diplomat(String name, String country) throws Exception {
        return create("/api/diplomats", """
                {"name": "%s", "country": "%s", "title": "Counsellor", "organization": "Foreign ministry"}"""
                .formatted(name, country)).get("id").asLong();
    }

    private int diplomats;

    private long[] diplomats(String country, int count) throws Exception {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = diplomat("Diplomat " + country + " " + ++diplomats, country);
        }
        return ids;
    }

    private long mission(String sending, String receiving, String type, String city) throws Exception {
        return create("/api/missions", """
                {"sendingCountry": "%s", "receivingCountry": "%s", "type": "%s", "city": "%s"}"""
                .formatted(sending, receiving, type, city)).get("id").asLong();
    }

    private void open(long mission, String date) throws Exception {
        postAsEditor("/api/missions/{id}/open", "{\"date\": \"" + date + "\"}", mission).andExpect(status().isOk());
    }

    private void appoint(long mission, long diplomat, String rank, String agrementOn, String startedOn,
            String endedOn) throws Exception {
        create("/api/missions/" + mission + "/heads", """
                {"diplomatId": %s, "rank": "%s", "agrementOn": %s, "startedOn": "%s", "endedOn": %s}"""
                .formatted(diplomat, rank, quoted(agrementOn), startedOn, quoted(endedOn)));
    }

    private void meeting(String date, String city, String country, long... diplomats) throws Exception {
        create("/api/meetings", meetingJson(date, city, country, diplomats));
    }

    private void milestone(String a, String b, String title, String target, Long missionId) throws Exception {
        create("/api/relations/" + a + "/" + b + "/milestones", """
                {"title": "%s", "target": "%s", "missionId": %s}""".formatted(title, target, missionId));
    }

    private void accreditation(String a, String b, String sending, String level, String from, String to)
            throws Exception {
        create("/api/relations/" + a + "/" + b + "/accreditations", """
                {"sendingCountry": "%s", "level": "%s", "from": "%s", "to": "%s"}""".formatted(sending, level, from, to));
    }

    private static String meetingJson(String date, String city, String country, long... diplomats) {
        String participants = Arrays.stream(diplomats).mapToObj(id -> "{\"diplomatId\": " + id + "}")
                .collect(Collectors.joining(", "));
        return """
                {"date": "%s", "city": "%s", "country": "%s", "title": "Talks", "participants": [%s]}"""
                .formatted(date, city, country, participants);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
