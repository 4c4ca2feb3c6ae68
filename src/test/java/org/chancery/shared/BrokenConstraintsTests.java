package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chancery.support.RefusedWrites.constraintBroken;

import org.chancery.support.RefusedWrites;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class BrokenConstraintsTests {

    @Test
    void aConstraintIsKnownByItsNameInAnyCaseAndWithWhatTheDatabaseAddsToIt() {
        assertThat(BrokenConstraints.named(constraintBroken(ConstraintKind.UNIQUE, "uq_relation_pair"),
                "uq_relation_pair")).isTrue();
        assertThat(BrokenConstraints.named(constraintBroken(ConstraintKind.UNIQUE,
                "PUBLIC.UQ_MISSION_EMBASSY_SLOT_INDEX_A"), "uq_mission_embassy_slot")).as("as H2 names it").isTrue();
        assertThat(BrokenConstraints.named(constraintBroken(ConstraintKind.UNIQUE, "uq_country_alpha3"),
                "uq_relation_pair")).isFalse();
        assertThat(BrokenConstraints.named(constraintBroken(ConstraintKind.OTHER, null), "uq_relation_pair"))
                .as("a constraint the database did not name").isFalse();
    }

    @Test
    void aConstraintIsKnownByTheNamePostgresGivesWhateverTheLanguageOfItsMessages() {
        DataIntegrityViolationException german = RefusedWrites.refusedByPostgres("23505",
                "doppelter Schlüsselwert verletzt Unique-Constraint »uq_relation_pair«", "uq_relation_pair");
        DataIntegrityViolationException french = RefusedWrites.refusedByPostgres("23514",
                "la nouvelle ligne de la relation « mission » viole la contrainte de vérification « ck_mission_dates »",
                "ck_mission_dates");

        assertThat(BrokenConstraints.named(german, "uq_relation_pair")).isTrue();
        assertThat(BrokenConstraints.named(german, "uq_country_alpha3")).isFalse();
        assertThat(BrokenConstraints.unique(german)).isTrue();
        assertThat(BrokenConstraints.described(german)).isEqualTo("uq_relation_pair (UNIQUE)");
        assertThat(BrokenConstraints.described(french)).isEqualTo("ck_mission_dates (CHECK)");
    }

    @Test
    void aConstraintPostgresNamesInOneStatementOfABatchIsKnownByThatName() {
        DataIntegrityViolationException batch = RefusedWrites.refusedInPostgresBatch("23505",
                "doppelter Schlüsselwert verletzt Unique-Constraint »uq_mission_embassy_slot«",
                "uq_mission_embassy_slot");

        assertThat(BrokenConstraints.named(batch, "uq_mission_embassy_slot")).isTrue();
    }

    @Test
    void aConstraintNamedOnlyInAnEnglishMessageIsKnownByTheNameInIt() {
        DataIntegrityViolationException english = RefusedWrites.refusedByPostgres("23505",
                "duplicate key value violates unique constraint \"uq_relation_pair\"", null);

        assertThat(BrokenConstraints.named(english, "uq_relation_pair")).isTrue();
    }

    @Test
    void aUniqueConstraintOrKeyIsToldFromEveryOtherKind() {
        assertThat(BrokenConstraints.unique(constraintBroken(ConstraintKind.UNIQUE, "country_pkey"))).isTrue();
        assertThat(BrokenConstraints.unique(constraintBroken(ConstraintKind.CHECK, "ck_country_lifetime"))).isFalse();
        assertThat(BrokenConstraints.unique(constraintBroken(ConstraintKind.FOREIGN_KEY, "fk_mission_sending")))
                .isFalse();
        assertThat(BrokenConstraints.unique(constraintBroken(ConstraintKind.NOT_NULL, null))).isFalse();
    }

    @Test
    void aValueTheDatabaseCannotStoreBreaksNoConstraint() {
        DataIntegrityViolationException tooLong = RefusedWrites.valueTooLong();

        assertThat(BrokenConstraints.unique(tooLong)).isFalse();
        assertThat(BrokenConstraints.named(tooLong, "uq_relation_pair")).isFalse();
        assertThat(BrokenConstraints.described(tooLong)).isEqualTo("a constraint not named");
    }

    @Test
    void aConstraintIsDescribedForTheLogByItsNameAndKind() {
        assertThat(BrokenConstraints.described(constraintBroken(ConstraintKind.CHECK, "ck_mission_dates")))
                .isEqualTo("ck_mission_dates (CHECK)");
    }
}
