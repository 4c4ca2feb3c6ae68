package org.chancery.shared;

/**
 * Something of the server's own that a request needs cannot be used (a folder it cannot write to, a disk that is
 * full): 503 {@code SERVICE_UNAVAILABLE}, its detail naming the setting an operator fixes, logged as the server's
 * error.
 */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
