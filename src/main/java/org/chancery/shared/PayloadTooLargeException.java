package org.chancery.shared;

/** A request body above the configured size (413 {@code PAYLOAD_TOO_LARGE}). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
