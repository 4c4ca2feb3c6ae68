package org.chancery.support;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.DataException;
import org.springframework.dao.DataIntegrityViolationException;

/** Writes the database refused, as Spring hands them on (Hibernate's exception under Spring's), for unit tests. */
public final class RefusedWrites {

    private RefusedWrites() {
    }

    /** A write that broke the constraint {@code name} (null: one the database did not name) of {@code kind}. */
    public static DataIntegrityViolationException constraintBroken(ConstraintKind kind, String name) {
        return new DataIntegrityViolationException("could not execute statement", new ConstraintViolationException(
                "could not execute statement", new SQLException("refused", "23000"), "insert into x", kind, name));
    }

    /** A write of a value the database cannot store (SQLSTATE 22001), which breaks no constraint. */
    public static DataIntegrityViolationException valueTooLong() {
        return new DataIntegrityViolationException("could not execute statement",
                new DataException("value too long", new SQLException("value too long", "22001")));
    }
}
