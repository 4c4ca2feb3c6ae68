package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Countries with lifetimes (API.md 1.1): PUT with If-Match, R20 on a change, R22 on every write path. */
class CountryLifetimeApiIntegrationTests extends ApiIntegrationTest {

    /**
     * The countries these tests change, as they were before each test; restored through the API after it, and then
     * their versions too, which the restoring PUT raised (the next classes see the countries as shipped).
     */
    private final Map<String, JsonNode> before = new HashMap<>();

    private final Map<String, Long> versions = new HashMap<>();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Countries countries;

    @BeforeEach
    void rememberTheCountries() throws Exception {
        for (String code : List.of("DD", "US")) {
            before.put(code, json(getJson("/api/countries/" + code)));
            versions.put(code, jdbc.queryForObject("select version from country where code = ?", Long.class, code));
        }
    }

    @AfterEach
    void restoreTheCountries() throws Exception {
        for (JsonNode country : before.values()) {
            ObjectNode body = JSON.createObjectNode();
            body.set("name", country.get("name"));
            body.set("startedOn", country.get("startedOn"));
            body.set("endedOn", country.get("endedOn"));
            body.set("sources", country.get("sources"));
            putCountry(country.get("code").asString(), body.toString(), null).andExpect(status().isOk());
        }
        versions.forEach((code, version) ->
                jdbc.update("update country set version = ? where code = ?", version, code));
        countries.forgetCached();
    }

    private ResultActions putCountry(String code, String json, String ifMatch) throws Exception {
        var request = put("/api/countries/" + code).contentType(MediaType.APPLICATION_JSON).content(json)
                .with(httpBasic("admin", "admin-secret"));
        return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    private static ResultActions refusedByR22(ResultActions result) throws Exception {
        return result.andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("COUNTRY_NOT_IN_EXISTENCE"))
                .andExpect(jsonPath("$.rule").value("R22"));
    }

    @Test
    void changesALifetimeWithIfMatchAndRefusesAStaleVersion() throws Exception {
        postAsAdmin("/api/countries", """
                {"code": "XH", "alpha3": "XHN", "name": "Kingdom of Hanover", "startedOn": "1814-10-12"}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.former").value(false));

        putCountry("xhn", """
                {"name": "Kingdom of Hanover", "startedOn": "1814-10-12", "endedOn": "1866-09-20",
                 "sources": [{"url": "https://en.wikipedia.org/wiki/Kingdom_of_Hanover"}]}""", "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.code").value("XH"))
                .andExpect(jsonPath("$.endedOn").value("1866-09-20"))
                .andExpect(jsonPath("$.former").value(true))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.sources[0].url").value("https://en.wikipedia.org/wiki/Kingdom_of_Hanover"));
        getJson("/api/countries/XH").andExpect(jsonPath("$.endedOn").value("1866-09-20"))
                .andExpect(header().string("ETag", "\"1\""));

        putCountry("XH", "{\"name\": \"Hanover\"}", "\"0\"")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("VERSION_MISMATCH"));
        getJson("/api/countries/XH").andExpect(jsonPath("$.name").value("Kingdom of Hanover"));
        putCountry("XH", "{\"name\": \"Hanover\"}", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.endedOn").value((Object) null))
                .andExpect(jsonPath("$.sources[0].url").value("https://en.wikipedia.org/wiki/Kingdom_of_Hanover"));
    }

    @Test
    void keepsTheSourcesOfACountryThatAChangeLeavesOutAndRemovesThemWhenGivenNone() throws Exception {
        JsonNode recorded = json(getJson("/api/countries/DD")).get("sources");
        assertThat(recorded).isNotEmpty();

        putCountry("DD", """
                {"name": "German Democratic Republic", "startedOn": "1949-10-07", "endedOn": "1990-10-02"}""", null)
                .andExpect(status().isOk());
        assertThat(json(getJson("/api/countries/DD")).get("sources")).isEqualTo(recorded);

        putCountry("DD", """
                {"name": "German Democratic Republic", "startedOn": "1949-10-07", "endedOn": "1990-10-02",
                 "sources": []}""", null).andExpect(status().isOk()).andExpect(jsonPath("$.sources").isEmpty());
    }

    @Test
    void refusesInvalidChangesAndWritersWithoutTheAdminRole() throws Exception {
        putCountry("DD", "{\"name\": \"GDR\", \"startedOn\": \"1990-10-03\", \"endedOn\": \"1949-10-07\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("endedOn"));
        putCountry("DD", "{\"name\": \" \"}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        putCountry("QQ", "{\"name\": \"Nowhere\"}", null).andExpect(status().isNotFound());
        mvc.perform(put("/api/countries/DD").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"GDR\"}")
                .with(httpBasic("editor", "editor-secret"))).andExpect(status().isForbidden());
        mvc.perform(put("/api/countries/DD").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"GDR\"}"))
                .andExpect(status().isUnauthorized());
        getJson("/api/countries/DD").andExpect(jsonPath("$.name").value("German Democratic Republic"))
                .andExpect(jsonPath("$.version").value(before.get("DD").get("version").asInt()));
    }

    @Test
    void refusesALifetimeThatStartsOrEndsAfterToday() throws Exception {
        postAsAdmin("/api/countries", """
                {"code": "XR", "alpha3": "XRR", "name": "Republic of Tomorrow", "endedOn": "2026-06-02"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"))
                .andExpect(jsonPath("$.rule").value("R3"))
                .andExpect(jsonPath("$.detail",
                        containsString("end of its existence (endedOn) 2026-06-02 is after today (2026-06-01)")));
        getJson("/api/countries/XR").andExpect(status().isNotFound());
        putCountry("DD", """
                {"name": "German Democratic Republic", "startedOn": "2027-01-01"}""", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"));
        getJson("/api/countries/DD").andExpect(jsonPath("$.startedOn").value("1949-10-07"));
        postAsAdmin("/api/countries", """
                {"code": "XR", "alpha3": "XRR", "name": "Republic of Today", "endedOn": "2026-06-01"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.former").value(true));
    }

    @Test
    void r22RefusesEventsOfAFormerStateOutsideItsExistence() throws Exception {
        refusedByR22(postAsEditor("/api/relations/DD/US/events", "{\"type\":\"ESTABLISHED\",\"date\":\"1949-10-06\"}"))
                .andExpect(jsonPath("$.detail", containsString("DD (German Democratic Republic) exists from 1949-10-07 "
                        + "to 1990-10-02")));
        refusedByR22(postAsEditor("/api/relations/DD/US/events", "{\"type\":\"ESTABLISHED\",\"date\":\"1991-01-01\"}"));
        recordEvent("DD", "US", "ESTABLISHED", "1974-09-04");
        getJson("/api/relations/DD/US").andExpect(jsonPath("$.status").value("ESTABLISHED"));
    }

    @Test
    void r22KeepsOpeningsAndHeadsWithinAndClosingsUntilTheDayAfterTheEnd() throws Exception {
        recordEvent("DD", "US", "ESTABLISHED", "1974-09-04");
        long embassy = planMission("US", "DD", "EMBASSY", "East Berlin");
        openMission(embassy, "1974-12-09").andExpect(status().isOk());
        long envoy = newDiplomat("John Sherman Cooper", "US");
        refusedByR22(postAsEditor("/api/missions/" + embassy + "/heads", "{\"diplomatId\":" + envoy
                + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"1974-12-09\",\"endedOn\":\"1990-10-04\"}"));
        create("/api/missions/" + embassy + "/heads", "{\"diplomatId\":" + envoy
                + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"1974-12-09\",\"endedOn\":\"1990-10-03\"}");
        refusedByR22(closeMission(embassy, "1990-10-04"));
        closeMission(embassy, "1990-10-03").andExpect(status().isOk());

        long late = planMission("US", "DD", "CONSULATE", "Leipzig");
        refusedByR22(openMission(late, "1991-01-01"));
        long somewhere = planMission("US", "DD", "LIAISON_OFFICE", null);
        getJson("/api/missions/" + somewhere).andExpect(jsonPath("$.city").value((Object) null));
        refusedByR22(openMission(somewhere, "1949-10-06"));
    }

    @Test
    void r22RefusesMeetingsAccreditationsAndAchievementsOutsideTheExistenceOfACountry() throws Exception {
        long gdr = newDiplomat("Oskar Fischer", "DD");
        long us = newDiplomat("A US diplomat", "US");
        refusedByR22(postAsEditor("/api/meetings", "{\"date\":\"1991-03-01\",\"country\":\"US\",\"participants\":"
                + "[{\"diplomatId\":" + gdr + "},{\"diplomatId\":" + us + "}]}"));
        refusedByR22(postAsEditor("/api/meetings", "{\"date\":\"1948-03-01\",\"country\":\"SU\",\"participants\":"
                + "[{\"diplomatId\":" + gdr + "},{\"diplomatId\":" + us + "}]}"))
                .andExpect(jsonPath("$.detail", containsString("DD (German Democratic Republic)")));
        refusedByR22(postAsEditor("/api/meetings", "{\"date\":\"1992-03-01\",\"country\":\"SU\",\"participants\":"
                + "[{\"diplomatId\":" + us + "},{\"diplomatId\":" + newDiplomat("A Russian diplomat", "RU") + "}]}"))
                .andExpect(jsonPath("$.detail", containsString("SU (Soviet Union)")));
        create("/api/meetings", "{\"date\":\"1980-03-01\",\"country\":\"SU\",\"participants\":"
                + "[{\"diplomatId\":" + gdr + "},{\"diplomatId\":" + us + "}]}");

        recordEvent("DD", "US", "ESTABLISHED", "1974-09-04");
        refusedByR22(postAsEditor("/api/relations/DD/US/accreditations",
                "{\"sendingCountry\":\"US\",\"level\":\"CONSUL\",\"from\":\"1990-10-03\"}"));
        long consul = create("/api/relations/DD/US/accreditations",
                "{\"sendingCountry\":\"US\",\"level\":\"CONSUL\",\"from\":\"1980-01-01\"}").get("id").asLong();
        refusedByR22(postAsEditor("/api/relations/DD/US/accreditations/" + consul + "/end", "{\"date\":\"1990-10-04\"}"));

        long milestone = create("/api/relations/DD/US/milestones", "{\"title\":\"Trade agreement\",\"target\":\"1990\"}")
                .get("id").asLong();
        refusedByR22(postAsEditor("/api/milestones/" + milestone + "/achieve", "{\"date\":\"1990-12-01\"}"));
        postAsEditor("/api/milestones/" + milestone + "/achieve", "{\"date\":\"1990-06-01\"}").andExpect(status().isOk());
    }

    @Test
    void r20RenamesACountryThatAFactOfAnEarlierReleaseLiesOutsideButKeepsItsLifetimeFromMovingFurther()
            throws Exception {
        recordEvent("DD", "US", "ESTABLISHED", "1974-09-04");
        long embassy = planMission("US", "DD", "EMBASSY", "East Berlin");
        openMission(embassy, "1974-12-09").andExpect(status().isOk());
        closeMission(embassy, "1990-10-03").andExpect(status().isOk());
        // as a release that did not check the closing could have recorded it: later than the day after the end
        jdbc.update("update mission set closed_on = date '1991-06-30' where id = ?", embassy);

        putCountry("DD", "{\"name\": \"German Democratic Republic (East Germany)\", \"startedOn\": \"1949-10-07\", "
                + "\"endedOn\": \"1990-10-02\"}", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("German Democratic Republic (East Germany)"));
        putCountry("DD", "{\"name\": \"German Democratic Republic\", \"startedOn\": \"1949-10-07\", "
                + "\"endedOn\": \"1990-10-01\"}", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("R20"))
                .andExpect(jsonPath("$.detail", containsString("EMBASSY " + embassy)));
    }

    @Test
    void r22ClosesAnInterestsSectionAtMostOnTheDayAfterItsProtectingPowerEndedAndR20KeepsItSo() throws Exception {
        // Czechoslovakia (1918-10-28 to 1992-12-31) protected Cuba's interests in Washington from 1977
        recordEvent("CU", "US", "ESTABLISHED", "1902-05-20");
        recordEvent("CU", "US", "SEVERED", "1961-01-03");
        recordEvent("CS", "US", "ESTABLISHED", "1919-01-01");
        long section = create("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"US\","
                + "\"type\":\"INTERESTS_SECTION\",\"city\":\"Washington\",\"protectingPower\":\"CS\"}")
                .get("id").asLong();
        long past = create("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"US\","
                + "\"type\":\"INTERESTS_SECTION\",\"city\":\"Washington\",\"protectingPower\":\"CS\"}")
                .get("id").asLong();
        refusedByR22(postAsEditor("/api/missions/{id}/open", "{\"date\":\"1977-09-01\",\"closedOn\":\"1993-01-02\"}",
                past)).andExpect(jsonPath("$.detail", containsString("CS")));
        getJson("/api/missions/{id}", past).andExpect(jsonPath("$.status").value("PLANNED"));
        openMission(section, "1977-09-01").andExpect(status().isOk());
        refusedByR22(closeMission(section, "1993-01-02")).andExpect(jsonPath("$.detail", containsString("CS")));
        closeMission(section, "1993-01-01").andExpect(status().isOk());

        putCountry("CS", "{\"name\": \"Czechoslovakia\", \"startedOn\": \"1918-10-28\", \"endedOn\": \"1992-12-30\"}",
                null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("R20"))
                .andExpect(jsonPath("$.detail", containsString("INTERESTS_SECTION " + section)));
    }

    @Test
    void r20RefusesALifetimeThatWouldLeaveARecordedFactOutsideItNamingTheFact() throws Exception {
        recordEvent("DD", "US", "ESTABLISHED", "1974-09-04");
        long embassy = planMission("US", "DD", "EMBASSY", "East Berlin");
        openMission(embassy, "1974-12-09").andExpect(status().isOk());
        closeMission(embassy, "1990-10-03").andExpect(status().isOk());

        putCountry("DD", "{\"name\": \"German Democratic Republic\", \"startedOn\": \"1974-10-01\", "
                + "\"endedOn\": \"1990-10-02\"}", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICTS_WITH_RECORDED_FACTS"))
                .andExpect(jsonPath("$.rule").value("R20"))
                .andExpect(jsonPath("$.detail", containsString("ESTABLISHED on 1974-09-04 between DD and US")));
        putCountry("DD", "{\"name\": \"German Democratic Republic\", \"startedOn\": \"1949-10-07\", "
                + "\"endedOn\": \"1990-10-01\"}", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("EMBASSY " + embassy + " of US in DD")));
        putCountry("DD", "{\"name\": \"German Democratic Republic\", \"startedOn\": \"1949-10-07\", "
                + "\"endedOn\": \"1990-10-02\", \"sources\": []}", "\"" + before.get("DD").get("version").asLong() + "\"")
                .andExpect(status().isOk());

        long gdr = newDiplomat("Oskar Fischer", "DD");
        long us = newDiplomat("A US diplomat", "US");
        create("/api/meetings", "{\"date\":\"1988-03-01\",\"country\":\"US\",\"participants\":"
                + "[{\"diplomatId\":" + gdr + "},{\"diplomatId\":" + us + "}]}");
        putCountry("US", "{\"name\": \"United States\", \"startedOn\": \"1990-01-01\"}", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("US would exist from 1990-01-01")));
        putCountry("US", "{\"name\": \"United States\", \"startedOn\": \"1776-07-04\"}", null)
                .andExpect(status().isOk());
        putCountry("US", "{\"name\": \"United States\", \"endedOn\": \"1988-02-29\"}", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("meeting")));
    }

    @Test
    void r20RefusesAnEndWhileAMissionIsStillOpenAHeadStillServesOrAnAccreditationIsStillInForce() throws Exception {
        postAsAdmin("/api/countries", "{\"code\": \"XQ\", \"alpha3\": \"XQQ\", \"name\": \"Quuxland\", "
                + "\"startedOn\": \"1950-01-01\"}").andExpect(status().isCreated());
        String ending = "{\"name\": \"Quuxland\", \"startedOn\": \"1950-01-01\", \"endedOn\": \"2021-01-01\"}";
        recordEvent("US", "XQ", "ESTABLISHED", "1960-01-01");

        long accreditation = create("/api/relations/US/XQ/accreditations", "{\"sendingCountry\": \"XQ\", "
                + "\"level\": \"AMBASSADOR\", \"from\": \"1970-01-01\"}").get("id").asLong();
        putCountry("XQ", ending, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("R20"))
                .andExpect(jsonPath("$.detail", containsString("AMBASSADOR accreditation " + accreditation
                        + " of XQ to US from 1970-01-01, still in force")));
        postAsEditor("/api/relations/US/XQ/accreditations/" + accreditation + "/end", "{\"date\": \"2021-01-02\"}")
                .andExpect(status().isOk());

        long embassy = planMission("US", "XQ", "EMBASSY", "Quuxville");
        openMission(embassy, "1961-01-01").andExpect(status().isOk());
        putCountry("XQ", ending, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("EMBASSY " + embassy + " of US in XQ (opened 1961-01-01, still open)")));
        closeMission(embassy, "2021-01-02").andExpect(status().isOk());

        long next = planMission("US", "XQ", "EMBASSY", "New Quuxville");
        long head = create("/api/missions/" + next + "/heads", "{\"diplomatId\": " + newDiplomat("Ursula Head", "US")
                + ", \"rank\": \"CHARGE_D_AFFAIRES\", \"startedOn\": \"2020-05-01\"}").get("id").asLong();
        putCountry("XQ", ending, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("head of mission Ursula Head (" + head + ", mission " + next
                        + ", from 2020-05-01, still serving)")));
        postAsEditor("/api/missions/" + next + "/heads/" + head + "/end", "{\"date\": \"2020-12-31\"}")
                .andExpect(status().isOk());

        putCountry("XQ", ending, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.endedOn").value("2021-01-01"));
        getJson("/api/missions?country=XQ&openOn=2026-01-01").andExpect(jsonPath("$.page.totalElements").value(0));

        // a fact recorded open once the country has ended (as the history import does before closing it at the
        // end) does not refuse a change that keeps the end
        create("/api/relations/US/XQ/accreditations", "{\"sendingCountry\": \"US\", \"level\": \"CONSUL\", "
                + "\"from\": \"2000-01-01\"}");
        putCountry("XQ", "{\"name\": \"Quux\", \"startedOn\": \"1950-01-01\", \"endedOn\": \"2021-01-01\"}", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Quux"));
    }
}
