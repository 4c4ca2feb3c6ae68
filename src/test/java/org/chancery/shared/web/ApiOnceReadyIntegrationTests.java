package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.JsonNode;

/** The API answers once the application is ready: the data the profiles load is not read half loaded. */
class ApiOnceReadyIntegrationTests extends ApiIntegrationTest {

    @Autowired
    @Qualifier("handlerExceptionResolver")
    private HandlerExceptionResolver resolver;

    private static MockHttpServletResponse filter(ApiOnceReady filter, String method, String path,
            MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, path), response, chain);
        return response;
    }

    @Test
    void aRequestOfTheApiBeforeTheApplicationIsReadyIsRefused503WithRetryAfterAndReachesNothing() throws Exception {
        ApiOnceReady starting = new ApiOnceReady(resolver);

        for (String[] request : new String[][] {{"GET", "/api/relations/CU/KR"}, {"POST", "/api/imports"},
                {"POST", "/api/imports/1/cancel"}, {"GET", "/api"}, {"GET", "/api/importsx"},
                {"GET", "/%61pi/relations/CU/KR"}}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = filter(starting, request[0], request[1], chain);

            assertThat(chain.getRequest()).as("the request went no further").isNull();
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getHeader("Retry-After")).isEqualTo("5");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            JsonNode problem = JSON.readTree(response.getContentAsString());
            assertThat(problem.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(problem.get("detail").asString()).startsWith("Chancery is starting: it loads its data");
            assertThat(problem.get("instance").asString()).isEqualTo(request[1]);
        }
    }

    @Test
    void theAdminUiTheOpenApiDocumentTheHealthProbesAndTheImportJobsAnswerWhileItStartsAndTheApiOnceItIsReady()
            throws Exception {
        ApiOnceReady starting = new ApiOnceReady(resolver);
        for (String path : new String[] {"/admin/", "/v3/api-docs", "/actuator/health/readiness", "/apis",
                "/api/imports", "/api/imports/1/rows"}) {
            MockFilterChain chain = new MockFilterChain();
            filter(starting, "GET", path, chain);
            assertThat(chain.getRequest()).as(path).isNotNull();
        }

        starting.onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(),
                new String[0], null, null));
        MockFilterChain chain = new MockFilterChain();
        assertThat(filter(starting, "GET", "/api/relations/CU/KR", chain).getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
        getJson("/api/countries/CU").andExpect(status().isOk());
    }
}
