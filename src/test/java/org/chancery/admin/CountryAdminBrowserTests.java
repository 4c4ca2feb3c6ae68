package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/** Adding a country outside ISO 3166-1 and changing a country's name or lifetime, as an admin, from the UI. */
class CountryAdminBrowserTests extends BrowserTest {

    @Test
    void anAdminAddsACountryThatTheFormsOfferAtOnceAndThenChangesItsLifetime() throws IOException {
        open("/countries");
        visible(By.id("add-country")).click();
        WebElement form = visible(By.id("country-form"));
        signIn("admin", "admin-secret");
        script("window.samePage = true;");
        form.findElement(By.name("code")).sendKeys("qk");
        form.findElement(By.name("alpha3")).sendKeys("QKA");
        form.findElement(By.name("name")).sendKeys("Republic of Quokka");
        setValue(form.findElement(By.name("startedOn")), "1991-06-25");
        form.findElement(By.cssSelector("details.source summary")).click();
        form.findElement(By.name("sources[0].url")).sendKeys("https://example.org/quokka");
        form.findElement(By.name("sources[0].title")).sendKeys("Declaration of independence");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Republic of Quokka"));
        assertThat(driver.getCurrentUrl()).endsWith("#/countries/QK");
        WebElement added = visible(By.id("route-notice"));
        assertThat(added.getText()).isEqualTo("The country Republic of Quokka (QK) was added.");
        assertThat(added.getDomAttribute("role")).isEqualTo("status");
        assertThat(driver.switchTo().activeElement()).as("what the write did, said at the focus").isEqualTo(added);
        assertThat($("#country-summary").getText()).contains("QK · QKA · none", "1991-06-25", "it has not ended");
        JsonNode stored = getJson("/api/countries/QK");
        assertThat(stored.get("startedOn").asString()).isEqualTo("1991-06-25");
        assertThat(stored.get("sources").get(0).get("title").asString()).isEqualTo("Declaration of independence");

        // the forms of the same page offer the new country without a reload
        script("window.location.hash = '#/missions/new';");
        WebElement sending = visible(By.cssSelector("select[name=sendingCountry]"));
        assertThat(new Select(sending).getOptions()).extracting(WebElement::getText).contains("Republic of Quokka (QK)");
        assertThat(script("return window.samePage === true;")).isEqualTo(true);

        open("/countries/QK");
        WebElement edit = visible(By.id("country-form"));
        assertThat($("#country-version").getText()).startsWith("Version 0");
        setValue(edit.findElement(By.name("endedOn")), "2020-12-31");
        edit.findElement(By.cssSelector("details.source summary")).click();
        edit.findElement(By.name("sources[0].url")).sendKeys("https://example.org/quokka-ended");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#country-form .done"), "Saved: version 1"));
        assertThat(edit.findElement(By.name("sources[0].url")).getAttribute("value")).as("the source added is recorded")
                .isEmpty();
        WebElement saved = $("#country-form .done");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.stalenessOf(saved));
        visible(By.cssSelector("#country-form .done"));
        assertThat($("#country-summary").getText()).contains("2020-12-31", "former state");
        JsonNode changed = getJson("/api/countries/QK");
        assertThat(changed.get("endedOn").asString()).isEqualTo("2020-12-31");
        assertThat(changed.get("former").asBoolean()).isTrue();
        assertThat(changed.get("sources")).as("the sources recorded are kept by the full replacement, each once")
                .extracting(source -> source.get("url").asString())
                .containsExactly("https://example.org/quokka", "https://example.org/quokka-ended");
        screenshot("country-added-and-changed");
        assertAccessible();
        assertNoConsoleErrors();
    }

    @Test
    void aLifetimeThatWouldLeaveARecordedFactOutsideItIsRefusedInWordsAndChangesNothing() throws IOException {
        JsonNode before = getJson("/api/countries/CU");
        open("/countries/CU");
        WebElement form = visible(By.id("country-form"));
        signIn("admin", "admin-secret");
        setValue(form.findElement(By.name("endedOn")), "1950-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement problem = visible(By.cssSelector("#country-form .problem[data-rule=R20]"));
        assertThat(problem.getText()).startsWith("R20 CONFLICTS_WITH_RECORDED_FACTS — ").contains("It concerns Existed until.");
        WebElement endedOn = form.findElement(By.name("endedOn"));
        assertThat(endedOn.getAttribute("aria-invalid")).as("the end of the lifetime that was changed").isEqualTo("true");
        assertThat($("#" + endedOn.getAttribute("aria-describedby").replaceAll(".* ", "")).getText()).startsWith("R20: ");
        assertThat(form.findElement(By.name("startedOn")).getAttribute("aria-invalid")).isNull();
        assertThat(driver.switchTo().activeElement()).isEqualTo(problem);
        assertThat(form.findElement(By.name("endedOn")).getAttribute("value")).isEqualTo("1950-01-01");
        assertThat(getJson("/api/countries/CU")).isEqualTo(before);
        scrollTo(form);
        screenshot("country-lifetime-refused");
        assertAccessible();
        assertNoConsoleErrors(409);
    }

    @Test
    void showsFieldErrorsATakenCodeAndARoleThatIsNotEnoughAndAddsNothing() {
        long countries = getJson("/api/countries?size=1").get("page").get("totalElements").asLong();
        open("/countries/new");
        WebElement form = visible(By.id("country-form"));
        signIn("editor", "editor-secret");
        form.findElement(By.name("code")).sendKeys("Q1");
        form.findElement(By.name("alpha3")).sendKeys("QZB");
        form.findElement(By.name("name")).sendKeys("Nowhere");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement denied = visible(By.cssSelector("#country-form .problem[data-code=FORBIDDEN]"));
        assertThat(denied.getText()).contains("changing a country needs ADMIN");

        $("#sign-out").click();
        signIn("admin", "admin-secret");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = visible(By.cssSelector("#country-form .field-error"));
        WebElement code = form.findElement(By.name("code"));
        assertThat(code.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(code.getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        assertThat(error.getText()).contains("two letters");
        assertThat($("#country-form .problem").getText()).contains("Alpha-2 code");

        code.clear();
        code.sendKeys("CU");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement taken = visible(By.cssSelector("#country-form .problem[data-code=ALREADY_EXISTS]"));
        assertThat(taken.getText()).startsWith("ALREADY_EXISTS — ");
        WebElement takenCode = form.findElement(By.name("code"));
        assertThat(takenCode.getAttribute("aria-invalid")).as("the code taken, next to its field").isEqualTo("true");
        assertThat(takenCode.getAttribute("aria-describedby")).contains(takenCode.getAttribute("id") + "-error");
        assertThat($("#" + takenCode.getAttribute("id") + "-error").getText()).isEqualTo("is taken");
        assertThat(getJson("/api/countries/CU").get("name").asString()).isEqualTo("Cuba");
        assertThat(getJson("/api/countries?size=1").get("page").get("totalElements").asLong()).isEqualTo(countries);
        HttpResponse<String> absent = api("GET", "/api/countries/QZB", null, null, null);
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(form.findElement(By.name("name")).getAttribute("value")).as("the form as typed").isEqualTo("Nowhere");
        assertNoConsoleErrors(400, 403, 409);
    }

    @Test
    void aDayTheCalendarLacksTypedIntoAnOptionalDateIsRefusedThereAndTheRecordedDayStays() throws IOException {
        assertThat(api("POST", "/api/countries", """
                {"code": "QV", "alpha3": "QVV", "name": "Vale Republic", "endedOn": "2020-01-01"}""",
                "admin", "admin-secret").statusCode()).isEqualTo(201);
        open("/countries/QV");
        WebElement form = visible(By.id("country-form"));
        signIn("admin", "admin-secret");

        // the 30th of February typed into the field's parts, in the order the browser's locale gives them: the
        // browser gives the field as empty, which was sent as no end at all (the recorded one cleared, "Saved")
        boolean monthFirst = ((String) script("return new Date(2000, 1, 3).toLocaleDateString()")).startsWith("2");
        form.findElement(By.name("endedOn")).sendKeys(monthFirst ? "02302021" : "30022021");
        script("window.writes = 0; const fetchNow = window.fetch; window.fetch = (url, options) => {"
                + " if (options && options.method && options.method !== 'GET') window.writes++;"
                + " return fetchNow(url, options); };");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement problem = visible(By.cssSelector("#country-form .problem"));
        assertThat(problem.getText()).startsWith("Nothing was sent:").contains("Existed until: is not a whole day of "
                + "the calendar (a 30 February, a year half typed): correct it, or clear it to leave it out.");
        assertThat(form.findElement(By.name("endedOn")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(script("return window.writes")).isEqualTo(0L);
        JsonNode stored = getJson("/api/countries/QV");
        assertThat(stored.get("endedOn").asString()).isEqualTo("2020-01-01");
        assertThat(stored.get("version").asLong()).isZero();
        assertNoConsoleErrors();
    }
}
