package org.chancery.shared;

/**
 * A request that conflicts with what the server is doing (not with a rule of API.md): answered 409
 * with its own problem code, such as {@code IMPORT_RUNNING}.
 */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
