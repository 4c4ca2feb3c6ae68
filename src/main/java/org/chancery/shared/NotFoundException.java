package org.chancery.shared;

/** The resource named in the path does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }

    public static NotFoundException of(String kind, Object id) {
        return new NotFoundException("No " + kind + " with id " + id + ".");
    }
}
