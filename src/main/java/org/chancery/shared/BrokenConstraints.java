package org.chancery.shared;

import java.util.Locale;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The database constraint a refused write broke, as Hibernate names it in the exception's causes: a write that
 * expects one constraint to break (two requests racing for a unique key) answers that one and rethrows any other, so
 * that a constraint no check guards is not answered as a rule it is not. Names are compared in lower case, and as a
 * part of the name the database gives (H2 gives a unique constraint's with its schema before it and its index after
 * it: {@code PUBLIC.UQ_MISSION_EMBASSY_SLOT_INDEX_A}).
 */
public final class BrokenConstraints {

    private BrokenConstraints() {
    }

    /** Whether the write broke the constraint {@code name} (as the migrations name it, in lower case). */
    public static boolean named(DataIntegrityViolationException e, String name) {
        return violation(e).map(ConstraintViolationException::getConstraintName)
                .map(broken -> broken.toLowerCase(Locale.ROOT).contains(name)).orElse(false);
    }

    /** Whether the write broke a unique constraint or a primary key (of whatever name each database gives it). */
    public static boolean unique(DataIntegrityViolationException e) {
        return violation(e).map(ConstraintViolationException::getKind)
                .map(kind -> kind == ConstraintViolationException.ConstraintKind.UNIQUE).orElse(false);
    }

    /** The constraint for a log line: its name and kind as Hibernate found them, or that it found none. */
    public static String described(DataIntegrityViolationException e) {
        return violation(e).map(v -> v.getConstraintName() + " (" + v.getKind() + ")").orElse("a constraint not named");
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
