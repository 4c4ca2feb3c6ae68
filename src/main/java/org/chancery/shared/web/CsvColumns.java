package org.chancery.shared.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;

/**
 * The columns of a list's CSV answer, derived from the record its JSON answer is made of: one
 * column per JSON field, nested objects flattened as {@code a.b}, the fields of the objects in a
 * nested list flattened the same way (their values joined with {@code ;}, see {@link #element}), a map keyed by an enum
 * one column per constant. A value is read from the row's JSON tree, so that the CSV says exactly
 * what the JSON says.
 */
final class CsvColumns {

    private final List<String> names = new ArrayList<>();
    private final List<String[]> paths = new ArrayList<>();

    private CsvColumns() {
    }

    static CsvColumns of(Class<?> rowType) {
        CsvColumns columns = new CsvColumns();
        columns.add("", rowType, 0);
        return columns;
    }

    List<String> names() {
        return names;
    }

    /** The row's values in the order of the columns. */
    String[] values(JsonNode row) {
        String[] values = new String[paths.size()];
        for (int i = 0; i < values.length; i++) {
            StringJoiner joined = new StringJoiner(";");
            collect(row, paths.get(i), 0, false, joined);
            values[i] = joined.toString();
        }
        return values;
    }

    /**
     * The values at {@code path} below {@code node}; within a list, a missing value is an empty
     * element, so that the columns of one nested list line up ({@code heads.id} {@code 2;5} with
     * {@code heads.agrementOn} {@code ;2013-01-01}), and a list within an element is that one element
     * ({@code heads.sources.url} {@code a\;b;} for a head with two sources and one with none).
     */
    private static void collect(JsonNode node, String[] path, int depth, boolean inList, StringJoiner into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (inList) {
                into.add("");
            }
            return;
        }
        if (node.isArray()) {
            if (inList) {
                // a list within an element of a list (a head's sources): one element of the outer list, its own
                // elements joined and escaped within it, so that the outer list's columns still line up
                StringJoiner inner = new StringJoiner(";");
                node.forEach(element -> collect(element, path, depth, true, inner));
                into.add(element(inner.toString()));
                return;
            }
            node.forEach(element -> collect(element, path, depth, true, into));
            return;
        }
        if (depth == path.length) {
            String value = node.isValueNode() ? node.asString() : node.toString();
            into.add(inList ? element(value) : value);
            return;
        }
        collect(node.get(path[depth]), path, depth + 1, inList, into);
    }

    /**
     * An element of a nested list as it is joined: a {@code ;} in it written {@code \;} and a backslash {@code \\},
     * so that splitting the joined value at every {@code ;} not escaped gives the elements back, and the columns of
     * one list line up whatever they hold.
     */
    static String element(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('\\') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace(";", "\\;");
    }

    private void add(String prefix, Type type, int depth) {
        Class<?> raw = raw(type);
        if (depth > 0 && leaf(raw)) {
            column(prefix);
        } else if (raw.isRecord() && depth < 4) {
            for (RecordComponent component : raw.getRecordComponents()) {
                add(prefix.isEmpty() ? component.getName() : prefix + "." + component.getName(),
                        component.getGenericType(), depth + 1);
            }
        } else if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType list) {
            add(prefix, list.getActualTypeArguments()[0], depth);
        } else if (Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType map
                && raw(map.getActualTypeArguments()[0]).isEnum()) {
            for (Object key : raw(map.getActualTypeArguments()[0]).getEnumConstants()) {
                column(prefix + "." + ((Enum<?>) key).name());
            }
        } else {
            column(prefix);
        }
    }

    private void column(String name) {
        names.add(name);
        paths.add(name.split("\\."));
    }

    private static boolean leaf(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || CharSequence.class.isAssignableFrom(type)
                || Number.class.isAssignableFrom(type) || Boolean.class == type || Temporal.class.isAssignableFrom(type)
                || java.net.URI.class == type;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
