package org.chancery.diplomat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.HeldRowLock;
import org.chancery.support.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R13 under concurrent requests: a fact that fixes a diplomat's country (a head of mission, an
 * accreditation) and a change of that diplomat's country do not both pass.
 */
class ConcurrentDiplomatChangeIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private DataSource dataSource;

    private long bridgetown;

    @BeforeEach
    void theUnitedStatesInBarbadosAndAntigua() throws Exception {
        recordEvent("BB", "US", "ESTABLISHED", "1966-11-30");
        bridgetown = planMission("US", "BB", "EMBASSY", "Bridgetown");
        openMission(bridgetown, "1966-11-30");
        recordEvent("AG", "US", "ESTABLISHED", "1981-11-01");
    }

    @Test
    @DisplayName("R13: a head's appointment waits for a change of its diplomat in flight, and then checks the "
            + "diplomat as changed")
    void appointmentWaitsForAChangeOfItsDiplomat() throws Exception {
        long ambassador = newDiplomat("Jeanette W. Hyde", "US");
        try (HeldRowLock diplomat = HeldRowLock.on(dataSource, "diplomat", "id = ?", ambassador)) {
            assertThat(diplomat.statusOnceReleased(appointment(ambassador, 2001), "the appointment",
                    () -> assertThat(HeldRowLock.isLocked(dataSource, "mission", "id = ?", bridgetown))
                            .as("the mission is locked before the diplomat, as an accreditation naming both locks them")
                            .isTrue())).isEqualTo(201);
        }
    }

    @Test
    @DisplayName("A head of mission's renaming waits for a write holding their mission's pair, and locks the pair and "
            + "the mission before the diplomat, in the order every write takes them")
    void aRenamingOfAHeadWaitsForAWriteHoldingThePairOfTheirMission() throws Exception {
        long ambassador = headOfBridgetown("Jeanette Hyde");

        renamedOnceThePairOfBridgetownIsReleased(ambassador,
                () -> assertThat(HeldRowLock.isLocked(dataSource, "diplomat", "id = ?", ambassador))
                        .as("the diplomat is not locked before the pair").isFalse());
        getJson("/api/missions/{id}", bridgetown).andExpect(jsonPath("$.heads[0].name").value("Jeanette W. Hyde"));
    }

    @Test
    @DisplayName("A renaming waiting for its head's pair goes through after another change of the diplomat, as a "
            + "write without If-Match does")
    void aRenamingWaitingForThePairGoesThroughAfterAnotherChangeOfTheDiplomat() throws Exception {
        long ambassador = headOfBridgetown("Jeanette Hyde");

        renamedOnceThePairOfBridgetownIsReleased(ambassador, () -> putAsEditor("/api/diplomats/{id}",
                "{\"name\":\"Jeanette Hyde\",\"country\":\"US\",\"title\":\"Ambassador\"}", ambassador)
                .andExpect(status().isOk()));
        getJson("/api/diplomats/{id}", ambassador).andExpect(jsonPath("$.name").value("Jeanette W. Hyde"))
                .andExpect(jsonPath("$.version").value(2));
        getJson("/api/missions/{id}", bridgetown).andExpect(jsonPath("$.heads[0].name").value("Jeanette W. Hyde"));
    }

    @Test
    @DisplayName("A renaming that took its locks before the diplomat was appointed to a mission of another pair takes "
            + "them again and renames that head too")
    void aRenamingTakesItsLocksAgainForAHeadAppointedMeanwhile() throws Exception {
        long ambassador = headOfBridgetown("Jeanette Hyde");
        long stJohns = planMission("US", "AG", "EMBASSY", "St. John's");

        renamedOnceThePairOfBridgetownIsReleased(ambassador, () -> postAsEditor("/api/missions/{id}/heads",
                "{\"diplomatId\":" + ambassador + ",\"rank\":\"AMBASSADOR\",\"agrementOn\":\"2004-12-01\","
                        + "\"startedOn\":\"2005-01-01\"}", stJohns).andExpect(status().isCreated()));
        for (long mission : List.of(bridgetown, stJohns)) {
            getJson("/api/missions/{id}", mission).andExpect(jsonPath("$.heads[0].name").value("Jeanette W. Hyde"));
        }
    }

    @Test
    @DisplayName("A change keeping a diplomat's name that waited for their renaming goes through, as a write without "
            + "If-Match does: it renames them and their heads back, with the locks of a renaming")
    void aChangeKeepingTheNameThatWaitedForARenamingGoesThrough() throws Exception {
        long ambassador = headOfBridgetown("Jeanette Hyde");

        try (HeldRowLock diplomat = HeldRowLock.on(dataSource, "diplomat", "id = ?", ambassador)) {
            assertThat(diplomat.statusOnceCommitted(() -> putAsEditor("/api/diplomats/{id}",
                            "{\"name\":\"Jeanette Hyde\",\"country\":\"US\",\"title\":\"Ambassador\"}", ambassador)
                            .andReturn().getResponse().getStatus(), "the change keeping the name",
                    "update diplomat set name = 'Jeanette W. Hyde', version = version + 1 where id = " + ambassador,
                    "update head_of_mission set name = 'Jeanette W. Hyde' where diplomat_id = " + ambassador))
                    .isEqualTo(200);
        }

        getJson("/api/diplomats/{id}", ambassador).andExpect(jsonPath("$.name").value("Jeanette Hyde"))
                .andExpect(jsonPath("$.title").value("Ambassador")).andExpect(jsonPath("$.version").value(2));
        getJson("/api/missions/{id}", bridgetown).andExpect(jsonPath("$.heads[0].name").value("Jeanette Hyde"));
    }

    @Test
    @DisplayName("A change of a head's diplomat that keeps the name waits for no write of their mission")
    void aChangeKeepingTheNameOfAHeadLocksNoMission() throws Exception {
        long ambassador = headOfBridgetown("Jeanette Hyde");

        try (HeldRowLock pair = thePairOfBridgetown();
                HeldRowLock mission = HeldRowLock.on(dataSource, "mission", "id = ?", bridgetown)) {
            putAsEditor("/api/diplomats/{id}", "{\"name\":\"Jeanette Hyde\",\"country\":\"US\",\"title\":\"Ambassador\"}",
                    ambassador).andExpect(status().isOk());
        }
    }

    @Test
    @DisplayName("R13: an accreditation naming a diplomat waits for a change of that diplomat in flight")
    void accreditationWaitsForAChangeOfItsDiplomat() throws Exception {
        long ambassador = newDiplomat("Jeanette W. Hyde", "US");
        try (HeldRowLock diplomat = HeldRowLock.on(dataSource, "diplomat", "id = ?", ambassador)) {
            assertThat(diplomat.statusOnceReleased(accreditation(ambassador, 2001), "the accreditation")).isEqualTo(201);
        }
    }

    @Test
    @DisplayName("R13: of a diplomat's move to another country and their appointment or accreditation sent "
            + "together, exactly one is recorded")
    void aMoveAndAFactFixingTheCountryDoNotBothPass() throws Exception {
        for (int round = 0; round < 6; round++) {
            long diplomat = newDiplomat("Envoy " + round, "US");
            int year = 2001 + round;
            Callable<Integer> fact = round % 2 == 0 ? appointment(diplomat, year) : accreditation(diplomat, year);
            Callable<Integer> move = () -> putAsEditor("/api/diplomats/{id}",
                    "{\"name\":\"Envoy " + diplomat + "\",\"country\":\"BB\"}", diplomat).andReturn().getResponse()
                    .getStatus();

            List<Integer> statuses = Parallel.run(List.of(fact, move));

            boolean moved = "BB".equals(json(getJson("/api/diplomats/{id}", diplomat)).get("country").asString());
            assertThat(statuses).as("round %s (moved: %s)", round, moved)
                    .containsExactly(moved ? 409 : 201, moved ? 200 : 409);
            if (round % 2 == 0) {
                endTheHeads(year);
            } else {
                endTheAccreditations(year);
            }
        }
    }

    /** A diplomat of that name appointed ambassador in Bridgetown in 2001; their id. */
    private long headOfBridgetown(String name) throws Exception {
        long ambassador = newDiplomat(name, "US");
        assertThat(appointment(ambassador, 2001).call()).isEqualTo(201);
        return ambassador;
    }

    /** The lock a write of the United States' relations with Barbados holds. */
    private HeldRowLock thePairOfBridgetown() throws SQLException {
        return HeldRowLock.on(dataSource, "relation", "country_a = ? and country_b = ?", "BB", "US");
    }

    /**
     * Renames the diplomat "Jeanette W. Hyde" while the pair of Bridgetown is held, checks {@code whileWaiting} as the
     * renaming waits, and expects 200 once the pair is released.
     */
    private void renamedOnceThePairOfBridgetownIsReleased(long diplomat, HeldRowLock.Check whileWaiting) throws Exception {
        try (HeldRowLock pair = thePairOfBridgetown()) {
            assertThat(pair.statusOnceReleased(() -> putAsEditor("/api/diplomats/{id}",
                    "{\"name\":\"Jeanette W. Hyde\",\"country\":\"US\"}", diplomat).andReturn().getResponse()
                    .getStatus(), "the renaming", whileWaiting)).isEqualTo(200);
        }
    }

    private Callable<Integer> appointment(long diplomat, int year) {
        return () -> postAsEditor("/api/missions/{id}/heads", "{\"diplomatId\":" + diplomat
                + ",\"rank\":\"AMBASSADOR\",\"agrementOn\":\"" + (year - 1) + "-12-01\",\"startedOn\":\"" + year
                + "-01-01\"}", bridgetown).andReturn().getResponse()
                .getStatus();
    }

    private Callable<Integer> accreditation(long diplomat, int year) {
        return () -> postAsEditor("/api/relations/AG/US/accreditations", "{\"sendingCountry\":\"US\","
                + "\"level\":\"AMBASSADOR\",\"from\":\"" + year + "-01-01\",\"diplomatId\":" + diplomat + "}").andReturn()
                .getResponse().getStatus();
    }

    private void endTheHeads(int year) throws Exception {
        for (var head : json(getJson("/api/missions/{id}", bridgetown)).get("heads")) {
            if (head.get("endedOn").isNull()) {
                postAsEditor("/api/missions/{id}/heads/{head}/end", "{\"date\":\"" + year + "-06-01\"}", bridgetown,
                        head.get("id").asLong());
            }
        }
    }

    private void endTheAccreditations(int year) throws Exception {
        for (var accreditation : json(getJson("/api/relations/AG/US/accreditations")).get("content")) {
            if (accreditation.get("to").isNull()) {
                postAsEditor("/api/relations/AG/US/accreditations/{id}/end", "{\"date\":\"" + year + "-06-01\"}",
                        accreditation.get("id").asLong());
            }
        }
    }
}
