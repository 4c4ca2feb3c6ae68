package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The admin UI's pages refuse scripts from elsewhere and inline scripts but the import map (whose
 * hash the policy names); the browser suite runs every page under the policy and fails on any
 * violation the console reports.
 */
class AdminContentSecurityPolicyIntegrationTests extends ApiIntegrationTest {

    @Test
    void theAdminPagesAllowTheirOwnOriginAndTheImportMapOnly() throws Exception {
        String page = Files.readString(Path.of("src/main/resources/static/admin/index.html"));
        String opening = "<script type=\"importmap\">";
        String importMap = page.substring(page.indexOf(opening) + opening.length(), page.indexOf("</script>"));
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(importMap.getBytes(StandardCharsets.UTF_8)));

        for (String path : new String[] {"/admin", "/admin/", "/admin/index.html", "/admin/js/main.js"}) {
            String policy = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                    .getHeader("Content-Security-Policy");

            assertThat(policy).as(path).contains("default-src 'self'", "script-src 'self' 'sha256-" + hash + "';",
                    "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
        }
        // the API's answers have a policy of their own, which allows nothing
        assertThat(mvc.perform(get("/api/countries/CU")).andReturn().getResponse().getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }
}
