package org.chancery.shared;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The rules of API.md on their boundary days, each side of each: "on date D" means as the facts
 * stand at the end of day D, so a fact dated on the day of a relation event sees the relation as
 * that event leaves it; a closing, like an accreditation's {@code to}, is exclusive; a date known
 * to a month or a year only is the first day of that period, which is what the rules compare.
 */
@DisplayName("The rules on their boundary days")
class RuleBoundaryIntegrationTests extends ApiIntegrationTest {

    private static final String TODAY = MutableClock.DEFAULT_TODAY.toString();
    private static final String TOMORROW = MutableClock.DEFAULT_TODAY.plusDays(1).toString();

    private ResultActions event(String a, String b, String type, String date) throws Exception {
        return postAsEditor("/api/relations/{a}/{b}/events", "{\"type\":\"" + type + "\",\"date\":\"" + date + "\"}",
                a, b);
    }

    private ResultActions appoint(long mission, long diplomat, String startedOn) throws Exception {
        return postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + diplomat
                + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"" + startedOn + "\"}", mission);
    }

    private long interestsSection(String sending, String receiving, String protectingPower) throws Exception {
        return create("/api/missions", "{\"sendingCountry\":\"" + sending + "\",\"receivingCountry\":\"" + receiving
                + "\",\"type\":\"INTERESTS_SECTION\",\"protectingPower\":\"" + protectingPower + "\"}")
                .get("id").asLong();
    }

    private ResultActions accredit(String a, String b, String json) throws Exception {
        return postAsEditor("/api/relations/{a}/{b}/accreditations", json, a, b);
    }

    @Test
    void r3TakesEveryKindOfDatedFactOnTodayAndNoneOnTomorrow() throws Exception {
        refused(event("NR", "TV", "ESTABLISHED", TOMORROW), 400, "DATE_IN_FUTURE", "R3");
        event("NR", "TV", "ESTABLISHED", TODAY).andExpect(status().isCreated());

        recordEvent("FM", "PW", "ESTABLISHED", "2000-01-01");
        long embassy = planMission("FM", "PW", "EMBASSY", "Ngerulmud");
        refused(openMission(embassy, TOMORROW), 400, "DATE_IN_FUTURE", "R3");
        openMission(embassy, TODAY).andExpect(status().isOk()).andExpect(jsonPath("$.openedOn").value(TODAY));
        long diplomat = newDiplomat("A Micronesian diplomat", "FM");
        refused(appoint(embassy, diplomat, TOMORROW), 400, "DATE_IN_FUTURE", "R3");
        appoint(embassy, diplomat, TODAY).andExpect(status().isCreated());
        refused(closeMission(embassy, TOMORROW), 400, "DATE_IN_FUTURE", "R3");
        closeMission(embassy, TODAY).andExpect(status().isOk())
                .andExpect(jsonPath("$.closedOn").value(TODAY)).andExpect(jsonPath("$.heads[0].endedOn").value(TODAY));

        refused(accredit("PW", "FM", "{\"sendingCountry\":\"PW\",\"level\":\"CONSUL\",\"from\":\"" + TOMORROW + "\"}"),
                400, "DATE_IN_FUTURE", "R3");
        long ambassador = create("/api/relations/PW/FM/accreditations",
                "{\"sendingCountry\":\"PW\",\"level\":\"AMBASSADOR\",\"from\":\"2010-01-01\"}").get("id").asLong();
        String end = "/api/relations/PW/FM/accreditations/" + ambassador + "/end";
        refused(postAsEditor(end, "{\"date\":\"" + TOMORROW + "\"}"), 400, "DATE_IN_FUTURE", "R3");
        postAsEditor(end, "{\"date\":\"" + TODAY + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value(TODAY));
        accredit("PW", "FM", "{\"sendingCountry\":\"PW\",\"level\":\"CONSUL\",\"from\":\"" + TODAY + "\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void r5AnEmbassyOpensOnTheDayRelationsAreEstablishedOrRestoredAndNotOnTheDayTheyAreSevered() throws Exception {
        recordEvent("FM", "PW", "ESTABLISHED", "2000-03-01");
        long first = planMission("FM", "PW", "EMBASSY", "Ngerulmud");
        refused(openMission(first, "2000-02-29"), 409, "RELATION_NOT_ESTABLISHED", "R5");
        openMission(first, "2000-03-01").andExpect(status().isOk());
        closeMission(first, "2004-01-01").andExpect(status().isOk());

        recordEvent("FM", "PW", "SEVERED", "2005-03-01");
        long lastDay = planMission("FM", "PW", "EMBASSY", "Koror");
        openClosedFor(lastDay, "2005-02-28", "2005-03-01", "RELATIONS_SEVERED").andExpect(status().isOk());
        long office = planMission("FM", "PW", "PROVISIONAL_OFFICE", "Koror");
        refused(openMission(office, "2005-03-01"), 409, "RELATION_NOT_ESTABLISHED", "R5");
        recordEvent("FM", "PW", "RESTORED", "2010-03-01");
        refused(openMission(office, "2010-02-28"), 409, "RELATION_NOT_ESTABLISHED", "R5");
        openMission(office, "2010-03-01").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void r6AConsulateOpensOnTheDayConsularRelationsAreEstablishedAndNotOnTheDayTheyAreSevered() throws Exception {
        recordEvent("FM", "MH", "CONSULAR_ESTABLISHED", "2001-05-01");
        long consulate = planMission("FM", "MH", "CONSULATE", "Majuro");
        refused(openMission(consulate, "2001-04-30"), 409, "CONSULAR_RELATION_NOT_ESTABLISHED", "R6");
        openMission(consulate, "2001-05-01").andExpect(status().isOk());
        closeMission(consulate, "2002-01-01").andExpect(status().isOk());
        recordEvent("FM", "MH", "CONSULAR_SEVERED", "2003-05-01");
        openClosedFor(planMission("FM", "MH", "CONSULATE", "Ebeye"), "2003-04-30", "2003-05-01", "Relations severed")
                .andExpect(status().isOk());
        long later = planMission("FM", "MH", "CONSULATE", "Ebeye");
        refused(openMission(later, "2003-05-01"), 409, "CONSULAR_RELATION_NOT_ESTABLISHED", "R6");

        // R2: diplomatic relations established on a day establish consular ones from that day
        recordEvent("KI", "NR", "ESTABLISHED", "2000-01-01");
        openMission(planMission("KI", "NR", "CONSULATE", "Yaren"), "2000-01-01").andExpect(status().isOk());
    }

    @Test
    void r7AnEmbassyOpensOnTheDayTheOneBeforeItClosedAndNotTheDayBefore() throws Exception {
        recordEvent("FM", "PW", "ESTABLISHED", "2000-01-01");
        long first = planMission("FM", "PW", "EMBASSY", "Koror");
        openMission(first, "2000-01-01").andExpect(status().isOk());
        closeMission(first, "2006-10-07").andExpect(status().isOk());
        long second = planMission("FM", "PW", "EMBASSY", "Ngerulmud");
        refused(openMission(second, "2006-10-06"), 409, "EMBASSY_ALREADY_OPEN", "R7")
                .andExpect(jsonPath("$.detail", containsString("EMBASSY " + first + " in Koror")));
        openMission(second, "2006-10-07").andExpect(status().isOk());
    }

    @Test
    void r8AnEmbassyOpeningOnTheDayAnOfficeOpenedClosesItThatDay() throws Exception {
        recordEvent("FM", "PW", "ESTABLISHED", "2000-01-01");
        long office = planMission("FM", "PW", "PROVISIONAL_OFFICE", "Koror");
        openMission(office, "2003-04-01").andExpect(status().isOk());
        long embassy = planMission("FM", "PW", "EMBASSY", "Koror");
        openMission(embassy, "2003-04-01").andExpect(status().isOk())
                .andExpect(jsonPath("$.predecessorId").value(office));
        getJson("/api/missions/{id}", office)
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.openedOn").value("2003-04-01"))
                .andExpect(jsonPath("$.closedOn").value("2003-04-01"))
                .andExpect(jsonPath("$.closingReason").value("SUPERSEDED"))
                .andExpect(jsonPath("$.successorId").value(embassy));
    }

    @Test
    void r9AnInterestsSectionOpensOnTheDayThePowerEstablishesRelationsAndOnASeveranceNotOnARestoration()
            throws Exception {
        recordEvent("NZ", "TO", "ESTABLISHED", "1970-06-01");
        long early = interestsSection("FJ", "TO", "NZ");
        refused(openMission(early, "1970-05-31"), 409, "INTERESTS_SECTION_NOT_ALLOWED", "R9");
        openMission(early, "1970-06-01").andExpect(status().isOk());
        closeMission(early, "1970-12-01").andExpect(status().isOk());

        recordEvent("FJ", "TO", "ESTABLISHED", "1971-01-01");
        recordEvent("FJ", "TO", "SEVERED", "1980-01-01");
        long section = interestsSection("FJ", "TO", "NZ");
        openMission(section, "1980-01-01").andExpect(status().isOk());
        closeMission(section, "1985-01-01").andExpect(status().isOk());
        recordEvent("FJ", "TO", "RESTORED", "1990-01-01");
        openClosedFor(interestsSection("FJ", "TO", "NZ"), "1989-12-31", "1990-01-01", "Relations restored")
                .andExpect(status().isOk());
        long late = interestsSection("FJ", "TO", "NZ");
        refused(openMission(late, "1990-01-01"), 409, "INTERESTS_SECTION_NOT_ALLOWED", "R9");
    }

    @Test
    void r11ASeveranceOnAMissionsClosingDayClosesNothingAndOneOnItsOpeningDayIsRefused() throws Exception {
        recordEvent("FM", "PW", "ESTABLISHED", "2000-01-01");
        long closed = planMission("FM", "PW", "EMBASSY", "Koror");
        openMission(closed, "2000-01-01").andExpect(status().isOk());
        closeMission(closed, "2004-06-01").andExpect(status().isOk());
        event("FM", "PW", "SEVERED", "2004-06-01").andExpect(status().isCreated())
                .andExpect(jsonPath("$.affectedMissions", hasSize(0)));
        getJson("/api/missions/{id}", closed).andExpect(jsonPath("$.closingReason").value((Object) null));

        recordEvent("FM", "PW", "RESTORED", "2008-01-01");
        long open = planMission("FM", "PW", "EMBASSY", "Ngerulmud");
        openMission(open, "2009-01-01").andExpect(status().isOk());
        refused(event("FM", "PW", "SEVERED", "2009-01-01"), 409, "CONFLICTS_WITH_RECORDED_FACTS", "R20");
        event("FM", "PW", "SEVERED", "2009-01-02").andExpect(status().isCreated())
                .andExpect(jsonPath("$.affectedMissions[0].id").value(open))
                .andExpect(jsonPath("$.affectedMissions[0].closedOn").value("2009-01-02"));
    }

    @Test
    void r12AMissionClosesOnTheDayItOpenedAndNotTheDayBefore() throws Exception {
        long office = planMission("FM", "PW", "LIAISON_OFFICE", "Koror");
        openMission(office, "2000-01-01").andExpect(status().isOk());
        refused(closeMission(office, "1999-12-31"), 409, "MISSION_STATUS_INVALID", "R12");
        closeMission(office, "2000-01-01").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.closedOn").value("2000-01-01"));
    }

    @Test
    void r15AHeadStartsOnTheDayRelationsAreEstablishedAndNotOnTheDayTheyAreSevered() throws Exception {
        recordEvent("FM", "NR", "ESTABLISHED", "2000-01-01");
        long embassy = planMission("FM", "NR", "EMBASSY", "Yaren");
        long diplomat = newDiplomat("A Micronesian diplomat", "FM");
        refused(appoint(embassy, diplomat, "1999-12-31"), 409, "RELATION_NOT_ESTABLISHED", "R15");
        postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + diplomat + ",\"rank\":\"CHARGE_D_AFFAIRES\","
                + "\"startedOn\":\"2000-01-01\",\"endedOn\":\"2001-01-01\"}", embassy).andExpect(status().isCreated());
        recordEvent("FM", "NR", "SEVERED", "2003-01-01");
        postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + diplomat + ",\"rank\":\"CHARGE_D_AFFAIRES\","
                + "\"startedOn\":\"2002-12-31\",\"endedOn\":\"2003-01-01\"}", embassy).andExpect(status().isCreated());
        refused(appoint(embassy, diplomat, "2003-01-01"), 409, "RELATION_NOT_ESTABLISHED", "R15");
        getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.heads", hasSize(2)));
    }

    @Test
    void r22TakesFactsOnAStatesFirstAndLastDayAndReadsAMonthOrAYearAsItsFirstDay() throws Exception {
        // the German Democratic Republic: 1949-10-07 to 1990-10-02
        refused(postAsEditor("/api/relations/DD/IN/events",
                "{\"type\":\"ESTABLISHED\",\"date\":\"1949-10-01\",\"datePrecision\":\"MONTH\"}"),
                409, "COUNTRY_NOT_IN_EXISTENCE", "R22");
        refused(postAsEditor("/api/relations/DD/IN/events",
                "{\"type\":\"ESTABLISHED\",\"date\":\"1949-01-01\",\"datePrecision\":\"YEAR\"}"),
                409, "COUNTRY_NOT_IN_EXISTENCE", "R22");
        event("DD", "IN", "ESTABLISHED", "1949-10-07").andExpect(status().isCreated());
        refused(event("DD", "FI", "ESTABLISHED", "1990-10-03"), 409, "COUNTRY_NOT_IN_EXISTENCE", "R22");
        event("DD", "FI", "ESTABLISHED", "1990-10-02").andExpect(status().isCreated());

        long gdr = newDiplomat("Oskar Fischer", "DD");
        long indian = newDiplomat("An Indian diplomat", "IN");
        String participants = ",\"country\":\"IN\",\"participants\":[{\"diplomatId\":" + gdr + "},{\"diplomatId\":"
                + indian + "}]}";
        refused(postAsEditor("/api/meetings", "{\"date\":\"1990-10-03\"" + participants), 409,
                "COUNTRY_NOT_IN_EXISTENCE", "R22");
        postAsEditor("/api/meetings", "{\"date\":\"1990-10-02\"" + participants).andExpect(status().isCreated());
        postAsEditor("/api/meetings", "{\"date\":\"1949-10-07\"" + participants).andExpect(status().isCreated());

        long milestone = create("/api/relations/DD/IN/milestones",
                "{\"title\":\"Trade agreement\",\"target\":\"1990\"}").get("id").asLong();
        refused(postAsEditor("/api/milestones/" + milestone + "/achieve", "{\"date\":\"1990-10-03\"}"), 409,
                "COUNTRY_NOT_IN_EXISTENCE", "R22");
        postAsEditor("/api/milestones/" + milestone + "/achieve", "{\"date\":\"1990-10-02\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.achievedOn").value("1990-10-02"));

        long consul = create("/api/relations/DD/IN/accreditations",
                "{\"sendingCountry\":\"IN\",\"level\":\"CONSUL\",\"from\":\"1949-10-07\"}").get("id").asLong();
        String end = "/api/relations/DD/IN/accreditations/" + consul + "/end";
        refused(postAsEditor(end, "{\"date\":\"1990-10-04\"}"), 409, "COUNTRY_NOT_IN_EXISTENCE", "R22");
        postAsEditor(end, "{\"date\":\"1990-10-03\"}").andExpect(status().isOk());
    }

    @Test
    void r23AnAccreditationStartsOnTheDayRelationsAreEstablishedAndResidesInAMissionOpenOnItsFirstDay()
            throws Exception {
        recordEvent("AU", "TO", "ESTABLISHED", "1970-06-04");
        long nukualofa = planMission("AU", "TO", "EMBASSY", "Nuku'alofa");
        openMission(nukualofa, "1981-01-01").andExpect(status().isOk());
        closeMission(nukualofa, "1983-01-01").andExpect(status().isOk());

        recordEvent("AU", "NR", "ESTABLISHED", "1975-01-01");
        refused(accredit("AU", "NR", "{\"sendingCountry\":\"AU\",\"level\":\"AMBASSADOR\",\"from\":\"1974-12-31\"}"),
                409, "RELATION_NOT_ESTABLISHED", "R23");
        long first = create("/api/relations/AU/NR/accreditations",
                "{\"sendingCountry\":\"AU\",\"level\":\"AMBASSADOR\",\"from\":\"1975-01-01\"}").get("id").asLong();
        postAsEditor("/api/relations/AU/NR/accreditations/" + first + "/end", "{\"date\":\"1981-01-01\"}")
                .andExpect(status().isOk());

        refused(accredit("AU", "NR", "{\"sendingCountry\":\"AU\",\"level\":\"AMBASSADOR\",\"from\":\"1983-01-01\","
                + "\"residentMissionId\":" + nukualofa + "}"), 400, "RESIDENT_MISSION_INVALID", "R23")
                .andExpect(jsonPath("$.detail", containsString("1983-01-01")));
        long second = create("/api/relations/AU/NR/accreditations", "{\"sendingCountry\":\"AU\","
                + "\"level\":\"AMBASSADOR\",\"from\":\"1981-01-01\",\"residentMissionId\":" + nukualofa + "}")
                .get("id").asLong();
        postAsEditor("/api/relations/AU/NR/accreditations/" + second + "/end", "{\"date\":\"1983-01-01\"}")
                .andExpect(status().isOk());

        recordEvent("AU", "NR", "SEVERED", "1985-01-01");
        refused(accredit("AU", "NR", "{\"sendingCountry\":\"AU\",\"level\":\"AMBASSADOR\",\"from\":\"1985-01-01\"}"),
                409, "RELATION_NOT_ESTABLISHED", "R23");
        getJson("/api/relations/AU/NR/accreditations").andExpect(jsonPath("$.content", hasSize(2)));
    }
}
