package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chancery.support.ApiIntegrationTest;
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
    void describesEveryOperationWithAnIdASummaryTagsAndExamplesOfItsBodies() throws Exception {
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
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                if (!operation.hasNonNull("operationId") || !ids.add(operation.get("operationId").asString())) {
                    incomplete.add(name + ": no operationId, or one used twice");
                }
                if (!operation.hasNonNull("summary") || operation.get("summary").asString().isBlank()) {
                    incomplete.add(name + ": no summary");
                }
                if (!operation.has("tags") || operation.get("tags").isEmpty()) {
                    incomplete.add(name + ": no tags");
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
        assertThat(mission.propertyNames()).as("an id that is not a number; an Accept it cannot answer")
                .contains("200", "400", "404", "406").doesNotContain("415", "429");
        assertThat(mission.get("400").get("content").has("application/problem+json")).isTrue();
        JsonNode meeting = paths.get("/api/meetings").get("post").get("responses");
        assertThat(meeting.propertyNames()).contains("201", "400", "401", "403", "406", "409", "415", "429");
        assertThat(meeting.get("409").get("description").asString()).contains("COUNTRY_NOT_IN_EXISTENCE");
        assertThat(paths.get("/api/countries").get("get").get("responses").propertyNames())
                .as("a public read takes no credentials to lock out").doesNotContain("429");
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
        assertThat(schemas.get("Mission").get("properties").get("openedPrecision").get("enum").toString())
                .isEqualTo("[\"DAY\",\"MONTH\",\"YEAR\",null]");
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
                "/api/relations/{a}/{b}/events", List.of("RELATION_TRANSITION_INVALID", "CONFLICTS_WITH_RECORDED_FACTS",
                        "COUNTRY_NOT_IN_EXISTENCE"),
                "/api/relations/{a}/{b}/accreditations/{id}/end", List.of("ACCREDITATION_CONFLICT",
                        "COUNTRY_NOT_IN_EXISTENCE"));
        conflicts.forEach((path, codes) -> assertThat(paths.get(path).get("post").get("responses").get("409")
                .get("description").asString()).as(path).contains(codes));
        assertThat(paths.get("/api/missions/{id}/close").get("post").get("responses").get("400").get("description")
                .asString()).as("a reason that a rule gives").contains("VALIDATION_FAILED", "DATE_IN_FUTURE");
    }

    @Test
    void offersNoSortOnTheListsOfAFixedOrderWhichRefuseIt() throws Exception {
        JsonNode paths = document().get("paths");
        Map<String, String> fixed = Map.of(
                "/api/relations/{a}/{b}/timeline", "/api/relations/CU/KR/timeline",
                "/api/relations/{a}/{b}/accreditations", "/api/relations/CU/KR/accreditations",
                "/api/relations/{a}/{b}/observations", "/api/relations/CU/KR/observations",
                "/api/imports", "/api/imports",
                "/api/imports/{id}/rows", "/api/imports/1/rows",
                "/api/changes", "/api/changes");
        for (Map.Entry<String, String> list : fixed.entrySet()) {
            JsonNode operation = paths.get(list.getKey()).get("get");
            assertThat(parameterNames(operation)).as(list.getKey()).contains("page", "size").doesNotContain("sort");
            assertThat(operation.get("description").asString().toLowerCase()).as(list.getKey()).contains("fixed order");
            mvc.perform(get(list.getValue()).param("sort", "id").accept(MediaType.APPLICATION_JSON)
                    .with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("fixed order")));
        }
        assertThat(parameterNames(paths.get("/api/missions").get("get"))).as("a sortable list").contains("sort");
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asString()));
        return names;
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
