package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.chancery.country.CountryCode;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class MissionApiIntegrationTests extends ApiIntegrationTest {

    private void event(String a, String b, String type, String date) throws Exception {
        postAsEditor("/api/relations/{a}/{b}/events", "{\"type\":\"" + type + "\",\"date\":\"" + date + "\"}", a, b)
                .andExpect(status().isCreated());
    }

    private long plan(String sending, String receiving, String type, String city) throws Exception {
        return create("/api/missions", "{\"sendingCountry\":\"" + sending + "\",\"receivingCountry\":\"" + receiving
                + "\",\"type\":\"" + type + "\",\"city\":\"" + city + "\"}").get("id").asLong();
    }

    private org.springframework.test.web.servlet.ResultActions open(long id, String date) throws Exception {
        return postAsEditor("/api/missions/{id}/open", "{\"date\":\"" + date + "\"}", id);
    }

    private long diplomat(String name, String country) throws Exception {
        return create("/api/diplomats", "{\"name\":\"" + name + "\",\"country\":\"" + country
                + "\",\"title\":\"Ambassador\"}").get("id").asLong();
    }

    /** Appoints the diplomat head of the mission (with agrément on that day, none if null), expecting 201; the head's id. */
    private long appointHead(long mission, long diplomat, String rank, String agrementOn, String startedOn)
            throws Exception {
        return json(postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + diplomat + ",\"rank\":\"" + rank + "\""
                + (agrementOn == null ? "" : ",\"agrementOn\":\"" + agrementOn + "\"") + ",\"startedOn\":\"" + startedOn
                + "\"}", mission).andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void showsAHeadUnderTheNameTheirDiplomatIsGivenLater() throws Exception {
        event("CU", "KR", "ESTABLISHED", "2024-02-14");
        long embassy = plan("CU", "KR", "EMBASSY", "Seoul");
        long monzon = diplomat("Claudio Monzon", "CU");
        long head = appointHead(embassy, monzon, "AMBASSADOR", "2024-12-01", "2025-01-08");
        String before = getJson("/api/missions/{id}", embassy).andReturn().getResponse().getHeader("ETag");
        long seq = json(mvc.perform(get("/api/changes?after=0&size=200").with(httpBasic("editor", "editor-secret"))))
                .get("content").findValues("seq").stream().mapToLong(JsonNode::asLong).max().orElse(0);

        putAsEditor("/api/diplomats/{id}", "{\"name\":\"Claudio Monzón Baeza\",\"country\":\"CU\"}", monzon)
                .andExpect(status().isOk());
        // a change that keeps the name changes no head
        putAsEditor("/api/diplomats/{id}", "{\"name\":\"Claudio Monzón Baeza\",\"country\":\"CU\",\"title\":\"Ambassador\"}",
                monzon).andExpect(status().isOk());

        getJson("/api/missions/{id}", embassy)
                .andExpect(jsonPath("$.heads[0].name").value("Claudio Monzón Baeza"))
                .andExpect(jsonPath("$.currentHead.name").value("Claudio Monzón Baeza"))
                .andExpect(header().string("ETag", org.hamcrest.Matchers.not(before)));
        getJson("/api/missions/{id}/heads/{head}", embassy, head).andExpect(jsonPath("$.name").value("Claudio Monzón Baeza"));
        getJson("/api/missions?country=KR").andExpect(jsonPath("$.content[0].heads[0].name").value("Claudio Monzón Baeza"));
        assertThat(getJson("/api/relations/CU/KR/timeline").andReturn().getResponse().getContentAsString())
                .contains("Claudio Monzón Baeza").doesNotContain("Claudio Monzon ");
        JsonNode changes = json(mvc.perform(get("/api/changes?after=" + seq).with(httpBasic("editor", "editor-secret"))))
                .get("content");
        assertThat(changes.findValuesAsString("kind")).containsExactly("head", "mission", "diplomat", "diplomat");
        assertThat(changes.get(0).get("id").asLong()).isEqualTo(head);
        assertThat(changes.get(0).get("action").asString()).isEqualTo("UPDATED");
    }

    @Test
    void listsAMissionWithItsHeadsExactlyAsItsOwnAddressShowsIt() throws Exception {
        event("CU", "KR", "ESTABLISHED", "2024-02-14");
        long embassy = create("/api/missions", """
                {"sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "city": "Seoul",
                 "plannedOpening": "2024-07", "sources": [{"url": "https://www.cibercuba.com/x", "publisher": "CiberCuba"}]}""")
                .get("id").asLong();
        long interim = diplomat("Chargé ad interim", "CU");
        long monzon = diplomat("Claudio Monzón Baeza", "CU");
        clock.setToday(LocalDate.of(2025, 3, 1));
        open(embassy, "2024-08-01").andExpect(status().isOk());
        long first = create("/api/missions/" + embassy + "/heads", "{\"diplomatId\":" + interim
                + ",\"rank\":\"CHARGE_D_AFFAIRES_AD_INTERIM\",\"startedOn\":\"2024-08-01\"}").get("id").asLong();
        postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2025-01-08\"}", embassy, first)
                .andExpect(status().isOk());
        create("/api/missions/" + embassy + "/heads", "{\"diplomatId\":" + monzon
                + ",\"rank\":\"AMBASSADOR\",\"agrementOn\":\"2024-12-01\",\"startedOn\":\"2025-01-08\"}");

        JsonNode shown = json(getJson("/api/missions/{id}", embassy).andExpect(status().isOk()));
        JsonNode listed = json(getJson("/api/missions?country=KR")).get("content").get(0);

        assertThat(listed).isEqualTo(shown);
        assertThat(shown.get("heads")).hasSize(2);
        assertThat(shown.get("heads").get(0).get("endedOn").asString()).isEqualTo("2025-01-08");
        assertThat(shown.get("currentHead").get("name").asString()).isEqualTo("Claudio Monzón Baeza");
        assertThat(shown.get("plannedOpeningEnd").asString()).isEqualTo("2024-07-31");
        assertThat(shown.get("sources").get(0).get("publisher").asString()).isEqualTo("CiberCuba");
    }

    @Test
    void plansAMissionWithItsPlannedOpeningPeriod() throws Exception {
        postAsEditor("/api/missions", """
                {"sendingCountry": "cub", "receivingCountry": "kr", "type": "EMBASSY", "city": "Seoul",
                 "plannedOpening": "2024-07", "sources": [{"url": "https://www.cibercuba.com/x", "publisher": "CiberCuba"}]}""")
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.sendingCountry").value("CU"))
                .andExpect(jsonPath("$.receivingCountry").value("KR"))
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.plannedOpening").value("2024-07"))
                .andExpect(jsonPath("$.plannedOpeningEnd").value("2024-07-31"))
                .andExpect(jsonPath("$.heads").isEmpty())
                .andExpect(jsonPath("$.currentHead").value(nullValue()))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.sources[0].publisher").value("CiberCuba"));
    }

    @Test
    void keepsACityAsGivenBarWhatIsNotSeenAroundIt() throws Exception {
        // a city of a control character was trimmed to "", a city neither known nor left out: it is blank
        postAsEditor("/api/missions", """
                {"sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "city": "\\u0001"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("city"));
        postAsEditor("/api/missions", """
                {"sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "city": "\\u00a0Seoul\\u200e"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.city").value("Seoul"));
        postAsEditor("/api/missions", """
                {"sendingCountry": "CU", "receivingCountry": "KR", "type": "CONSULATE", "city": "\\u3000Busan\\u2003"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.city").value("Busan"));
        // a city of white space only is refused, Unicode's too (the domain would take it for none)
        for (String blank : List.of("\\u3000", "\\u2003\\u001c")) {
            postAsEditor("/api/missions", """
                    {"sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "city": "%s"}""".formatted(blank))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("city"))
                    .andExpect(jsonPath("$.errors[0].message").value(Mission.CITY_BLANK));
        }
    }

    @Test
    void refusesInvalidPlans() throws Exception {
        postAsEditor("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"CU\",\"type\":\"EMBASSY\",\"city\":\"X\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SAME_COUNTRY"));
        postAsEditor("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"QQ\",\"type\":\"EMBASSY\",\"city\":\"X\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_REFERENCE"));
        postAsEditor("/api/missions", "{\"sendingCountry\":\"Cuba\",\"receivingCountry\":\"KR\",\"type\":\"EMBASSY\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sendingCountry"))
                .andExpect(jsonPath("$.errors[0].message").value(CountryCode.GIVEN_AS_A_CODE));
        postAsEditor("/api/missions", "{\"sendingCountry\":\"US\",\"receivingCountry\":\"CU\","
                + "\"type\":\"INTERESTS_SECTION\",\"city\":\"Havana\",\"protectingPower\":\"QQ\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_REFERENCE"))
                .andExpect(jsonPath("$.rule").value("R18")).andExpect(jsonPath("$.detail").value(containsString("QQ")));
        postAsEditor("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"KR\",\"type\":\"PALACE\",\"city\":\"X\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].message").value("invalid value 'PALACE'; expected one of EMBASSY, "
                        + "HIGH_COMMISSION, NUNCIATURE, LEGATION, PROVISIONAL_OFFICE, LIAISON_OFFICE, "
                        + "INTERESTS_SECTION, CONSULATE_GENERAL, CONSULATE, HONORARY_CONSULATE"));
        postAsEditor("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"KR\",\"type\":\"EMBASSY\",\"city\":\"X\",\"plannedOpening\":\"2024-H3\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("plannedOpening"));
        // a text longer than any of the forms is told the forms too, not only a length
        for (String planned : List.of("soon", "next summer")) {
            postAsEditor("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"KR\",\"type\":\"EMBASSY\","
                    + "\"plannedOpening\":\"" + planned + "\"}")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].field").value("plannedOpening"))
                    .andExpect(jsonPath("$.errors[0].message").value(
                            "must be a partial date: YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD"));
        }
        postAsEditor("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"KR\",\"type\":\"EMBASSY\",\"city\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("city"));
        mvc.perform(post("/api/missions").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/missions").with(httpBasic("reader", "reader-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        getJson("/api/missions/{id}", 999_999).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        getJson("/api/missions").andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Nested
    @DisplayName("opening")
    class Opening {

        @Test
        @DisplayName("R5: refuses an embassy without established relations")
        void refusesEmbassyWithoutRelations() throws Exception {
            long embassy = plan("CU", "KR", "EMBASSY", "Seoul");
            open(embassy, "2024-01-10").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("RELATION_NOT_ESTABLISHED"))
                    .andExpect(jsonPath("$.rule").value("R5"));
            event("CU", "KR", "ESTABLISHED", "1949-01-01");
            event("CU", "KR", "SEVERED", "1959-01-01");
            open(embassy, "2024-01-10").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("RELATION_NOT_ESTABLISHED"));
            event("CU", "KR", "RESTORED", "2024-02-14");
            open(embassy, "2024-02-13").andExpect(status().isConflict());
            open(embassy, "2024-02-14").andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("OPEN"))
                    .andExpect(jsonPath("$.openedOn").value("2024-02-14"))
                    .andExpect(header().string("ETag", "\"1\""));
        }

        @Test
        @DisplayName("R5: a provisional office needs relations too")
        void refusesProvisionalOfficeWithoutRelations() throws Exception {
            long office = plan("KR", "CU", "PROVISIONAL_OFFICE", "Havana");
            open(office, "2024-03-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("RELATION_NOT_ESTABLISHED"))
                    .andExpect(jsonPath("$.rule").value("R5"));
            getJson("/api/missions/{id}", office).andExpect(jsonPath("$.status").value("PLANNED"))
                    .andExpect(jsonPath("$.openedOn").value(nullValue()));
        }

        @Test
        @DisplayName("R6: a consulate needs consular relations, which diplomatic relations bring (R2)")
        void opensConsulateOnlyWithConsularRelations() throws Exception {
            long consulate = plan("CU", "KR", "CONSULATE_GENERAL", "Busan");
            open(consulate, "2024-03-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONSULAR_RELATION_NOT_ESTABLISHED"));
            event("CU", "KR", "ESTABLISHED", "2024-02-14");
            open(consulate, "2024-03-01").andExpect(status().isOk());
        }

        @Test
        @DisplayName("R10: a liaison office opens whatever the relations")
        void opensLiaisonOfficeWithoutRelations() throws Exception {
            open(plan("US", "VN", "LIAISON_OFFICE", "Hanoi"), "1995-01-28").andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("OPEN"));
        }

        @Test
        @DisplayName("R20: refuses an embassy opening back-dated before a recorded severance")
        void refusesOpeningBackdatedBeforeARecordedSeverance() throws Exception {
            event("US", "CU", "ESTABLISHED", "1950-01-01");
            event("US", "CU", "SEVERED", "1970-01-01");
            long embassy = plan("US", "CU", "EMBASSY", "Havana");
            open(embassy, "1966-06-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1970-01-01")));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("PLANNED"));
        }

        @Test
        @DisplayName("R20: refuses a provisional office back-dated before the embassy that would have superseded it (R8)")
        void refusesProvisionalOfficeBackdatedBeforeTheEmbassy() throws Exception {
            event("PT", "BR", "ESTABLISHED", "2000-01-01");
            long embassy = plan("PT", "BR", "EMBASSY", "Brasília");
            open(embassy, "2015-01-01").andExpect(status().isOk());
            long office = plan("PT", "BR", "PROVISIONAL_OFFICE", "Brasília");
            open(office, "2010-01-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(containsString("EMBASSY " + embassy + " ")));
        }

        @Test
        @DisplayName("R20: refuses an embassy back-dated before a provisional office that opened later and is open")
        void refusesEmbassyBackdatedBeforeAnOpenProvisionalOffice() throws Exception {
            event("AD", "MT", "ESTABLISHED", "2000-01-01");
            long office = plan("AD", "MT", "PROVISIONAL_OFFICE", "Valletta");
            open(office, "2010-01-01").andExpect(status().isOk());
            long embassy = plan("AD", "MT", "EMBASSY", "Valletta");

            open(embassy, "2005-01-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PROVISIONAL_OFFICE "
                            + office + " opened on 2010-01-01")));

            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("PLANNED"));
            getJson("/api/missions/{id}", office).andExpect(jsonPath("$.status").value("OPEN"))
                    .andExpect(jsonPath("$.successorId").value(nullValue()));
            open(embassy, "2010-01-01").andExpect(status().isOk()).andExpect(jsonPath("$.predecessorId").value(office));
        }

        @Test
        @DisplayName("R20: refuses an embassy whose opening would close the office it supersedes before its head ends")
        void refusesEmbassyThatWouldCloseAnOfficeBeforeItsHeadsEnd() throws Exception {
            event("AD", "MT", "ESTABLISHED", "2000-01-01");
            long office = plan("AD", "MT", "PROVISIONAL_OFFICE", "Valletta");
            open(office, "2010-01-01").andExpect(status().isOk());
            long head = appointHead(office, diplomat("Andorra One", "AD"), "CHARGE_D_AFFAIRES", null, "2012-01-01");
            long embassy = plan("AD", "MT", "EMBASSY", "Valletta");

            open(embassy, "2011-01-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Andorra One")));

            getJson("/api/missions/{id}", office).andExpect(jsonPath("$.status").value("OPEN"))
                    .andExpect(jsonPath("$.heads[0].endedOn").value(nullValue()));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("PLANNED"));
            open(embassy, "2013-01-01").andExpect(status().isOk());
            getJson("/api/missions/{id}/heads/{head}", office, head).andExpect(jsonPath("$.endedOn").value("2013-01-01"));
        }

        @Test
        @DisplayName("R20 with R9: the protecting power's relations an interests section opened under stay as recorded")
        void refusesAHistoryChangeThatWouldLeaveAnInterestsSectionWithoutItsProtectingPowersRelations() throws Exception {
            event("WS", "VU", "ESTABLISHED", "2000-01-01");
            long section = create("/api/missions", "{\"sendingCountry\":\"SB\",\"receivingCountry\":\"VU\","
                    + "\"type\":\"INTERESTS_SECTION\",\"city\":\"Port Vila\",\"protectingPower\":\"WS\"}").get("id").asLong();
            open(section, "2005-01-01").andExpect(status().isOk());
            long establishment = json(getJson("/api/relations/WS/VU")).get("events").get(0).get("id").asLong();

            postAsEditor("/api/relations/WS/VU/events", "{\"type\":\"SEVERED\",\"date\":\"2003-01-01\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                            "INTERESTS_SECTION " + section + " of SB in VU opened on 2005-01-01 under the protection of WS")));
            deleteAsEditor("/api/relations/WS/VU/events/{id}", establishment).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"));
            getJson("/api/relations/WS/VU").andExpect(jsonPath("$.status").value("ESTABLISHED"))
                    .andExpect(jsonPath("$.events", hasSize(1)));
            event("WS", "VU", "SEVERED", "2010-01-01");
        }

        @Test
        @DisplayName("R3: refuses an opening dated after today")
        void refusesOpeningInTheFuture() throws Exception {
            long liaison = plan("US", "VN", "LIAISON_OFFICE", "Hanoi");
            open(liaison, "2026-06-02").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"));
        }

        @Test
        @DisplayName("R7: one open embassy-class mission per direction")
        void refusesSecondEmbassyOfADirection() throws Exception {
            event("CU", "KR", "ESTABLISHED", "2024-02-14");
            long first = plan("CU", "KR", "EMBASSY", "Seoul");
            long second = plan("CU", "KR", "HIGH_COMMISSION", "Seoul");
            long otherWay = plan("KR", "CU", "EMBASSY", "Havana");
            open(first, "2024-09-01").andExpect(status().isOk());
            open(second, "2024-10-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("EMBASSY_ALREADY_OPEN"));
            open(second, "2024-03-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("EMBASSY_ALREADY_OPEN"));
            open(otherWay, "2025-01-17").andExpect(status().isOk());
            postAsEditor("/api/missions/{id}/close", "{\"date\":\"2025-01-01\"}", first).andExpect(status().isOk());
            open(second, "2025-01-01").andExpect(status().isOk());
        }

        @Test
        @DisplayName("R8: an embassy supersedes the provisional office and links them")
        void embassySupersedesProvisionalOffice() throws Exception {
            event("KR", "CU", "ESTABLISHED", "2024-02-14");
            long office = plan("KR", "CU", "PROVISIONAL_OFFICE", "Havana");
            open(office, "2024-06-01").andExpect(status().isOk());
            long embassy = plan("KR", "CU", "EMBASSY", "Havana");
            open(embassy, "2025-01-17").andExpect(status().isOk())
                    .andExpect(jsonPath("$.predecessorId").value(office));
            getJson("/api/missions/{id}", office)
                    .andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.closedOn").value("2025-01-17"))
                    .andExpect(jsonPath("$.closingReason").value("SUPERSEDED"))
                    .andExpect(jsonPath("$.successorId").value(embassy));
        }

        @Test
        @DisplayName("R8: a superseded mission closes as precisely as its successor's opening is known")
        void supersededMissionClosesAsPreciselyAsTheEmbassyOpens() throws Exception {
            event("KR", "CU", "ESTABLISHED", "2024-02-14");
            long office = plan("KR", "CU", "PROVISIONAL_OFFICE", "Havana");
            open(office, "2024-06-01").andExpect(status().isOk());
            long embassy = plan("KR", "CU", "EMBASSY", "Havana");
            postAsEditor("/api/missions/{id}/open", "{\"date\":\"2025-01-01\",\"datePrecision\":\"MONTH\"}", embassy)
                    .andExpect(status().isOk()).andExpect(jsonPath("$.openedPrecision").value("MONTH"));
            getJson("/api/missions/{id}", office)
                    .andExpect(jsonPath("$.closedOn").value("2025-01-01"))
                    .andExpect(jsonPath("$.closedPrecision").value("MONTH"))
                    .andExpect(jsonPath("$.closingReason").value("SUPERSEDED"));
        }

        @Test
        @DisplayName("R9: an interests section opens only without relations, under a protecting power with relations")
        void opensInterestsSectionUnderProtectingPower() throws Exception {
            event("US", "CU", "ESTABLISHED", "1902-05-20");
            event("US", "CU", "SEVERED", "1961-01-03");
            postAsEditor("/api/missions", "{\"sendingCountry\":\"US\",\"receivingCountry\":\"CU\",\"type\":\"INTERESTS_SECTION\",\"city\":\"Havana\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INTERESTS_SECTION_NOT_ALLOWED"));
            postAsEditor("/api/missions", "{\"sendingCountry\":\"US\",\"receivingCountry\":\"CU\",\"type\":\"INTERESTS_SECTION\",\"city\":\"Havana\",\"protectingPower\":\"CU\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INTERESTS_SECTION_NOT_ALLOWED"));
            postAsEditor("/api/missions", "{\"sendingCountry\":\"US\",\"receivingCountry\":\"CU\",\"type\":\"EMBASSY\",\"city\":\"Havana\",\"protectingPower\":\"CH\"}")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("protectingPower"));
            long section = create("/api/missions", "{\"sendingCountry\":\"US\",\"receivingCountry\":\"CU\",\"type\":\"INTERESTS_SECTION\",\"city\":\"Havana\",\"protectingPower\":\"CH\"}")
                    .get("id").asLong();
            open(section, "1977-09-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("INTERESTS_SECTION_NOT_ALLOWED"));
            event("CH", "CU", "ESTABLISHED", "1902-01-01");
            open(section, "1977-09-01").andExpect(status().isOk())
                    .andExpect(jsonPath("$.protectingPower").value("CH"));
            event("US", "CU", "RESTORED", "2015-07-20");
            long embassy = plan("US", "CU", "EMBASSY", "Havana");
            open(embassy, "2015-07-20").andExpect(status().isOk())
                    .andExpect(jsonPath("$.predecessorId").value(section));
            getJson("/api/missions/{id}", section).andExpect(jsonPath("$.closingReason").value("SUPERSEDED"));
        }

        @Test
        @DisplayName("R12: only a planned mission opens; only an open one closes; only a planned one is cancelled")
        void followsTheStatusMachine() throws Exception {
            long liaison = plan("US", "VN", "LIAISON_OFFICE", "Hanoi");
            postAsEditor("/api/missions/{id}/close", "{\"date\":\"2000-01-01\"}", liaison)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MISSION_STATUS_INVALID"));
            open(liaison, "1995-01-28").andExpect(status().isOk());
            open(liaison, "1995-01-29").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("MISSION_STATUS_INVALID"));
            postAsEditor("/api/missions/{id}/cancel", null, liaison).andExpect(status().isConflict());
            postAsEditor("/api/missions/{id}/close", "{\"date\":\"1995-01-27\"}", liaison)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MISSION_STATUS_INVALID"));
            for (String reserved : List.of("RELATIONS_SEVERED", "SUPERSEDED", "\\u00a0SUPERSEDED\\u200b")) {
                postAsEditor("/api/missions/{id}/close", "{\"date\":\"1995-08-05\",\"reason\":\"" + reserved + "\"}", liaison)
                        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                        .andExpect(jsonPath("$.errors[0].field").value("reason"));
            }
            // kept without what is not seen around it
            postAsEditor("/api/missions/{id}/close", "{\"date\":\"1995-08-05\",\"reason\":\"\\u00a0Upgraded\"}",
                    liaison)
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.closingReason").value("Upgraded"));
            long planned = plan("US", "VN", "CONSULATE", "Da Nang");
            postAsEditor("/api/missions/{id}/cancel", null, planned).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CANCELLED"));
            open(planned, "2000-01-01").andExpect(status().isConflict());
        }
    }

    @Nested
    @DisplayName("severance")
    class Severance {

        @Test
        @DisplayName("R11: a severance closes embassies and provisional offices, not consulates, liaison offices or interests sections")
        void severanceClosesEmbassyClassMissionsOnly() throws Exception {
            event("US", "CU", "ESTABLISHED", "1902-05-20");
            long embassy = plan("US", "CU", "EMBASSY", "Havana");
            long theirs = plan("CU", "US", "EMBASSY", "Washington");
            long consulate = plan("US", "CU", "CONSULATE", "Santiago de Cuba");
            long liaison = plan("US", "CU", "LIAISON_OFFICE", "Havana");
            open(embassy, "1923-01-01").andExpect(status().isOk());
            open(theirs, "1923-01-01").andExpect(status().isOk());
            open(consulate, "1930-01-01").andExpect(status().isOk());
            open(liaison, "1950-01-01").andExpect(status().isOk());
            long ambassador = diplomat("Philip Bonsal", "US");
            appointHead(embassy, ambassador, "AMBASSADOR", "1959-02-01", "1959-03-10");
            postAsEditor("/api/relations/US/CU/events", "{\"type\":\"SEVERED\",\"date\":\"1961-01-03\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.affectedMissions", hasSize(2)))
                    .andExpect(jsonPath("$.affectedMissions[*].id").value(contains((int) embassy, (int) theirs)))
                    .andExpect(jsonPath("$.affectedMissions[0].closedOn").value("1961-01-03"))
                    .andExpect(jsonPath("$.affectedMissions[0].closingReason").value("RELATIONS_SEVERED"));
            getJson("/api/missions/{id}", embassy)
                    .andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.heads[0].endedOn").value("1961-01-03"))
                    .andExpect(jsonPath("$.currentHead").value(nullValue()));
            getJson("/api/missions/{id}", consulate).andExpect(jsonPath("$.status").value("OPEN"));
            getJson("/api/missions/{id}", liaison).andExpect(jsonPath("$.status").value("OPEN"));
        }

        @Test
        @DisplayName("R11 undone: a severance deleted opens again what it closed, and what it ended is in force again")
        void aSeveranceDeletedTakesItsEffectsWithIt() throws Exception {
            event("JM", "KR", "ESTABLISHED", "2026-01-05");
            long embassy = plan("KR", "JM", "EMBASSY", "Kingston");
            long consulate = plan("KR", "JM", "CONSULATE", "Montego Bay");
            long office = plan("JM", "KR", "PROVISIONAL_OFFICE", "Seoul");
            open(embassy, "2026-01-10").andExpect(status().isOk());
            open(consulate, "2026-01-10").andExpect(status().isOk());
            long charge = appointHead(embassy, diplomat("Lee Min-ho", "KR"), "CHARGE_D_AFFAIRES", null, "2026-01-10");
            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2026-01-20\"}", embassy, charge)
                    .andExpect(status().isOk());
            long ambassador = appointHead(embassy, diplomat("Park Ji-won", "KR"), "AMBASSADOR", "2026-01-06",
                    "2026-01-21");
            long officeHead = appointHead(office, diplomat("Kevin Isaacs", "JM"), "CHARGE_D_AFFAIRES", null,
                    "2026-01-15");
            long accreditation = create("/api/relations/JM/KR/accreditations", "{\"sendingCountry\":\"JM\","
                    + "\"level\":\"ENVOY\",\"from\":\"2026-01-06\"}").get("id").asLong();
            JsonNode severance = create("/api/relations/JM/KR/events", "{\"type\":\"SEVERED\",\"date\":\"2026-05-05\"}");
            assertThat(severance.get("affectedMissions")).hasSize(1);
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.currentHead").value(nullValue()));
            getJson("/api/missions/{id}", office).andExpect(jsonPath("$.currentHead").value(nullValue()));
            long feedBefore = lastChange();

            // recorded by mistake: deleted, and it takes what it closed and ended with it
            deleteAsEditor("/api/relations/JM/KR/events/{id}", severance.get("id").asLong())
                    .andExpect(status().isNoContent());

            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("OPEN"))
                    .andExpect(jsonPath("$.closedOn").value(nullValue()))
                    .andExpect(jsonPath("$.closedPrecision").value(nullValue()))
                    .andExpect(jsonPath("$.closingReason").value(nullValue()))
                    .andExpect(jsonPath("$.currentHead.id").value(ambassador))
                    .andExpect(jsonPath("$.heads[1].endedOn").value(nullValue()))
                    // a head whose end was recorded by hand keeps it
                    .andExpect(jsonPath("$.heads[0].endedOn").value("2026-01-20"));
            getJson("/api/missions/{id}", office).andExpect(jsonPath("$.status").value("PLANNED"))
                    .andExpect(jsonPath("$.currentHead.id").value(officeHead));
            getJson("/api/missions/{id}", consulate).andExpect(jsonPath("$.status").value("OPEN"));
            getJson("/api/relations/JM/KR/accreditations/{id}", accreditation)
                    .andExpect(jsonPath("$.to").value(nullValue())).andExpect(jsonPath("$.toPrecision").value(nullValue()));
            getJson("/api/relations/JM/KR").andExpect(jsonPath("$.status").value("ESTABLISHED"))
                    .andExpect(jsonPath("$.accreditations", hasSize(1)));
            List<String> changed = new ArrayList<>();
            changes(feedBefore).forEach(change -> changed.add(change.get("action").asString() + " "
                    + change.get("kind").asString() + " " + change.get("id").asString()));
            assertThat(changed).as("each fact changed, in the feed").containsExactlyInAnyOrder(
                    "UPDATED mission " + embassy, "UPDATED head " + ambassador, "UPDATED mission " + office,
                    "UPDATED head " + officeHead, "UPDATED accreditation " + accreditation,
                    "DELETED event " + severance.get("id").asLong());

            // the relation may be severed again, closing and ending as before
            JsonNode again = create("/api/relations/JM/KR/events", "{\"type\":\"SEVERED\",\"date\":\"2026-05-06\"}");
            assertThat(again.get("affectedMissions")).hasSize(1);
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads[1].endedOn").value("2026-05-06"));
        }

        private long lastChange() throws Exception {
            JsonNode changes = changes(0);
            return changes.get(changes.size() - 1).get("seq").asLong();
        }

        private JsonNode changes(long after) throws Exception {
            return json(mvc.perform(get("/api/changes?size=200&after=" + after).with(httpBasic("editor",
                    "editor-secret"))).andExpect(status().isOk())).get("content");
        }

        @Test
        @DisplayName("R1, R20: a severance that a restoration followed is not deleted, and nothing it closed opens")
        void aSeveranceARestorationFollowedStaysWithItsEffects() throws Exception {
            event("JM", "NZ", "ESTABLISHED", "2000-01-01");
            long embassy = plan("JM", "NZ", "EMBASSY", "Wellington");
            open(embassy, "2001-01-01").andExpect(status().isOk());
            long severance = create("/api/relations/JM/NZ/events", "{\"type\":\"SEVERED\",\"date\":\"2005-01-01\"}")
                    .get("id").asLong();
            event("JM", "NZ", "RESTORED", "2006-01-01");

            deleteAsEditor("/api/relations/JM/NZ/events/{id}", severance).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.closedOn").value("2005-01-01"));
        }

        @Test
        @DisplayName("R11 undone, R12: a severance is not deleted while a head it ended serves a mission cancelled since")
        void aSeveranceIsNotDeletedWhileAHeadItEndedWouldServeACancelledMission() throws Exception {
            event("JM", "FJ", "ESTABLISHED", "2000-01-01");
            long embassy = plan("JM", "FJ", "EMBASSY", "Suva");
            appointHead(embassy, diplomat("Head of a Planned Embassy", "JM"), "CHARGE_D_AFFAIRES", null, "2001-01-01");
            long severance = create("/api/relations/JM/FJ/events", "{\"type\":\"SEVERED\",\"date\":\"2005-01-01\"}")
                    .get("id").asLong();
            postAsEditor("/api/missions/{id}/cancel", null, embassy).andExpect(status().isOk());

            deleteAsEditor("/api/relations/JM/FJ/events/{id}", severance).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CANCELLED")));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads[0].endedOn").value("2005-01-01"));
            getJson("/api/relations/JM/FJ").andExpect(jsonPath("$.status").value("SEVERED"));
        }

        @Test
        @DisplayName("R11: a severance known to the month closes and ends what it closes and ends as of that month")
        void severanceKnownToAMonthDatesWhatItClosesToTheMonth() throws Exception {
            event("US", "CU", "ESTABLISHED", "1902-05-20");
            long embassy = plan("US", "CU", "EMBASSY", "Havana");
            open(embassy, "1923-01-01").andExpect(status().isOk());
            long ambassador = diplomat("Philip Bonsal", "US");
            appointHead(embassy, ambassador, "AMBASSADOR", "1959-02-01", "1959-03-10");
            postAsEditor("/api/relations/US/CU/events", "{\"type\":\"SEVERED\",\"date\":\"1961-01-03\",\"datePrecision\":\"MONTH\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.affectedMissions[0].closedOn").value("1961-01-01"))
                    .andExpect(jsonPath("$.affectedMissions[0].closedPrecision").value("MONTH"))
                    .andExpect(jsonPath("$.affectedMissions[0].openedPrecision").value("DAY"));
            getJson("/api/missions/{id}", embassy)
                    .andExpect(jsonPath("$.closedOn").value("1961-01-01"))
                    .andExpect(jsonPath("$.closedPrecision").value("MONTH"))
                    .andExpect(jsonPath("$.heads[0].endedOn").value("1961-01-01"))
                    .andExpect(jsonPath("$.heads[0].endedPrecision").value("MONTH"));
        }

        @Test
        @DisplayName("R11: a severance also ends the head of a mission that has not opened yet")
        void severanceEndsTheHeadOfAPlannedMission() throws Exception {
            event("CU", "KR", "ESTABLISHED", "2024-02-14");
            long embassy = plan("CU", "KR", "EMBASSY", "Seoul");
            long monzon = diplomat("Claudio Monzón Baeza", "CU");
            appointHead(embassy, monzon, "AMBASSADOR", "2024-12-01", "2025-01-08");
            postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"SEVERED\",\"date\":\"2026-01-01\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.affectedMissions").isEmpty());
            getJson("/api/missions/{id}", embassy)
                    .andExpect(jsonPath("$.status").value("PLANNED"))
                    .andExpect(jsonPath("$.heads[0].endedOn").value("2026-01-01"))
                    .andExpect(jsonPath("$.currentHead").value(nullValue()));
        }

        @Test
        @DisplayName("R11: the heads of a liaison office stay through a severance, whether it has opened or not")
        void severanceLeavesTheHeadsOfLiaisonOfficesOpenOrPlanned() throws Exception {
            event("US", "CU", "ESTABLISHED", "1902-05-20");
            long planned = plan("US", "CU", "LIAISON_OFFICE", "Havana");
            long opened = plan("US", "CU", "LIAISON_OFFICE", "Santiago de Cuba");
            open(opened, "1950-01-01").andExpect(status().isOk());
            appointHead(planned, diplomat("Planned Office Head", "US"), "CHARGE_D_AFFAIRES", null, "1955-01-01");
            appointHead(opened, diplomat("Open Office Head", "US"), "CHARGE_D_AFFAIRES", null, "1955-01-01");

            postAsEditor("/api/relations/US/CU/events", "{\"type\":\"SEVERED\",\"date\":\"1961-01-03\"}")
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.affectedMissions").isEmpty());

            for (long office : List.of(planned, opened)) {
                getJson("/api/missions/{id}", office).andExpect(jsonPath("$.heads[0].endedOn").value(nullValue()))
                        .andExpect(jsonPath("$.currentHead").isNotEmpty());
            }
            // nor does the severance, recorded first, cut the period of a head recorded after it
            long later = plan("US", "CU", "LIAISON_OFFICE", "Camagüey");
            postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + diplomat("Later Office Head", "US")
                    + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"1960-01-01\",\"endedOn\":\"1962-01-01\"}", later)
                    .andExpect(status().isCreated());
        }

        @Test
        @DisplayName("R11, R20: a severance is refused across the recorded head of an embassy that was cancelled or opened later")
        void refusesASeveranceAcrossTheHeadOfAnEmbassyNotOpenThatDay() throws Exception {
            // the embassy to Kiribati is cancelled, the one to Palau opened after the head's time
            for (String receiving : List.of("KI", "PW")) {
                event("FM", receiving, "ESTABLISHED", "2000-01-01");
                long embassy = plan("FM", receiving, "EMBASSY", "Capital of " + receiving);
                long head = appointHead(embassy, diplomat("Micronesia to " + receiving, "FM"), "CHARGE_D_AFFAIRES", null,
                        "2003-01-01");
                postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2004-01-01\"}", embassy, head)
                        .andExpect(status().isOk());
                if (receiving.equals("KI")) {
                    postAsEditor("/api/missions/{id}/cancel", null, embassy).andExpect(status().isOk());
                } else {
                    open(embassy, "2005-01-01").andExpect(status().isOk());
                }

                postAsEditor("/api/relations/FM/" + receiving + "/events", "{\"type\":\"SEVERED\",\"date\":\"2003-06-01\"}")
                        .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                                "across a severance on 2003-06-01")));
                getJson("/api/relations/FM/" + receiving).andExpect(jsonPath("$.status").value("ESTABLISHED"));
            }
        }

        @Test
        @DisplayName("R11 undone: the head of a planned embassy that a severance ended serves again once it is deleted")
        void theHeadThatADeletedSeveranceEndedServesAgain() throws Exception {
            event("CU", "KR", "ESTABLISHED", "2024-02-14");
            long embassy = plan("CU", "KR", "EMBASSY", "Seoul");
            long head = appointHead(embassy, diplomat("Claudio Monzón Baeza", "CU"), "AMBASSADOR", "2024-12-01",
                    "2025-01-08");
            long severance = create("/api/relations/CU/KR/events", "{\"type\":\"SEVERED\",\"date\":\"2026-01-01\"}")
                    .get("id").asLong();
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads[0].endedOn").value("2026-01-01"));

            deleteAsEditor("/api/relations/CU/KR/events/{id}", severance).andExpect(status().isNoContent());
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads[0].endedOn").value(nullValue()))
                    .andExpect(jsonPath("$.heads[0].endedPrecision").value(nullValue()))
                    .andExpect(jsonPath("$.currentHead.id").value(head));
            getJson("/api/relations/CU/KR").andExpect(jsonPath("$.status").value("ESTABLISHED"));
        }

        @Test
        @DisplayName("R20: a severance that an embassy's recorded closing names is not deleted: only what it closed itself opens again")
        void aSeveranceThatARecordedClosingNamesStays() throws Exception {
            event("CV", "CM", "ESTABLISHED", "1990-01-01");
            long severance = create("/api/relations/CV/CM/events", "{\"type\":\"SEVERED\",\"date\":\"2003-01-01\"}")
                    .get("id").asLong();
            long embassy = plan("CV", "CM", "EMBASSY", "Yaounde");
            openClosedFor(embassy, "1995-01-01", "2003-01-01", "RELATIONS_SEVERED").andExpect(status().isOk());

            deleteAsEditor("/api/relations/CV/CM/events/{id}", severance).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value("EMBASSY " + embassy + " was closed by the severance of "
                            + "2003-01-01; the history would no longer have that severance."));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("CLOSED"));
        }

        @Test
        @DisplayName("R20: refuses to delete the event an open embassy relies on")
        void refusesDeletingTheEstablishmentAnEmbassyReliesOn() throws Exception {
            long established = create("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\"}")
                    .get("id").asLong();
            long embassy = plan("KR", "CU", "EMBASSY", "Havana");
            open(embassy, "2025-01-17").andExpect(status().isOk());
            deleteAsEditor("/api/relations/CU/KR/events/{id}", established)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("EMBASSY " + embassy)));
            getJson("/api/relations/CU/KR").andExpect(jsonPath("$.status").value("ESTABLISHED"));
        }

        @Test
        @DisplayName("R20: refuses a back-filled severance before a head of mission started")
        void refusesBackfilledSeveranceBeforeAHeadStarted() throws Exception {
            event("FR", "DE", "ESTABLISHED", "2000-01-01");
            long office = plan("FR", "DE", "PROVISIONAL_OFFICE", "Berlin");
            open(office, "2005-01-01").andExpect(status().isOk());
            long head = diplomat("A French diplomat", "FR");
            appointHead(office, head, "CHARGE_D_AFFAIRES", null, "2013-01-01");
            postAsEditor("/api/relations/FR/DE/events", "{\"type\":\"SEVERED\",\"date\":\"2012-01-01\"}")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(containsString("A French diplomat")));
            putAsEditor("/api/diplomats/{id}", "{\"name\":\"A French diplomat\",\"country\":\"BE\"}", head)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.rule").value("R20"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("a head of mission of mission "
                            + office + " names them as a diplomat of FR")));
            getJson("/api/relations?country=FR").andExpect(jsonPath("$.page.totalElements").value(1));
            postAsEditor("/api/relations/FR/LU/events", "{\"type\":\"SEVERED\",\"date\":\"2012-01-01\"}")
                    .andExpect(status().isConflict());
            deleteAsEditor("/api/relations/FR/BE/events/{id}", 1).andExpect(status().isNotFound());
            getJson("/api/relations?country=FR").andExpect(jsonPath("$.page.totalElements").value(1));
        }

        @Test
        @DisplayName("R20: refuses a back-filled severance that an embassy opened after")
        void refusesBackfilledSeveranceBeforeAnOpening() throws Exception {
            event("CU", "KR", "ESTABLISHED", "2000-01-01");
            long embassy = plan("KR", "CU", "EMBASSY", "Havana");
            open(embassy, "2010-01-01").andExpect(status().isOk());
            postAsEditor("/api/missions/{id}/close", "{\"date\":\"2012-01-01\"}", embassy).andExpect(status().isOk());
            postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"SEVERED\",\"date\":\"2005-01-01\"}")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(containsString("EMBASSY " + embassy + " ")));
            postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"SEVERED\",\"date\":\"2011-01-01\"}")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"));
            postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"SEVERED\",\"date\":\"2013-01-01\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.affectedMissions").isEmpty());
        }
    }

    @Nested
    @DisplayName("If-Match on a mission's changes: its ETag, which its heads' changes move too")
    class IfMatch {

        private int changes() throws Exception {
            return json(mvc.perform(get("/api/changes?size=200").with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isOk())).get("content").size();
        }

        @Test
        @DisplayName("a stale If-Match refuses each change of the mission and its heads with 412 and changes nothing")
        void refusesEveryChangeNamingAStaleVersion() throws Exception {
            event("LI", "SM", "ESTABLISHED", "2000-01-01");
            long office = plan("LI", "SM", "LIAISON_OFFICE", "San Marino");
            long diplomat = diplomat("Liechtenstein Two", "LI");
            String appoint = "{\"diplomatId\":" + diplomat + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"2020-01-01\"}";
            int before = changes();

            postAsEditorIfMatch("\"1\"", "/api/missions/{id}/heads", appoint, office)
                    .andExpect(status().isPreconditionFailed())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.code").value("VERSION_MISMATCH"))
                    .andExpect(jsonPath("$.detail").value(containsString("Mission " + office)));
            postAsEditorIfMatch("W/\"0\"", "/api/missions/{id}/open", "{\"date\":\"2021-01-01\"}", office)
                    .andExpect(status().isPreconditionFailed());
            postAsEditorIfMatch("\"3\"", "/api/missions/{id}/cancel", null, office)
                    .andExpect(status().isPreconditionFailed());
            getJson("/api/missions/{id}", office).andExpect(header().string("ETag", "\"0\""))
                    .andExpect(jsonPath("$.status").value("PLANNED")).andExpect(jsonPath("$.heads", hasSize(0)));

            for (String notAsSent : List.of("\"+0\"", "\"00\"", "0")) {
                postAsEditorIfMatch(notAsSent, "/api/missions/{id}/heads", appoint, office)
                        .andExpect(status().isPreconditionFailed());
            }
            long head = json(postAsEditorIfMatch("\"0\"", "/api/missions/{id}/heads", appoint, office)
                    .andExpect(status().isCreated())).get("id").asLong();
            postAsEditorIfMatch("\"0\"", "/api/missions/{id}/open", "{\"date\":\"2021-01-01\"}", office)
                    .andExpect(status().isPreconditionFailed());
            postAsEditorIfMatch("\"5\", \"1\"", "/api/missions/{id}/open", "{\"date\":\"2021-01-01\"}", office)
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
            postAsEditorIfMatch("\"1\"", "/api/missions/{id}/heads/{head}/end", "{\"date\":\"2022-01-01\"}", office, head)
                    .andExpect(status().isPreconditionFailed());
            postAsEditorIfMatch("\"1\"", "/api/missions/{id}/close", "{\"date\":\"2023-01-01\"}", office)
                    .andExpect(status().isPreconditionFailed());
            getJson("/api/missions/{id}", office).andExpect(header().string("ETag", "\"2\""))
                    .andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.currentHead.id").value(head));
            // the appointment (of the head, and so of its mission) and the opening
            assertThat(changes()).isEqualTo(before + 3);

            postAsEditorIfMatch("\"2\"", "/api/missions/{id}/heads/{head}/end", "{\"date\":\"2022-01-01\"}", office, head)
                    .andExpect(status().isOk()).andExpect(jsonPath("$.endedOn").value("2022-01-01"));
            postAsEditorIfMatch("*", "/api/missions/{id}/close", "{\"date\":\"2023-01-01\"}", office)
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(header().string("ETag", "\"4\""));
        }

        @Test
        @DisplayName("a stale If-Match is answered 412 before a rule would refuse the change")
        void answersAStaleVersionBeforeTheRules() throws Exception {
            long consulate = plan("US", "VN", "CONSULATE", "Da Nang");
            postAsEditor("/api/missions/{id}/cancel", null, consulate).andExpect(status().isOk());

            postAsEditorIfMatch("\"0\"", "/api/missions/{id}/cancel", null, consulate)
                    .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("VERSION_MISMATCH"));
            postAsEditorIfMatch("\"1\"", "/api/missions/{id}/cancel", null, consulate)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MISSION_STATUS_INVALID"));
            // what the request shows wrong by itself comes first
            postAsEditorIfMatch("\"0\"", "/api/missions/{id}/open", "{\"date\":\"2999-01-01\"}", consulate)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"));
            postAsEditorIfMatch("\"0\"", "/api/missions/{id}/cancel", null, 999999)
                    .andExpect(status().isNotFound());
        }
    }

    @Nested
    @DisplayName("heads of mission")
    class Heads {

        @Test
        @DisplayName("R15: Cuba's first ambassador took up his post in Seoul before the embassy opened")
        void headStartsBeforeTheMissionOpens() throws Exception {
            event("CU", "KR", "ESTABLISHED", "2024-02-14");
            long embassy = plan("CU", "KR", "EMBASSY", "Seoul");
            long monzon = diplomat("Claudio Monzón Baeza", "CU");
            clock.setToday(LocalDate.of(2025, 3, 1));
            postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + monzon
                    + ",\"rank\":\"AMBASSADOR\",\"agrementOn\":\"2024-12-01\",\"startedOn\":\"2025-01-08\"}", embassy)
                    .andExpect(status().isCreated())
                    .andExpect(header().exists("Location"))
                    .andExpect(jsonPath("$.missionId").value(embassy))
                    .andExpect(jsonPath("$.diplomatId").value(monzon))
                    .andExpect(jsonPath("$.name").value("Claudio Monzón Baeza"))
                    .andExpect(jsonPath("$.endedOn").value(nullValue()));
            getJson("/api/missions/{id}", embassy)
                    .andExpect(jsonPath("$.status").value("PLANNED"))
                    .andExpect(jsonPath("$.currentHead.name").value("Claudio Monzón Baeza"))
                    .andExpect(jsonPath("$.heads", hasSize(1)));
        }

        @Test
        @DisplayName("a change of its heads is a change of the mission: a new version and ETag")
        void appointingOrEndingAHeadChangesTheMissionsVersionAndETag() throws Exception {
            event("LI", "SM", "ESTABLISHED", "2000-01-01");
            long office = plan("LI", "SM", "LIAISON_OFFICE", "San Marino");
            String planned = getJson("/api/missions/{id}", office).andReturn().getResponse().getHeader("ETag");
            long head = appointHead(office, diplomat("Liechtenstein One", "LI"), "CHARGE_D_AFFAIRES", null, "2025-01-01");

            String appointed = getJson("/api/missions/{id}", office).andExpect(jsonPath("$.version").value(1))
                    .andReturn().getResponse().getHeader("ETag");
            assertThat(appointed).isEqualTo("\"1\"").isNotEqualTo(planned);
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/missions/{id}", office)
                    .header("If-None-Match", planned)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.currentHead.id").value(head));

            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2025-06-01\"}", office, head)
                    .andExpect(status().isOk());
            getJson("/api/missions/{id}", office).andExpect(header().string("ETag", "\"2\""))
                    .andExpect(jsonPath("$.currentHead").value(nullValue()));
        }

        @Test
        @DisplayName("R12: a mission whose head serves is not cancelled; once the head has ended, it is")
        void refusesToCancelAPlannedMissionWhileItsHeadServes() throws Exception {
            event("TO", "WS", "ESTABLISHED", "2000-01-01");
            long office = plan("TO", "WS", "LIAISON_OFFICE", "Apia");
            long head = appointHead(office, diplomat("Tonga One", "TO"), "CHARGE_D_AFFAIRES", null, "2020-01-01");

            postAsEditor("/api/missions/{id}/cancel", null, office).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("MISSION_STATUS_INVALID"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Tonga One")));
            getJson("/api/missions/{id}", office).andExpect(jsonPath("$.status").value("PLANNED"));

            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2021-01-01\"}", office, head)
                    .andExpect(status().isOk());
            postAsEditor("/api/missions/{id}/cancel", null, office).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CANCELLED"))
                    .andExpect(jsonPath("$.heads", hasSize(1)))
                    .andExpect(jsonPath("$.currentHead").value(nullValue()));
        }

        @Test
        @DisplayName("R11, R15: a head's period recorded across a severance is refused, either way round")
        void refusesAHeadsPeriodAcrossASeverance() throws Exception {
            event("FM", "KI", "ESTABLISHED", "2000-01-01");
            event("FM", "KI", "SEVERED", "2005-01-01");
            long embassy = plan("FM", "KI", "EMBASSY", "Tarawa");
            long diplomat = diplomat("Micronesia One", "FM");
            String head = "{\"diplomatId\":" + diplomat + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"2004-01-01\"%s}";

            postAsEditor("/api/missions/{id}/heads", head.formatted(",\"endedOn\":\"2006-01-01\""), embassy)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RELATION_NOT_ESTABLISHED"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("severed on 2005-01-01")));
            postAsEditor("/api/missions/{id}/heads", head.formatted(""), embassy).andExpect(status().isConflict());
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads", hasSize(0)));
            postAsEditor("/api/missions/{id}/heads", head.formatted(",\"endedOn\":\"2005-01-01\""), embassy)
                    .andExpect(status().isCreated());

            long office = plan("FM", "PW", "PROVISIONAL_OFFICE", "Ngerulmud");
            event("FM", "PW", "ESTABLISHED", "2000-01-01");
            postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + diplomat + ",\"rank\":\"CHARGE_D_AFFAIRES\","
                    + "\"startedOn\":\"2004-01-01\",\"endedOn\":\"2006-01-01\"}", office).andExpect(status().isCreated());
            postAsEditor("/api/relations/FM/PW/events", "{\"type\":\"SEVERED\",\"date\":\"2005-01-01\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("across a severance")));
            getJson("/api/missions/{id}", office).andExpect(jsonPath("$.heads[0].endedOn").value("2006-01-01"));
        }

        @Test
        @DisplayName("R3: a head's end, given at the appointment or later, and a charge's agrément are not dated after "
                + "today; an ambassador's agrément after today is after the start (R14)")
        void refusesAHeadsDatesAfterToday() throws Exception {
            event("CU", "KR", "ESTABLISHED", "2024-02-14");
            long embassy = plan("CU", "KR", "EMBASSY", "Seoul");
            long cuban = diplomat("Claudio Monzón Baeza", "CU");
            String tomorrow = MutableClock.DEFAULT_TODAY.plusDays(1).toString();
            String interim = "{\"diplomatId\":" + cuban + ",\"rank\":\"CHARGE_D_AFFAIRES_AD_INTERIM\","
                    + "\"startedOn\":\"2024-03-01\"";
            postAsEditor("/api/missions/{id}/heads", interim + ",\"endedOn\":\"" + tomorrow + "\"}", embassy)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"))
                    .andExpect(jsonPath("$.rule").value("R3"))
                    .andExpect(jsonPath("$.detail").value(containsString("endedOn")));
            postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + cuban + ",\"rank\":\"CHARGE_D_AFFAIRES\","
                    + "\"agrementOn\":\"" + tomorrow + "\",\"startedOn\":\"2024-03-01\"}", embassy)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"))
                    .andExpect(jsonPath("$.rule").value("R3"))
                    .andExpect(jsonPath("$.detail").value(containsString("agrementOn")));
            // an ambassador's agrément after today is after the start: R14's answer
            postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + cuban + ",\"rank\":\"AMBASSADOR\","
                    + "\"agrementOn\":\"" + tomorrow + "\",\"startedOn\":\"2024-03-01\"}", embassy)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("AGREMENT_REQUIRED"))
                    .andExpect(jsonPath("$.rule").value("R14"));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads", hasSize(0)));

            long head = create("/api/missions/" + embassy + "/heads", interim + "}").get("id").asLong();
            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"" + tomorrow + "\"}", embassy, head)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"))
                    .andExpect(jsonPath("$.rule").value("R3"));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads[0].endedOn").value(nullValue()));
            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"" + MutableClock.DEFAULT_TODAY + "\"}",
                    embassy, head).andExpect(status().isOk());
        }

        @Test
        @DisplayName("R13, R14, R15, R16: who may head a mission, and when")
        void enforcesHeadOfMissionRules() throws Exception {
            long embassy = plan("CU", "KR", "EMBASSY", "Seoul");
            long consulate = plan("CU", "KR", "CONSULATE", "Busan");
            long cuban = diplomat("Claudio Monzón Baeza", "CU");
            long korean = diplomat("Chung Byung-won", "KR");
            String head = "{\"diplomatId\":%s,\"rank\":\"%s\",\"agrementOn\":%s,\"startedOn\":\"%s\"%s}";
            postAsEditor("/api/missions/{id}/heads", head.formatted(cuban, "AMBASSADOR", "\"2024-01-01\"", "2024-01-08", ""), embassy)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RELATION_NOT_ESTABLISHED"))
                    .andExpect(jsonPath("$.rule").value("R15"));
            event("CU", "KR", "ESTABLISHED", "2024-02-14");
            postAsEditor("/api/missions/{id}/heads", head.formatted(cuban, "CONSUL", "null", "2024-03-01", ""), embassy)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rank"));
            postAsEditor("/api/missions/{id}/heads", head.formatted(cuban, "CHARGE_D_AFFAIRES", "null", "2024-03-01", ""), consulate)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MISSION_TYPE_INVALID"));
            postAsEditor("/api/missions/{id}/heads", head.formatted(korean, "CHARGE_D_AFFAIRES", "null", "2024-03-01", ""), embassy)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DIPLOMAT_NOT_OF_SENDING_COUNTRY"));
            postAsEditor("/api/missions/{id}/heads", head.formatted(cuban, "AMBASSADOR", "null", "2024-03-01", ""), embassy)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("AGREMENT_REQUIRED"));
            postAsEditor("/api/missions/{id}/heads", head.formatted(cuban, "ENVOY", "\"2024-03-02\"", "2024-03-01", ""), embassy)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("AGREMENT_REQUIRED"));
            postAsEditor("/api/missions/{id}/heads", head.formatted(999_999, "CHARGE_D_AFFAIRES", "null", "2024-03-01", ""), embassy)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_REFERENCE"));
            postAsEditor("/api/missions/{id}/heads", head.formatted(cuban, "CHARGE_D_AFFAIRES_AD_INTERIM", "null", "2027-03-01", ""), embassy)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"));
            long interim = create("/api/missions/" + embassy + "/heads",
                    head.formatted(cuban, "CHARGE_D_AFFAIRES_AD_INTERIM", "null", "2024-03-01", "")).get("id").asLong();
            long successor = diplomat("Another Cuban", "CU");
            postAsEditor("/api/missions/{id}/heads", head.formatted(successor, "AMBASSADOR", "\"2024-12-01\"", "2025-01-08", ""), embassy)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("HEAD_OF_MISSION_OVERLAP"));
            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2024-02-29\"}", embassy, interim)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("date"));
            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2025-01-08\"}", embassy, interim)
                    .andExpect(status().isOk()).andExpect(jsonPath("$.endedOn").value("2025-01-08"));
            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2025-01-09\"}", embassy, interim)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MISSION_STATUS_INVALID"));
            postAsEditor("/api/missions/{id}/heads", head.formatted(successor, "AMBASSADOR", "\"2024-12-01\"", "2025-01-08", ""), embassy)
                    .andExpect(status().isCreated());
            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"2025-01-09\"}", embassy, 999_999)
                    .andExpect(status().isNotFound());
            getJson("/api/missions/{id}", embassy)
                    .andExpect(jsonPath("$.heads[*].rank").value(contains("CHARGE_D_AFFAIRES_AD_INTERIM", "AMBASSADOR")))
                    .andExpect(jsonPath("$.currentHead.name").value("Another Cuban"));
            deleteAsEditor("/api/diplomats/{id}", successor)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RESOURCE_IN_USE"));
        }

        @Test
        @DisplayName("a head's start and end known to a year or a month only are kept as the period's first day, which the rules compare")
        void keepsHeadsKnownToAMonthOrAYearAsTheFirstDayOfThePeriod() throws Exception {
            event("US", "KR", "ESTABLISHED", "1949-01-01");
            long embassy = plan("US", "KR", "EMBASSY", "Seoul");
            postAsEditor("/api/missions/{id}/open", "{\"date\":\"1949-04-01\",\"datePrecision\":\"YEAR\"}", embassy)
                    .andExpect(status().isOk());
            long muccio = diplomat("John J. Muccio", "US");
            long briggs = diplomat("Ellis O. Briggs", "US");
            String appoint = "{\"diplomatId\":%s,\"rank\":\"AMBASSADOR\",\"agrementOn\":\"%s\",\"startedOn\":\"%s\",%s}";

            postAsEditor("/api/missions/{id}/heads", appoint.formatted(muccio, "1949-03-15", "1949-04-20",
                    "\"datePrecision\":\"DECADE\""), embassy)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("datePrecision"));
            postAsEditor("/api/missions/{id}/heads", appoint.formatted(muccio, "1949-03-15", "1949-04-20",
                    "\"endedPrecision\":\"YEAR\""), embassy)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("endedPrecision"));
            postAsEditor("/api/missions/{id}/heads", appoint.formatted(muccio, "1949-06-15", "1949-07-20",
                    "\"datePrecision\":\"YEAR\""), embassy)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("AGREMENT_REQUIRED"));
            long first = create("/api/missions/" + embassy + "/heads", appoint.formatted(muccio, "1949-03-15",
                    "1949-04-20", "\"datePrecision\":\"MONTH\"")).get("id").asLong();
            postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"1952-09-08\",\"datePrecision\":\"YEAR\"}",
                    embassy, first)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.startedOn").value("1949-04-01"))
                    .andExpect(jsonPath("$.startedPrecision").value("MONTH"))
                    .andExpect(jsonPath("$.endedOn").value("1952-01-01"))
                    .andExpect(jsonPath("$.endedPrecision").value("YEAR"));
            create("/api/missions/" + embassy + "/heads", appoint.formatted(briggs, "1951-12-01", "1952-03-25",
                    "\"datePrecision\":\"YEAR\",\"endedOn\":\"1955-04-12\",\"endedPrecision\":\"MONTH\""));

            getJson("/api/missions/{id}", embassy)
                    .andExpect(jsonPath("$.heads[*].startedOn").value(contains("1949-04-01", "1952-01-01")))
                    .andExpect(jsonPath("$.heads[*].startedPrecision").value(contains("MONTH", "YEAR")))
                    .andExpect(jsonPath("$.heads[*].endedOn").value(contains("1952-01-01", "1955-04-01")))
                    .andExpect(jsonPath("$.heads[*].endedPrecision").value(contains("YEAR", "MONTH")));
            getJson("/api/missions/{id}/heads/{head}", embassy, first)
                    .andExpect(jsonPath("$.startedPrecision").value("MONTH"));
            getJson("/api/relations/US/KR/timeline?size=50")
                    .andExpect(jsonPath("$.content[?(@.type == 'HEAD_OF_MISSION_STARTED')].summary").value(contains(
                            "John J. Muccio (ambassador) took up functions at the embassy of US in Seoul (month known)",
                            "Ellis O. Briggs (ambassador) took up functions at the embassy of US in Seoul "
                                    + "(year known)")))
                    .andExpect(jsonPath("$.content[?(@.type == 'HEAD_OF_MISSION_STARTED')].datePrecision")
                            .value(contains("MONTH", "YEAR")))
                    .andExpect(jsonPath("$.content[?(@.type == 'HEAD_OF_MISSION_ENDED')].datePrecision")
                            .value(contains("YEAR", "MONTH")));
            getJson("/api/relations/US/KR/timeline?size=50")
                    .andExpect(jsonPath("$.content[?(@.type == 'MISSION_OPENED')].summary").value(contains(
                            "Embassy of US in Seoul opened (year known)")))
                    .andExpect(jsonPath("$.content[?(@.type == 'MISSION_OPENED')].datePrecision")
                            .value(contains("YEAR")))
                    .andExpect(jsonPath("$.content[?(@.type == 'ESTABLISHED')].datePrecision").value(contains("DAY")));
            getJson("/api/relations/US/KR?asOf=1950-06-25")
                    .andExpect(jsonPath("$.missions[0].openedOn").value("1949-01-01"))
                    .andExpect(jsonPath("$.missions[0].openedPrecision").value("YEAR"))
                    .andExpect(jsonPath("$.missions[0].closedPrecision").value(nullValue()));
            getJson("/api/relations/US/KR?asOf=1948-12-31")
                    .andExpect(jsonPath("$.missions[0].openedOn").value(nullValue()))
                    .andExpect(jsonPath("$.missions[0].openedPrecision").value(nullValue()));
        }

        @Test
        @DisplayName("R16: closing a mission ends its serving head that day")
        void closingEndsTheServingHead() throws Exception {
            event("CU", "KR", "ESTABLISHED", "2024-02-14");
            long embassy = plan("CU", "KR", "EMBASSY", "Seoul");
            open(embassy, "2024-09-01").andExpect(status().isOk());
            long cuban = diplomat("Claudio Monzón Baeza", "CU");
            appointHead(embassy, cuban, "CHARGE_D_AFFAIRES", null, "2024-09-01");
            postAsEditor("/api/missions/{id}/close", "{\"date\":\"2025-05-01\"}", embassy)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.heads[0].endedOn").value("2025-05-01"));
        }
    }

    @Nested
    @DisplayName("a past mission, opened with its closing")
    class PastMission {

        private org.springframework.test.web.servlet.ResultActions openUntil(long id, String date, String closedOn)
                throws Exception {
            return openClosedFor(id, date, closedOn, "Moved");
        }

        @Test
        @DisplayName("R7: an embassy that closed is back-filled before a later embassy of its direction")
        void isRecordedBeforeALaterEmbassyOfItsDirection() throws Exception {
            event("BJ", "BO", "ESTABLISHED", "1990-01-01");
            open(plan("BJ", "BO", "EMBASSY", "La Paz"), "2005-01-01").andExpect(status().isOk());
            long past = plan("BJ", "BO", "EMBASSY", "Sucre");

            open(past, "1995-01-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("EMBASSY_ALREADY_OPEN"));
            openUntil(past, "1995-01-01", "2005-01-02").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("EMBASSY_ALREADY_OPEN"));
            getJson("/api/missions/{id}", past).andExpect(jsonPath("$.status").value("PLANNED"));

            openUntil(past, "1995-01-01", "2000-01-01").andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.openedOn").value("1995-01-01"))
                    .andExpect(jsonPath("$.closedOn").value("2000-01-01"))
                    .andExpect(jsonPath("$.closingReason").value("Moved"));
            getJson("/api/missions?sending=BJ&receiving=BO&openOn=1997-06-01")
                    .andExpect(jsonPath("$.content[*].id", contains((int) past)));
        }

        @Test
        @DisplayName("R11: an embassy and a provisional office that closed are back-filled before a later severance")
        void isRecordedBeforeALaterSeverance() throws Exception {
            event("BW", "BZ", "ESTABLISHED", "1990-01-01");
            event("BW", "BZ", "SEVERED", "2003-01-01");
            long office = plan("BW", "BZ", "PROVISIONAL_OFFICE", "Belmopan");
            long embassy = plan("BW", "BZ", "EMBASSY", "Belmopan");

            openUntil(embassy, "1995-01-01", "2004-01-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2003-01-01")));
            openUntil(office, "1991-01-01", "1992-01-01").andExpect(status().isOk());
            openUntil(embassy, "1995-01-01", "2000-01-01").andExpect(status().isOk())
                    .andExpect(jsonPath("$.predecessorId").value(nullValue()));
            getJson("/api/missions/{id}", office).andExpect(jsonPath("$.closingReason").value("Moved"))
                    .andExpect(jsonPath("$.successorId").value(nullValue()));
        }

        @Test
        @DisplayName("R8 and R20: an office that closed is back-filled before a later embassy, not across an earlier one")
        void anOfficeIsRecordedBeforeALaterEmbassyButNotWhileOneWasOpen() throws Exception {
            event("GH", "GM", "ESTABLISHED", "1990-01-01");
            long embassy = plan("GH", "GM", "EMBASSY", "Banjul");
            open(embassy, "2005-01-01").andExpect(status().isOk());
            long office = plan("GH", "GM", "PROVISIONAL_OFFICE", "Banjul");

            openUntil(office, "2003-01-01", "2006-01-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(containsString("EMBASSY " + embassy + " ")));
            openUntil(office, "1991-01-01", "1992-01-01").andExpect(status().isOk());
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.predecessorId").value(nullValue()));
        }

        @Test
        @DisplayName("R20 with R23: an embassy that closed is back-filled before a later accreditation of its direction")
        void isRecordedBeforeALaterAccreditation() throws Exception {
            event("GN", "GQ", "ESTABLISHED", "1990-01-01");
            postAsEditor("/api/relations/GN/GQ/accreditations", "{\"sendingCountry\":\"GN\",\"level\":\"AMBASSADOR\","
                    + "\"from\":\"2010-01-01\"}").andExpect(status().isCreated());
            long embassy = plan("GN", "GQ", "EMBASSY", "Malabo");

            openUntil(embassy, "2005-01-01", "2011-01-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                    .andExpect(jsonPath("$.detail").value(containsString("accreditation")));
            openUntil(embassy, "1995-01-01", "2010-01-01").andExpect(status().isOk());
        }

        @Test
        @DisplayName("R11: a past embassy closes for RELATIONS_SEVERED on a recorded severance's day, not on another")
        void takesTheSeverancesReasonOnTheDayOfARecordedSeverance() throws Exception {
            event("CV", "CM", "ESTABLISHED", "1990-01-01");
            long severance = create("/api/relations/CV/CM/events", "{\"type\":\"SEVERED\",\"date\":\"2003-01-01\"}")
                    .get("id").asLong();
            long embassy = plan("CV", "CM", "EMBASSY", "Yaounde");
            long consulate = plan("CV", "CM", "CONSULATE", "Douala");

            openClosedFor(embassy, "1995-01-01", "2002-06-01", "RELATIONS_SEVERED").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("closingReason"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("no severance of the pair is "
                            + "recorded on 2002-06-01")));
            openClosedFor(consulate, "1995-01-01", "2003-01-01", "RELATIONS_SEVERED").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("which a consulate is not")));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("PLANNED"));

            openClosedFor(embassy, "1995-01-01", "2003-01-01", "RELATIONS_SEVERED").andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.closedOn").value("2003-01-01"))
                    .andExpect(jsonPath("$.closingReason").value("RELATIONS_SEVERED"));
            // the severance it relies on stays, as one that closed it itself would (R20)
            deleteAsEditor("/api/relations/CV/CM/events/{id}", severance).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"));
        }

        @Test
        @DisplayName("R8: a past office closes for SUPERSEDED on the day its successor opened, which it is linked to")
        void takesTheSupersedingReasonOnTheDayItsSuccessorOpened() throws Exception {
            event("DM", "EC", "ESTABLISHED", "1990-01-01");
            long embassy = plan("DM", "EC", "EMBASSY", "Quito");
            open(embassy, "2005-01-01").andExpect(status().isOk());
            long office = plan("DM", "EC", "PROVISIONAL_OFFICE", "Quito");

            openClosedFor(office, "2000-01-01", "2004-06-01", "SUPERSEDED").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("closingReason"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("no mission of the direction "
                            + "that supersedes a provisional office opened on 2004-06-01")));

            long other = plan("DM", "EC", "EMBASSY", "Guayaquil");
            openClosedFor(other, "1995-01-01", "2005-01-01", "SUPERSEDED").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("a provisional office, an "
                            + "interests section or a legation, which an embassy is not")));

            openClosedFor(office, "2000-01-01", "2005-01-01", "SUPERSEDED").andExpect(status().isOk())
                    .andExpect(jsonPath("$.closingReason").value("SUPERSEDED"))
                    .andExpect(jsonPath("$.successorId").value((int) embassy));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.predecessorId").value((int) office));
        }

        @Test
        @DisplayName("the closing is checked as the close action checks it, and given whole")
        void refusesAClosingTheCloseActionWouldRefuse() throws Exception {
            event("CR", "DJ", "ESTABLISHED", "1990-01-01");
            long embassy = plan("CR", "DJ", "EMBASSY", "Djibouti");

            openUntil(embassy, "1995-01-01", "1994-01-01").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("MISSION_STATUS_INVALID"));
            openUntil(embassy, "1995-01-01", "2026-06-02").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"));
            postAsEditor("/api/missions/{id}/open", "{\"date\":\"1995-01-01\",\"closedOn\":\"2000-01-01\","
                    + "\"closingReason\":\"SUPERSEDED\"}", embassy).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("closingReason"));
            postAsEditor("/api/missions/{id}/open", "{\"date\":\"1995-01-01\",\"closedPrecision\":\"YEAR\"}", embassy)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("closedPrecision"));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("PLANNED"));

            postAsEditor("/api/missions/{id}/open", "{\"date\":\"1995-01-01\",\"closedOn\":\"2000-06-01\","
                    + "\"closedPrecision\":\"YEAR\"}", embassy).andExpect(status().isOk())
                    .andExpect(jsonPath("$.closedOn").value("2000-01-01"))
                    .andExpect(jsonPath("$.closedPrecision").value("YEAR"));
        }
    }

    @Test
    void listsMissionsByCountryTypeStatusAndOpenOn() throws Exception {
        ThreeMissions missions = threeMissions();
        long embassy = missions.embassy();
        long planned = missions.planned();
        long liaison = missions.liaison();
        getJson("/api/missions?country=CU").andExpect(jsonPath("$.content[*].id").value(contains((int) embassy, (int) planned)));
        getJson("/api/missions?sending=KR&receiving=cub").andExpect(jsonPath("$.content[*].id").value(contains((int) embassy)));
        getJson("/api/missions?status=PLANNED").andExpect(jsonPath("$.content[*].id").value(contains((int) planned)));
        getJson("/api/missions?type=LIAISON_OFFICE").andExpect(jsonPath("$.content[*].id").value(contains((int) liaison)));
        getJson("/api/missions?openOn=1995-06-01").andExpect(jsonPath("$.content[*].id").value(contains((int) liaison)));
        getJson("/api/missions?openOn=1995-08-05").andExpect(jsonPath("$.content").isEmpty());
        getJson("/api/missions?openOn=2025-01-17").andExpect(jsonPath("$.content[*].id").value(contains((int) embassy)));
        getJson("/api/missions?sort=city,desc").andExpect(jsonPath("$.content[0].city").value("Seoul"));
        getJson("/api/missions?country=ZZ").andExpect(status().isBadRequest());
        getJson("/api/missions?status=SHUT").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of PLANNED, OPEN, CLOSED, CANCELLED"));
        getJson("/api/missions?openOn=yesterday").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        assertThat(json(getJson("/api/missions?size=1")).get("page").get("totalElements").asInt()).isEqualTo(3);
    }

    @Test
    void sortsAndPagesTheListByEachOfItsSortProperties() throws Exception {
        ThreeMissions missions = threeMissions();
        Map<String, List<Long>> expected = Map.of(
                "id", List.of(missions.embassy(), missions.planned(), missions.liaison()),
                "sendingCountry", List.of(missions.planned(), missions.embassy(), missions.liaison()),
                "receivingCountry", List.of(missions.embassy(), missions.planned(), missions.liaison()),
                "city", List.of(missions.liaison(), missions.embassy(), missions.planned()),
                "status", List.of(missions.liaison(), missions.embassy(), missions.planned()),
                "openedOn", List.of(missions.liaison(), missions.embassy()),
                "closedOn", List.of(missions.liaison()));
        expected.forEach((property, order) -> {
            try {
                List<Long> ascending = ids(json(getJson("/api/missions?sort=" + property + ",asc")));
                List<Long> descending = ids(json(getJson("/api/missions?sort=" + property + ",desc")));
                // missions without the date sort first or last as the database puts nulls
                assertThat(ascending.stream().filter(order::contains).toList()).as(property).isEqualTo(order);
                List<Long> reversed = new ArrayList<>(order);
                Collections.reverse(reversed);
                assertThat(descending.stream().filter(order::contains).toList()).as(property).isEqualTo(reversed);
                // one country's missions (both of its sides, read as a union) in the order of the whole list
                List<Long> korean = List.of(missions.embassy(), missions.planned());
                for (String direction : List.of("asc", "desc")) {
                    JsonNode ofKorea = json(getJson("/api/missions?country=KR&sort=" + property + "," + direction));
                    List<Long> whole = direction.equals("asc") ? ascending : descending;
                    assertThat(ids(ofKorea)).as(property + " " + direction + " of one country")
                            .isEqualTo(whole.stream().filter(korean::contains).toList());
                    JsonNode secondOfKorea = json(getJson("/api/missions?country=KR&size=1&page=1&sort=" + property
                            + "," + direction));
                    assertThat(ids(secondOfKorea)).as(property + " " + direction + ", second page")
                            .containsExactly(ids(ofKorea).get(1));
                    assertThat(secondOfKorea.get("page").get("totalElements").asInt()).isEqualTo(2);
                }
            } catch (Exception e) {
                throw new AssertionError(property, e);
            }
        });
        assertThat(ids(json(getJson("/api/missions?sort=type,desc")))).first().isEqualTo(missions.liaison());
        JsonNode secondPage = json(getJson("/api/missions?sort=city&size=2&page=1"));
        assertThat(ids(secondPage)).containsExactly(missions.planned());
        assertThat(secondPage.get("page").get("totalElements").asInt()).isEqualTo(3);
        JsonNode filtered = json(getJson("/api/missions?country=KR&type=EMBASSY&status=OPEN&openOn=2025-01-17&size=1"));
        assertThat(ids(filtered)).containsExactly(missions.embassy());
        assertThat(filtered.get("page").get("totalElements").asInt()).isEqualTo(1);
        getJson("/api/missions?sort=plannedOpening").andExpect(status().isBadRequest());
    }

    /** South Korea's embassy in Havana (open), Cuba's in Seoul (planned), a U.S. liaison office in Hanoi (closed). */
    private ThreeMissions threeMissions() throws Exception {
        event("CU", "KR", "ESTABLISHED", "2024-02-14");
        long embassy = plan("KR", "CU", "EMBASSY", "Havana");
        long planned = plan("CU", "KR", "EMBASSY", "Seoul");
        long liaison = plan("US", "VN", "LIAISON_OFFICE", "Hanoi");
        open(embassy, "2025-01-17").andExpect(status().isOk());
        open(liaison, "1995-01-28").andExpect(status().isOk());
        postAsEditor("/api/missions/{id}/close", "{\"date\":\"1995-08-05\"}", liaison).andExpect(status().isOk());
        return new ThreeMissions(embassy, planned, liaison);
    }

    private record ThreeMissions(long embassy, long planned, long liaison) {
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(mission -> ids.add(mission.get("id").asLong()));
        return ids;
    }
}
