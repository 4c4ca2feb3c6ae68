package org.chancery.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operations of a served OpenAPI description, with their parameters and bodies, schemas resolved. */
final class ApiDescription {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One parameter: where it goes ({@code path}, {@code query}, {@code header}) and its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One media type a body may have, with its schema and its documented example (or null). */
    record Body(String mediaType, JsonNode schema, JsonNode example) {
    }

    /** One operation: method, path template, parameters and the bodies it takes. */
    record Operation(String id, String method, String path, List<Parameter> parameters, List<Body> bodies) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }

        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    private final JsonNode schemas;
    private final List<Operation> operations = new ArrayList<>();

    ApiDescription(String json) {
        JsonNode document = JsonMapper.builder().build().readTree(json);
        schemas = document.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(new Parameter(parameter.get("name").asString(), parameter.get("in").asString(),
                            parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
                }
                List<Body> bodies = new ArrayList<>();
                for (Map.Entry<String, JsonNode> media : operation.path("requestBody").path("content").properties()) {
                    JsonNode schema = resolve(media.getValue().path("schema"));
                    JsonNode example = media.getValue().has("example") ? media.getValue().get("example")
                            : schema.get("example");
                    bodies.add(new Body(media.getKey(), schema, example));
                }
                operations.add(new Operation(operation.get("operationId").asString(),
                        entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                        List.copyOf(bodies)));
            }
        }
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The schema a {@code $ref} names, else the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        while (at.has("$ref")) {
            String ref = at.get("$ref").asString();
            at = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return at;
    }

    /** The schema's type: its first non-null type, {@code object} for an object without one. */
    static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asString().equals("null")) {
                    return one.asString();
                }
            }
        }
        if (type != null && type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "any";
    }
}
