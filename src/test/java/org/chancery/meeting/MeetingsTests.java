package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Which refusal of a meeting's insert is a diplomat deleted meanwhile (R18): a foreign key's, and only that. */
class MeetingsTests {

    @Test
    void aForeignKeysRefusalIsADiplomatGoneAndNoOtherConstraintsIs() {
        assertThat(Meetings.foreignKeyRefused(refusedBy(ConstraintKind.FOREIGN_KEY, "23503"))).isTrue();
        assertThat(Meetings.foreignKeyRefused(refusedBy(ConstraintKind.NOT_NULL, "23502"))).isFalse();
        assertThat(Meetings.foreignKeyRefused(refusedBy(ConstraintKind.CHECK, "23514"))).isFalse();
        assertThat(Meetings.foreignKeyRefused(new DataIntegrityViolationException("no Hibernate cause"))).isFalse();
    }

    private static DataIntegrityViolationException refusedBy(ConstraintKind kind, String state) {
        return new DataIntegrityViolationException("refused", new ConstraintViolationException("refused",
                new SQLException("refused", state), "insert into meeting_participant", kind, "a_constraint"));
    }
}
