package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class StaleDiplomatEditBrowserTests extends BrowserTest {

    @Test
    void explainsThatSomeoneElseChangedTheDiplomatAndOffersTheLatestVersion() throws IOException {
        long id = postAsEditor("/api/diplomats", """
                {"name": "Ana Torres", "country": "CU", "title": "Counsellor", "organization": "MINREX"}""")
                .get("id").asLong();
        open("/diplomats/" + id);
        WebElement form = visible(By.id("diplomat-form"));
        signIn("editor", "editor-secret");
        assertThat($("#diplomat-version").getText()).startsWith("Version 0");
        WebElement title = form.findElement(By.name("title"));
        title.clear();
        title.sendKeys("Minister Counsellor");

        // meanwhile another editor changes the diplomat
        var other = api("PUT", "/api/diplomats/" + id, """
                {"name": "Ana Torres", "country": "CU", "title": "Counsellor", "organization": "Embassy of Cuba in Seoul"}""",
                "admin", "admin-secret");
        assertThat(other.statusCode()).isEqualTo(200);

        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = visible(By.cssSelector("#diplomat-form .problem[data-code=VERSION_MISMATCH]"));
        assertThat(problem.getText()).contains("Someone else changed this since you opened it, so your change was not saved.");
        assertThat(getJson("/api/diplomats/" + id).get("title").asString()).isEqualTo("Counsellor");
        scrollTo(problem);
        screenshot("stale-diplomat-edit-explained");
        assertAccessible();

        problem.findElement(By.xpath(".//button[normalize-space()='Reload the latest version']")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("diplomat-version"), "Version 1 — the latest"));
        assertThat($("#diplomat-form input[name=organization]").getAttribute("value")).isEqualTo("Embassy of Cuba in Seoul");
        assertThat($("#diplomat-form input[name=title]").getAttribute("value")).isEqualTo("Counsellor");

        WebElement again = $("#diplomat-form input[name=title]");
        again.clear();
        again.sendKeys("Minister Counsellor");
        $("#diplomat-form button[type=submit]").click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#diplomat-form .done"), "Saved: version 2"));
        assertThat(getJson("/api/diplomats/" + id).get("title").asString()).isEqualTo("Minister Counsellor");
        assertThat(getJson("/api/diplomats/" + id).get("organization").asString()).isEqualTo("Embassy of Cuba in Seoul");
        assertNoConsoleErrors(412);
    }

    @Test
    void aDeletionRefusedAsStaleIsForgottenOnceTheLatestVersionIsLoaded() {
        long id = postAsEditor("/api/diplomats", """
                {"name": "Rafael Soto", "country": "CU"}""").get("id").asLong();
        open("/diplomats/" + id);
        visible(By.id("diplomat-form"));
        signIn("editor", "editor-secret");
        assertThat(api("PUT", "/api/diplomats/" + id, """
                {"name": "Rafael Soto", "country": "CU", "title": "Consul"}""", "admin", "admin-secret").statusCode())
                .isEqualTo(200);

        $("#delete-diplomat summary").click();
        $("#delete-diplomat button[type=submit]").click();
        WebElement stale = visible(By.cssSelector("#delete-diplomat .problem[data-code=VERSION_MISMATCH]"));
        stale.findElement(By.xpath(".//button[normalize-space()='Reload the latest version']")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("diplomat-version"), "Version 1 — the latest"));
        assertThat($$("#delete-diplomat .problem")).as("the refusal of the older version").isEmpty();
        assertThat(api("GET", "/api/diplomats/" + id, null, null, null).statusCode()).isEqualTo(200);
        assertNoConsoleErrors(412);
    }
}
