package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.chancery.imports.ImportFlags;
import org.chancery.imports.ImportOutcome;
import org.chancery.meeting.MeetingDraft;
import org.chancery.observation.ObservationLevel;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI description documents every operation fully. It is also written to
 * {@code target/openapi.json}, where {@code .ci/run} lints it with Spectral's {@code spectral:oas}
 * ruleset ({@code .spectral.yaml}).
 */
class OpenApiDocumentIntegrationTests extends ApiIntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void describesEveryOperationWithAnIdASummaryTagsAndExamplesOfItsBodiesAndPathParameters() throws Exception {
        String text = getJson("/v3/api-docs").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "openapi.json"), text);
        JsonNode document = JSON.readTree(text);

        List<String> incomplete = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                JsonNode operation = entry.getValue();
                String name = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (!operation.hasNonNull("operationId") || !ids.add(operation.get("operationId").asString())) {
                    incomplete.add(name + ": no operationId, or one used twice");
                }
                if (!operation.hasNonNull("summary") || operation.get("summary").asString().isBlank()) {
                    incomplete.add(name + ": no summary");
                }
                if (!operation.has("tags") || operation.get("tags").isEmpty()) {
                    incomplete.add(name + ": no tags");
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asString("").equals("path") && !parameter.has("example")
                            && !parameter.path("schema").has("example")) {
                        incomplete.add(name + ": no example of its path parameter " + parameter.get("name").asString());
                    }
                }
                JsonNode body = operation.get("requestBody");
                if (body != null) {
                    for (Map.Entry<String, JsonNode> media : body.get("content").properties()) {
                        if (!media.getValue().has("example") && !media.getValue().has("examples")) {
                            incomplete.add(name + ": no example of its " + media.getKey() + " body");
                        }
                    }
                }
            }
        }

        assertThat(operations).as("the operations of API.md 1.1").isGreaterThanOrEqualTo(46);
        assertThat(incomplete).isEmpty();
    }

    @Test
    void listsTheAnswersEveryOperationMayGiveBesidesItsOwn() throws Exception {
        JsonNode paths = JSON.readTree(getJson("/v3/api-docs").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("paths");

        JsonNode mission = paths.get("/api/missions/{id}").get("get").get("responses");
        assertThat(mission.propertyNames()).as("an id that is not a number; an Accept it cannot answer; a body")
                .contains("200", "400", "404", "406", "415");
        assertThat(mission.get("415").get("description").asString()).contains("reads none");
        assertThat(mission.get("406").get("description").asString()).as("a read answers no CSV but a list's")
                .contains("`format=csv`");
        assertThat(paths.get("/api/observations/summary").at("/get/parameters").findValuesAsString("description"))
                .as("a read that is not paged has no page to check").noneMatch(text -> text.contains("page and size"))
                .anyMatch(text -> text.startsWith("`csv`: answer text/csv"));
        assertThat(mission.get("400").get("content").has("application/problem+json")).isTrue();
        JsonNode meeting = paths.get("/api/meetings").get("post").get("responses");
        assertThat(meeting.propertyNames()).contains("201", "400", "401", "403", "406", "409", "413", "415", "429");
        assertThat(meeting.get("409").get("description").asString()).contains("COUNTRY_NOT_IN_EXISTENCE");
        JsonNode code = JSON.readTree(getJson("/v3/api-docs").andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).at("/components/schemas/Problem/properties/code");
        assertThat(code.get("description").asString()).as("the codes no operation lists: any path's")
                .contains("METHOD_NOT_ALLOWED (405", "INTERNAL_ERROR (500)");
        JsonNode codes = code.get("enum");
        assertThat(codes).extracting(JsonNode::asString).as("the codes a client may switch on")
                .contains("RELATION_NOT_ESTABLISHED", "CONFLICTS_WITH_RECORDED_FACTS", "DATE_IN_FUTURE", "SAME_COUNTRY",
                        "VALIDATION_FAILED", "MALFORMED_REQUEST", "CONCURRENT_MODIFICATION", "IMPORT_RUNNING")
                .doesNotHaveDuplicates();
        assertThat(paths.get("/api/countries").get("get").get("responses").propertyNames())
                .as("a public read refuses wrong credentials, and those of a sign-in locked out").contains("401", "429");
        getJson("/api/countries/KR").andExpect(status().isOk());
        mvc.perform(get("/api/countries/KR").with(httpBasic("editor", "a-wrong-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void documentsAsNullableEveryFieldThatAnAnswerMayGiveAsNull() throws Exception {
        JsonNode schemas = document().get("components").get("schemas");
        Map<String, List<String>> nullable = Map.ofEntries(
                Map.entry("Relation", List.of("since", "firstMeetingSinceEstablishment")),
                Map.entry("RelationSummary", List.of("since")),
                Map.entry("RelationEvent", List.of("note")),
                Map.entry("RecordedEvent", List.of("note")),
                Map.entry("AffectedMission", List.of("city")),
                Map.entry("MissionSummary", List.of("city", "openedOn", "closedOn")),
                Map.entry("Mission", List.of("city", "plannedOpening", "plannedOpeningStart", "plannedOpeningEnd",
                        "openedOn", "openedPrecision", "closedOn", "closedPrecision", "closingReason",
                        "protectingPower", "predecessorId", "successorId", "currentHead")),
                Map.entry("HeadOfMission", List.of("agrementOn", "endedOn", "endedPrecision")),
                Map.entry("Meeting", List.of("city", "title", "summary", "hostCountry")),
                Map.entry("MeetingParticipant", List.of("title")),
                Map.entry("Diplomat", List.of("title", "organization")),
                Map.entry("Milestone", List.of("missionId", "achievedOn", "onTime")),
                Map.entry("Accreditation", List.of("to", "toPrecision", "residentMissionId", "diplomatId")),
                Map.entry("Country", List.of("numeric", "startedOn", "endedOn")),
                Map.entry("Source", List.of("publisher", "title", "publishedOn")),
                Map.entry("ImportRow", List.of("code", "detail")),
                Map.entry("ImportJob", List.of("finishedAt", "error")));
        Map<String, List<String>> neverNull = Map.of(
                "Relation", List.of("countries", "status", "consularStatus", "asOf", "events", "meetingCount"),
                "Mission", List.of("id", "sendingCountry", "receivingCountry", "type", "status", "heads", "version"),
                "HeadOfMission", List.of("id", "missionId", "diplomatId", "name", "rank", "startedOn", "startedPrecision"),
                "Meeting", List.of("id", "date", "datePrecision", "country", "kind", "participants"),
                "Accreditation", List.of("id", "level", "from", "fromPrecision"),
                "Country", List.of("code", "alpha3", "name", "former"),
                "Source", List.of("url"),
                "ImportRow", List.of("line", "outcome", "flags", "facts"));

        List<String> wrong = new ArrayList<>();
        nullable.forEach((schema, fields) -> fields.forEach(field -> {
            if (!acceptsNull(schemas.get(schema).get("properties").get(field))) {
                wrong.add(schema + "." + field + " should accept null");
            }
        }));
        neverNull.forEach((schema, fields) -> fields.forEach(field -> {
            if (acceptsNull(schemas.get(schema).get("properties").get(field))) {
                wrong.add(schema + "." + field + " is never null");
            }
        }));
        assertThat(wrong).isEmpty();

        JsonNode currentHead = schemas.get("Mission").get("properties").get("currentHead");
        assertThat(currentHead.has("type")).as("a $ref next to type null would forbid every head").isFalse();
        assertThat(currentHead.get("oneOf").get(0).get("$ref").asString()).isEqualTo("#/components/schemas/HeadOfMission");
        assertThat(schemas.get("FirstMeetingSinceEstablishment").get("type").asString())
                .as("the referenced schema itself stays an object").isEqualTo("object");
        // an enum is one named schema, nullable as any other $ref is
        assertThat(schemas.get("Mission").get("properties").get("openedPrecision").get("oneOf").toString())
                .isEqualTo("[{\"$ref\":\"#/components/schemas/DatePrecision\"},{\"type\":\"null\"}]");
        assertThat(schemas.get("DatePrecision").get("enum").toString()).isEqualTo("[\"DAY\",\"MONTH\",\"YEAR\"]");
    }

    @Test
    void namesEachEnumOnceSoThatAGeneratedClientHasOneTypeOfIt() throws Exception {
        JsonNode document = document();
        Map<Set<String>, String> named = new HashMap<>();
        document.get("components").get("schemas").properties().forEach(schema -> {
            if (schema.getValue().has("enum")) {
                named.put(values(schema.getValue().get("enum")), schema.getKey());
            }
        });
        assertThat(named.values()).contains("DatePrecision", "RelationStatus", "EventType", "MissionType",
                "MissionStatus", "HeadRank", "MilestoneStatus", "ImportStatus", "ImportOutcome", "ChangeAction",
                "AccreditationLevel", "MeetingKind", "ObservationDirection", "ObservationLevel");

        List<String> copies = new ArrayList<>();
        inlineEnums(document, "", named, copies);
        assertThat(copies).as("enums written out again instead of referred to").isEmpty();
    }

    /** Adds to {@code copies} each enum below {@code node}, outside the named ones, whose values are a named one's. */
    private static void inlineEnums(JsonNode node, String at, Map<Set<String>, String> named, List<String> copies) {
        if (node.has("enum") && !at.matches("/components/schemas/[^/]+")
                && named.containsKey(values(node.get("enum")))) {
            copies.add(at + " copies " + named.get(values(node.get("enum"))));
        }
        if (node.isObject()) {
            node.properties().forEach(field -> inlineEnums(field.getValue(), at + "/" + field.getKey(), named, copies));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                inlineEnums(node.get(i), at + "/" + i, named, copies);
            }
        }
    }

    private static Set<String> values(JsonNode values) {
        Set<String> set = new HashSet<>();
        values.forEach(value -> {
            if (!value.isNull()) {
                set.add(value.asString());
            }
        });
        return set;
    }

    @Test
    void listsEveryConflictCodeAWriteMayAnswer() throws Exception {
        JsonNode paths = document().get("paths");
        Map<String, List<String>> conflicts = Map.of(
                "/api/missions/{id}/open", List.of("RELATION_NOT_ESTABLISHED", "CONSULAR_RELATION_NOT_ESTABLISHED",
                        "EMBASSY_ALREADY_OPEN", "INTERESTS_SECTION_NOT_ALLOWED", "MISSION_STATUS_INVALID",
                        "CONFLICTS_WITH_RECORDED_FACTS", "COUNTRY_NOT_IN_EXISTENCE"),
                "/api/missions/{id}/close", List.of("MISSION_STATUS_INVALID", "CONFLICTS_WITH_RECORDED_FACTS",
                        "COUNTRY_NOT_IN_EXISTENCE"),
                "/api/missions/{id}/heads", List.of("DIPLOMAT_NOT_OF_SENDING_COUNTRY", "AGREMENT_REQUIRED",
                        "RELATION_NOT_ESTABLISHED", "MISSION_TYPE_INVALID", "HEAD_OF_MISSION_OVERLAP",
                        "MISSION_STATUS_INVALID", "COUNTRY_NOT_IN_EXISTENCE"),
                "/api/missions/{id}/heads/{headId}/end", List.of("MISSION_STATUS_INVALID", "COUNTRY_NOT_IN_EXISTENCE"),
                "/api/milestones/{id}/achieve", List.of("MILESTONE_STATUS_INVALID", "COUNTRY_NOT_IN_EXISTENCE"),
                "/api/relations/{a}/{b}/milestones", List.of("MILESTONE_STATUS_INVALID"),
                "/api/relations/{a}/{b}/events", List.of("RELATION_TRANSITION_INVALID", "CONFLICTS_WITH_RECORDED_FACTS",
                        "COUNTRY_NOT_IN_EXISTENCE"),
                "/api/relations/{a}/{b}/accreditations/{id}/end", List.of("ACCREDITATION_CONFLICT",
                        "COUNTRY_NOT_IN_EXISTENCE"));
        conflicts.forEach((path, codes) -> assertThat(paths.get(path).get("post").get("responses").get("409")
                .get("description").asString()).as(path).contains(codes));
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!"get".equals(operation.getKey()) && operation.getValue().has("security")) {
                    JsonNode conflict = operation.getValue().get("responses").get("409");
                    if (conflict == null || !conflict.get("description").asString().contains("CONCURRENT_MODIFICATION")) {
                        silent.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }
            }
        }
        assertThat(silent).as("writes that may meet a concurrent one").isEmpty();
        assertThat(paths.get("/api/missions/{id}/close").get("post").get("responses").get("400").get("description")
                .asString()).as("a reason that a rule gives").contains("VALIDATION_FAILED", "DATE_IN_FUTURE");
    }

    @Test
    void documentsTheAnswersToABodySentWhereNoneIsRead() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode responses = operation.getValue().get("responses");
                if (!operation.getValue().has("requestBody") && (!responses.has("415")
                        || !responses.get("400").get("description").asString().contains("a body sent as JSON"))) {
                    undocumented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(undocumented).isEmpty();
        mvc.perform(delete("/api/meetings/999999").contentType(MediaType.TEXT_PLAIN).content("x")
                        .with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(get("/api/imports/formats").contentType(MediaType.APPLICATION_JSON).content("{bad"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void documentsEveryFieldARequestMayLeaveOutAsOneItMaySendAsNull() throws Exception {
        JsonNode document = document();
        JsonNode schemas = document.get("components").get("schemas");
        assertThat(schemas.at("/PlanMission/properties/city/type")).extracting(JsonNode::asString).contains("null");
        assertThat(schemas.at("/RecordEvent/properties/note/type")).extracting(JsonNode::asString).contains("null");
        assertThat(acceptsNull(schemas.at("/RecordEvent/properties/datePrecision"))).isTrue();
        assertThat(schemas.at("/RecordEvent/properties/date/type").isString()).as("a required field").isTrue();
        assertThat(schemas.at("/MeetingParticipantRequest/properties/title/type")).as("a body's part")
                .extracting(JsonNode::asString).contains("null");
        // the request bodies' schemas, and those they refer to
        List<String> names = new ArrayList<>();
        for (JsonNode path : document.get("paths")) {
            for (JsonNode operation : path) {
                String ref = operation.at("/requestBody/content/application~1json/schema/$ref").asString("");
                if (!ref.isEmpty()) {
                    names.add(ref.substring(ref.lastIndexOf('/') + 1));
                }
            }
        }
        Set<String> requestSchemas = new HashSet<>();
        List<String> notNullable = new ArrayList<>();
        while (!names.isEmpty()) {
            String name = names.remove(0);
            if (!requestSchemas.add(name)) {
                continue;
            }
            JsonNode schema = schemas.get(name);
            if (!schema.has("properties")) {
                continue; // an enum
            }
            schema.findValues("$ref").forEach(ref -> names.add(ref.asString().replaceAll(".*/", "")));
            List<String> required = schema.has("required")
                    ? schema.get("required").valueStream().map(JsonNode::asString).toList() : List.of();
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                JsonNode types = property.getValue().get("type");
                boolean nullable = property.getValue().has("oneOf") || (types != null && types.isArray()
                        && types.valueStream().anyMatch(type -> type.asString().equals("null")));
                if (!required.contains(property.getKey()) && !nullable) {
                    notNullable.add(name + " " + property.getKey());
                }
            }
        }
        assertThat(requestSchemas).contains("RecordMeeting", "MeetingParticipantRequest", "Source");
        assertThat(notNullable).isEmpty();
        // as the server takes it: a null for a field left out
        mvc.perform(post("/api/missions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "city": null,
                         "plannedOpening": null, "protectingPower": null, "sources": null}""")
                        .with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.city").isEmpty());
    }

    @Test
    void describesIfMatchAsTheServerHonoursIt() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> ifMatch = new ArrayList<>();
        for (JsonNode path : paths) {
            for (JsonNode operation : path) {
                for (JsonNode parameter : operation.path("parameters")) {
                    if ("If-Match".equals(parameter.get("name").asString())) {
                        ifMatch.add(parameter.get("description").asString());
                    }
                }
            }
        }
        assertThat(ifMatch).isNotEmpty().allSatisfy(description -> assertThat(description)
                .contains("a list of them", "`*`", "412"));
        assertThat(document().at("/info/description").asString()).contains("need an EDITOR", "those of an ADMIN");
    }

    @Test
    void offersNoSortOnTheListsOfAFixedOrderWhichRefuseIt() throws Exception {
        JsonNode paths = document().get("paths");
        Map<String, String> fixed = Map.of(
                "/api/relations/{a}/{b}/timeline", "/api/relations/CU/KR/timeline",
                "/api/relations/{a}/{b}/observations", "/api/relations/CU/KR/observations",
                "/api/imports", "/api/imports",
                "/api/imports/{id}/rows", "/api/imports/1/rows",
                "/api/changes", "/api/changes");
        for (Map.Entry<String, String> list : fixed.entrySet()) {
            JsonNode operation = paths.get(list.getKey()).get("get");
            assertThat(parameterNames(operation)).as(list.getKey()).contains("page", "size").doesNotContain("sort");
            assertThat(operation.get("description").asString().toLowerCase(Locale.ROOT)).as(list.getKey())
                    .contains("fixed order");
            assertThat(operation.get("responses").get("400").get("description").asString()).as(list.getKey())
                    .contains("VALIDATION_FAILED: a `sort`");
            mvc.perform(get(list.getValue()).param("sort", "id").accept(MediaType.APPLICATION_JSON)
                    .with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("fixed order")));
        }
        assertThat(parameterNames(paths.get("/api/missions").get("get"))).as("a sortable list").contains("sort");
        assertThat(parameterNames(paths.get("/api/relations/{a}/{b}/accreditations").get("get")))
                .as("a sortable list").contains("sort");
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asString()));
        return names;
    }

    @Test
    void documentsTheConditionalReadsAsTheyAnswer() throws Exception {
        JsonNode paths = document().get("paths");
        for (String path : List.of("/api/missions/{id}", "/api/relations/{a}/{b}/accreditations/{id}",
                "/api/countries/{code}", "/api/diplomats/{id}")) {
            JsonNode read = paths.get(path).get("get");
            assertThat(parameterNames(read)).as(path).contains("If-None-Match");
            assertThat(read.get("responses").get("200").get("headers").has("ETag")).as(path).isTrue();
            JsonNode notModified = read.get("responses").get("304");
            assertThat(notModified).as(path + " answers 304").isNotNull();
            assertThat(notModified.has("content")).as(path + ": a 304 has no body").isFalse();
            assertThat(notModified.get("headers").has("ETag")).as(path).isTrue();
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode responses = operation.getValue().get("responses");
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (responses.has("304") && (responses.get("304").has("content")
                        || !parameterNames(operation.getValue()).contains("If-None-Match"))) {
                    wrong.add(name + ": a 304 with a body, or without If-None-Match");
                }
            }
        }
        assertThat(wrong).isEmpty();
        List<String> prefilled = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String header = parameter.path("name").asString("");
                    if ((header.equals("If-Match") || header.equals("If-None-Match")) && (parameter.has("example")
                            || parameter.has("examples") || parameter.path("schema").has("example"))) {
                        prefilled.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + ": "
                                + header);
                    }
                }
            }
        }
        assertThat(prefilled).as("an ETag example that \"Try it out\" would send: a 304 or a 412").isEmpty();
        for (String write : List.of("put /api/countries/{code}", "put /api/diplomats/{id}", "delete /api/diplomats/{id}")) {
            String[] method = write.split(" ");
            JsonNode operation = paths.get(method[1]).get(method[0]);
            JsonNode ifMatch = null;
            for (JsonNode parameter : operation.get("parameters")) {
                if ("If-Match".equals(parameter.get("name").asString())) {
                    ifMatch = parameter;
                }
            }
            assertThat(ifMatch).as(write + " honours If-Match").isNotNull();
            assertThat(ifMatch.get("in").asString()).isEqualTo("header");
            assertThat(ifMatch.get("description").asString()).as("a strong ETag, quoted").contains("quoted (`\"3\"`)");
            assertThat(operation.get("responses").has("412")).as(write).isTrue();
        }

        long mission = planMission("CU", "KR", "EMBASSY", "Seoul");
        String tag = getJson("/api/missions/{id}", mission).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("ETag");
        mvc.perform(get("/api/missions/{id}", mission).header("If-None-Match", tag))
                .andExpect(status().isNotModified());
        tag = getJson("/api/countries/KR").andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/api/countries/KR").header("If-None-Match", tag)).andExpect(status().isNotModified());
    }

    @Test
    void everyVersionedReadAnswersTheWildcardWith304AndIsKeptForRevalidation() throws Exception {
        postAsEditor("/api/relations/AG/US/events", "{\"type\":\"ESTABLISHED\",\"date\":\"1981-11-01\"}");
        long accreditation = create("/api/relations/AG/US/accreditations",
                "{\"sendingCountry\":\"US\",\"level\":\"AMBASSADOR\",\"from\":\"1990-01-01\"}").get("id").asLong();
        long diplomat = create("/api/diplomats", "{\"name\":\"Ana Ruiz\",\"country\":\"CU\"}").get("id").asLong();
        long mission = planMission("CU", "KR", "EMBASSY", "Seoul");
        for (String read : List.of("/api/missions/" + mission, "/api/relations/AG/US/accreditations/" + accreditation,
                "/api/diplomats/" + diplomat, "/api/countries/KR")) {
            String tag = getJson(read).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "no-cache")).andReturn().getResponse().getHeader("ETag");
            mvc.perform(get(read).header("If-None-Match", "*")).andExpect(status().isNotModified())
                    .andExpect(header().string("ETag", tag)).andExpect(header().string("Cache-Control", "no-cache"))
                    .andExpect(content().string(""));
            mvc.perform(get(read).header("If-None-Match", "\"999\"")).andExpect(status().isOk());
        }
    }

    @Test
    void describesEveryAnswerAnyOperationMayGiveAndTheTextsThatMustNotBeBlank() throws Exception {
        JsonNode document = document();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode responses = operation.getValue().get("responses");
                for (String status : List.of("400", "403", "413", "429", "503")) {
                    if (!responses.has(status)) {
                        missing.add(operation.getKey() + " " + path.getKey() + " " + status);
                    }
                }
                String forbidden = responses.path("403").path("description").asString("");
                if (!forbidden.contains("cross-origin request")) {
                    missing.add(operation.getKey() + " " + path.getKey() + " 403 of a cross-origin request");
                }
                if (!operation.getKey().equals("get") && !forbidden.contains("a page of another site")) {
                    missing.add(operation.getKey() + " " + path.getKey() + " 403 of another site's page");
                }
            }
        }
        assertThat(missing).isEmpty();
        JsonNode schemas = document.get("components").get("schemas");
        for (String[] text : new String[][] {{"DiplomatRequest", "name"}, {"CreateCountry", "name"},
                {"PlanMilestone", "title"}, {"PlanMission", "sendingCountry"}, {"RecordAccreditation", "sendingCountry"}}) {
            JsonNode property = schemas.get(text[0]).get("properties").get(text[1]);
            assertThat(property.get("minLength").asInt()).as(text[0] + "." + text[1]).isEqualTo(1);
            assertSomethingSeen(property.get("pattern").asString(), text[0] + "." + text[1]);
        }
        assertThat(schemas.get("DiplomatRequest").get("properties").get("title").has("pattern")).isFalse();
        JsonNode outcomes = schemas.get("RecordMeeting").get("properties").get("outcomes");
        assertThat(outcomes.get("maxItems").asInt()).isEqualTo(MeetingDraft.MAX_OUTCOMES);
        assertThat(outcomes.get("items").get("minLength").asInt()).isEqualTo(1);
        assertThat(outcomes.get("items").get("maxLength").asInt()).isEqualTo(1000);
        assertSomethingSeen(outcomes.get("items").get("pattern").asString(), "RecordMeeting.outcomes[]");
    }

    /**
     * A not-blank text's pattern says something in it is seen (read by Java's patterns with Unicode's classes, whose
     * {@code \s} is JavaScript's but for the byte order mark, which the pattern names).
     */
    private static void assertSomethingSeen(String pattern, String property) {
        Pattern compiled = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
        for (String text : List.of("Cuba", " \u200bWang\u00a0Yi ", "\u0001A", "\u0600", "\ud842\udfb7")) {
            assertThat(compiled.matcher(text).matches()).as(property + " takes " + text).isTrue();
        }
        for (String text : List.of("", " \n", "\u00a0\u3000", "\u200b\u200f", "\ufeff\u00ad", "\u3164\u2066",
                "\u0001\u0085", "\u17b4\u180e")) {
            assertThat(compiled.matcher(text).matches()).as(property + " refuses " + text).isFalse();
        }
    }

    @Test
    void declaresTheHeadersOfTheAnswers() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                for (Map.Entry<String, JsonNode> response : operation.getValue().get("responses").properties()) {
                    String header = switch (response.getKey()) {
                        case "201", "202" -> "Location";
                        case "401" -> "WWW-Authenticate";
                        case "429", "503" -> "Retry-After";
                        default -> null;
                    };
                    if (header != null && !(response.getValue().has("headers")
                            && response.getValue().get("headers").has(header))) {
                        wrong.add(name + " " + response.getKey() + ": no " + header);
                    }
                    if (!response.getValue().path("headers").has("X-Request-Id")) {
                        wrong.add(name + " " + response.getKey() + ": no X-Request-Id");
                    }
                    if (response.getValue().path("content").has("text/csv")
                            && !response.getValue().path("headers").has("Content-Disposition")) {
                        wrong.add(name + " " + response.getKey() + ": CSV without its Content-Disposition");
                    }
                }
                boolean takesRequestId = false;
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    takesRequestId |= "header".equals(parameter.get("in").asString())
                            && "X-Request-Id".equals(parameter.get("name").asString());
                }
                if (!takesRequestId) {
                    wrong.add(name + ": takes no X-Request-Id");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(paths.get("/api/imports").get("post").get("responses").get("202").get("headers").has("Location"))
                .isTrue();
        for (String write : List.of("/api/missions", "/api/countries", "/api/diplomats",
                "/api/relations/{a}/{b}/accreditations")) {
            assertThat(paths.get(write).get("post").get("responses").get("201").get("headers").has("ETag"))
                    .as(write).isTrue();
        }
        assertThat(paths.get("/api/missions/{id}/open").get("post").get("responses").get("200").get("headers")
                .has("ETag")).isTrue();
        assertThat(paths.get("/api/missions/{id}/heads").get("post").get("responses").get("201").get("headers")
                .has("ETag")).as("a head of mission has no version").isFalse();
    }

    @Test
    void describesTheLimitsFormatsAndValuesTheServerHoldsTo() throws Exception {
        JsonNode document = document();
        JsonNode paths = document.get("paths");
        JsonNode schemas = document.get("components").get("schemas");

        List<String> notClamped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!operation.getValue().has("parameters")) {
                    continue;
                }
                for (JsonNode parameter : operation.getValue().get("parameters")) {
                    // a larger size is clamped, not refused: the schema has no maximum a validator would refuse by
                    if ("size".equals(parameter.get("name").asString()) && (parameter.get("schema").has("maximum")
                            || !parameter.get("description").asString().contains("clamped to 200"))) {
                        notClamped.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }
            }
        }
        assertThat(notClamped).isEmpty();

        JsonNode create = schemas.get("CreateCountry").get("properties");
        assertThat(create.get("code").get("pattern").asString()).isEqualTo("^[A-Za-z]{2}$");
        assertThat(create.get("alpha3").get("pattern").asString()).isEqualTo("^[A-Za-z]{3}$");
        assertThat(create.get("numeric").get("pattern").asString()).isEqualTo("^[0-9]{3}$");
        assertThat(schemas.get("PlanMission").get("properties").get("city").get("pattern").asString())
                .startsWith("^").endsWith("$");
        assertThat(schemas.get("Source").get("properties").get("url").get("format").asString()).isEqualTo("uri");

        JsonNode kind = null;
        for (JsonNode parameter : paths.get("/api/changes").get("get").get("parameters")) {
            if ("kind".equals(parameter.get("name").asString())) {
                kind = parameter.get("schema").get("enum");
            }
        }
        assertThat(kind).isNotNull();
        assertThat(kind.toString()).isEqualTo("[\"event\",\"mission\",\"head\",\"accreditation\",\"meeting\","
                + "\"diplomat\",\"milestone\",\"country\",\"import\"]");
        JsonNode start = paths.get("/api/imports").get("post");
        List<String> formats = new ArrayList<>();
        for (JsonNode parameter : start.get("parameters")) {
            if ("format".equals(parameter.get("name").asString())) {
                parameter.get("schema").get("enum").forEach(value -> formats.add(value.asString()));
            }
        }
        assertThat(formats).containsExactlyInAnyOrder("kenkel-us-missions", "cow-diplomatic-exchange", "chancery-ndjson");
        List<String> flags = new ArrayList<>();
        for (JsonNode parameter : paths.get("/api/imports/{id}/rows").get("get").get("parameters")) {
            if ("flag".equals(parameter.get("name").asString())) {
                parameter.get("schema").get("enum").forEach(value -> flags.add(value.asString()));
            }
        }
        assertThat(flags).as("the flags the filter takes").isEqualTo(ImportFlags.KNOWN);
        assertThat(start.get("requestBody").get("content").propertyNames())
                .as("the types every format takes first: a generated client sends the first")
                .startsWith("text/plain", "application/octet-stream")
                .contains("text/csv", "application/x-ndjson");

        // what a generated client names and checks: a field error is a component, a fact's kind one of a set
        assertThat(schemas.get("Problem").get("properties").get("errors").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(schemas.get("FieldError").get("properties").propertyNames()).containsExactly("field", "message");
        assertThat(schemas.get("Change").get("properties").get("kind").get("enum").toString())
                .isEqualTo(kind.toString());
        assertThat(schemas.get("ImportFact").get("properties").get("kind").get("enum")).extracting(JsonNode::asString)
                .contains("observation", "country", "mission");
        // a fact's id, a number or a country's code: anyOf, as a client that reads a number as a string too
        // would find both forms of a oneOf match and refuse the answer; one named schema for the feed and the reports
        for (String fact : List.of("Change", "ImportFact")) {
            assertThat(schemas.get(fact).get("properties").get("id").get("$ref").asString()).as(fact)
                    .isEqualTo("#/components/schemas/FactId");
        }
        assertThat(schemas.get("FactId").has("oneOf")).isFalse();
        assertThat(schemas.get("FactId").get("anyOf").toString())
                .isEqualTo("[{\"type\":\"integer\",\"format\":\"int64\"},{\"type\":\"string\"}]");
        assertThat(schemas.get("Source").get("properties").get("url").get("pattern").asString())
                .as("a URL of another scheme (mailto:) is refused").isEqualTo("^[Hh][Tt][Tt][Pp][Ss]?://.+$");
        for (String method : List.of("get", "delete")) {
            assertThat(paths.get("/api/relations/{a}/{b}/events/{id}").get(method).get("responses").get("400")
                    .get("description").asString()).as(method).contains("SAME_COUNTRY (R4)");
        }

        assertThat(acceptsNull(schemas.get("UpdateCountry").get("properties").get("startedOn"))).isTrue();
        assertThat(acceptsNull(schemas.get("UpdateCountry").get("properties").get("endedOn"))).isTrue();
        assertThat(acceptsNull(schemas.get("AppointHeadOfMission").get("properties").get("endedOn"))).isTrue();
        assertThat(acceptsNull(schemas.get("AppointHeadOfMission").get("properties").get("startedOn"))).isFalse();
    }

    @Test
    void describesTheDaysPartialDatesTypesAndKeysTheServerTakesAndAnswers() throws Exception {
        JsonNode document = document();
        JsonNode schemas = document.get("components").get("schemas");
        String days = "a day from 1583-01-01 to 9999-12-31";

        List<String> unsaid = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                List<String> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    parameters.add(parameter.get("name").asString());
                    if ("date".equals(parameter.path("schema").path("format").asString(""))
                            && !parameter.path("description").asString("").contains(days)) {
                        unsaid.add(name + " " + parameter.get("name").asString() + ": its days");
                    }
                    if ("format".equals(parameter.get("name").asString()) && "get".equals(operation.getKey())
                            && !"[\"csv\",\"json\"]".equals(parameter.get("schema").get("enum").toString())) {
                        unsaid.add(name + " format: " + parameter.get("schema"));
                    }
                }
                if ("get".equals(operation.getKey()) && !parameters.containsAll(List.of("format", "_"))) {
                    unsaid.add(name + ": takes format and _ (" + parameters + ")");
                }
            }
        }
        assertThat(unsaid).isEmpty();
        for (String[] field : new String[][] {{"RecordEvent", "date"}, {"OpenMission", "date"},
                {"AchieveMilestone", "date"}, {"Source", "publishedOn"}}) {
            assertThat(schemas.get(field[0]).get("properties").get(field[1]).get("description").asString())
                    .as(field[0] + "." + field[1]).contains(days);
        }
        getJson("/api/relations/CU/KR?asOf=1582-12-31").andExpect(status().isBadRequest());
        getJson("/api/relations/CU/KR?asOf=1583-01-01").andExpect(status().isOk());

        for (String[] field : new String[][] {{"PlanMilestone", "target"}, {"PlanMission", "plannedOpening"}}) {
            Pattern form = Pattern.compile(schemas.get(field[0]).get("properties").get(field[1]).get("pattern")
                    .asString());
            assertThat(List.of("2024", "2024-H2", "2024-Q4", "2024-07", "2024-07-15")).as(field[1])
                    .allMatch(text -> form.matcher(text).find());
            assertThat(List.of("2024-Q5", "2024-H3", "soon", "2024-W03", "24-07", "2024-07-15T00:00", " 2024x"))
                    .as(field[1]).noneMatch(text -> form.matcher(text).find());
        }

        assertThat(document.get("paths").get("/api/meetings").get("get").get("responses").get("503")
                .get("description").asString()).contains("as many CSV exports longer than a page of 1000 rows as the "
                        + "server reads at once are under way (" + CsvLists.CONCURRENT_EXPORTS + "; Retry-After)");

        JsonNode affected = schemas.get("AffectedMission").get("properties");
        assertThat(affected.get("type").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/MissionType\"}");
        assertThat(affected.get("status").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/MissionStatus\"}");
        assertThat(schemas.get("AffectedAccreditation").get("properties").get("level").toString())
                .isEqualTo("{\"$ref\":\"#/components/schemas/AccreditationLevel\"}");

        String types = schemas.get("TimelineItem").get("properties").get("type").get("description").asString();
        assertThat(Timeline.types())
                .allMatch(type -> Pattern.compile("\\b" + type + "\\b").matcher(types).find());
        // every key of a map keyed by an enum is answered, zeros too
        assertThat(schemas.get("ImportJob").get("properties").get("outcomes").get("required"))
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(
                        Arrays.stream(ImportOutcome.values()).map(Enum::name).toArray(String[]::new));
        assertThat(schemas.get("ObservationYear").get("properties").get("counts").get("required"))
                .extracting(JsonNode::asString).containsExactlyInAnyOrder(
                        Arrays.stream(ObservationLevel.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void answersEveryFieldItRequiresAndNullOnlyInTheFieldsItDocumentsAsNullable() throws Exception {
        JsonNode schemas = document().get("components").get("schemas");
        recordEvent("CU", "KR", "ESTABLISHED", "2024-02-14");
        long mission = planMission("CU", "KR", "EMBASSY", null);
        long diplomat = newDiplomat("Carlos Miguel Pereira Hernández", "CU");
        long milestone = json(postAsEditor("/api/relations/CU/KR/milestones", "{\"title\": "
                + "\"Embassies open\", \"target\": \"2025\", \"sources\": [{\"url\": \"https://example.org/a\"}]}")
                .andExpect(status().isCreated())).get("id").asLong();

        List<String> wrong = new ArrayList<>();
        Map<String, String> answers = Map.of(
                "/api/relations/CU/KR", "Relation",
                "/api/relations/CU/US", "Relation",
                "/api/relations/CU/KR?asOf=2024-03-01", "Relation",
                "/api/missions/" + mission, "Mission",
                "/api/countries/KR", "Country",
                "/api/diplomats/" + diplomat, "Diplomat",
                "/api/relations/CU/KR/timeline", "PagedModelTimelineItem",
                "/api/missions?sending=CU", "PagedModelMission",
                "/api/milestones/" + milestone, "Milestone");
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            JsonNode body = json(getJson(answer.getKey()).andExpect(status().isOk()));
            nullsOutsideTheSchema(body, schemas.get(answer.getValue()), schemas, answer.getKey(), wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void requiresEveryFieldOfTheSchemasOnlyAnswersUseAndKeepsTheRequestsOwn() throws Exception {
        JsonNode schemas = document().get("components").get("schemas");

        for (String answer : List.of("Relation", "Mission", "MissionSummary", "TimelineItem", "Country", "PageMetadata",
                "PagedModelTimelineItem")) {
            List<String> properties = new ArrayList<>();
            schemas.get(answer).get("properties").propertyNames().forEach(properties::add);
            assertThat(schemas.get(answer).get("required")).as(answer).extracting(JsonNode::asString)
                    .containsExactlyInAnyOrderElementsOf(properties);
        }
        // a request's: what validation asks (a mission's city may be left out); the problem's: its own
        assertThat(schemas.get("Source").get("required")).extracting(JsonNode::asString).containsExactly("url");
        // what requests and answers share: the answers' copy requires every field, the requests' keep theirs
        assertThat(schemas.get("SourceAnswer").get("required")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("url", "publisher", "title", "publishedOn");
        assertThat(schemas.get("SourceAnswer").get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(schemas.get("Source").get("properties").propertyNames());
        for (String answer : List.of("Milestone", "Mission", "Diplomat", "Meeting")) {
            assertThat(schemas.get(answer).get("properties").get("sources").get("items").get("$ref").asString())
                    .as(answer).isEqualTo("#/components/schemas/SourceAnswer");
        }
        for (String request : List.of("PlanMilestone", "PlanMission", "RecordEvent")) {
            assertThat(schemas.get(request).get("properties").get("sources").get("items").get("$ref").asString())
                    .as(request).isEqualTo("#/components/schemas/Source");
        }
        assertThat(schemas.get("Problem").get("required")).extracting(JsonNode::asString).doesNotContain("rule");
    }

    /** Adds to {@code wrong} each null of {@code value} in a field that its schema does not let be null. */
    private static void nullsOutsideTheSchema(JsonNode value, JsonNode schema, JsonNode schemas, String at,
            List<String> wrong) {
        JsonNode resolved = schema;
        if (resolved.has("oneOf")) {
            for (JsonNode alternative : resolved.get("oneOf")) {
                if (alternative.has("$ref")) {
                    resolved = alternative;
                }
            }
        }
        if (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asString();
            resolved = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (value.isArray() && resolved.has("items")) {
            for (JsonNode item : value) {
                nullsOutsideTheSchema(item, resolved.get("items"), schemas, at + "[]", wrong);
            }
        } else if (value.isObject() && resolved.has("properties")) {
            for (JsonNode required : resolved.path("required")) {
                if (!value.has(required.asString())) {
                    wrong.add(at + "." + required.asString() + ": required, not sent");
                }
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode property = resolved.get("properties").get(field.getKey());
                if (property == null) {
                    wrong.add(at + "." + field.getKey() + ": not documented");
                } else if (field.getValue().isNull()) {
                    if (!acceptsNull(property)) {
                        wrong.add(at + "." + field.getKey() + ": null, documented as non-nullable");
                    }
                } else {
                    nullsOutsideTheSchema(field.getValue(), property, schemas, at + "." + field.getKey(), wrong);
                }
            }
        }
    }

    /** A null passes the property's schema: "null" among its types (and its enum values), or a oneOf null. */
    private static boolean acceptsNull(JsonNode property) {
        assertThat(property).as("a documented property").isNotNull();
        if (property.has("oneOf")) {
            for (JsonNode alternative : property.get("oneOf")) {
                if (alternative.has("type") && "null".equals(alternative.get("type").asString())) {
                    return true;
                }
            }
            return false;
        }
        JsonNode type = property.get("type");
        boolean nullType = false;
        if (type != null && type.isArray()) {
            for (JsonNode each : type) {
                nullType |= "null".equals(each.asString());
            }
        }
        boolean enumAcceptsNull = true;
        if (property.has("enum")) {
            enumAcceptsNull = false;
            for (JsonNode value : property.get("enum")) {
                enumAcceptsNull |= value.isNull();
            }
        }
        return nullType && enumAcceptsNull && !property.has("$ref");
    }

    private JsonNode document() throws Exception {
        return JSON.readTree(getJson("/v3/api-docs").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
