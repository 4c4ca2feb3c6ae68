package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * The admin UI's libraries and the OpenAPI page's files are served at version-free URLs; a path that names no file of
 * them answers 404 and leaves nothing behind. (webjars-locator-lite keeps the version it looked up for every first
 * segment it was asked about, found or not, for as long as the server runs: anonymous requests for made-up paths
 * filled the heap.)
 */
class WebJarsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private List<HandlerMapping> handlerMappings;

    @Test
    void servesTheLibrariesOfTheAdminUiAndTheOpenApiPageAtTheirVersionFreeUrls() throws Exception {
        for (String path : List.of("/webjars/lit-html/lit-html.js", "/webjars/d3/dist/d3.min.js",
                "/webjars/picocss__pico/css/pico.min.css", "/swagger-ui/index.html", "/swagger-ui/swagger-ui-bundle.js",
                "/swagger-ui/swagger-initializer.js", "/swagger-ui/swagger-ui.css")) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
    }

    @Test
    void pathsThatNameNoFileAnswerNotFoundAndLeaveTheLibraryLookupsAsTheyWere() throws Exception {
        mvc.perform(get("/webjars/d3/dist/d3.min.js")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        int before = lookupsKept();

        for (int i = 0; i < 100; i++) {
            for (String path : List.of("/webjars/made-up-" + i + "/x.js", "/made-up-" + i + "/x.js",
                    "/admin/made-up-" + i + "/x.js", "/webjars/d3/made-up-" + i + ".js",
                    "/swagger-ui/made-up-" + i + "/x.js", "/swagger-ui-" + i + "/x.js")) {
                mvc.perform(get(path)).andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.code").value("NOT_FOUND"));
            }
        }

        assertThat(lookupsKept()).isEqualTo(before);
    }

    /** The entries that the WebJar locators of every resource handler keep. */
    private int lookupsKept() {
        int kept = 0;
        for (HandlerMapping mapping : handlerMappings) {
            if (mapping instanceof AbstractUrlHandlerMapping urls) {
                for (Object handler : urls.getHandlerMap().values()) {
                    if (handler instanceof ResourceHttpRequestHandler resources) {
                        for (Object resolver : resources.getResourceResolvers()) {
                            if (resolver instanceof LiteWebJarsResourceResolver webJars) {
                                Object locator = ReflectionTestUtils.getField(webJars, "webJarVersionLocator");
                                Object cache = ReflectionTestUtils.getField(locator, "cache");
                                kept += ((Map<?, ?>) ReflectionTestUtils.getField(cache, "cache")).size();
                            }
                        }
                    }
                }
            }
        }
        assertThat(kept).as("entries of the WebJar locators found").isPositive();
        return kept;
    }
}
