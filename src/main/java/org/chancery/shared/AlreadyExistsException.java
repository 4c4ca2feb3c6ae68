package org.chancery.shared;

import java.util.List;

/**
 * A create whose natural key is already taken; {@code fields} name the parts of the body that hold a
 * taken key, where they are known (none where only the database's constraint told).
 */
public class AlreadyExistsException extends RuntimeException {

    private final List<String> fields;

    public AlreadyExistsException(List<String> fields, String detail) {
        super(detail);
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }
}
