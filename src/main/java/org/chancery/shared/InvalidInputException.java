package org.chancery.shared;

import java.util.List;

/**
 * Input that is invalid on its face, found after Bean Validation (a bad filter value, a target
 * that does not parse, an end before a start); answered as {@code VALIDATION_FAILED}.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
