package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class StorableValuesTests {

    @Test
    void aTextHoldingTheNulCharacterAnywhereIsNotStorable() {
        assertThat(StorableValues.holdsNul("Kim\0Jong")).isTrue();
        assertThat(StorableValues.holdsNul("\0")).isTrue();
        assertThat(StorableValues.holdsNul("Kim Jong\t\n\u0001")).isFalse();
    }

    @Test
    void aDataExceptionOfTheDatabaseIsARefusedValueAndAConstraintIsNot() {
        SQLException character = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        SQLException tooLong = new SQLException("Value too long for column", "22001");
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(StorableValues.refusedByTheDatabase(new DataIntegrityViolationException("write", character))).isTrue();
        assertThat(StorableValues.refusedByTheDatabase(new DataIntegrityViolationException("write", tooLong))).isTrue();
        assertThat(StorableValues.refusedByTheDatabase(new DataIntegrityViolationException("write", unique))).isFalse();
        assertThat(StorableValues.refusedByTheDatabase(new DataIntegrityViolationException("write"))).isFalse();
    }
}
