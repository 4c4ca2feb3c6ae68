package org.chancery.shared;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The database constraint a refused write broke, as Hibernate names it in the exception's causes: a write that
 * expects one constraint to break (two requests racing for a unique key) answers that one and rethrows any other, so
 * that a constraint no check guards is not answered as a rule it is not. Names are compared in lower case, and as a
 * part of the name the database gives (H2 gives a unique constraint's with its schema before it and its index after
 * it: {@code PUBLIC.UQ_MISSION_EMBASSY_SLOT_INDEX_A}).
 * <p>
 * Hibernate reads the name out of the database's message, which PostgreSQL writes in the language of its
 * {@code lc_messages} ("doppelter Schlüsselwert verletzt Unique-Constraint »uq_relation_pair«" on a server set up in
 * German), where Hibernate's English template finds none: PostgreSQL's own field for the name, which no language
 * changes, is read first.
 */
public final class BrokenConstraints {

    private BrokenConstraints() {
    }

    /** Whether the write broke the constraint {@code name} (as the migrations name it, in lower case). */
    public static boolean named(DataIntegrityViolationException e, String name) {
        return violation(e).flatMap(BrokenConstraints::name)
                .map(broken -> broken.toLowerCase(Locale.ROOT).contains(name)).orElse(false);
    }

    /** Whether the write broke a unique constraint or a primary key (of whatever name each database gives it). */
    public static boolean unique(DataIntegrityViolationException e) {
        return violation(e).map(ConstraintViolationException::getKind)
                .map(kind -> kind == ConstraintViolationException.ConstraintKind.UNIQUE).orElse(false);
    }

    /** The constraint for a log line: its name (as {@link #named} reads it) and kind, or that none was found. */
    public static String described(DataIntegrityViolationException e) {
        return violation(e).map(v -> name(v).orElse("a constraint not named") + " (" + v.getKind() + ")")
                .orElse("a constraint not named");
    }

    /** The name PostgreSQL gives in its error's fields, else the one Hibernate read from the message (H2's). */
    private static Optional<String> name(ConstraintViolationException violation) {
        return namedByPostgres(violation.getSQLException())
                .or(() -> Optional.ofNullable(violation.getConstraintName()));
    }

    /** PostgreSQL's name for the constraint, also where a batch's exception holds the statement's as its next. */
    private static Optional<String> namedByPostgres(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            for (Throwable cause = next; cause != null; cause = cause.getCause()) {
                if (cause instanceof PSQLException postgres) {
                    ServerErrorMessage fields = postgres.getServerErrorMessage();
                    if (fields != null && fields.getConstraint() != null) {
                        return Optional.of(fields.getConstraint());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ConstraintViolationException> violation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }
}
