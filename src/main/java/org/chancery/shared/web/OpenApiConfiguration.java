package org.chancery.shared.web;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.constraints.NotBlank;
import org.chancery.shared.CalendarDates;
import org.chancery.shared.FactChanged;
import org.chancery.shared.NotBlankIfGiven;
import org.chancery.shared.Rule;
import org.chancery.shared.Text;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Chancery API", version = "1.1",
        description = "Diplomatic relations tracker: countries with their lifetimes, relations (also as of any day), "
                + "diplomats, meetings, missions, non-resident accreditations and milestones, with the rules of "
                + "diplomatic law (API.md rules R1–R23) enforced on every write. Every list also answers text/csv "
                + "(Accept: text/csv or format=csv): every matching row, streamed from a file read whole first; a "
                + "filter left empty is as if not given. Reads are public but for the import jobs and the change feed, "
                + "which need an EDITOR; writes need HTTP Basic credentials of an EDITOR, creating or changing a "
                + "country and starting or cancelling an import those of an ADMIN. Errors are RFC 9457 problem details "
                + "(application/problem+json) with a stable `code`, the `rule` id for rule violations, and `errors` "
                + "naming the fields of a VALIDATION_FAILED. A text's `maxLength` counts UTF-16 code units: a "
                + "character beyond the Basic Multilingual Plane (an emoji) counts two.",
        contact = @Contact(name = "The Chancery maintainers (see the README)"),
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // the server that serves the description, whatever Host header a request to it carries (an address
        // made of the request's Host put any name in the description a cache may keep)
        servers = @Server(url = "/", description = "The server that serves this description"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String FIELD_ERROR = "FieldError";

    /** The pattern of a text that is not blank (a {@code @NotBlank}, a city that may be left out but not blank). */
    private static final String NOT_BLANK = Text.NOT_BLANK_PATTERN;

    private static final String EXAMPLE_ETAG = "\"0\"";

    /** Every 4xx and 5xx answer is a problem document, whatever the endpoint returns on success. */
    @Bean
    OpenApiCustomizer problemDetailsForErrorAnswers() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getComponents().addSchemas(FIELD_ERROR, fieldErrorSchema());
            Content problem = new Content().addMediaType("application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() == null) {
                    return;
                }
                for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        response.getValue().setContent(problem);
                    }
                }
            }));
        };
    }

    /**
     * A fact's id (the change feed's, an import report's fact's) is a number or, for a country, its code: one schema,
     * {@code FactId}, whose two forms are {@code anyOf}, not {@code oneOf}, since a client generated from the
     * description may read a number as a string as well and then find both forms match, which {@code oneOf} forbids.
     */
    @Bean
    OpenApiCustomizer factIds() {
        return openApi -> openApi.getComponents().addSchemas(FactChanged.ID_SCHEMA, new Schema<>()
                .description("A fact's id: a number; a country's code for a country")
                .anyOf(List.of(new IntegerSchema().format("int64"), new StringSchema())));
    }

    /**
     * A field that can be null is documented as nullable the OpenAPI 3.1 way, so that a client
     * generated from the description accepts the null: {@code "null"} among its types (and its enum
     * values), or {@code oneOf} its {@code $ref} and {@code {"type": "null"}}. A field is nullable when
     * its record component says {@code @Schema(nullable = true)} (swagger-core then puts
     * {@code "null"} among its types, but neither among an enum's values nor next to a {@code $ref},
     * where it would forbid every value but null), or when its schema's example shows it as null. In a request
     * body, every field that may be left out may also be sent as null, meaning the same (API.md: a mission's
     * {@code city} "may be null", a head's {@code "endedOn"?: null}).
     */
    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer nullableFields() {
        return openApi -> {
            Set<String> requestBodies = requestBodySchemas(openApi);
            openApi.getComponents().getSchemas().forEach((name, schema) -> {
                if (schema.getProperties() == null) {
                    return;
                }
                Map<?, ?> example = schema.getExample() == null ? Map.of()
                        : Json.mapper().convertValue(schema.getExample(), Map.class);
                List<?> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                Map<String, Schema> properties = schema.getProperties();
                properties.replaceAll((field, property) -> {
                    boolean marked = property.getTypes() != null && property.getTypes().contains("null");
                    boolean nullInExample = example.containsKey(field) && example.get(field) == null;
                    boolean optionalInARequest = requestBodies.contains(name) && !required.contains(field);
                    return marked || nullInExample || optionalInARequest ? nullable(property) : property;
                });
            });
        };
    }

    /**
     * Every field of an answer is sent, null or not (Jackson's inclusion is {@code always}): each schema that only
     * answers use (not a request body's, nor one that says its own, as the problem does) requires all its
     * properties, so that a client generated from the description types them as present (nullable where they may be
     * null).
     */
    @Bean
    OpenApiCustomizer answerFieldsRequired() {
        return openApi -> {
            Set<String> requestBodies = requestBodySchemas(openApi);
            answeredCopies(openApi.getComponents().getSchemas(), requestBodies);
            openApi.getComponents().getSchemas().forEach((name, schema) -> {
                boolean own = schema.getRequired() != null && !schema.getRequired().isEmpty();
                if (schema.getProperties() != null && !requestBodies.contains(name) && !own) {
                    schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                }
            });
        };
    }

    /**
     * An object that requests and answers share (a source) is answered with every field, null or not, but a request
     * may leave some out: the answers refer to a copy of its own, {@code SourceAnswer}, which then requires them all.
     * The copy shares the properties, made nullable before ({@link #nullableFields}, declared first, runs first), and
     * what they refer to.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void answeredCopies(Map<String, Schema> schemas, Set<String> requestBodies) {
        Map<String, Schema> copies = new LinkedHashMap<>();
        Deque<Schema> answers = new ArrayDeque<>();
        schemas.forEach((name, schema) -> {
            if (!requestBodies.contains(name)) {
                answers.add(schema);
            }
        });
        while (!answers.isEmpty()) {
            Schema answer = answers.pop();
            if (answer.getProperties() == null) {
                continue;
            }
            for (Schema property : (Iterable<Schema>) answer.getProperties().values()) {
                for (Schema referring : referringSchemas(property)) {
                    String name = referring.get$ref().substring(referring.get$ref().lastIndexOf('/') + 1);
                    Schema shared = schemas.get(name);
                    if (!requestBodies.contains(name) || shared == null || shared.getProperties() == null) {
                        continue; // an answer's own, or an enum
                    }
                    String copyName = name + "Answer";
                    if (!copies.containsKey(copyName)) {
                        Schema copy = new Schema<>().description(shared.getDescription()).example(shared.getExample());
                        copy.setTypes(shared.getTypes());
                        copy.setType(shared.getType());
                        copy.setProperties(new LinkedHashMap<>(shared.getProperties()));
                        copies.put(copyName, copy);
                    }
                    referring.set$ref("#/components/schemas/" + copyName);
                }
            }
        }
        schemas.putAll(copies);
    }

    /** The schemas of a property that refer to a component: itself, its items, a nullable one's {@code oneOf}. */
    @SuppressWarnings("rawtypes")
    private static List<Schema> referringSchemas(Schema<?> property) {
        List<Schema> referring = new ArrayList<>();
        for (Schema candidate : Stream.concat(Stream.of(property, property.getItems()),
                property.getOneOf() == null ? Stream.empty() : property.getOneOf().stream()).toList()) {
            if (candidate != null && candidate.get$ref() != null) {
                referring.add(candidate);
            }
        }
        return referring;
    }

    /** The names of the schemas that request bodies refer to, and of those these refer to (a meeting's parties). */
    private static Set<String> requestBodySchemas(OpenAPI openApi) {
        Deque<String> found = new ArrayDeque<>();
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values()
                        .forEach(content -> refersTo(content.getSchema(), found));
            }
        }));
        Set<String> names = new LinkedHashSet<>();
        while (!found.isEmpty()) {
            String name = found.pop();
            Schema<?> schema = openApi.getComponents().getSchemas().get(name);
            if (names.add(name) && schema != null) {
                refersTo(schema, found);
            }
        }
        return names;
    }

    /** Adds the names of the component schemas that {@code schema} refers to, in its properties and items too. */
    @SuppressWarnings("rawtypes")
    private static void refersTo(Schema<?> schema, Deque<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            names.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        if (schema.getProperties() != null) {
            for (Schema property : schema.getProperties().values()) {
                refersTo(property, names);
            }
        }
        refersTo(schema.getItems(), names);
        if (schema.getOneOf() != null) {
            for (Schema choice : schema.getOneOf()) {
                refersTo(choice, names);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Schema<?> nullable(Schema<?> property) {
        if (property.getOneOf() != null) {
            return property;
        }
        if (property.get$ref() != null) {
            return new Schema<>().description(property.getDescription()).oneOf(List.of(
                    new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))));
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            ((Schema<Object>) property).getEnum().add(null);
        }
        return property;
    }

    /**
     * A day a request gives (a body's field, a parameter) is one of {@link CalendarDates#FIRST} to {@link
     * CalendarDates#LAST}, the proleptic Gregorian calendar's days that the databases and the rules agree on (an
     * earlier one is 400): its description says so. No {@code pattern}: a generated client would put one on a date
     * type, where a validator cannot apply it.
     */
    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer calendarDays() {
        return openApi -> {
            for (String name : requestBodySchemas(openApi)) {
                Schema<?> schema = openApi.getComponents().getSchemas().get(name);
                if (schema != null && schema.getProperties() != null) {
                    for (Schema property : schema.getProperties().values()) {
                        Stream.of(property, property.getItems()).forEach(OpenApiConfiguration::saysItsDays);
                    }
                }
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().stream()
                            .filter(parameter -> parameter.getSchema() != null
                                    && "date".equals(parameter.getSchema().getFormat()))
                            .forEach(parameter -> parameter.setDescription(withDays(parameter.getDescription())));
                }
            }));
        };
    }

    private static void saysItsDays(Schema<?> schema) {
        if (schema != null && "date".equals(schema.getFormat())) {
            schema.setDescription(withDays(schema.getDescription()));
        }
    }

    private static String withDays(String description) {
        String days = "a day from " + CalendarDates.FIRST + " to " + CalendarDates.LAST;
        return description == null || description.isBlank() ? days
                : description.contains(days) ? description : description + " (" + days + ")";
    }

    /**
     * A JSON request body shows its schema's example as the body's own example (what Swagger UI's
     * "Try it out" fills in, and what linters look for).
     */
    @Bean
    OpenApiCustomizer requestBodyExamples() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            operation.getRequestBody().getContent().values().forEach(media -> {
                if (media.getExample() != null || media.getExamples() != null || media.getSchema() == null
                        || media.getSchema().get$ref() == null) {
                    return;
                }
                String name = media.getSchema().get$ref().substring(media.getSchema().get$ref().lastIndexOf('/') + 1);
                Schema<?> schema = openApi.getComponents().getSchemas().get(name);
                if (schema != null && schema.getExample() != null) {
                    media.setExample(schema.getExample());
                }
            });
        }));
    }

    /**
     * A list that also answers CSV ({@link CsvResponse}) documents it as a second media type of its
     * 200 answer, with the {@code format} parameter that asks for it.
     */
    @Bean
    OperationCustomizer csvAnswers() {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(CsvResponse.class) || operation.getResponses() == null) {
                return operation;
            }
            ApiResponse ok = operation.getResponses().get("200");
            if (ok != null) {
                if (ok.getContent() == null) {
                    ok.setContent(new Content());
                }
                ok.getContent().addMediaType(CsvLists.TEXT_CSV, new MediaType()
                        .schema(new StringSchema().description("RFC 4180 CSV, UTF-8: a header row of the JSON field "
                                + "names (nested objects flattened as a.b, nested lists joined with ;, a ; within an element "
                                + "written \\; and a backslash \\\\, a null within a list an empty element, a list "
                                + "within an element one element, joined and escaped within it), then every matching "
                                + "row in the list's order (not one page); offered as a download (attachment)")));
                addHeader(ok, HttpHeaders.CONTENT_DISPOSITION, new Header().description("With CSV only: "
                        + "`attachment` and the file name a download is saved under: the list's, with the pair of a "
                        + "pair's list and the day of the relations as of a past day (not the other filters)")
                        .schema(new StringSchema().example("attachment; filename=\"relations-1970-01-01.csv\"")));
            }
            operation.addParametersItem(new QueryParameter().name("format").required(false)
                    .description(PagingParameters.paged(handler)
                            ? "`csv`: answer text/csv, as `Accept: text/csv` does (every matching row: page and "
                                    + "size are checked, as for JSON, but choose no page); `json`: the JSON page, as "
                                    + "without the parameter"
                            : "`csv`: answer text/csv, as `Accept: text/csv` does; `json`: JSON, as without the "
                                    + "parameter")
                    .schema(new StringSchema()._enum(List.of("csv", "json"))));
            return operation;
        };
    }

    /**
     * Every read takes {@code format} and a cache-busting {@code _} besides its own parameters ({@link
     * UnknownParameters}, {@link ContentNegotiation}): a list's {@code format} is documented with its CSV ({@link
     * #csvAnswers}, declared first, runs first); a resource answers JSON only.
     */
    @Bean
    OperationCustomizer everyReadsParameters() {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(GetMapping.class)) {
                return operation;
            }
            boolean formatTaken = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> "format".equals(parameter.getName()) && "query".equals(parameter.getIn()));
            if (!formatTaken) {
                operation.addParametersItem(new QueryParameter().name("format").required(false)
                        .description("`json`: JSON, as without the parameter; this read has no CSV: `csv` is 406, as "
                                + "`Accept: text/csv` is")
                        .schema(new StringSchema()._enum(List.of("csv", "json"))));
            }
            operation.addParametersItem(new QueryParameter().name("_").required(false)
                    .description("Ignored, whatever its value: a cache-buster (a client that sends a new value each "
                            + "time gets past a cache that keeps answers)")
                    .schema(new StringSchema()));
            return operation;
        };
    }

    /**
     * A handler marked {@link VersionETag} answers the resource's version as a strong {@code ETag} on
     * success; a read also takes {@code If-None-Match} and answers 304, without a body, when it names
     * the current version (a write's answer carries the tag; only GET is ever answered 304). Neither
     * {@code If-None-Match} nor a write's {@code If-Match} has an example, which "Try it out" would send: the
     * page cannot know a record's version, and one it named would be current (a 304 without a body) or stale (412).
     */
    @Bean
    OperationCustomizer versionETags() {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(VersionETag.class) || operation.getResponses() == null) {
                return operation;
            }
            operation.getResponses().forEach((code, response) -> {
                if (code.startsWith("2")) {
                    response.addHeaderObject(HttpHeaders.ETAG, eTagHeader());
                }
            });
            if (handler.hasMethodAnnotation(GetMapping.class)) {
                boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(parameter -> HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(parameter.getName()));
                if (!declared) {
                    operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_NONE_MATCH).required(false)
                            .description("ETags the client holds (`*` for any), as a read's ETag gave them, quoted "
                                    + "(`\"3\"`): if one names the current version, the answer is 304 without a body")
                            .schema(new StringSchema()));
                }
                operation.getResponses().addApiResponse("304", new ApiResponse()
                        .description("Not modified: If-None-Match names the current version; no body")
                        .addHeaderObject(HttpHeaders.ETAG, eTagHeader()));
            }
            return operation;
        };
    }

    private static Header eTagHeader() {
        return new Header().description("the resource's version as a strong entity tag, for If-None-Match on a read "
                + "and If-Match on a write that honours it").schema(new StringSchema().example(EXAMPLE_ETAG));
    }

    /**
     * The headers of the answers whatever the operation: {@code Location} of what a 201 created or of the
     * import job a 202 answers, {@code WWW-Authenticate} of a 401 (HTTP Basic), {@code Retry-After} of a 429; a 304
     * has no body. Every operation takes an {@code X-Request-Id} and every answer carries one ({@link RequestLog}).
     */
    @Bean
    OpenApiCustomizer standardHeaders() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            operation.addParametersItem(new HeaderParameter().name(RequestLog.HEADER).required(false)
                    .description("An id of the client's for the request, kept in its log line and answered in the "
                            + "answer's X-Request-Id and a problem's requestId: 1 to 64 ASCII letters, digits and "
                            + ". _ : - (any other is replaced by one the server makes, not refused)")
                    .schema(new StringSchema()).example("checkout-7f3a"));
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().forEach((code, response) -> {
                addHeader(response, RequestLog.HEADER, new Header().description("the request's id: the client's "
                        + "X-Request-Id if it was a plausible one, else one the server made; in the request's log line")
                        .schema(new StringSchema().example("checkout-7f3a")));
                switch (code) {
                    case "201", "202" -> addHeader(response, HttpHeaders.LOCATION, new Header()
                            .description("201".equals(code) ? "the URL of what was created"
                                    : "the URL of the job, to read until it has ended")
                            .schema(new StringSchema().format("uri-reference")));
                    case "304" -> response.setContent(null);
                    case "401" -> addHeader(response, HttpHeaders.WWW_AUTHENTICATE, new Header()
                            .description("the HTTP Basic challenge").schema(new StringSchema()
                                    .example("Basic realm=\"chancery\", charset=\"UTF-8\"")));
                    case "429" -> addHeader(response, HttpHeaders.RETRY_AFTER, new Header()
                            .description("seconds until sign-ins are taken again")
                            .schema(new IntegerSchema().minimum(BigDecimal.ONE).example(60)));
                    case "503" -> addHeader(response, HttpHeaders.RETRY_AFTER, new Header()
                            .description("seconds to wait before trying again, when the database gave no connection "
                                    + "in time, lost it or took no writes (none when a statement ran out of time)")
                            .schema(new IntegerSchema().minimum(BigDecimal.ONE).example(5)));
                    default -> {
                    }
                }
            });
        }));
    }

    private static void addHeader(ApiResponse response, String name, Header header) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, header);
        }
    }

    /**
     * A list of a fixed order ({@link FixedOrder}) refuses a {@code sort}: the operation does not
     * offer the parameter that its {@code Pageable} would bring, and its description says so.
     */
    @Bean
    OperationCustomizer fixedOrderLists() {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(FixedOrder.class)) {
                return operation;
            }
            if (operation.getParameters() != null) {
                operation.getParameters().removeIf(parameter -> "sort".equals(parameter.getName())
                        && "query".equals(parameter.getIn()));
            }
            String description = operation.getDescription() == null ? "" : operation.getDescription();
            if (!description.toLowerCase(Locale.ROOT).contains("fixed order")) {
                operation.setDescription(description + (description.isEmpty() ? "" : " ")
                        + "Fixed order: a `sort` is refused (400 VALIDATION_FAILED).");
            }
            return operation;
        };
    }

    /**
     * The {@code size} of a page is at most 200: {@link PagingParameters} clamps a larger one, and the
     * description says so. The schema has no {@code maximum}: a larger size is not refused, and a
     * client or validator that read a maximum would refuse it before sending.
     */
    @Bean
    OperationCustomizer pageSizeLimit() {
        return (operation, handler) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> "size".equals(parameter.getName()) && "query".equals(parameter.getIn()))
                        .forEach(parameter -> {
                            parameter.getSchema().setMaximum(null);
                            parameter.setDescription("The size of the page, 1 to " + PagingParameters.MAX_SIZE
                                    + " (a larger size is clamped to " + PagingParameters.MAX_SIZE + ")");
                        });
            }
            return operation;
        };
    }

    /**
     * A Bean Validation {@code @Pattern} matches the whole value, a JSON Schema {@code pattern} any
     * part of it: the patterns of the description are anchored.
     */
    @Bean
    OpenApiCustomizer anchoredPatterns() {
        return openApi -> {
            openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anchorPatterns);
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> anchorPatterns(parameter.getSchema()));
                }
            }));
        };
    }

    /**
     * A {@code @NotBlank} text (or a {@code @NotBlankIfGiven} one, given) has a character that is not white
     * space: swagger writes {@code
     * minLength: 0} for it when it also has a {@code @Size} (whose minimum is 0), which says that
     * {@code ""} would do. It gets the pattern of a text that is not blank here, and its minimum
     * length of 1 where the patterns are anchored ({@link #anchorPatterns}), after the {@code @Size}.
     */
    @Bean
    PropertyCustomizer notBlankTexts() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations();
            if (annotations != null && Arrays.stream(annotations)
                    .anyMatch(annotation -> annotation instanceof NotBlank || annotation instanceof NotBlankIfGiven)
                    && property.getPattern() == null) {
                property.setPattern(NOT_BLANK);
            }
            return property;
        };
    }

    /**
     * A property that refers to a component is the reference alone: a type beside it (swagger's, of a {@code
     * @Schema(ref = …)} on a text, as a severance's affected mission names the mission's enums) is the component's.
     */
    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer referencesAlone() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null) {
                for (Schema property : (Iterable<Schema>) schema.getProperties().values()) {
                    if (property.get$ref() != null) {
                        property.setType(null);
                        property.setTypes(null);
                    }
                }
            }
        });
    }

    /**
     * A map keyed by an enum (an import job's {@code outcomes}, a year's observation {@code counts}) answers every
     * key, zeros included: each is a property of its own, required; a key a later version adds is still taken.
     */
    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    PropertyCustomizer enumKeyedMaps() {
        return (property, type) -> {
            JavaType javaType = Json.mapper().constructType(type.getType());
            if (!javaType.isMapLikeType() || !javaType.getKeyType().isEnumType()
                    || !(property.getAdditionalProperties() instanceof Schema value)) {
                return property;
            }
            List<String> keys = new ArrayList<>();
            for (Object key : javaType.getKeyType().getRawClass().getEnumConstants()) {
                String name = ((Enum<?>) key).name();
                keys.add(name);
                property.addProperty(name, value);
            }
            property.setRequired(keys);
            return property;
        };
    }

    private static void anchorPatterns(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern(pattern.contains("|") ? "^(?:" + pattern + ")$" : "^" + pattern + "$");
        }
        if (NOT_BLANK.equals(schema.getPattern()) && (schema.getMinLength() == null || schema.getMinLength() < 1)) {
            schema.setMinLength(1);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::anchorPatterns);
        }
        anchorPatterns(schema.getItems());
    }

    /**
     * The answers an operation gives whatever its own annotations list (API.md, Errors and Security):
     * 400 {@code MALFORMED_REQUEST} where a parameter or a body must be parsed (an id that is not a
     * number, a bad date), 400 {@code VALIDATION_FAILED} everywhere (a query parameter the operation does not take), 406 where it answers a body, 415 and 413 where it takes one, 401 where it
     * needs no credentials but refuses wrong ones, 409
     * {@code CONCURRENT_MODIFICATION} where it writes (a lock or version a concurrent write took), 403 where it writes
     * (a page of another site) and everywhere (a cross-origin request not allowed), 413 everywhere (a body too
     * large, even where none is taken), 429 everywhere (credentials sent for a sign-in locked out after repeated
     * failures), and 503 everywhere (the application still starting, the database gave no connection or no answer in
     * time).
     */
    @Bean
    OperationCustomizer generalAnswers() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            if (responses == null) {
                return operation;
            }
            boolean parsed = operation.getRequestBody() != null || (operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(parameter -> parsed(parameter.getSchema())));
            if (parsed && !responses.containsKey("400")) {
                responses.addApiResponse("400", new ApiResponse().description(
                        "MALFORMED_REQUEST: a parameter or the body cannot be parsed (an id that is not a number, a bad date)"));
            } else if (!responses.containsKey("400")) {
                responses.addApiResponse("400", new ApiResponse().description("MALFORMED_REQUEST: the address cannot "
                        + "be read (a NUL character, a `;` parameter in the path) or a parameter is given twice"));
            }
            if (handler.hasMethodAnnotation(FixedOrder.class)
                    && !responses.get("400").getDescription().contains("`sort`")) {
                ApiResponse invalid = responses.get("400");
                invalid.description(invalid.getDescription() + "; VALIDATION_FAILED: a `sort` (this list has a fixed "
                        + "order)");
            }
            if (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)
                    || handler.hasMethodAnnotation(DeleteMapping.class)) {
                ApiResponse invalid = responses.get("400");
                invalid.description(invalid.getDescription() + "; VALIDATION_FAILED: a query parameter this write "
                        + "does not take (nothing is changed)");
            } else if (handler.hasMethodAnnotation(GetMapping.class)) {
                ApiResponse invalid = responses.get("400");
                invalid.description(invalid.getDescription() + "; VALIDATION_FAILED: a query parameter this read "
                        + "does not take (besides its own, every read takes `format` and a cache-busting `_`)");
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> "header".equals(parameter.getIn())
                                && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName()))
                        .forEach(parameter -> parameter.setDescription((parameter.getDescription() == null ? ""
                                : parameter.getDescription() + ": ") + "a strong ETag as a read gave it, quoted "
                                + "(`\"3\"`), a list of them (one matching is enough) or `*`; a weak or stale one "
                                + "answers 412; left out, the write goes through"));
            }
            boolean answersBody = responses.entrySet().stream()
                    .anyMatch(answer -> answer.getKey().startsWith("2") && answer.getValue().getContent() != null);
            if (answersBody && !responses.containsKey("406")) {
                boolean read = handler.hasMethodAnnotation(GetMapping.class);
                responses.addApiResponse("406", new ApiResponse().description("NOT_ACCEPTABLE: the Accept header"
                        + (read && !handler.hasMethodAnnotation(CsvResponse.class) ? ", or `format=csv`," : "")
                        + " names no type this answer comes in"));
            }
            if (operation.getRequestBody() != null && !responses.containsKey("415")) {
                responses.addApiResponse("415", new ApiResponse()
                        .description("UNSUPPORTED_MEDIA_TYPE: the body is not of the type this operation takes"));
            } else if (operation.getRequestBody() == null) {
                // a body sent where none is read is ignored if it is JSON, and refused if it is not
                ApiResponse invalid = responses.get("400");
                invalid.description(invalid.getDescription() + "; MALFORMED_REQUEST: a body sent as JSON that is not "
                        + "JSON (this operation reads none)");
                responses.computeIfAbsent("415", code -> new ApiResponse().description("UNSUPPORTED_MEDIA_TYPE: a body "
                        + "of another type than JSON (this operation reads none; a JSON body is ignored)"));
            }
            if (!responses.containsKey("413")) {
                responses.addApiResponse("413", new ApiResponse().description(operation.getRequestBody() != null
                        ? "PAYLOAD_TOO_LARGE: the body is larger than chancery.max-request-size (1 MB unless configured)"
                        : "PAYLOAD_TOO_LARGE: a body was sent (this operation takes none) larger than "
                                + "chancery.max-request-size (1 MB unless configured)"));
            }
            boolean open = operation.getSecurity() == null || operation.getSecurity().isEmpty();
            if (open && !responses.containsKey("401")) {
                responses.addApiResponse("401", new ApiResponse().description("UNAUTHORIZED: credentials were sent "
                        + "and are wrong; this read needs none (send none, or the right ones)"));
            }
            boolean write = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                    && !handler.hasMethodAnnotation(GetMapping.class);
            if (write) {
                ApiResponse conflict = responses.computeIfAbsent("409", code -> new ApiResponse().description(""));
                String rules = conflict.getDescription() == null ? "" : conflict.getDescription();
                if (!rules.contains(ProblemCode.CONCURRENT_MODIFICATION.name())) {
                    conflict.setDescription((rules.isBlank() ? "" : rules + "; ")
                            + "CONCURRENT_MODIFICATION: a concurrent request changed what the write read (read again "
                            + "and retry)");
                }
            }
            ApiResponse forbidden = responses.computeIfAbsent("403", code -> new ApiResponse().description(""));
            String refusals = forbidden.getDescription() == null ? "" : forbidden.getDescription();
            if (write && !refusals.contains(CROSS_SITE)) {
                refusals = (refusals.isBlank() ? "" : refusals + "; ") + "FORBIDDEN: " + CROSS_SITE + " (Sec-Fetch-Site "
                        + "cross-site or same-site, or an Origin naming another host) whose origin is not in "
                        + "chancery.cors.allowed-origins";
            }
            if (!refusals.contains(CROSS_ORIGIN)) {
                refusals = (refusals.isBlank() ? "" : refusals + "; ") + "FORBIDDEN: " + CROSS_ORIGIN + " whose "
                        + "origin, method or headers are not allowed, where chancery.cors.allowed-origins lists origins";
            }
            forbidden.setDescription(refusals);
            // a read takes credentials too (and answers 401 to wrong ones): a locked-out sign-in is refused there as well
            if (!responses.containsKey("429")) {
                responses.addApiResponse("429", new ApiResponse().description("TOO_MANY_REQUESTS: sign-ins for this "
                        + "user name or from this address are locked out after repeated failures (Retry-After)"));
            }
            if (!responses.containsKey("503")) {
                responses.addApiResponse("503", new ApiResponse().description("SERVICE_UNAVAILABLE: the application "
                        + "is starting and loads its data (Retry-After; nothing was read or changed), the database "
                        + "gave no connection in time, a read was held up by concurrent writes past the lock timeout, "
                        + "or the connection was lost (Retry-After: nothing was changed, but a write cut off as it "
                        + "committed may be done: read before sending it again), or the database takes no writes "
                        + "(read-only: maintenance, a standby; Retry-After; nothing was changed); or a statement did "
                        + "not finish within "
                        + "the database's time limit (no Retry-After; nothing was changed)"));
            }
            if (handler.hasMethodAnnotation(CsvResponse.class)
                    && !responses.get("503").getDescription().contains("CSV exports")) {
                ApiResponse unavailable = responses.get("503");
                unavailable.description(unavailable.getDescription() + "; with CSV: as many CSV exports longer than "
                        + "a page of " + CsvLists.PAGE_SIZE + " rows as the server reads at once are under way ("
                        + CsvLists.CONCURRENT_EXPORTS + "; Retry-After), or "
                        + "java.io.tmpdir cannot take the export's file (no Retry-After: an operator must mend it)");
            }
            return operation;
        };
    }

    private static final String CROSS_SITE = "a write sent by a page of another site";
    private static final String CROSS_ORIGIN = "a cross-origin request";

    /** Whether a parameter of this schema is parsed from text: anything but free text. */
    private static boolean parsed(Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : null;
        return !"string".equals(type) || schema.getFormat() != null || schema.getEnum() != null;
    }

    /** One field a VALIDATION_FAILED refused, a component of its own (a generated client names its class so). */
    private static Schema<?> fieldErrorSchema() {
        ObjectSchema error = new ObjectSchema();
        error.description("a field of the request and what is wrong with it");
        error.addProperty("field", new StringSchema().example("date"));
        error.addProperty("message", new StringSchema().example("is required"));
        return error;
    }

    private static Schema<?> problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with Chancery's stable code");
        problem.addProperty("type", new StringSchema().example("urn:chancery:problem:relation-not-established"));
        problem.addProperty("title", new StringSchema().example("Relation not established"));
        problem.addProperty("status", new IntegerSchema().example(409));
        problem.addProperty("detail", new StringSchema().example("A mission of type EMBASSY opens only while diplomatic relations are "
                + "established; between CU and KR they are SEVERED on 2024-01-10."));
        problem.addProperty("instance", new StringSchema().example("/api/missions/5/open"));
        // every code an answer may carry: the rules' (API.md's table) and the general ones
        List<String> codes = Stream.concat(Arrays.stream(Rule.values()).map(Rule::code),
                Arrays.stream(ProblemCode.values()).map(ProblemCode::name)).distinct().sorted().toList();
        problem.addProperty("code", new StringSchema()._enum(codes).example("RELATION_NOT_ESTABLISHED")
                .description("stable; each operation lists those it answers. Besides them any path may answer "
                        + "METHOD_NOT_ALLOWED (405, with Allow) to a method it does not take, and INTERNAL_ERROR (500) "
                        + "is a bug to report with the requestId"));
        problem.addProperty("rule", new StringSchema().example("R5").description("the API.md rule id, for rule violations"));
        problem.addProperty("errors", new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                .description("for VALIDATION_FAILED"));
        problem.addProperty("requestId", new StringSchema().example("3f2a9c61d04b4e1f8e2c5a7b9d0e6f13")
                .description("the request's X-Request-Id (the client's, or one the server made), as in its log line"));
        problem.required(List.of("type", "title", "status", "detail", "instance", "code"));
        return problem;
    }
}
