package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

class ImportBrowserTests extends BrowserTest {

    @Test
    void runsAnImportToSucceededWithItsProgressBarAndReportsTheRejectedRow() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            lines.add("{\"kind\": \"diplomat\", \"ref\": \"d%d\", \"name\": \"Imported Envoy %d\", \"country\": \"PT\"}"
                    .formatted(i, i));
        }
        lines.add("{\"kind\": \"event\", \"countries\": [\"PT\", \"UY\"], \"type\": \"ESTABLISHED\", \"date\": \"1990-05-02\"}");
        lines.add("{\"kind\": \"event\", \"countries\": [\"PT\", \"UY\"], \"type\": \"RESTORED\", \"date\": \"1995-05-02\"}");
        Path file = Files.createTempFile("chancery-import-", ".ndjson");
        Files.write(file, lines, StandardCharsets.UTF_8);

        open("/imports");
        visible(By.id("import-form"));
        signIn("admin", "admin-secret");
        visible(By.id("jobs-table"));
        new Select($("#import-form select[name=format]")).selectByValue("chancery-ndjson");
        $("#import-file").sendKeys(file.toAbsolutePath().toString());
        $("#import-form button[type=submit]").click();

        WebElement progress = visible(By.id("job-progress"));
        assertThat(progress.getAttribute("max")).isEqualTo("302");
        waitFor(ExpectedConditions.attributeToBe(By.id("job-status"), "data-status", "SUCCEEDED"));
        progress = $("#job-progress");
        assertThat(progress.getAttribute("value")).isEqualTo("302");
        assertThat($("#job-progress-text").getText()).isEqualTo("302 of 302 rows (100 %)");
        assertThat($("#job-outcomes td[data-outcome=IMPORTED]").getText()).isEqualTo("301");
        assertThat($("#job-outcomes td[data-outcome=REJECTED]").getText()).isEqualTo("1");

        WebElement rejected = visible(By.cssSelector("#job-rows tr[data-line='302']"));
        assertThat(rejected.getText()).contains("Rejected", "RELATION_TRANSITION_INVALID");
        assertThat($$("#job-rows tbody tr")).hasSize(1);
        screenshot("import-succeeded-with-progress-and-rejected-row");
        assertNoConsoleErrors();
        assertAccessible();
        Files.delete(file);
    }
}
