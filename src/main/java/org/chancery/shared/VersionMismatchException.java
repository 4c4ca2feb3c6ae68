package org.chancery.shared;

/** An {@code If-Match} or body {@code version} that is not the resource's current version. */
public class VersionMismatchException extends RuntimeException {

    public VersionMismatchException(String detail) {
        super(detail);
    }
}
