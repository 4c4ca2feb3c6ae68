package org.chancery.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.chancery.fuzz.ApiDescription.Operation;
import org.chancery.fuzz.ApiDescription.Parameter;
import org.chancery.fuzz.FuzzRequest.Caller;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests derived from the OpenAPI description: every operation, each parameter and body field
 * plausible (enum values, known codes and ids, dates around the recorded history), at a boundary
 * or hostile (wrong types, empty and huge strings, control characters, lone surrogates, SQL and
 * template text, bad %-escapes), bodies that follow the schema or not at all (random JSON, broken
 * JSON, invalid UTF-8, deep nesting, too large), with odd media types and credentials.
 */
final class Requests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** For text Jackson will not write as UTF-8 (a lone surrogate): every non-ASCII character escaped. */
    private static final JsonMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final Set<String> COUNTRY_FIELDS = Set.of("a", "b", "country", "countries", "sendingCountry",
            "receivingCountry", "protectingPower", "sending", "receiving", "residingIn");
    private static final List<String> COUNTRIES = List.of("CU", "KR", "US", "FR", "DE", "KP", "VA", "XK", "SU", "DD",
            "GB", "CN", "cu", "Kr", "CUB", "USA", "KOR", "ZZ", "QQ", "C", "CUBA");
    private static final List<String> HOSTILE = List.of("", " ", "\t", "null", "undefined", "NaN", "Infinity", "-0",
            "1e309", "0x1F", "\u0663", "\uFF11\uFF12", "\u0000", "%00", "%", "%zz", "../../etc/passwd", "..%2F..%2F",
            "' OR '1'='1", "'; drop table country; --", "\" or \"\"=\"", "${jndi:ldap://127.0.0.1/a}", "#{7*7}",
            "{{7*7}}", "<script>alert(1)</script>", "\r\nX-Injected: 1", "\uFEFF", "\u202Eevil", "\uD83D\uDE00\uD83C\uDDE8\uD83C\uDDFA",
            "e\u0301", "\uD800", "\uDFFF", "\u00DF", "\u0130\u0131", "\u03A9", "true", "[]", "{}", "*", "?", "#", "/",
            "\\", ";", ",", "--", "2024-02-30", "1961-01-03T00:00:00Z", "9999999999999999999999",
            "-9223372036854775809", "2147483648", "0", "-1", "1.5", "\uFFFF", "\uFFFD");
    private static final List<String> GARBAGE = List.of("{", "}", "[", "{\"a\":", "null", "\"text\"", "[1, 2",
            "{\"name\": \"unterminated", "\uFEFF{}", "{'single': 'quotes'}", "{\"a\": 1,}", "NaN", "{\"a\" 1}",
            "<xml/>", "name=x&country=CU", "0", "-", "{\"date\": 2024-01-01}", "{\"a\":\"\\ud800\"}",
            "{\"a\": \"\\u0000\"}", "{\"\": null}", "{\"a\": 1e99999}", "[[[[[[[[[[]]]]]]]]]]");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28},
            new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {0, 0, 0, 0});
    private static final List<String> RAW_ESCAPES = List.of("%00", "%C3%28", "%FF", "%zz", "%2e%2e", "%2F", "..",
            ".", "%", "%u0041", "a%20b", "%E2%80%AE");
    private static final List<String> MEDIA_TYPES = List.of("text/plain", "application/json; charset=ISO-8859-1",
            "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "x/y;;",
            "application/json; charset=nonsense", "application/problem+json", "*/*");
    private static final List<String> ACCEPTS = List.of("application/problem+json", "text/csv", "*/*", "text/html",
            "application/xml", "application/json;q=0.1, text/csv", "nonsense", "application/*");
    /** A body larger than the configured limit (chancery.max-request-size, 1 MB). */
    private static final byte[] OVERSIZED = ("{\"name\": \"" + "x".repeat(1_100_000) + "\", \"country\": \"CU\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final ApiDescription api;
    private final List<String> importExamples;

    Requests(ApiDescription api, List<String> importExamples) {
        this.api = api;
        this.importExamples = List.copyOf(importExamples);
    }

    /** A request of any operation. */
    Arbitrary<FuzzRequest> any() {
        return Arbitraries.of(api.operations()).flatMap(this::of);
    }

    /** The body chosen for a request: its media type (null: none sent), bytes and the strings it carries. */
    private record Payload(String contentType, byte[] bytes, List<String> inputs) {
    }

    Arbitrary<FuzzRequest> of(Operation operation) {
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(24, Arbitraries.just(operation.method())),
                Tuple.of(1, Arbitraries.of("PATCH", "PUT", "DELETE", "POST", "GET", "OPTIONS", "HEAD")));
        Arbitrary<List<String>> path = values(operation.in("path"), true).map(values -> values.stream()
                .map(value -> value.orElse("")).toList());
        Arbitrary<List<Optional<String>>> query = values(operation.in("query"), false);
        Arbitrary<List<Optional<String>>> headers = values(operation.in("header"), false);
        Arbitrary<Optional<String>> extraQuery = hostile().optional(0.08);
        // a wrong password costs the server a BCrypt check (by design): a few hundredths of the requests
        Arbitrary<Caller> caller = Arbitraries.frequencyOf(Tuple.of(60, Arbitraries.just(Caller.ADMIN)),
                Tuple.of(18, Arbitraries.just(Caller.EDITOR)), Tuple.of(6, Arbitraries.just(Caller.READER)),
                Tuple.of(1, Arbitraries.just(Caller.WRONG_PASSWORD)), Tuple.of(12, Arbitraries.just(Caller.ANONYMOUS)));
        Arbitrary<Map<String, String>> extraHeaders = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
                        Tuple.of(2, Arbitraries.of(ACCEPTS))).optional(0.9),
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMinLength(1)
                                .ofMaxLength(64)),
                        Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100))).optional(0.2))
                .as((accept, requestId) -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    accept.ifPresent(value -> map.put("Accept", value));
                    requestId.ifPresent(value -> map.put("X-Request-Id", value));
                    return map;
                });
        Arbitrary<Optional<Payload>> payload = payload(operation);

        return Combinators.combine(method, path, query, headers, extraQuery, caller, extraHeaders, payload)
                .as((verb, pathValues, queryValues, headerValues, extra, who, more, body) -> {
                    List<String> inputs = new ArrayList<>(pathValues);
                    String target = target(operation, pathValues, queryValues, extra, inputs);
                    Map<String, String> sent = new LinkedHashMap<>(more);
                    List<Parameter> headerParameters = operation.in("header");
                    for (int i = 0; i < headerParameters.size(); i++) {
                        int at = i;
                        headerValues.get(i).map(Requests::headerSafe).ifPresent(value -> {
                            sent.put(headerParameters.get(at).name(), value);
                            inputs.add(value);
                        });
                    }
                    if (who.user != null) {
                        sent.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (who.user + ":" + who.password).getBytes(StandardCharsets.UTF_8)));
                    }
                    byte[] bytes = null;
                    if (body.isPresent()) {
                        if (body.get().contentType() != null) {
                            sent.put("Content-Type", body.get().contentType());
                        }
                        bytes = body.get().bytes();
                        inputs.addAll(body.get().inputs());
                    }
                    return new FuzzRequest(operation, verb, target, who, sent, bytes, List.copyOf(inputs));
                });
    }

    private static String target(Operation operation, List<String> pathValues, List<Optional<String>> queryValues,
            Optional<String> extra, List<String> inputs) {
        String path = operation.path();
        List<Parameter> pathParameters = operation.in("path");
        for (int i = 0; i < pathParameters.size(); i++) {
            String value = pathValues.get(i);
            String segment = RAW_ESCAPES.contains(value) ? value : UriUtils.encodePathSegment(value,
                    StandardCharsets.UTF_8);
            path = path.replace("{" + pathParameters.get(i).name() + "}", segment);
        }
        StringBuilder query = new StringBuilder();
        List<Parameter> queryParameters = operation.in("query");
        for (int i = 0; i < queryParameters.size(); i++) {
            int at = i;
            queryValues.get(i).ifPresent(value -> {
                query.append(query.isEmpty() ? '?' : '&').append(queryParameters.get(at).name()).append('=')
                        .append(RAW_ESCAPES.contains(value) ? value : UriUtils.encodeQueryParam(value,
                                StandardCharsets.UTF_8));
                inputs.add(value);
            });
        }
        extra.ifPresent(value -> {
            query.append(query.isEmpty() ? '?' : '&').append("unexpected=")
                    .append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
            inputs.add(value);
        });
        return path + query;
    }

    /** A header value as an HTTP client can send it: printable, one line. */
    private static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder();
        value.chars().filter(c -> c >= ' ' && c <= '~').forEach(c -> safe.append((char) c));
        return safe.toString().strip();
    }

    private Arbitrary<List<Optional<String>>> values(List<Parameter> parameters, boolean inPath) {
        List<Arbitrary<Optional<String>>> each = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Arbitrary<String> value = Arbitraries.frequencyOf(
                    Tuple.of(7, plausible(parameter.name(), parameter.schema())),
                    Tuple.of(2, hostile()),
                    Tuple.of(inPath ? 1 : 0, Arbitraries.of(RAW_ESCAPES)));
            each.add(value.optional(inPath ? 0.97 : parameter.required() ? 0.9 : 0.35));
        }
        return each.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(each).as(List::copyOf);
    }

    // -- values -----------------------------------------------------------------------------------

    /** A value a client could well send for this field: enum values, codes, ids, dates, examples. */
    Arbitrary<String> plausible(String name, JsonNode schema) {
        JsonNode resolved = api.resolve(schema);
        if (resolved.has("oneOf")) {
            resolved = api.resolve(resolved.get("oneOf").get(0));
        }
        JsonNode values = resolved.get("enum");
        if (values != null) {
            List<String> known = new ArrayList<>();
            values.forEach(value -> {
                if (!value.isNull()) {
                    known.add(value.asString());
                }
            });
            return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(known)),
                    Tuple.of(1, Arbitraries.of(known).map(value -> value.toLowerCase(Locale.ROOT))));
        }
        return switch (ApiDescription.type(resolved)) {
            case "integer" -> integer(name).map(String::valueOf);
            case "boolean" -> Arbitraries.of("true", "false", "TRUE", "1", "yes");
            case "number" -> Arbitraries.of("0", "1.5", "-1", "1e3");
            case "array" -> plausible(name, resolved.path("items"));
            default -> text(name, resolved);
        };
    }

    private static Arbitrary<Long> integer(String name) {
        return switch (name) {
            case "page" -> Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.longs().between(0, 5)),
                    Tuple.of(1, Arbitraries.of(-1L, 1_000_000L, (long) Integer.MAX_VALUE)));
            case "size" -> Arbitraries.of(1L, 5L, 20L, 100L, 200L, 201L, 0L, -1L, 1_000_000L);
            case "year" -> Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.longs().between(1800, 2010)),
                    Tuple.of(1, Arbitraries.of(0L, -5L, 99_999L)));
            default -> Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(1, 60)),
                    Tuple.of(2, Arbitraries.of(0L, -1L, (long) Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE)));
        };
    }

    private Arbitrary<String> text(String name, JsonNode schema) {
        String format = schema.path("format").asString("");
        if (format.equals("date") || Set.of("asOf", "openOn", "from", "to", "date").contains(name)) {
            return dates();
        }
        if (format.equals("date-time")) {
            return Arbitraries.of("2024-01-01T00:00:00Z", "2024-01-01", "yesterday", "9999-12-31T23:59:59Z");
        }
        if (COUNTRY_FIELDS.contains(name)) {
            return Arbitraries.of(COUNTRIES);
        }
        return switch (name) {
            case "code" -> Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(COUNTRIES)),
                    Tuple.of(4, Arbitraries.strings().withCharRange('A', 'Z').ofLength(2)));
            case "alpha3" -> Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.strings().withCharRange('A', 'Z')
                    .ofLength(3)), Tuple.of(1, Arbitraries.of("CUB", "cu", "12A")));
            case "numeric" -> Arbitraries.of("383", "999", "12", "abc", "192");
            case "sort" -> Arbitraries.of("id", "id,desc", "name", "name,asc", "date,desc", "nope", "id,sideways",
                    "name;drop", ",", "", "targetEnd,desc", "year");
            case "target", "plannedOpening" -> Arbitraries.of("2024", "2024-H1", "2024-H2", "2024-Q3", "2024-07",
                    "2024-07-15", "2024-Q5", "2024-13", "H1", "2024-H3", "1900", "2999");
            case "url" -> Arbitraries.of("https://example.org/a", "http://example.org", "ftp://example.org/x",
                    "javascript:alert(1)", "not a url", "http://", "https://" + "a".repeat(3000) + ".org");
            case "format" -> Arbitraries.of("csv", "CSV", "json", "chancery-ndjson", "kenkel-us-missions",
                    "cow-diplomatic-exchange", "");
            case "If-Match" -> Arbitraries.of("\"0\"", "\"1\"", "\"2\"", "W/\"0\"", "*", "0", "\"999\"", "\"-1\"");
            case "kind" -> Arbitraries.of("mission", "event", "diplomat", "country", "import", "meeting", "milestone",
                    "accreditation", "head", "bogus");
            case "dataset" -> Arbitraries.of("COW-DE 2006.1", "x");
            case "flag" -> Arbitraries.of("INFERRED_SEVERANCE", "GAP", "APPROXIMATE_DATE", "x");
            default -> {
                JsonNode example = schema.get("example");
                Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', '\'')
                        .ofMinLength(1).ofMaxLength(30);
                yield example != null && example.isString()
                        ? Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(example.asString())), Tuple.of(2, words))
                        : words;
            }
        };
    }

    /** Days of the recorded history and around it, and dates that are not quite dates. */
    static Arbitrary<String> dates() {
        long first = LocalDate.of(1776, 7, 4).toEpochDay();
        long today = LocalDate.now().toEpochDay();
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(first, today).map(day -> LocalDate.ofEpochDay(day).toString())),
                Tuple.of(2, Arbitraries.of("0000-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01", "2024-02-29",
                        "2023-02-29", "1961-1-3", "1961-01", "1961", LocalDate.now().plusDays(1).toString(),
                        LocalDate.now().toString(), "2024-13-01", "2024-01-32", "01/03/1961", "1961-01-03 ")));
    }

    /** Text that tests the server rather than the rules. */
    static Arbitrary<String> hostile() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(HOSTILE)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, Arbitraries.integers().between(256, 20_000).map("x"::repeat)),
                Tuple.of(1, Arbitraries.strings().withChars("0123456789-+.eE").ofMinLength(1).ofMaxLength(25)));
    }

    // -- bodies -----------------------------------------------------------------------------------

    private Arbitrary<Optional<Payload>> payload(Operation operation) {
        if (operation.bodies().isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(Optional.<Payload>empty())),
                    Tuple.of(1, randomJson(0).map(json -> Optional.of(new Payload("application/json", bytes(json),
                            texts(json))))));
        }
        Arbitrary<String> contentType = Arbitraries.of(MEDIA_TYPES).optional(0.8).map(type -> type.orElse(null));
        return Arbitraries.of(operation.bodies()).flatMap(body -> {
            Arbitrary<Payload> declared = body.mediaType().contains("json") && !body.mediaType().contains("ndjson")
                    ? jsonBody(body)
                    : fileBody(body);
            Arbitrary<Payload> sent = Arbitraries.frequencyOf(Tuple.of(12, declared),
                    Tuple.of(2, Combinators.combine(declared, contentType)
                            .as((payload, type) -> new Payload(type, payload.bytes(), payload.inputs()))));
            return sent.map(Optional::of);
        });
    }

    private Arbitrary<Payload> jsonBody(ApiDescription.Body body) {
        String type = body.mediaType();
        return Arbitraries.frequencyOf(
                Tuple.of(16, json(body.schema(), "", 0).map(json -> new Payload(type, bytes(json), texts(json)))),
                Tuple.of(2, randomJson(0).map(json -> new Payload(type, bytes(json), texts(json)))),
                Tuple.of(2, Arbitraries.of(GARBAGE).map(text -> new Payload(type, utf8(text), List.of(text)))),
                Tuple.of(1, Arbitraries.of(INVALID_UTF8).map(bytes -> new Payload(type, bytes, List.of()))),
                Tuple.of(1, Arbitraries.integers().between(50, 5_000)
                        .map(n -> new Payload(type, utf8("[".repeat(n) + "]".repeat(n)), List.of()))),
                Tuple.of(1, Arbitraries.of(new Payload(type, new byte[0], List.of()),
                        new Payload(type, OVERSIZED, List.of()))));
    }

    /** An import file: a format's documented example, as it is or with a line replaced, or not a file at all. */
    private Arbitrary<Payload> fileBody(ApiDescription.Body body) {
        String type = body.mediaType();
        Arbitrary<String> example = Arbitraries.of(importExamples);
        Arbitrary<String> mutated = Combinators.combine(example, Arbitraries.integers().between(0, 50), hostile())
                .as((text, line, replacement) -> {
                    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
                    lines.set(line % lines.size(), replacement);
                    return String.join("\n", lines) + "\n";
                });
        Arbitrary<String> randomLines = randomJson(1).list().ofMinSize(1).ofMaxSize(5)
                .map(nodes -> String.join("\n", nodes.stream().map(node -> new String(bytes(node),
                        StandardCharsets.UTF_8)).toList()));
        return Arbitraries.frequencyOf(Tuple.of(3, example), Tuple.of(4, mutated), Tuple.of(2, randomLines),
                        Tuple.of(2, Arbitraries.of(GARBAGE)), Tuple.of(1, Arbitraries.just("")))
                .map(text -> new Payload(type, utf8(text), List.of(text.split("\n"))));
    }

    /** A JSON value for the schema: its fields plausible, hostile or missing, sometimes one more. */
    private Arbitrary<JsonNode> json(JsonNode schema, String name, int depth) {
        JsonNode resolved = api.resolve(schema);
        if (resolved.has("oneOf")) {
            resolved = api.resolve(resolved.get("oneOf").get(0));
        }
        JsonNode shape = resolved;
        return switch (ApiDescription.type(shape)) {
            case "object" -> object(shape, depth);
            case "array" -> Arbitraries.frequencyOf(
                    Tuple.of(9, json(shape.path("items"), name, depth + 1).list().ofMaxSize(depth > 1 ? 2 : 4)),
                    Tuple.of(1, json(shape.path("items"), name, depth + 1).list().ofMaxSize(60)))
                    .map(items -> {
                        ArrayNode array = NODES.arrayNode();
                        items.forEach(array::add);
                        return (JsonNode) array;
                    });
            case "integer" -> plausible(name, shape).map(value -> {
                try {
                    return (JsonNode) NODES.numberNode(new BigInteger(value));
                } catch (NumberFormatException notANumber) {
                    return NODES.stringNode(value);
                }
            });
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            default -> plausible(name, shape).map(NODES::stringNode);
        };
    }

    private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty() || depth > 3) {
            return randomJson(depth);
        }
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asString()));
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String field = property.getKey();
            Arbitrary<JsonNode> value = Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.lazy(() -> json(property.getValue(), field, depth + 1))),
                    Tuple.of(2, Arbitraries.lazy(() -> hostileJson(depth + 1))));
            fields.add(value.map(node -> Map.entry(field, node)).optional(required.contains(field) ? 0.93 : 0.6));
        }
        Arbitrary<Optional<JsonNode>> extra = Arbitraries.lazy(() -> hostileJson(depth + 1)).optional(0.08);
        return Combinators.combine(Combinators.combine(fields).as(List::copyOf), extra).as((present, more) -> {
            ObjectNode object = NODES.objectNode();
            present.forEach(entry -> entry.ifPresent(field -> object.set(field.getKey(), field.getValue())));
            more.ifPresent(value -> object.set("unexpected", value));
            return object;
        });
    }

    /** A JSON value of the wrong kind: null, numbers at and past every limit, hostile text, random JSON. */
    private static Arbitrary<JsonNode> hostileJson(int depth) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, hostile().map(NODES::stringNode)),
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(2, Arbitraries.of(NODES.numberNode(0), NODES.numberNode(-1),
                        NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(BigInteger.TWO.pow(80)),
                        NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(1.5), NODES.numberNode(-0.0))),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(1, Arbitraries.lazy(() -> randomJson(depth + 1))));
    }

    /** Any JSON, a few levels deep. */
    static Arbitrary<JsonNode> randomJson(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                hostile().map(NODES::stringNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth >= 3) {
            return leaf;
        }
        Arbitrary<JsonNode> array = Arbitraries.lazy(() -> randomJson(depth + 1)).list().ofMaxSize(3).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(12),
                Arbitraries.lazy(() -> randomJson(depth + 1))).ofMaxSize(4).map(entries -> {
                    ObjectNode node = NODES.objectNode();
                    entries.forEach(node::set);
                    return node;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(1, object));
    }

    // -- helpers ----------------------------------------------------------------------------------

    static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (RuntimeException unwritable) {
            return ASCII_JSON.writeValueAsBytes(json);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The strings in a JSON value, keys included: what an answer may echo. */
    private static List<String> texts(JsonNode json) {
        List<String> texts = new ArrayList<>();
        collect(json, texts);
        return texts;
    }

    private static void collect(JsonNode json, List<String> texts) {
        if (json.isString()) {
            texts.add(json.asString());
        } else if (json.isNumber()) {
            texts.add(json.asString());
        } else if (json.isObject()) {
            json.properties().forEach(field -> {
                texts.add(field.getKey());
                collect(field.getValue(), texts);
            });
        } else if (json.isArray()) {
            json.forEach(item -> collect(item, texts));
        }
    }
}
