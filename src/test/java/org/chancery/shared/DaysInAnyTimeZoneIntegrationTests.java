package org.chancery.shared;

import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.TimeZone;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A day is a calendar day whatever the server's time zone (API.md, Conventions). A server whose JVM ran on
 * {@code Europe/Berlin} stored 1860-06-15 on H2 as 1860-06-14 (the zone kept local mean time before 1893) and
 * rejected rows of the shipped history with rules they keep; on {@code Pacific/Kiritimati} the day the zone
 * skipped, 1994-12-31, and reads through the entities and through plain JDBC told different days.
 */
class DaysInAnyTimeZoneIntegrationTests extends ApiIntegrationTest {

    private TimeZone serverZone;

    @BeforeEach
    void rememberTheZone() {
        serverZone = TimeZone.getDefault();
    }

    @AfterEach
    void restoreTheZone() {
        TimeZone.setDefault(serverZone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "Pacific/Kiritimati", "America/St_Johns", "Asia/Kolkata"})
    void aDayIsStoredAndReadAsGivenWhateverTheServersTimeZone(String zone) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));

        postAsAdmin("/api/countries", """
                {"code": "XQ", "alpha3": "XQQ", "name": "Queendom",
                 "startedOn": "1850-06-15", "endedOn": "1890-03-01"}""")
                .andExpect(status().isCreated());
        getJson("/api/countries/XQ")
                .andExpect(jsonPath("$.startedOn").value("1850-06-15"))
                .andExpect(jsonPath("$.endedOn").value("1890-03-01"));

        recordEvent("US", "FR", "ESTABLISHED", "1860-06-15");
        long legation = planMission("US", "FR", "LEGATION", "Paris");
        openMission(legation, "1861-03-04").andExpect(status().isOk());
        closeMission(legation, "1994-12-31").andExpect(status().isOk());

        getJson("/api/relations/US/FR")
                .andExpect(jsonPath("$.since").value("1860-06-15"))
                .andExpect(jsonPath("$.events[0].date").value("1860-06-15"));
        getJson("/api/relations/US/FR?asOf=1860-06-15").andExpect(jsonPath("$.status").value("ESTABLISHED"));
        getJson("/api/relations/US/FR?asOf=1860-06-14").andExpect(jsonPath("$.status").value("NONE"));
        getJson("/api/missions/{id}", legation)
                .andExpect(jsonPath("$.openedOn").value("1861-03-04"))
                .andExpect(jsonPath("$.closedOn").value("1994-12-31"));
        getJson("/api/missions?sending=US&receiving=FR")
                .andExpect(jsonPath("$.content[0].openedOn").value("1861-03-04"))
                .andExpect(jsonPath("$.content[0].closedOn").value("1994-12-31"));
        getJson("/api/missions?sending=US&openOn=1994-12-30").andExpect(jsonPath("$.content.length()").value(1));
        getJson("/api/missions?sending=US&openOn=1994-12-31").andExpect(jsonPath("$.content.length()").value(0));
        getJson("/api/relations/US/FR/timeline")
                .andExpect(jsonPath("$.content[*].date").value(hasItems("1860-06-15", "1861-03-04", "1994-12-31")));
    }
}
