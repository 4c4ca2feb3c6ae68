package org.chancery.imports;

import java.util.List;

import org.chancery.shared.InvalidInputException;
import org.chancery.shared.StorableValues;

/**
 * The fields of a record of a published CSV file, checked before a format reads them: no field holds
 * the NUL character, which no text may hold ({@link StorableValues}), and none is longer than any field
 * of the published files needs to be (the longest, a state's name, has under 60 characters).
 */
public final class CsvFields {

    public static final int MAX_LENGTH = 200;

    private CsvFields() {
    }

    /**
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) naming the column of the first field refused
     */
    public static void check(List<String> header, List<String> fields) {
        for (int i = 0; i < Math.min(header.size(), fields.size()); i++) {
            String field = fields.get(i);
            if (field == null) {
                continue;
            }
            if (StorableValues.holdsNul(field)) {
                throw new InvalidInputException(header.get(i), StorableValues.NUL_REFUSED);
            }
            if (field.length() > MAX_LENGTH) {
                throw new InvalidInputException(header.get(i), "has " + field.length() + " characters, more than the "
                        + MAX_LENGTH + " a field of this file may have");
            }
        }
    }
}
