package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

/** The observations of a data set as counts per year and level, drawn and tabled, and listed year by year. */
class ObservationsBrowserTests extends BrowserTest {

    /** Lines in the Correlates of War Diplomatic Exchange format: the United States (2) with Australia (900),
     * South Africa (560) and Turkey (640), observed in 1950, 1955 and 1960. */
    private static final String COW_LINES = """
            "ccode1","ccode2","year","DR_at_1","DR_at_2","DE","version"
            2,900,1950,2,2,1,2006.0999755859375
            2,560,1950,2,1,1,2006.0999755859375
            2,640,1950,3,3,1,2006.0999755859375
            2,900,1955,3,3,1,2006.0999755859375
            2,560,1955,2,2,1,2006.0999755859375
            2,640,1955,3,3,1,2006.0999755859375
            2,900,1960,3,3,1,2006.0999755859375
            2,560,1960,9,0,1,2006.0999755859375
            2,640,1960,3,3,1,2006.0999755859375
            """;

    @BeforeEach
    void observationsOfTheUnitedStates() throws Exception {
        if (getJson("/api/observations?country=US&size=1").get("page").get("totalElements").asLong() == 0) {
            importAndWait(COW_LINES);
        }
    }

    @Test
    void atPhoneWidthTheChartsWordsKeepAboutThePagesSize() {
        driver.manage().window().setSize(new Dimension(360, 800));
        open("/observations?country=US&direction=SENDING");
        WebElement year = visible(By.cssSelector(".observation-chart a.year text"));

        assertThat(year.getRect().getHeight()).as("a year's label, 11 units of a chart as wide as the page")
                .isGreaterThanOrEqualTo(9);

        driver.manage().window().setSize(new Dimension(1280, 1000)); // turned, or zoomed back
        waitFor(d -> "0 0 760 240".equals($(".observation-chart svg").getDomAttribute("viewBox")));
        assertNoConsoleErrors();
    }

    @Test
    void drawsTheCountsPerYearAndLevelAsTheApiCountsThemAndListsTheYearOfABar() throws IOException {
        JsonNode summary = getJson("/api/observations/summary?country=US&direction=SENDING");
        assertThat(summary).hasSize(3);
        open("/observations?country=US&direction=SENDING");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#observation-counts tbody tr")));
        assertThat($("#observation-summary-title").getText()).startsWith("How United States was represented abroad");
        // the filters that choose whose counts are drawn come first: a keyboard reaches them before the bars
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript("return Boolean(document.querySelector("
                + "'form.filters').compareDocumentPosition(document.querySelector('.observation-chart')) "
                + "& Node.DOCUMENT_POSITION_FOLLOWING)")).isTrue();

        List<WebElement> rows = $$("#observation-counts tbody tr");
        assertThat(rows).hasSize(summary.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode year = summary.get(i);
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-year")).isEqualTo(year.get("year").asString());
            for (String level : List.of("AMBASSADOR", "ENVOY", "CHARGE_D_AFFAIRES", "OTHER", "NONE")) {
                assertThat(row.findElement(By.cssSelector("td[data-level=" + level + "]")).getAttribute("textContent"))
                        .as("%s in %s", level, year.get("year")).isEqualTo(year.get("counts").get(level).asString());
            }
        }
        List<WebElement> bars = $$(".observation-chart a.year");
        assertThat(bars).hasSize(summary.size());
        JsonNode first = summary.get(0).get("counts");
        long drawn = first.get("AMBASSADOR").asLong() + first.get("ENVOY").asLong()
                + first.get("CHARGE_D_AFFAIRES").asLong() + first.get("OTHER").asLong();
        assertThat(bars.get(0).findElements(By.cssSelector("rect")).stream()
                .filter(rect -> Double.parseDouble(rect.getAttribute("height")) > 0)).as("the levels of 1950 drawn")
                .hasSizeBetween(1, (int) drawn);
        // the gridlines at whole counts evenly apart, from 0 to no more than the highest bar
        List<Integer> ticks = $$(".observation-chart g.axis text").stream()
                .map(tick -> Integer.parseInt(tick.getAttribute("textContent").trim())).toList();
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(2).startsWith(0).isSorted();
        assertThat(ticks.stream().distinct().count()).isEqualTo(ticks.size());
        assertThat(ticks.subList(1, ticks.size())).allSatisfy(tick -> assertThat(tick % ticks.get(1)).isZero());
        screenshot("observations-of-the-united-states");
        assertAccessible();

        open("/observations?country=US&direction=SENDING&level=AMBASSADOR");
        waitFor(page -> (Boolean) script("return [...document.querySelectorAll('.observation-chart a.year')]"
                + ".some((bar) => bar.getAttribute('href').includes('level=AMBASSADOR'));"));
        bars = $$(".observation-chart a.year");
        scrollTo(bars.get(1));
        bars.get(1).click();
        waitFor(ExpectedConditions.urlContains("year=1955"));
        assertThat(driver.getCurrentUrl()).as("the bar keeps the list's level").contains("level=AMBASSADOR");
        long listed = getJson("/api/observations?country=US&direction=SENDING&level=AMBASSADOR&year=1955").get("page")
                .get("totalElements").asLong();
        assertThat(listed).isPositive();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list-count"), listed + " in all"));
        assertThat($$("#list-table tbody tr")).hasSize((int) listed)
                .allSatisfy(row -> assertThat(row.getText()).startsWith("1955 US"));
        assertNoConsoleErrors();
    }

    @Test
    void aRelationPageSaysHowOldItsLatestObservationIs() throws IOException {
        int year = Integer.parseInt(getJson("/api/relations/US/AU").get("asOf").asString().substring(0, 4));
        open("/relations/AU/US");
        assertThat(visible(By.id("observations-age")).getText()).isEqualTo("The latest is of 1960, " + (year - 1960)
                + " years before today: no observation of the pair after it has been imported, so it may no longer "
                + "hold.");

        open("/relations/AU/US?asOf=1956-03-01");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("observations-age"),
                "The latest is of 1955, 1 year before the day shown (1956-03-01)"));
        open("/relations/AU/US?asOf=1960-12-31");
        visible(By.id("observations-title"));
        assertThat($$("#observations-age")).as("observed in the year shown").isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void saysWhereObservationsComeFromWhenACountryHasNone() {
        open("/observations?country=IS&direction=RECEIVING");
        WebElement none = visible(By.id("no-observations"));
        assertThat(none.getText()).contains("No observations of Iceland.", "cow-diplomatic-exchange");
        assertThat(none.findElement(By.linkText("Imports")).getAttribute("href")).endsWith("#/imports");
        assertNoConsoleErrors();
    }

    @Test
    void saysOnceWhichFilterWasRefusedAndWhy() {
        open("/observations?country=ZZ");
        WebElement refused = visible(By.cssSelector(".problem"));
        assertThat(refused.getText()).startsWith("The request was refused:").contains("country", "ZZ")
                .doesNotContain("nothing was saved");
        assertThat($$(".problem")).hasSize(1);
        assertNoConsoleErrors(400);
    }

    private void importAndWait(String csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/imports?format=cow-diplomatic-exchange"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        HttpResponse<String> started = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long job = JSON.readTree(started.body()).get("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode status;
        do {
            Thread.sleep(200);
            status = JSON.readTree(api("GET", "/api/imports/" + job, null, "editor", "editor-secret").body());
        } while ("RUNNING".equals(status.get("status").asString()) && Instant.now().isBefore(deadline));
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("SUCCEEDED");
        assertThat(status.get("outcomes").get("REJECTED").asLong()).as(status.toString()).isZero();
    }
}
