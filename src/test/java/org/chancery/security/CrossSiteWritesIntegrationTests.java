package org.chancery.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A write that a page of another site makes a browser send — with the Basic credentials the browser keeps for
 * Chancery once it was asked for them — is refused; the admin UI's own writes and clients that are not browsers
 * are not concerned (no origins allowed: the default).
 */
class CrossSiteWritesIntegrationTests extends ApiIntegrationTest {

    @Test
    void aFormOfAnotherSitesPageCancelsNoMissionWithTheCredentialsTheBrowserKept() throws Exception {
        long mission = planMission("KR", "CU", "EMBASSY", "Havana");

        mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.TEXT_PLAIN).content("a=b")
                        .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("https://evil.example")));
        mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                        .header("Origin", "https://other.chancery.example").header("Sec-Fetch-Site", "same-site"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("A write sent by a page of another "
                        + "site is refused")));
        // a browser that sends no Sec-Fetch-Site: its Origin names another host than the request's
        mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                        .header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                        .header("Origin", "null"))
                .andExpect(status().isForbidden());

        getJson("/api/missions/{id}", mission).andExpect(jsonPath("$.status").value("PLANNED"));
    }

    @Test
    void writesOfChancerysOwnPagesAndOfClientsThatAreNotBrowsersAreTaken() throws Exception {
        long first = planMission("KR", "CU", "EMBASSY", "Havana");
        long second = planMission("KR", "CU", "CONSULATE_GENERAL", "Santiago de Cuba");
        long third = planMission("KR", "CU", "CONSULATE", "Holguín");

        mvc.perform(post("/api/missions/{id}/cancel", first).with(httpBasic("editor", "editor-secret"))
                        .header("Origin", "http://localhost").header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/missions/{id}/cancel", second).with(httpBasic("editor", "editor-secret"))
                        .header("Origin", "http://localhost"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/missions/{id}/cancel", third).with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk());
        // reads are not writes: another site's page reading public data is CORS's matter
        mvc.perform(get("/api/missions/{id}", third).header("Origin", "https://evil.example")
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isOk());
    }
}
