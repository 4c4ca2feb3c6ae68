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
 * click answers 200, not a 404 or a 409. Tagged {@code browser}: it needs the
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
            if (answer.statusCode() != 200) {
                failed.add("GET " + url + query + ": " + answer.statusCode() + " " + answer.body());
            }
        }
        assertThat(tried).as("the reads of the description").hasSizeGreaterThan(20);
        assertThat(failed).isEmpty();
    }
}
