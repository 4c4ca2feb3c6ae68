package org.chancery.shared;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the sources of a fact as a JSON array in one column of the fact's row, so that reading
 * a fact never needs another query for its sources.
 */
@Converter
public class SourcesConverter implements AttributeConverter<List<Source>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Source>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Source> sources) {
        return sources == null || sources.isEmpty() ? null : JSON.writeValueAsString(sources);
    }

    @Override
    public List<Source> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? List.of() : List.copyOf(JSON.readValue(column, LIST));
    }

    /** A null list of sources is an empty one. */
    public static List<Source> orEmpty(List<Source> sources) {
        return sources == null ? List.of() : List.copyOf(sources);
    }
}
