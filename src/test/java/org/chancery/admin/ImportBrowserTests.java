package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

/** Imports through the admin UI; an import's size limit is lowered to 12 MB, to refuse a file too large. */
@TestPropertySource(properties = "chancery.imports.max-size=12MB")
class ImportBrowserTests extends BrowserTest {

    @Test
    void runsAnImportToSucceededWithItsProgressBarAndReportsTheRejectedRow() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            lines.add("{\"kind\": \"diplomat\", \"ref\": \"d%s\", \"name\": \"Imported Envoy %s\", \"country\": \"PT\"}"
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
        // ran to its end, but not all of it is in: said beside the status, not the green of a clean import
        WebElement badge = $("#job-status .badge");
        assertThat(badge.getText()).isEqualTo("Succeeded: 1 of 302 rows rejected");
        assertThat(badge.getCssValue("background-color")).isEqualTo("rgba(255, 241, 194, 1)");
        assertThat($("#job-rejected").getText()).startsWith("1 of 302 rows were rejected and recorded nothing.");

        WebElement rejected = visible(By.cssSelector("#job-rows tr[data-line='302']"));
        assertThat(rejected.getText()).contains("Rejected", "RELATION_TRANSITION_INVALID");
        assertThat($$("#job-rows tbody tr")).hasSize(1);
        screenshot("import-succeeded-with-progress-and-rejected-row");
        assertNoConsoleErrors();
        assertAccessible();
        Files.delete(file);

        // the report shown, and the list of jobs, saved as CSV with the tab's credentials (a link would send none)
        String job = driver.getCurrentUrl().replaceAll(".*#/imports/(\\d+).*", "$1");
        $("#rows-title").findElement(By.xpath("following::a[normalize-space()='Imported'][1]")).click();
        WebElement envoy = visible(By.cssSelector("#job-rows tr[data-line='1'] td a"));
        assertThat(envoy.getText()).startsWith("diplomat ");
        envoy.click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Imported Envoy 1"));
        driver.navigate().back();
        visible(By.cssSelector("#job-rows tr[data-line='1']"));
        // an event has no page of its own: it leads to its pair's
        open("/imports/" + job + "?outcome=IMPORTED&page=6");
        WebElement event = visible(By.cssSelector("#job-rows tr[data-line='301'] td a"));
        assertThat(event.getText()).startsWith("event ");
        event.click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Portugal – Uruguay"));
        driver.navigate().back();
        visible(By.cssSelector("#job-rows tr[data-line='301']"));
        driver.navigate().back();
        visible(By.cssSelector("#job-rows tr[data-line='1']"));
        driver.navigate().back();
        visible(By.cssSelector("#job-rows tr[data-line='302']"));
        $("#rows-csv").click();
        assertThat(downloaded("import-" + job + "-rows.csv"))
                .isEqualTo(asEditor("/api/imports/" + job + "/rows?outcome=REJECTED&format=csv"))
                .contains("\n302,REJECTED,RELATION_TRANSITION_INVALID,");
        open("/imports");
        visible(By.id("jobs-table"));
        assertThat($("#jobs-table tr[data-job='" + job + "'] .badge").getText())
                .isEqualTo("Succeeded: 1 of 302 rows rejected");
        $("#jobs-csv").click();
        assertThat(downloaded("imports.csv")).isEqualTo(asEditor("/api/imports?format=csv")).contains("\n" + job + ",");
        assertThat(focused().getAttribute("id")).as("the focus stays on the button while it saves")
                .isEqualTo("jobs-csv");
        assertThat($("#jobs-csv-status").getAttribute("role")).as("a live region says when it is busy")
                .isEqualTo("status");
        assertNoConsoleErrors();
    }

    @Test
    void anAdministratorCancelsARunningImportAndAnEditorIsToldTheirRoleDoesNotAllowIt() throws Exception {
        String refused = "{\"kind\": \"event\", \"countries\": [\"PT\", \"QQ\"], \"type\": \"ESTABLISHED\", "
                + "\"date\": \"1990-05-02\"}\n";
        String job = startImport("{\"kind\": \"diplomat\", \"name\": \"Imported Envoy\", \"country\": \"PT\"}\n"
                + refused.repeat(100_000));

        try {
            open("/imports/" + job);
            assertThat(visible(By.id("job-sign-in")).getText())
                    .startsWith("Reading an import job needs the EDITOR role");
            signIn("editor", "editor-secret");
            visible(By.id("job-progress"));
            visible(By.id("cancel-job")).click();
            // the question's harmless answer has the focus: Enter pressed twice lets the job run
            assertThat(focused().getAttribute("id")).isEqualTo("cancel-keep");
            focused().sendKeys(Keys.ENTER);
            assertThat(focused().getAttribute("id")).isEqualTo("cancel-job");
            assertThat(asEditor("/api/imports/" + job)).contains("\"status\":\"RUNNING\"");
            $("#cancel-job").click();
            $("#cancel-confirm").click();
            assertThat(visible(By.id("cancel-problem")).getText()).contains("cancelling an import", "needs ADMIN");
            assertThat($("#cancel-confirm").getAttribute("aria-busy")).as("no longer being sent").isNull();
            assertThat(focused().getAttribute("id")).isEqualTo("cancel-problem");
            // Escape on the refusal, where the focus is, takes the question back as Escape within it does
            focused().sendKeys(Keys.ESCAPE);
            assertThat($$("#cancel-problem")).isEmpty();
            assertThat(focused().getAttribute("id")).isEqualTo("cancel-job");

            $("#sign-out").click();
            signIn("admin", "admin-secret");
            visible(By.id("cancel-job")).click();
            $("#cancel-confirm").click();

            waitFor(ExpectedConditions.attributeToBe(By.id("job-status"), "data-status", "FAILED"));
            assertThat(visible(By.id("job-error")).getText()).startsWith("Why it ended: Cancelled by admin:");
            // the job's end takes the focus once the cancellation's answer is in (a poll may show the end first)
            waitFor(driver -> "job-error".equals(focused().getAttribute("id")));
            assertThat($$("#cancel-job")).isEmpty();
            screenshot("import-cancelled");
            assertAccessible();
            assertNoConsoleErrors(403); // the cancel refused; the job is not asked for while signed out
        } finally {
            // a failed assertion leaves no job holding the running slot for the next tests
            api("POST", "/api/imports/" + job + "/cancel", null, "admin", "admin-secret");
        }
    }

    @Test
    void theReportOfAJobIsReadByAFlagChosenOnThePageAndKeptInItsAddress() throws Exception {
        String diplomat = "{\"kind\": \"diplomat\", \"name\": \"Flag Reader\", \"country\": \"SB\"}\n";
        importAndWait("{\"kind\": \"event\", \"countries\": [\"SB\", \"VU\"], \"type\": \"ESTABLISHED\", "
                + "\"date\": \"1980-07-30\", \"note\": \"Independence\"}\n" + diplomat);
        String again = importAndWait("{\"kind\": \"event\", \"countries\": [\"SB\", \"VU\"], \"type\": "
                + "\"ESTABLISHED\", \"date\": \"1980-07-30\", \"note\": \"Another note\"}\n" + diplomat);

        open("/imports/" + again + "?outcome=ALL");
        signIn("editor", "editor-secret");
        waitFor(driver -> $$("#job-rows tbody tr").size() == 2);
        new Select(visible(By.id("flag-filter"))).selectByValue("DIFFERS_FROM_RECORDED");
        $("#flag-form button[type=submit]").click();

        waitFor(ExpectedConditions.urlContains("flag=DIFFERS_FROM_RECORDED"));
        waitFor(driver -> $$("#job-rows tbody tr").size() == 1);
        assertThat($("#job-rows tbody tr").getDomAttribute("data-line")).isEqualTo("1");
        assertThat($("#rows-title").getText()).isEqualTo("Row report: flagged DIFFERS_FROM_RECORDED");
        // the table says which page of the report it is: paging moves the focus to the page's heading
        assertThat($("#job-rows caption").getDomProperty("textContent")).isEqualTo("Row report, page 1 of 1");
        assertThat($("#rows-count").getText()).isEqualTo("1 row in all; page 1 of 1.");
        assertThat($("#outcome-choice").getDomAttribute("aria-label")).isEqualTo("Rows of one outcome");
        // the outcome links keep the flag; an address with a flag that is none is said so
        assertThat($$(".actions a")).extracting(link -> link.getDomAttribute("href"))
                .allSatisfy(link -> assertThat(link).contains("flag=DIFFERS_FROM_RECORDED"));
        open("/imports/" + again + "?outcome=ALL&flag=NOT_A_FLAG");
        assertThat(visible(By.id("flag-notice")).getText()).startsWith("“NOT_A_FLAG” is not a flag");
        waitFor(driver -> $$("#job-rows tbody tr").size() == 2);
        assertNoConsoleErrors();
    }

    /** Imports an NDJSON file as admin and answers its job's id once it has ended. */
    private String importAndWait(String file) throws Exception {
        String job = startImport(file);
        waitFor(driver -> !asEditor("/api/imports/" + job).contains("\"status\":\"RUNNING\""));
        return job;
    }

    /** Starts the import of an NDJSON file as admin and answers its job's id. */
    private String startImport(String file) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/imports?format=chancery-ndjson"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(file))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return started.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    }

    private String asEditor(String path) {
        return api("GET", path, null, "editor", "editor-secret").body();
    }

    @Test
    void aKeyboardReachesEveryPartOfTheImportPagesThatScrollsSidewaysAtPhoneWidth() throws IOException {
        driver.manage().window().setSize(new Dimension(320, 800));
        open("/imports");
        visible(By.id("import-form"));
        signIn("editor", "editor-secret");
        script("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
        visible(By.cssSelector("dd pre"));
        assertAccessible();

        open("/imports/1");
        visible(By.id("job-outcomes"));
        assertAccessible();
    }

    @Test
    void anImportWithoutAFormatOrAFileIsRefusedNextToThatFieldAndNothingIsSent() throws IOException {
        Path empty = Files.createTempFile("chancery-import-empty-", ".ndjson");
        open("/imports");
        visible(By.id("import-form"));
        signIn("admin", "admin-secret");
        visible(By.id("jobs-table"));
        String jobsBefore = api("GET", "/api/imports", null, "admin", "admin-secret").body();
        WebElement form = $("#import-form");
        WebElement format = form.findElement(By.name("format"));
        // required, but not invalid before anything was sent: a required attribute (never used: the API says what is
        // missing) made a screen reader say so of a field left empty
        for (WebElement control : List.of(format, $("#import-file"))) {
            assertThat(control.getDomAttribute("aria-required")).isEqualTo("true");
            assertThat(control.getDomAttribute("required")).isNull();
            assertThat(control.getDomAttribute("aria-invalid")).isNull();
        }

        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = visible(By.cssSelector("#import-form .problem"));
        assertThat(problem.getText()).contains("Nothing was sent:", "Format: Choose the format of the file.");
        assertThat(format.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat($("#" + format.getAttribute("aria-describedby")).getText()).isEqualTo("Choose the format of the file.");
        problem.findElement(By.linkText("Format")).click();
        assertThat(driver.switchTo().activeElement()).isEqualTo(format);

        new Select(format).selectByValue("chancery-ndjson");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#import-form .problem"),
                "File: Choose a file."));
        assertThat($("#import-file-error").getText()).isEqualTo("Choose a file.");
        screenshot("import-refused-next-to-its-file");

        $("#import-file").sendKeys(empty.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#import-form .problem"),
                "File: The file chosen is empty"));
        problem = visible(By.cssSelector("#import-form .problem"));
        assertThat(problem.getText()).contains("File: The file chosen is empty: choose one that is not.");
        WebElement file = $("#import-file");
        assertThat(file.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat($("#import-file-error").getText()).isEqualTo("The file chosen is empty: choose one that is not.");
        assertThat(file.getAttribute("aria-describedby")).contains("import-file-error");
        assertThat(format.getAttribute("aria-invalid")).isNull();
        problem.findElement(By.linkText("File")).click();
        assertThat(driver.switchTo().activeElement()).isEqualTo(file);

        assertThat(api("GET", "/api/imports", null, "admin", "admin-secret").body()).isEqualTo(jobsBefore);
        assertThat(driver.getCurrentUrl()).endsWith("#/imports");
        assertNoConsoleErrors();
        assertAccessible();
        Files.delete(empty);
    }

    @Test
    void aFileTooLargeIsSaidAtTheFileFieldAndNothingIsImported() throws IOException {
        Path large = Files.createTempFile("chancery-import-large-", ".ndjson");
        String line = "{\"kind\": \"diplomat\", \"name\": \"" + "x".repeat(80) + "\", \"country\": \"PT\"}\n";
        Files.writeString(large, line.repeat(110_000), StandardCharsets.UTF_8);
        open("/imports");
        visible(By.id("import-form"));
        signIn("admin", "admin-secret");
        visible(By.id("jobs-table"));
        String jobsBefore = api("GET", "/api/imports", null, "admin", "admin-secret").body();

        new Select($("#import-form select[name=format]")).selectByValue("chancery-ndjson");
        $("#import-file").sendKeys(large.toAbsolutePath().toString());
        $("#import-form button[type=submit]").click();

        visible(By.cssSelector("#import-form .problem[data-code=PAYLOAD_TOO_LARGE]"));
        assertThat($("#import-file").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat($("#import-file-error").getText()).startsWith("The file is larger than 12582912 bytes");
        assertThat(api("GET", "/api/imports", null, "admin", "admin-secret").body()).isEqualTo(jobsBefore);
        assertNoConsoleErrors(413);
        assertAccessible();
        Files.delete(large);
    }

    @Test
    void aFileTheServerRefusesIsShownNextToTheFileField() throws IOException {
        Path wrong = Files.createTempFile("chancery-import-wrong-", ".csv");
        Files.writeString(wrong, "not,the,header\r\n1,2,3\r\n", StandardCharsets.UTF_8);
        open("/imports");
        visible(By.id("import-form"));
        signIn("admin", "admin-secret");
        visible(By.id("jobs-table"));
        String jobsBefore = api("GET", "/api/imports", null, "admin", "admin-secret").body();

        new Select($("#import-form select[name=format]")).selectByValue("kenkel-us-missions");
        $("#import-file").sendKeys(wrong.toAbsolutePath().toString());
        $("#import-form button[type=submit]").click();

        WebElement problem = visible(By.cssSelector("#import-form .problem[data-code=VALIDATION_FAILED]"));
        WebElement file = $("#import-file");
        assertThat(file.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(file.getAttribute("aria-describedby")).contains("import-file-error");
        assertThat($("#import-file-error").getText()).contains("kenkel-us-missions");
        problem.findElement(By.linkText("File")).click();
        assertThat(driver.switchTo().activeElement()).isEqualTo(file);
        assertThat(api("GET", "/api/imports", null, "admin", "admin-secret").body()).isEqualTo(jobsBefore);
        assertNoConsoleErrors(400);
        Files.delete(wrong);
    }

    @Test
    void aPageOfJobsPastTheLastSaysSoAndLeadsBack() {
        open("/imports?page=4");
        visible(By.id("import-form"));
        signIn("admin", "admin-secret");

        WebElement past = visible(By.id("jobs-past-end"));
        assertThat(past.getText()).contains("page 5 is past the last");
        assertThat($$("#jobs-table")).isEmpty();
        past.findElement(By.id("last-page")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("page=4")));
        visible(By.cssSelector("#jobs-table tbody tr"));
        assertThat($$(".paging a[rel=next]")).as("no page after the last to go to").isEmpty();
        assertNoConsoleErrors();
    }
}
