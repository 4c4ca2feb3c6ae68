package org.chancery.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

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
    }

    @Test
    void answersBadCredentialsWithUnauthorizedEvenOnReads() throws Exception {
        mvc.perform(get("/api/countries/CU").with(httpBasic("editor", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
    }

    @Test
    void allowsConfiguredCorsOriginsOnly() throws Exception {
        mvc.perform(options("/api/relations/CU/KR/events").header("Origin", "https://admin.chancery.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://admin.chancery.example"));
        mvc.perform(options("/api/relations/CU/KR/events").header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden());
    }
}
