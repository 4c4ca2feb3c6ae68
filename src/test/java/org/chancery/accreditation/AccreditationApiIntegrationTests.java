package org.chancery.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Non-resident accreditations (API.md 1.1): "Ambassador to Antigua and Barbuda, resident in
 * Bridgetown". The United States had an embassy in St. John's from 1981 to 1994; since 1994-06-30
 * its ambassador to Antigua and Barbuda resides at the embassy in Barbados.
 */
class AccreditationApiIntegrationTests extends ApiIntegrationTest {

    private long bridgetown;

    @BeforeEach
    void theUnitedStatesInBarbadosAndAntigua() throws Exception {
        recordEvent("BB", "US", "ESTABLISHED", "1966-11-30");
        bridgetown = planMission("US", "BB", "EMBASSY", "Bridgetown");
        openMission(bridgetown, "1966-11-30").andExpect(status().isOk());
        recordEvent("AG", "US", "ESTABLISHED", "1981-11-01");
    }

    private ResultActions accredit(String json) throws Exception {
        return postAsEditor("/api/relations/AG/US/accreditations", json);
    }

    @Test
    void recordsAnAmbassadorResidentInAThirdCountryAndShowsItWithThePair() throws Exception {
        long embassy = planMission("US", "AG", "EMBASSY", "St. John's");
        openMission(embassy, "1981-11-01").andExpect(status().isOk());
        closeMission(embassy, "1994-06-30").andExpect(status().isOk());

        JsonNode accreditation = json(accredit("""
                {"sendingCountry": "usa", "receivingCountry": "AG", "level": "AMBASSADOR", "from": "1994-06-30",
                 "residentMissionId": %s, "sources": [{"url": "https://history.state.gov/countries/antigua-barbuda"}]}"""
                .formatted(bridgetown))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.sendingCountry").value("US"))
                .andExpect(jsonPath("$.receivingCountry").value("AG"))
                .andExpect(jsonPath("$.level").value("AMBASSADOR"))
                .andExpect(jsonPath("$.from").value("1994-06-30"))
                .andExpect(jsonPath("$.fromPrecision").value("DAY"))
                .andExpect(jsonPath("$.to").value((Object) null))
                .andExpect(jsonPath("$.residentMissionId").value(bridgetown))
                .andExpect(jsonPath("$.diplomatId").value((Object) null)));
        long id = accreditation.get("id").asLong();
        String location = "/api/relations/AG/US/accreditations/" + id;

        getJson("/api/relations/US/AG/accreditations/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.sources[0].url").value("https://history.state.gov/countries/antigua-barbuda"));
        getJson(location).andExpect(header().string("ETag", "\"0\""));
        getJson("/api/relations/US/AG/accreditations").andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].id").value(id));
        getJson("/api/relations/US/AG").andExpect(jsonPath("$.accreditations[0].id").value(id));
        getJson("/api/relations/US/AG?asOf=1990-01-01").andExpect(jsonPath("$.accreditations", hasSize(0)));
        getJson("/api/relations/US/AG/timeline").andExpect(jsonPath("$.content[*].type").value(contains(
                "ESTABLISHED", "MISSION_OPENED", "MISSION_CLOSED", "ACCREDITATION_STARTED")))
                .andExpect(jsonPath("$.content[3].ref.kind").value("accreditation"))
                .andExpect(jsonPath("$.content[3].ref.id").value(id));
        getJson("/api/relations/US/BB/accreditations/" + id).andExpect(status().isNotFound());
    }

    @Test
    void takesTheStartsPrecisionByTheNameItsAnswerGivesItToo() throws Exception {
        accredit("""
                {"sendingCountry": "US", "receivingCountry": "AG", "level": "AMBASSADOR", "from": "1994-01-01",
                 "fromPrecision": "YEAR", "residentMissionId": %s}""".formatted(bridgetown))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.from").value("1994-01-01"))
                .andExpect(jsonPath("$.fromPrecision").value("YEAR"));
        accredit("""
                {"sendingCountry": "US", "receivingCountry": "AG", "level": "AMBASSADOR", "from": "1994-01-01",
                 "datePrecision": "YEAR", "fromPrecision": "MONTH", "residentMissionId": %s}""".formatted(bridgetown))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("fromPrecision"));
    }

    @Test
    void endsAnAccreditationOnceAndNotBeforeItStarted() throws Exception {
        long id = json(accredit("{\"sendingCountry\": \"US\", \"level\": \"ENVOY\", \"from\": \"1990-01-01\"}")
                .andExpect(status().isCreated())).get("id").asLong();
        String end = "/api/relations/US/AG/accreditations/" + id + "/end";

        postAsEditor(end, "{\"date\": \"1989-12-31\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        refused(postAsEditor(end, "{\"date\": \"2030-01-01\"}"), 400, "DATE_IN_FUTURE", "R3");
        postAsEditor(end, "{\"date\": \"1994-06-30\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value("1994-06-30"))
                .andExpect(header().string("ETag", "\"1\""));
        refused(postAsEditor(end, "{\"date\": \"1995-01-01\"}"), 409, "ACCREDITATION_CONFLICT", "R23");
        getJson("/api/relations/US/AG/timeline").andExpect(jsonPath("$.content[*].type").value(contains(
                "ESTABLISHED", "ACCREDITATION_STARTED", "ACCREDITATION_ENDED")));
        postAsEditor("/api/relations/US/AG/accreditations/999999/end", "{\"date\": \"1995-01-01\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void endsAnAccreditationOnlyIfIfMatchNamesItsVersion() throws Exception {
        long id = json(accredit("{\"sendingCountry\": \"US\", \"level\": \"ENVOY\", \"from\": \"1990-01-01\"}")
                .andExpect(status().isCreated())).get("id").asLong();
        String end = "/api/relations/US/AG/accreditations/" + id + "/end";

        postAsEditorIfMatch("\"1\"", end, "{\"date\": \"1994-06-30\"}").andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("VERSION_MISMATCH"));
        getJson("/api/relations/US/AG/accreditations/" + id).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.to").value((Object) null));
        postAsEditorIfMatch("\"0\"", end, "{\"date\": \"1994-06-30\"}").andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        postAsEditorIfMatch("\"0\"", end, "{\"date\": \"1995-01-01\"}").andExpect(status().isPreconditionFailed());
    }

    @Test
    void r23RefusesADiplomaticAccreditationWithoutRelationsAndAConsulWithoutConsularRelations() throws Exception {
        refused(postAsEditor("/api/relations/KN/US/accreditations",
                "{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1984-08-22\"}"),
                409, "RELATION_NOT_ESTABLISHED", "R23");
        refused(postAsEditor("/api/relations/KN/US/accreditations",
                "{\"sendingCountry\": \"US\", \"level\": \"CONSUL\", \"from\": \"1984-08-22\"}"),
                409, "CONSULAR_RELATION_NOT_ESTABLISHED", "R23");
        recordEvent("KN", "US", "CONSULAR_ESTABLISHED", "1983-09-19");
        postAsEditor("/api/relations/KN/US/accreditations",
                "{\"sendingCountry\": \"US\", \"level\": \"CONSUL\", \"from\": \"1984-08-22\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void r23RefusesASecondDiplomaticAccreditationOrOneWhileAnEmbassyIsOpen() throws Exception {
        long embassy = planMission("US", "AG", "EMBASSY", "St. John's");
        openMission(embassy, "1981-11-01").andExpect(status().isOk());
        refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1990-01-01\"}"),
                409, "ACCREDITATION_CONFLICT", "R23")
                .andExpect(jsonPath("$.detail", containsString("EMBASSY " + embassy)));
        accredit("{\"sendingCountry\": \"AG\", \"level\": \"AMBASSADOR\", \"from\": \"1990-01-01\"}")
                .andExpect(status().isCreated());
        refused(accredit("{\"sendingCountry\": \"AG\", \"level\": \"ENVOY\", \"from\": \"1985-01-01\"}"),
                409, "ACCREDITATION_CONFLICT", "R23");
        // what the body names is checked before the recorded facts
        refused(accredit("{\"sendingCountry\": \"AG\", \"level\": \"ENVOY\", \"from\": \"1985-01-01\", "
                + "\"residentMissionId\": 999999}"), 400, "UNKNOWN_REFERENCE", "R18");
        refused(accredit("{\"sendingCountry\": \"AG\", \"level\": \"ENVOY\", \"from\": \"1985-01-01\", "
                + "\"diplomatId\": 999999}"), 400, "UNKNOWN_REFERENCE", "R18");
        refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1990-01-01\", "
                + "\"residentMissionId\": " + embassy + "}"), 400, "RESIDENT_MISSION_INVALID", "R23")
                .andExpect(jsonPath("$.detail", containsString("not in a third country")));
        accredit("{\"sendingCountry\": \"AG\", \"level\": \"ENVOY\", \"from\": \"1985-01-01\", \"to\": \"1990-01-01\"}")
                .andExpect(status().isCreated());
        accredit("{\"sendingCountry\": \"AG\", \"level\": \"CONSUL\", \"from\": \"1985-01-01\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void r23RefusesAResidentMissionThatIsNotOfTheSendingCountryInAThirdCountryOpenOnTheStart() throws Exception {
        long barbadian = planMission("BB", "US", "EMBASSY", "Washington");
        openMission(barbadian, "1967-01-01").andExpect(status().isOk());
        long consulate = planMission("US", "BB", "CONSULATE", "Bridgetown");
        openMission(consulate, "1967-01-01").andExpect(status().isOk());
        long plannedInAntigua = planMission("US", "AG", "EMBASSY", "St. John's");
        for (long mission : new long[] {barbadian, consulate, plannedInAntigua}) {
            refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", "
                    + "\"residentMissionId\": " + mission + "}"), 400, "RESIDENT_MISSION_INVALID", "R23");
        }
        refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1960-01-01\", "
                + "\"residentMissionId\": " + bridgetown + "}"), 400, "RESIDENT_MISSION_INVALID", "R23")
                .andExpect(jsonPath("$.detail", containsString("not open on 1960-01-01")));
        refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", "
                + "\"residentMissionId\": 999999}"), 400, "UNKNOWN_REFERENCE", "R18");
        getJson("/api/relations/US/AG/accreditations").andExpect(jsonPath("$.content", hasSize(0)));
    }

    @Test
    void r13AndR21TheAccreditedDiplomatIsOfTheSendingCountryAndStaysUntilTheAccreditationGoes() throws Exception {
        long barbadian = newDiplomat("A Barbadian", "BB");
        refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", "
                + "\"diplomatId\": " + barbadian + "}"), 409, "DIPLOMAT_NOT_OF_SENDING_COUNTRY", "R13");
        refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", "
                + "\"diplomatId\": 999999}"), 400, "UNKNOWN_REFERENCE", "R18");
        long ambassador = newDiplomat("Jeanette W. Hyde", "US");
        accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", "
                + "\"diplomatId\": " + ambassador + "}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.diplomatId").value(ambassador));
        refused(deleteAsEditor("/api/diplomats/" + ambassador), 409, "RESOURCE_IN_USE", "R21");
        refused(putAsEditor("/api/diplomats/" + ambassador, "{\"name\": \"Jeanette W. Hyde\", \"country\": \"BB\"}"),
                409, "CONFLICTS_WITH_RECORDED_FACTS", "R20")
                .andExpect(jsonPath("$.detail", containsString("cannot become a diplomat of BB: accreditation ")))
                .andExpect(jsonPath("$.detail", containsString("an accredited diplomat stays a diplomat of the sending")));
    }

    @Test
    void r11ASeveranceEndsTheDiplomaticAccreditationsOfEitherSideAndListsThem() throws Exception {
        long ambassador = json(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\"}"))
                .get("id").asLong();
        long envoy = json(accredit("{\"sendingCountry\": \"AG\", \"level\": \"ENVOY\", \"from\": \"1995-01-01\"}"))
                .get("id").asLong();
        long consul = json(accredit("{\"sendingCountry\": \"AG\", \"level\": \"CONSUL\", \"from\": \"1995-01-01\"}"))
                .get("id").asLong();

        JsonNode severance = recordEvent("AG", "US", "SEVERED", "2000-01-01");

        assertThat(severance.get("affectedAccreditations")).extracting(a -> a.get("id").asLong())
                .containsExactly(ambassador, envoy);
        assertThat(severance.get("affectedAccreditations").get(0).get("to").asString()).isEqualTo("2000-01-01");
        assertThat(severance.get("affectedAccreditations").get(0).get("toPrecision").asString()).isEqualTo("DAY");
        assertThat(severance.get("affectedAccreditations").get(0).get("fromPrecision").asString()).isEqualTo("DAY");
        getJson("/api/relations/AG/US/accreditations/" + consul).andExpect(jsonPath("$.to").value((Object) null));
        getJson("/api/relations/AG/US?asOf=2000-01-01").andExpect(jsonPath("$.accreditations[*].id").value(
                contains((int) consul)));
    }

    @Test
    void r11UndoneAnAccreditationThatADeletedSeveranceEndedIsInForceAgain() throws Exception {
        long ambassador = json(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\"}"))
                .get("id").asLong();
        long ended = json(accredit("{\"sendingCountry\": \"AG\", \"level\": \"ENVOY\", \"from\": \"1995-01-01\"}"))
                .get("id").asLong();
        postAsEditor("/api/relations/AG/US/accreditations/{id}/end", "{\"date\": \"1999-01-01\"}", ended)
                .andExpect(status().isOk());
        long severance = recordEvent("AG", "US", "SEVERED", "2000-01-01").get("id").asLong();
        getJson("/api/relations/AG/US/accreditations/" + ambassador).andExpect(jsonPath("$.to").value("2000-01-01"));

        deleteAsEditor("/api/relations/AG/US/events/{id}", severance).andExpect(status().isNoContent());

        getJson("/api/relations/AG/US").andExpect(jsonPath("$.status").value("ESTABLISHED"));
        getJson("/api/relations/AG/US/accreditations/" + ambassador).andExpect(jsonPath("$.to").value((Object) null))
                .andExpect(jsonPath("$.toPrecision").value((Object) null));
        // one ended by hand keeps its end
        getJson("/api/relations/AG/US/accreditations/" + ended)
                .andExpect(jsonPath("$.to").value("1999-01-01"));
    }

    @Test
    void r20RefusesABackdatedSeveranceAcrossAnAccreditationRecordedAsEndingLater() throws Exception {
        long envoy = json(accredit("{\"sendingCountry\": \"AG\", \"level\": \"ENVOY\", \"from\": \"2001-01-01\", "
                + "\"to\": \"2010-01-01\"}")).get("id").asLong();

        refused(postAsEditor("/api/relations/AG/US/events", "{\"type\": \"SEVERED\", \"date\": \"2005-01-01\"}"),
                409, "CONFLICTS_WITH_RECORDED_FACTS", "R20")
                .andExpect(jsonPath("$.detail", containsString("ENVOY accreditation " + envoy)))
                .andExpect(jsonPath("$.detail", containsString("across a severance on 2005-01-01")));

        getJson("/api/relations/AG/US/accreditations/" + envoy).andExpect(jsonPath("$.to").value("2010-01-01"));
        getJson("/api/relations/AG/US").andExpect(jsonPath("$.status").value("ESTABLISHED"));
        recordEvent("AG", "US", "SEVERED", "2010-01-01");
    }

    @Test
    void r20RefusesToCloseAResidentMissionBeforeTheAccreditationThatNamesItStartsHoweverItWouldClose() throws Exception {
        long ambassador = json(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", "
                + "\"residentMissionId\": " + bridgetown + "}")).get("id").asLong();

        refused(postAsEditor("/api/missions/" + bridgetown + "/close", "{\"date\": \"1990-01-01\"}"), 409,
                "CONFLICTS_WITH_RECORDED_FACTS", "R20")
                .andExpect(jsonPath("$.detail", containsString("AMBASSADOR accreditation " + ambassador)));
        refused(postAsEditor("/api/relations/BB/US/events", "{\"type\": \"SEVERED\", \"date\": \"1990-01-01\"}"), 409,
                "CONFLICTS_WITH_RECORDED_FACTS", "R20")
                .andExpect(jsonPath("$.detail", containsString("resident mission")));
        getJson("/api/missions/" + bridgetown).andExpect(jsonPath("$.status").value("OPEN"));
        getJson("/api/relations/BB/US").andExpect(jsonPath("$.status").value("ESTABLISHED"));

        recordEvent("LC", "US", "ESTABLISHED", "1980-01-01");
        recordEvent("KN", "US", "ESTABLISHED", "1983-09-19");
        long office = planMission("US", "LC", "PROVISIONAL_OFFICE", "Castries");
        openMission(office, "1985-01-01").andExpect(status().isOk());
        postAsEditor("/api/relations/KN/US/accreditations", "{\"sendingCountry\": \"US\", \"level\": \"ENVOY\", "
                + "\"from\": \"1995-01-01\", \"residentMissionId\": " + office + "}").andExpect(status().isCreated());
        long embassy = planMission("US", "LC", "EMBASSY", "Castries");
        refused(openMission(embassy, "1990-01-01"), 409, "CONFLICTS_WITH_RECORDED_FACTS", "R20")
                .andExpect(jsonPath("$.detail", containsString("resident mission")));
        getJson("/api/missions/" + office).andExpect(jsonPath("$.status").value("OPEN"));

        postAsEditor("/api/missions/" + bridgetown + "/close", "{\"date\": \"2000-01-01\"}").andExpect(status().isOk());
    }

    @Test
    void r20RefusesAHistoryChangeOrAnEmbassyOpeningThatWouldLeaveAnAccreditationBreakingR23() throws Exception {
        long accreditation = json(accredit(
                "{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\"}")).get("id").asLong();
        long establishment = json(getJson("/api/relations/AG/US")).get("events").get(0).get("id").asLong();

        refused(deleteAsEditor("/api/relations/AG/US/events/" + establishment), 409, "CONFLICTS_WITH_RECORDED_FACTS",
                "R20").andExpect(jsonPath("$.detail", containsString("accreditation " + accreditation)));
        refused(postAsEditor("/api/relations/AG/US/events", "{\"type\": \"SEVERED\", \"date\": \"1990-01-01\"}"),
                409, "CONFLICTS_WITH_RECORDED_FACTS", "R20");

        long embassy = planMission("US", "AG", "EMBASSY", "St. John's");
        refused(openMission(embassy, "2010-01-01"), 409, "CONFLICTS_WITH_RECORDED_FACTS", "R20")
                .andExpect(jsonPath("$.detail", containsString("AMBASSADOR accreditation " + accreditation)));
        refused(openMission(embassy, "1985-01-01"), 409, "CONFLICTS_WITH_RECORDED_FACTS", "R20");
        getJson("/api/missions/" + embassy).andExpect(jsonPath("$.status").value("PLANNED"));
    }

    @Test
    void refusesInvalidRequests() throws Exception {
        accredit("{\"sendingCountry\": \"FR\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sendingCountry"));
        accredit("{\"sendingCountry\": \"US\", \"receivingCountry\": \"US\", \"level\": \"AMBASSADOR\", "
                + "\"from\": \"1994-06-30\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receivingCountry"));
        accredit("{\"sendingCountry\": \"US\", \"level\": \"CHARGE\", \"from\": \"1994-06-30\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"));
        accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", \"to\": \"1994-06-29\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"2030-01-01\"}"),
                400, "DATE_IN_FUTURE", "R3");
        refused(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", "
                + "\"to\": \"2030-01-01\"}"), 400, "DATE_IN_FUTURE", "R3");
        refused(postAsEditor("/api/relations/US/US/accreditations",
                "{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\"}"), 400, "SAME_COUNTRY", "R4");
        postAsEditor("/api/relations/QQ/US/accreditations",
                "{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\"}")
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/relations/AG/US/accreditations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/relations/AG/US/accreditations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\"}")
                .with(httpBasic("reader", "reader-secret"))).andExpect(status().isForbidden());
        getJson("/api/relations/AG/US/accreditations?sort=residentMissionId").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("from, id, level, receivingCountry, "
                        + "sendingCountry, to")));
        getJson("/api/relations/AG/US/accreditations").andExpect(jsonPath("$.content", hasSize(0)));
    }

    @Test
    void listsThePairsAccreditationsOldestFirstOrAsSortedInEitherAnswer() throws Exception {
        long first = json(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": \"1982-01-01\", "
                + "\"to\": \"1985-01-01\"}").andExpect(status().isCreated())).get("id").asLong();
        long consul = json(accredit("{\"sendingCountry\": \"AG\", \"level\": \"CONSUL\", \"from\": \"1983-06-01\"}")
                .andExpect(status().isCreated())).get("id").asLong();
        long later = json(accredit("{\"sendingCountry\": \"US\", \"level\": \"ENVOY\", \"from\": \"1990-01-01\", "
                + "\"to\": \"1992-01-01\"}").andExpect(status().isCreated())).get("id").asLong();

        getJson("/api/relations/AG/US/accreditations").andExpect(jsonPath("$.content[*].id")
                .value(contains((int) first, (int) consul, (int) later)));
        getJson("/api/relations/AG/US/accreditations?sort=from,desc").andExpect(jsonPath("$.content[*].id")
                .value(contains((int) later, (int) consul, (int) first)));
        getJson("/api/relations/AG/US/accreditations?sort=to").andExpect(jsonPath("$.content[*].id")
                .value(contains((int) consul, (int) first, (int) later)));
        getJson("/api/relations/AG/US/accreditations?sort=to,desc").andExpect(jsonPath("$.content[*].id")
                .value(contains((int) later, (int) first, (int) consul)));
        getJson("/api/relations/AG/US/accreditations?sort=level&size=1&page=1")
                .andExpect(jsonPath("$.content[*].id").value(contains((int) consul)));
        String csv = mvc.perform(get("/api/relations/AG/US/accreditations?sort=from,desc&format=csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .containsExactly(String.valueOf(later), String.valueOf(consul), String.valueOf(first));
    }

    @Test
    void deletesAnAccreditationRecordedByMistakeHoldingItToItsVersion() throws Exception {
        JsonNode recorded = json(accredit("{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", \"from\": "
                + "\"1982-01-01\"}").andExpect(status().isCreated()));
        long id = recorded.get("id").asLong();
        postAsEditor("/api/relations/AG/US/accreditations/{id}/end", "{\"date\": \"1985-01-01\"}", id)
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));

        mvc.perform(delete("/api/relations/AG/US/accreditations/{id}", id).header("If-Match", "\"0\"")
                .with(httpBasic("editor", "editor-secret"))).andExpect(status().isPreconditionFailed());
        deleteAsEditor("/api/relations/AG/BB/accreditations/{id}", id).andExpect(status().isNotFound());
        getJson("/api/relations/AG/US/accreditations").andExpect(jsonPath("$.content", hasSize(1)));

        mvc.perform(delete("/api/relations/US/AG/accreditations/{id}", id).header("If-Match", "\"1\"")
                .with(httpBasic("editor", "editor-secret"))).andExpect(status().isNoContent());

        getJson("/api/relations/AG/US/accreditations/{id}", id).andExpect(status().isNotFound());
        getJson("/api/relations/AG/US/accreditations").andExpect(jsonPath("$.content", hasSize(0)));
        getJson("/api/relations/US/AG").andExpect(jsonPath("$.accreditations", hasSize(0)));
        JsonNode last = json(mvc.perform(get("/api/changes?after=0&size=500")
                .with(httpBasic("editor", "editor-secret")))).get("content").valueStream()
                .reduce((first, second) -> second).orElseThrow();
        assertThat(last.get("action").asString() + " " + last.get("kind").asString() + " " + last.get("id").asLong())
                .isEqualTo("DELETED accreditation " + id);
        deleteAsEditor("/api/relations/AG/US/accreditations/{id}", id).andExpect(status().isNotFound());
    }
}
