package org.chancery.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.List;

import org.chancery.shared.web.SecurityHeaders;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@TestPropertySource(properties = "chancery.cors.allowed-origins=https://admin.chancery.example")
class SecurityIntegrationTests extends ApiIntegrationTest {

    @Test
    void servesHealthPublicly() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void keepsOtherActuatorEndpointsForAdmins() throws Exception {
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        mvc.perform(get("/actuator/metrics").with(httpBasic("editor", "editor-secret"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(httpBasic("admin", "admin-secret"))).andExpect(status().isOk());
    }

    @Test
    void servesTheOpenApiDescriptionPublicly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/relations/{a}/{b}/events'].post").exists())
                .andExpect(jsonPath("$.paths['/api/missions/{id}/open'].post.responses['409']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        // the description names no server from the request's Host header
        mvc.perform(get("/v3/api-docs").header("Host", "evil.example")).andExpect(status().isOk())
                .andExpect(jsonPath("$.servers[0].url").value("/"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("evil.example"))));
    }

    @Test
    void answersBadCredentialsWithUnauthorizedEvenOnReadsSayingThatTheyAreReadAsUtf8() throws Exception {
        mvc.perform(get("/api/countries/CU").with(httpBasic("editor", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"chancery\", charset=\"UTF-8\""));
    }

    @Test
    void refusesARequestWithTwoAuthorizationHeadersWhicheverComesFirst() throws Exception {
        String editor = "Basic " + Base64.getEncoder().encodeToString("editor:editor-secret".getBytes(UTF_8));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("editor:wrong".getBytes(UTF_8));
        for (List<String> credentials
                : List.of(List.of(editor, wrong), List.of(wrong, editor), List.of(editor, editor))) {
            mvc.perform(post("/api/diplomats").header("Authorization", credentials.toArray())
                            .contentType("application/json").content("{\"name\": \"Twice\", \"country\": \"CU\"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.detail").value(containsString("more than one Authorization header")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
            mvc.perform(get("/api/countries/CU").header("Authorization", credentials.toArray()))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/diplomats").param("q", "Twice")).andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void answersAnonymousReadsWithTheSameSecurityHeadersAsReadsWithCredentials() throws Exception {
        for (String path : new String[] {"/api/countries/CU", "/api/relations?country=CU", "/admin/index.html"}) {
            MockHttpServletResponse anonymous = mvc.perform(get(path).header("Origin", "https://admin.chancery.example"))
                    .andExpect(status().isOk()).andReturn().getResponse();
            MockHttpServletResponse signedIn = mvc.perform(get(path).header("Origin", "https://admin.chancery.example")
                    .with(httpBasic("editor", "editor-secret"))).andExpect(status().isOk()).andReturn().getResponse();
            for (String header : new String[] {"X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection",
                "Cache-Control", "Pragma", "Expires", "Access-Control-Allow-Origin", "Vary", "Referrer-Policy"}) {
                assertThat(anonymous.getHeaders(header)).as("%s of %s", header, path)
                        .isEqualTo(signedIn.getHeaders(header));
            }
            assertThat(anonymous.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(anonymous.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(anonymous.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(anonymous.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://admin.chancery.example");
            assertThat(anonymous.getHeaders("Content-Security-Policy")).as(path)
                    .isEqualTo(signedIn.getHeaders("Content-Security-Policy")).hasSize(1);
        }
    }

    @Test
    void answersOfTheApiMayLoadRunOrBeFramedNothingWhileTheAdminPagesKeepTheirOwnPolicy() throws Exception {
        String none = "default-src 'none'; frame-ancestors 'none'";
        mvc.perform(get("/api/countries/CU")).andExpect(header().string("Content-Security-Policy", none));
        mvc.perform(get("/api/relations?country=CU&format=csv").with(httpBasic("editor", "editor-secret")))
                .andExpect(header().string("Content-Security-Policy", none));
        mvc.perform(get("/api/countries/ZZ")).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Security-Policy", none));
        // refused by the firewall, before Spring Security's headers are written
        mvc.perform(get("/api/countries/CU").header("Authorization", "Basic a", "Basic b"))
                .andExpect(status().isBadRequest()).andExpect(header().string("Content-Security-Policy", none));
        for (String page : new String[] {"/admin/", "/admin/index.html", "/admin/js/main.js"}) {
            mvc.perform(get(page)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", startsWith("default-src 'self'")));
        }
        // every problem, whatever its path, and the OpenAPI document; Swagger UI's page has no policy of its own
        mvc.perform(get("/nowhere")).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Security-Policy", none));
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Security-Policy", none));
        mvc.perform(get("/actuator/env").with(httpBasic("editor", "editor-secret"))).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Security-Policy", none));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", none));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityHeaders.SWAGGER_UI_POLICY));
        mvc.perform(get("/swagger-ui/swagger-initializer.js")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityHeaders.SWAGGER_UI_POLICY));
        mvc.perform(get("/swagger-ui/nothing")).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Security-Policy", none));
    }

    @Test
    void keepsTheReadsThatNeedCredentialsBehindThemHoweverTheirPathIsSpelled() throws Exception {
        for (String path : new String[] {"/api/changes", "/api/changes?after=0", "/api/imports", "/api/imports/1",
            "/api/imports/1/rows", "/actuator/prometheus", "/actuator/metrics"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
            mvc.perform(head(path)).andExpect(status().isUnauthorized());
        }
        for (String path : new String[] {"/%61pi/changes", "/api/%63hanges", "/api/changes/", "/api//changes"}) {
            int status = mvc.perform(get(java.net.URI.create(path))).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isIn(400, 401, 404);
        }
        mvc.perform(get("/api/imports/formats")).andExpect(status().isOk());
        mvc.perform(head("/api/imports/formats")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/api/changes").with(httpBasic("editor", "editor-secret"))).andExpect(status().isOk());
    }

    @Test
    void takesAWriteFromAnAllowedOriginThoughTheBrowserSaysItComesFromAnotherSite() throws Exception {
        postAsEditor("/api/diplomats", "{\"name\": \"Ana Ruiz\", \"country\": \"CU\"}");
        mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret"))
                        .contentType("application/json").content("{\"name\": \"Kim Min-jun\", \"country\": \"KR\"}")
                        .header("Origin", "https://admin.chancery.example").header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://admin.chancery.example"));
    }

    @Test
    void takesTheWritesOfTheSitesOwnPagesBehindAProxyThoughOtherOriginsAreAllowed() throws Exception {
        // HTTPS ended at the proxy: the server is reached over HTTP, the page's origin is https
        mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret")).contentType("application/json")
                        .content("{\"name\": \"Ana Ruiz\", \"country\": \"CU\"}").header("Host", "chancery.example")
                        .header("Origin", "https://chancery.example").header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("Origin")));
        // plain HTTP, the public host passed on by the proxy
        mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret")).contentType("application/json")
                        .content("{\"name\": \"Kim Min-jun\", \"country\": \"KR\"}").header("Host", "internal:8080")
                        .header("X-Forwarded-Host", "chancery.example").header("Origin", "http://chancery.example"))
                .andExpect(status().isCreated());
        // another site's page is still refused, with or without the browser saying so
        for (String site : new String[] {"cross-site", null}) {
            MockHttpServletRequestBuilder write = post("/api/diplomats").with(httpBasic("editor", "editor-secret"))
                    .contentType("application/json").content("{\"name\": \"Eve\", \"country\": \"CU\"}")
                    .header("Host", "chancery.example").header("Origin", "https://evil.example");
            mvc.perform(site == null ? write : write.header("Sec-Fetch-Site", site)).andExpect(status().isForbidden());
        }
    }

    @Test
    void letsAnAllowedOriginReadTheRefusalsOfTheSizeLimitAndTheFirewall() throws Exception {
        String large = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"country\": \"CU\"}";
        mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret")).contentType("application/json")
                        .content(large).header("Origin", "https://admin.chancery.example"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://admin.chancery.example"))
                .andExpect(header().string("Access-Control-Expose-Headers", containsString("X-Request-Id")));
        mvc.perform(get(java.net.URI.create("/api/countries/C%2FU")).header("Origin", "https://admin.chancery.example"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://admin.chancery.example"));

        mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret")).contentType("application/json")
                        .content(large).header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void allowsConfiguredCorsOriginsOnly() throws Exception {
        mvc.perform(options("/api/relations/CU/KR/events").header("Origin", "https://admin.chancery.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://admin.chancery.example"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("X-Request-Id"));
        mvc.perform(options("/api/relations/CU/KR/events").header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesACrossOriginRequestFromAnotherOriginWithAProblem() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(
                get("/api/countries/FR").header("Origin", "https://evil.example"),
                options("/api/relations/CU/KR/events").header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"),
                options("/api/relations/CU/KR/events").header("Origin", "https://admin.chancery.example")
                        .header("Access-Control-Request-Method", "PATCH"))) {
            mvc.perform(request).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                    .andExpect(jsonPath("$.detail").value(containsString("chancery.cors.allowed-origins")))
                    .andExpect(jsonPath("$.instance").value(startsWith("/api/")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().exists("X-Request-Id"));
        }
    }

    @Test
    void letsAnAllowedOriginSendAndReadTheRequestId() throws Exception {
        mvc.perform(options("/api/relations/CU/KR/events").header("Origin", "https://admin.chancery.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type, x-request-id"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Headers", containsStringIgnoringCase("x-request-id")));
        mvc.perform(get("/api/countries/FR").header("Origin", "https://admin.chancery.example"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Expose-Headers", containsString("X-Request-Id")))
                .andExpect(header().string("Access-Control-Expose-Headers", containsString("Content-Disposition")));
    }
}
