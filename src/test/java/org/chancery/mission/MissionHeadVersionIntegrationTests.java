package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change of a mission's heads is a change of the mission (its version, its ETag), also where the transaction that
 * makes it goes on to write on the pair (an import's row: a severance ending a head, then the mission closed; the
 * demo's story: a head appointed, then a milestone planned), whose lock forgets what the transaction read.
 */
class MissionHeadVersionIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private MissionService missions;

    @Autowired
    private RelationService relations;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aHeadAppointedInATransactionThatGoesOnToLockThePairMovesTheMissionsVersion() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "2024-02-14");
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        openMission(embassy, "2024-06-01");
        long diplomat = newDiplomat("Ana Ruiz", "CU");
        long before = json(getJson("/api/missions/" + embassy)).get("version").asLong();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            missions.appoint(embassy, new MissionService.Appointment(diplomat, HeadRank.CHARGE_D_AFFAIRES, null,
                    FuzzyDate.of(LocalDate.parse("2024-07-01"), DatePrecision.DAY), null, List.of()));
            relations.underPairLock(RelationPair.of(new CountryCode("CU"), new CountryCode("KR")), relation -> null);
        });

        var mission = json(getJson("/api/missions/" + embassy));
        assertThat(mission.get("heads")).hasSize(1);
        assertThat(mission.get("version").asLong()).isEqualTo(before + 1);
    }
}
