package org.chancery.shared;

/**
 * A create whose natural key is already taken; {@code field} names the part of the body that holds it,
 * where it is known (null where only the database's constraint told).
 */
public class AlreadyExistsException extends RuntimeException {

    private final String field;

    public AlreadyExistsException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
