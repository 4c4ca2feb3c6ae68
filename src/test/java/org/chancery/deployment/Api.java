package org.chancery.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API of one running instance on the loopback address, as a client sees it: JSON in and
 * out, writes as the {@code editor} user of the test configuration.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String EDITOR = "editor";
    static final String EDITOR_PASSWORD = "editor-secret";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";

    private static final String AUTHORIZATION = basic(EDITOR, EDITOR_PASSWORD);
    private static final String ADMIN_AUTHORIZATION = basic(ADMIN, ADMIN_PASSWORD);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final URI base;
    private final HttpClient http;

    Api(String name, int port) {
        this.name = name;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    String name() {
        return name;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, null);
    }

    Answer put(String path, String json, String ifMatch) throws IOException, InterruptedException {
        return send("PUT", path, json, ifMatch);
    }

    /** A read that needs the EDITOR role (import jobs, the change feed). */
    Answer getAsEditor(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Authorization", AUTHORIZATION).GET().build();
        var response = http.send(request, BodyHandlers.ofString());
        return new Answer(name, "GET " + path, response.statusCode(), response.body(), null);
    }

    /** Posts a file as the admin user (an import). */
    Answer postFile(String path, byte[] file, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Authorization", ADMIN_AUTHORIZATION)
                .header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(file)).build();
        var response = http.send(request, BodyHandlers.ofString());
        return new Answer(name, "POST " + path + " (" + file.length + " bytes)", response.statusCode(), response.body(),
                null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Every item of a paged list, following the pages (at most 50 of 200). */
    List<JsonNode> all(String path) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; page < 50; page++) {
            JsonNode answer = get(path + separator + "size=200&page=" + page).requireStatus(200).json();
            answer.get("content").forEach(items::add);
            if (page + 1 >= answer.get("page").get("totalPages").asInt()) {
                return items;
            }
        }
        throw new AssertionError("More than 50 pages at " + path);
    }

    private Answer send(String method, String path, String json, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (!method.equals("GET")) {
            request.header("Authorization", AUTHORIZATION);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (json == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
        }
        var response = http.send(request.build(), BodyHandlers.ofString());
        return new Answer(name, method + " " + path + (json == null ? "" : " " + json), response.statusCode(),
                response.body(), response.headers().firstValue("ETag").orElse(null));
    }

    /** One answer, with what was asked (for assertion messages). */
    record Answer(String instance, String request, int status, String body, String etag) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        long id() {
            return json().get("id").asLong();
        }

        /** The problem {@code code}, or null for an answer that is not a problem. */
        String code() {
            if (status < 400 || body == null || body.isBlank()) {
                return null;
            }
            JsonNode code = json().get("code");
            return code == null ? null : code.asString();
        }

        boolean successful() {
            return status >= 200 && status < 300;
        }

        Answer requireStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected " + expected + " but got " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
            return "[" + instance + "] " + request + " -> " + status + " " + shown;
        }
    }
}
