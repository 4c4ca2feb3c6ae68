package org.chancery.support;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.exception.DataException;
import org.hibernate.exception.internal.SQLExceptionTypeDelegate;
import org.hibernate.exception.internal.SQLStateConversionDelegate;
import org.hibernate.exception.internal.StandardSQLExceptionConverter;
import org.hibernate.exception.spi.ConversionContext;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
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

    /**
     * A write PostgreSQL refused with SQL state {@code state} and the message {@code message} (in whatever language
     * its {@code lc_messages} sets) naming the constraint {@code constraint} in its field for it (null: in none), as
     * PgJDBC raises it and Hibernate's PostgreSQL dialect converts it.
     */
    public static DataIntegrityViolationException refusedByPostgres(String state, String message, String constraint) {
        return asHibernateConvertsIt(refusal(state, message, constraint));
    }

    /** The same refusal of one statement of a batch, which PgJDBC hands on as the batch's next exception. */
    public static DataIntegrityViolationException refusedInPostgresBatch(String state, String message,
            String constraint) {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into x was aborted", state, 0,
                new int[0]);
        batch.setNextException(refusal(state, message, constraint));
        return asHibernateConvertsIt(batch);
    }

    private static PSQLException refusal(String state, String message, String constraint) {
        String named = constraint == null ? "" : "n" + constraint + "\0";
        return new PSQLException(new ServerErrorMessage("SERROR\0VERROR\0C" + state + "\0M" + message + "\0" + named));
    }

    private static DataIntegrityViolationException asHibernateConvertsIt(SQLException refusal) {
        PostgreSQLDialect dialect = new PostgreSQLDialect();
        ConversionContext context = dialect::getViolatedConstraintNameExtractor;
        // the delegates in the order Hibernate's JDBC environment sets them up
        StandardSQLExceptionConverter converter = new StandardSQLExceptionConverter(
                dialect.buildSQLExceptionConversionDelegate(), new SQLExceptionTypeDelegate(context),
                new SQLStateConversionDelegate(context));
        return new DataIntegrityViolationException("could not execute statement",
                converter.convert(refusal, "could not execute statement", "insert into x"));
    }

    /** A write of a value the database cannot store (SQLSTATE 22001), which breaks no constraint. */
    public static DataIntegrityViolationException valueTooLong() {
        return new DataIntegrityViolationException("could not execute statement",
                new DataException("value too long", new SQLException("value too long", "22001")));
    }
}
