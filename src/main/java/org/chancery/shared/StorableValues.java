package org.chancery.shared;

import java.sql.SQLException;

/**
 * What the databases can store. PostgreSQL refuses the NUL character (U+0000) in a text, which H2
 * keeps: no text given to Chancery may hold it, on either, so that one input gets one answer. A
 * value the database refuses all the same (SQLSTATE class 22, "data exception") is a fault of the
 * input, not a conflict with recorded facts.
 */
public final class StorableValues {

    public static final String NUL_REFUSED = "must not hold the NUL character (U+0000), which no text may hold";

    private StorableValues() {
    }

    public static boolean holdsNul(String text) {
        return text.indexOf('\0') >= 0;
    }

    /** Whether the database refused a value itself (a character or a length it cannot store). */
    public static boolean refusedByTheDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** The words for a value the database refused, said of the request body that held it. */
    public static final String REFUSED_VALUE = "holds a value too long or too large for the database, or a character "
            + "it cannot store; nothing of it was saved";

    /** The answer's words for a value the database refused. */
    public static final String REFUSED_BY_THE_DATABASE = "A value sent is too long or too large for the database, or "
            + "holds a character it cannot store; nothing of it was saved.";
}
