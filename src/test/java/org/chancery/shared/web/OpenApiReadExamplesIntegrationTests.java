package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Try it out" on the OpenAPI page, for every read: the examples its parameters offer name records the
 * README's first command loads (the demo story and the U.S. mission history), so that a newcomer's first
 * click answers 200 with what the example promises (a list with rows, the Cuban embassy in Seoul), not a 404
 * or an empty page. Tagged {@code browser}: it needs the
 * application the browser tests start (the same profiles, so the same context), which the other suites do
 * not load the history into.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "history"})
class OpenApiReadExamplesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String pathAndQuery, boolean withCredentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "application/json");
        if (withCredentials) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode example(JsonNode parameter) {
        return parameter.has("example") ? parameter.get("example") : parameter.path("schema").path("example");
    }

    @Test
    void everyReadAnswersTheExamplesOfItsParametersWithTheDataOfTheReadmesFirstCommand() throws Exception {
        JsonNode description = JSON.readTree(get("/v3/api-docs", false).body());
        List<String> failed = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        Map<String, String> answers = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            JsonNode read = path.getValue().get("get");
            if (read == null) {
                continue;
            }
            String url = path.getKey();
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            for (JsonNode parameter : read.path("parameters")) {
                JsonNode example = example(parameter);
                String in = parameter.path("in").asString("");
                if (in.equals("path")) {
                    url = url.replace("{" + parameter.get("name").asString() + "}", example.asString());
                } else if (in.equals("query") && !example.isMissingNode() && !parameter.get("name").asString()
                        .matches("page|size|sort|format")) {
                    query.add(parameter.get("name").asString() + "="
                            + URLEncoder.encode(example.asString(), StandardCharsets.UTF_8));
                }
            }
            boolean needsCredentials = read.has("security") && !read.get("security").isEmpty();
            HttpResponse<String> answer = get(url + query, needsCredentials);
            tried.add(url + query);
            answers.put(path.getKey(), answer.body());
            if (answer.statusCode() != 200) {
                failed.add("GET " + url + query + ": " + answer.statusCode() + " " + answer.body());
            } else if (JSON.readTree(answer.body()).path("content").isEmpty() && !path.getKey().contains("observations")
                    && JSON.readTree(answer.body()).has("content")) {
                // no profile loads observations (the COW data set is brought by the user): their lists are empty
                failed.add("GET " + url + query + ": an empty page");
            }
        }
        assertThat(tried).as("the reads of the description").hasSizeGreaterThan(20);
        assertThat(failed).isEmpty();

        JsonNode mission = JSON.readTree(answers.get("/api/missions/{id}"));
        assertThat(mission.get("sendingCountry").asString() + "→" + mission.get("receivingCountry").asString() + " "
                + mission.get("city").asString()).isEqualTo("CU→KR Seoul");
        assertThat(JSON.readTree(answers.get("/api/missions/{id}/heads/{headId}")).get("name").asString())
                .isEqualTo("Claudio Monzón Baeza");
        assertThat(JSON.readTree(answers.get("/api/relations/{a}/{b}/events/{id}")).get("type").asString())
                .isEqualTo("RESTORED");
        assertThat(JSON.readTree(answers.get("/api/milestones/{id}")).get("missionId").asLong()).isEqualTo(408);
        assertThat(JSON.readTree(answers.get("/api/meetings/{id}")).get("date").asString()).isEqualTo("2024-05-22");
        assertThat(JSON.readTree(answers.get("/api/imports/{id}")).get("format").asString())
                .isEqualTo("kenkel-us-missions");
    }
}
