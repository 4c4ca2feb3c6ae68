package org.chancery.shared;

/** A create whose natural key is already taken. */
public class AlreadyExistsException extends RuntimeException {

    public AlreadyExistsException(String detail) {
        super(detail);
    }
}
