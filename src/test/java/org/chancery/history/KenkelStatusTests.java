package org.chancery.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.chancery.accreditation.AccreditationLevel;
import org.chancery.mission.MissionType;
import org.junit.jupiter.api.Test;

class KenkelStatusTests {

    @Test
    void aStatusIsReadAsTheDataWritesItWithSpacesAroundItAside() {
        for (KenkelStatus status : KenkelStatus.values()) {
            assertThat(KenkelStatus.parse(status.text())).contains(status);
            assertThat(KenkelStatus.parse(" " + status.text() + "\t")).contains(status);
        }
        assertThat(KenkelStatus.parse("Ambassador Nonresident")).contains(KenkelStatus.AMBASSADOR_NONRESIDENT);
    }

    @Test
    void anotherSpellingOrNothingIsNoStatus() {
        assertThat(KenkelStatus.parse("embassy")).isEmpty();
        assertThat(KenkelStatus.parse("EMBASSY")).isEmpty();
        assertThat(KenkelStatus.parse("Ambassador  Nonresident")).isEmpty();
        assertThat(KenkelStatus.parse("")).isEmpty();
        assertThat(KenkelStatus.parse(null)).isEmpty();
    }

    @Test
    void aResidentStatusIsAMissionAndANonresidentOneAnAccreditation() {
        assertThat(KenkelStatus.EMBASSY.mission()).contains(MissionType.EMBASSY);
        assertThat(KenkelStatus.LEGATION.mission()).contains(MissionType.LEGATION);
        assertThat(KenkelStatus.CONSULATE.mission()).contains(MissionType.CONSULATE);
        assertThat(KenkelStatus.LIAISON.mission()).contains(MissionType.LIAISON_OFFICE);
        assertThat(KenkelStatus.INTERESTS.mission()).contains(MissionType.INTERESTS_SECTION);
        assertThat(KenkelStatus.AMBASSADOR_NONRESIDENT.accreditation()).contains(AccreditationLevel.AMBASSADOR);
        assertThat(KenkelStatus.ENVOY_NONRESIDENT.accreditation()).contains(AccreditationLevel.ENVOY);
        assertThat(KenkelStatus.CONSUL_NONRESIDENT.accreditation()).contains(AccreditationLevel.CONSUL);
        for (KenkelStatus status : KenkelStatus.values()) {
            assertThat(status.mission().isPresent() && status.accreditation().isPresent())
                    .as("%s is one fact at most", status).isFalse();
        }
        assertThat(KenkelStatus.NONE.mission()).isEmpty();
        assertThat(KenkelStatus.NONE.accreditation()).isEmpty();
    }

    @Test
    void embassiesLegationsAndNonresidentAmbassadorsAndEnvoysAreDiplomaticRelations() {
        assertThat(EnumSet.allOf(KenkelStatus.class).stream().filter(KenkelStatus::diplomatic))
                .containsExactlyInAnyOrder(KenkelStatus.EMBASSY, KenkelStatus.LEGATION,
                        KenkelStatus.AMBASSADOR_NONRESIDENT, KenkelStatus.ENVOY_NONRESIDENT);
    }

    @Test
    void consulatesAndNonresidentConsulsNeedConsularRelations() {
        assertThat(EnumSet.allOf(KenkelStatus.class).stream().filter(KenkelStatus::consular))
                .containsExactlyInAnyOrder(KenkelStatus.CONSULATE, KenkelStatus.CONSUL_NONRESIDENT);
    }

    @Test
    void noneAndAnInterestsSectionEndRelations() {
        assertThat(EnumSet.allOf(KenkelStatus.class).stream().filter(KenkelStatus::endsRelations))
                .containsExactlyInAnyOrder(KenkelStatus.NONE, KenkelStatus.INTERESTS);
    }

    @Test
    void theNamesForAMessageAreTheStatusesAsTheDataWritesThem() {
        assertThat(KenkelStatus.NAMES).isEqualTo("Embassy, Ambassador Nonresident, Legation, Envoy Nonresident, "
                + "Consulate, Consul Nonresident, Liaison, Interests, None");
    }
}
