package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissionTypeTests {

    @Test
    void aLegationIsOfTheEmbassyClassForR5R7R11AndR15() {
        assertThat(MissionType.LEGATION.embassyClass()).isTrue();
        assertThat(MissionType.LEGATION.needsDiplomaticRelations()).isTrue();
        assertThat(MissionType.LEGATION.consular()).isFalse();
    }

    @Test
    void r8AnEmbassyHighCommissionOrNunciatureSupersedesALegationButALegationDoesNot() {
        assertThat(MissionType.EMBASSY.supersedes(MissionType.LEGATION)).isTrue();
        assertThat(MissionType.HIGH_COMMISSION.supersedes(MissionType.LEGATION)).isTrue();
        assertThat(MissionType.NUNCIATURE.supersedes(MissionType.LEGATION)).isTrue();
        assertThat(MissionType.LEGATION.supersedes(MissionType.LEGATION)).isFalse();
    }

    @Test
    void r8EveryEmbassyClassMissionSupersedesAProvisionalOfficeAndAnInterestsSection() {
        for (MissionType type : MissionType.values()) {
            assertThat(type.supersedes(MissionType.PROVISIONAL_OFFICE)).as(type.name()).isEqualTo(type.embassyClass());
            assertThat(type.supersedes(MissionType.INTERESTS_SECTION)).as(type.name()).isEqualTo(type.embassyClass());
            assertThat(type.supersedes(MissionType.LIAISON_OFFICE)).as(type.name()).isFalse();
            assertThat(type.supersedes(MissionType.CONSULATE)).as(type.name()).isFalse();
        }
    }
}
