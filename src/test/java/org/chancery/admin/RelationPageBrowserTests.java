package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

class RelationPageBrowserTests extends BrowserTest {

    @Test
    void drawsTheCubaSouthKoreaTimelineWithTheStorysItemsInOrder() throws IOException {
        open("/relations/CU/KR");
        visible(By.cssSelector("#timeline-svg g.mission-bar"));

        assertThat($("h1").getText()).isEqualTo("Cuba – South Korea");
        assertThat($("#relation-status").getText()).isEqualTo("Established");
        assertThat($("#relation-since").getText()).isEqualTo("2024-02-14");
        assertThat($("#relation-meetings").getText()).isEqualTo("1");
        assertThat($("#relation-first-meeting").getText()).isEqualTo("2024-05-22");

        // the picture: the status band through time, each side's missions, the meeting, the two late milestones
        assertThat(attributes("#timeline-svg .band.diplomatic rect", "data-status"))
                .containsExactly("NONE", "ESTABLISHED", "SEVERED", "ESTABLISHED");
        List<String> spans = $$("#timeline-svg .band.diplomatic rect title").stream()
                .map(title -> title.getAttribute("textContent")).toList();
        assertThat(spans.get(spans.size() - 1)).as("the status is known up to today, not to the chart's end")
                .isEqualTo("Diplomatic relations: Established from 2024-02-14 to this day");
        assertThat(spans).as("each end as well as its event knows it; the picture's margin is no period")
                .startsWith("Diplomatic relations: none recorded before 1949",
                        "Diplomatic relations: Established from 1949 to 1959");
        assertThat(attributes("#timeline-svg g.mission-bar", "data-type"))
                .containsExactlyInAnyOrder("EMBASSY", "EMBASSY", "PROVISIONAL_OFFICE");
        assertThat($$("#timeline-svg g.mission-bar rect.mission.planned")).hasSize(2);
        assertThat($$("#timeline-svg g.mission-bar rect.head")).hasSize(1);
        assertThat($$("#timeline-svg path.meeting")).hasSize(1);
        assertThat(attributes("#timeline-svg g.milestone", "data-status")).containsExactly("OVERDUE", "OVERDUE");
        assertThat($$("#timeline-svg g.milestone line.milestone-late")).hasSize(2);
        assertThat($$("#timeline-svg .lane-empty text")).as("every lane has something drawn").isEmpty();

        // the list beside it: the API's timeline, oldest first
        List<String> story = new ArrayList<>();
        getJson("/api/relations/CU/KR/timeline?size=200").get("content")
                .forEach(item -> story.add(item.get("date").asString() + " " + item.get("type").asString()));
        List<String> shown = new ArrayList<>();
        for (WebElement item : $$("#story-items li")) {
            shown.add(item.getAttribute("data-date") + " " + item.getAttribute("data-type"));
        }
        assertThat($$("#story-more")).as("a story of 200 items or fewer is shown whole").isEmpty();
        assertThat(shown).containsExactlyElementsOf(story).startsWith("1949-01-01 ESTABLISHED", "1959-01-01 SEVERED",
                "2024-02-14 RESTORED", "2024-05-22 MEETING").contains("2025-01-17 MISSION_OPENED");
        // each as precisely as it is known: the years 1949 and 1959, the day of 2024's restoration
        assertThat($$("#story-items li time").stream().limit(3).map(WebElement::getText).toList())
                .containsExactly("1949", "1959", "2024-02-14");
        // each item leads to its fact: a head to its mission's page, an event to its row here
        assertThat($("#story-items li[data-type=HEAD_OF_MISSION_STARTED] a").getDomAttribute("href"))
                .startsWith("#/missions/");
        $("#story-items li[data-type=RESTORED] a").click();
        WebElement row = driver.switchTo().activeElement();
        assertThat(row.getDomAttribute("id")).startsWith("event-");
        assertThat(row.getText()).contains("Restored");
        assertThat(driver.getCurrentUrl()).as("an in-page link leaves the address alone").contains("#/relations/CU/KR");

        // missions of both directions with their heads; the overdue milestones stand out
        assertThat($("table.missions-table[data-sending=CU]").getText()).contains("Embassy, Seoul", "Planned",
                "Claudio Monzón Baeza, Ambassador, 2025-01-08 – serving");
        assertThat($("table.missions-table[data-sending=KR]").getText()).contains("Embassy, Havana", "Open", "2025-01-17",
                "Provisional office, Havana");
        assertThat($$("#milestones-table tr.overdue")).hasSize(2);

        scrollTo($("#timeline-title"));
        screenshot("relation-cuba-south-korea-timeline");
        assertNoConsoleErrors();
        assertAccessible();
    }

    @Test
    void showsThePairAsItStoodOnAnotherDay() throws IOException {
        open("/relations/CU/KR?asOf=1970-01-01");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("relation-as-of"), "1970-01-01"));
        visible(By.cssSelector("#timeline-svg g.mission-bar"));
        assertThat($("#relation-status").getText()).isEqualTo("Severed");
        assertThat($("h1").getDomAttribute("aria-describedby")).as("the heading, which takes the focus when the day "
                + "changes, is described by the day").isEqualTo("relation-as-of");
        assertThat($("#relation-since").getText()).as("the severance is known to the year").isEqualTo("1959");
        assertThat($("#relation-meetings").getText()).isEqualTo("0");
        assertThat($$("#timeline-svg .marker.asof")).hasSize(1);
        assertThat($("table.missions-table[data-sending=CU]").getText()).as("planned decades later")
                .contains("Not yet opened");
        assertThat($("table.missions-table[data-sending=CU] li").getText()).as("a head of 2025 in the view of 1970")
                .startsWith("Claudio Monzón Baeza").endsWith("serving (after that day)");
        assertThat($("#milestones-title").getText()).isEqualTo("Milestones (as they stand today)");
        double marker = Double.parseDouble($("#timeline-svg line.asof").getAttribute("x1"));
        WebElement plot = $("#timeline-clip rect");
        double left = Double.parseDouble(plot.getAttribute("x"));
        assertThat(marker).as("the day asked for is in the first view")
                .isBetween(left, left + Double.parseDouble(plot.getAttribute("width")));

        long storyReads = reads("/api/relations/CU/KR/timeline");
        long viewReads = reads("/api/relations/CU/KR?");
        WebElement asOf = $("#as-of");
        script("arguments[0].value = '2025-02-01'", asOf);
        $("#as-of-form button[type=submit]").click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("relation-as-of"), "2025-02-01"));
        visible(By.id("relation-status"));
        assertThat(driver.getCurrentUrl()).contains("asOf=2025-02-01");
        assertThat($("#relation-status").getText()).isEqualTo("Established");
        assertThat($("#relation-meetings").getText()).isEqualTo("1");
        assertThat(reads("/api/relations/CU/KR?")).as("the pair as of the day, read anew").isEqualTo(viewReads + 1);
        assertThat(reads("/api/relations/CU/KR/timeline")).as("the story, which no day changes, kept")
                .isEqualTo(storyReads);
        assertThat($$("#timeline-svg g.mission-bar")).isNotEmpty();
        screenshot("relation-cuba-south-korea-as-of-2025-02-01");
        assertNoConsoleErrors();
    }

    @Test
    void aPeriodThatCannotBeShownIsSaidNeverSilentlyReplaced() {
        open("/relations/CU/KR?from=2025-12-31&to=2020-01-01");
        assertThat(visible(By.id("period-notice")).getText()).isEqualTo("The period asked for ends (2020-01-01) before "
                + "it begins (2025-12-31): the picture shows the period it chooses.");
        assertThat(driver.getCurrentUrl()).as("the address keeps no period the page does not show")
                .doesNotContain("from=").doesNotContain("to=");

        open("/relations/CU/KR?from=2020-01-01");
        assertThat(visible(By.id("period-notice")).getText()).isEqualTo("A period needs both its days (from and to): "
                + "the address gives only its start, and the picture shows the period it chooses.");
        assertThat(driver.getCurrentUrl()).doesNotContain("from=");

        open("/relations/CU/KR?from=abc&to=2020-01-01");
        assertThat(visible(By.id("period-notice")).getText()).startsWith("“abc” is not a day (YYYY-MM-DD)");

        visible(By.cssSelector("#timeline-svg g.mission-bar"));
        String shown = driver.getCurrentUrl();
        script("document.getElementById('period-from').value = '2024-01-01';"
                + "document.getElementById('period-to').value = '2023-01-01'");
        $("#period-to").submit();
        assertThat(visible(By.id("period-refused")).getText())
                .startsWith("The period ends (2023-01-01) before it begins (2024-01-01). The picture still shows ");
        for (String field : List.of("period-from", "period-to")) {
            assertThat($("#" + field).getDomAttribute("aria-invalid")).as(field).isEqualTo("true");
            assertThat($("#" + field).getDomAttribute("aria-describedby")).as(field).isEqualTo("period-refused");
        }
        assertThat(driver.getCurrentUrl()).isEqualTo(shown);
        assertNoConsoleErrors();
    }

    @Test
    void aPeriodOfOneDayIsShownAsAMonthAsItsAddressNowSaysAndAMarkerOutsideItIsNotDrawn() {
        open("/relations/CU/KR?asOf=2025-02-01&from=2020-01-01&to=2020-01-01");

        visible(By.id("timeline-svg"));
        waitFor(ExpectedConditions.urlContains("to=2020-01-31"));
        assertThat(driver.getCurrentUrl()).contains("from=2020-01-01").contains("asOf=2025-02-01");
        assertThat($("#period-to").getDomProperty("value")).isEqualTo("2020-01-31");
        assertThat($$("#timeline-svg g.marker.asof")).as("the day shown, after the period").isEmpty();
        assertThat((String) script("return document.getElementById('timeline-desc').textContent"))
                .contains("the period from 2020-01-01 to 2020-01-31 is shown, and its items are listed beside it");

        open("/relations/CU/KR?asOf=2025-02-01&from=2024-01-01&to=2025-06-01");
        visible(By.cssSelector("#timeline-svg g.marker.asof"));
        assertNoConsoleErrors();
    }

    @Test
    void thePairSeenFromTheOtherSideKeepsTheDayAndThePeriodChosen() {
        open("/relations/CU/KR?asOf=2025-06-01&from=2020-01-01&to=2025-06-01");
        visible(By.cssSelector("#timeline-svg g.mission-bar"));

        driver.findElement(By.linkText("Seen from South Korea")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "South Korea – Cuba"));
        visible(By.cssSelector("#timeline-svg g.mission-bar"));
        assertThat(driver.getCurrentUrl()).contains("#/relations/KR/CU?").contains("asOf=2025-06-01")
                .contains("from=2020-01-01").contains("to=2025-06-01");
        assertThat($("#period-from").getDomProperty("value")).isEqualTo("2020-01-01");
        assertThat($("#period-to").getDomProperty("value")).isEqualTo("2025-06-01");
        assertNoConsoleErrors();
    }

    @Test
    void aRefusedRowActionIsExplainedInItsRow() {
        JsonNode events = getJson("/api/relations/CU/KR").get("events");
        JsonNode restored = null;
        for (JsonNode event : events) {
            if (event.get("type").asString().equals("RESTORED")) {
                restored = event;
            }
        }
        assertThat(restored).as("the demo's restoration of 2024-02-14").isNotNull();
        open("/relations/CU/KR");
        visible(By.id("events-table"));
        signIn("editor", "editor-secret");
        WebElement row = visible(By.cssSelector("#events-table tr[data-event='" + restored.get("id").asLong() + "']"));

        row.findElement(By.cssSelector("button[aria-label^='Delete the event']")).click();
        row.findElement(By.xpath(".//button[normalize-space()='Yes, delete']")).click();

        WebElement problem = visible(By.cssSelector("#events-table tr[data-event='" + restored.get("id").asLong()
                + "'] .problem[role=alert]"));
        assertThat(problem.getText()).startsWith("R20 CONFLICTS_WITH_RECORDED_FACTS");
        assertThat($$(".problem[role=alert]")).as("shown once, in the row").hasSize(1);
        assertThat(getJson("/api/relations/CU/KR").get("events")).as("nothing deleted").hasSize(events.size());
        assertNoConsoleErrors(409);
    }

    @Test
    void aSeveranceDeletedOpensAgainWhatItClosedAsTheConfirmationSaysBeforehand() {
        // a pair no other browser test writes to
        postAsEditor("/api/relations/GH/NZ/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1980-01-01\"}");
        long embassy = postAsEditor("/api/missions", "{\"sendingCountry\": \"GH\", \"receivingCountry\": \"NZ\", "
                + "\"type\": \"EMBASSY\", \"city\": \"Wellington\"}").get("id").asLong();
        postAsEditor("/api/missions/" + embassy + "/open", "{\"date\": \"1985-01-01\"}");
        long severance = postAsEditor("/api/relations/GH/NZ/events", "{\"type\": \"SEVERED\", \"date\": "
                + "\"2020-01-01\"}").get("id").asLong();
        open("/relations/GH/NZ");
        visible(By.id("events-table"));
        signIn("editor", "editor-secret");
        String badge = "tr[data-mission='" + embassy + "'] .badge";
        assertThat(visible(By.cssSelector(badge)).getText()).isEqualTo("Closed");

        WebElement row = visible(By.cssSelector("#events-table tr[data-event='" + severance + "']"));
        row.findElement(By.cssSelector("button[aria-label^='Delete the event']")).click();
        assertThat(visible(By.id("event-" + severance + "-effects")).getText()).isEqualTo("What it closed and ended "
                + "as it was recorded goes with it: those missions open again, those heads of mission and "
                + "accreditations are in force again.");
        row.findElement(By.xpath(".//button[normalize-space()='Yes, delete']")).click();

        waitFor(ExpectedConditions.textToBe(By.cssSelector(badge), "Open"));
        assertThat($("#relation-status").getText()).isEqualTo("Established");
        assertNoConsoleErrors();
    }

    @Test
    void aSeveranceAndItsRestorationThatNeitherGoAloneAreDeletedTogether() {
        // a pair no other browser test writes to: both back-filled together before an embassy opened after them
        postAsEditor("/api/relations/GH/FJ/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1980-01-01\"}");
        long embassy = postAsEditor("/api/missions", "{\"sendingCountry\": \"GH\", \"receivingCountry\": \"FJ\", "
                + "\"type\": \"EMBASSY\", \"city\": \"Suva\"}").get("id").asLong();
        postAsEditor("/api/missions/" + embassy + "/open", "{\"date\": \"2000-01-01\"}");
        JsonNode both = postAsEditor("/api/relations/GH/FJ/events/batch", "{\"events\": [{\"type\": \"SEVERED\", "
                + "\"date\": \"1990-01-01\"}, {\"type\": \"RESTORED\", \"date\": \"1995-03-01\"}]}").get("events");
        long restoration = both.get(1).get("id").asLong();
        open("/relations/GH/FJ");
        visible(By.id("events-table"));
        signIn("editor", "editor-secret");

        WebElement row = visible(By.cssSelector("#events-table tr[data-event='" + restoration + "']"));
        row.findElement(By.cssSelector("button[aria-label^='Delete the event']")).click();
        WebElement together = row.findElement(By.cssSelector("button[data-action=delete-with]"));
        assertThat(together.getText()).isEqualTo("Delete it with the severance of 1990-01-01");
        together.click();

        waitFor(ExpectedConditions.textToBe(By.id("row-action-done"), "The restoration of 1995-03-01 and the "
                + "severance of 1990-01-01 deleted."));
        assertThat(attributes("#events-table tbody tr", "data-event")).hasSize(1);
        assertThat(getJson("/api/relations/GH/FJ").get("events")).hasSize(1);
        assertNoConsoleErrors();
    }

    @Test
    void aPageAsOfADayBetweenASeveranceAndItsRestorationOffersToDeleteThemTogether() {
        postAsEditor("/api/relations/BT/NP/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1980-01-01\"}");
        long embassy = postAsEditor("/api/missions", "{\"sendingCountry\": \"NP\", \"receivingCountry\": \"BT\", "
                + "\"type\": \"EMBASSY\", \"city\": \"Thimphu\"}").get("id").asLong();
        postAsEditor("/api/missions/" + embassy + "/open", "{\"date\": \"2000-01-01\"}");
        long severance = postAsEditor("/api/relations/BT/NP/events/batch", "{\"events\": [{\"type\": \"SEVERED\", "
                + "\"date\": \"1990-01-01\"}, {\"type\": \"RESTORED\", \"date\": \"1995-03-01\"}]}").get("events")
                .get(0).get("id").asLong();
        // the page as of a day the restoration had not come yet lists the events up to that day only
        open("/relations/BT/NP?asOf=1992-06-01");
        waitFor(ExpectedConditions.textToBe(By.id("relation-status"), "Severed"));
        signIn("editor", "editor-secret");

        WebElement row = visible(By.cssSelector("#events-table tr[data-event='" + severance + "']"));
        row.findElement(By.cssSelector("button[aria-label^='Delete the event']")).click();

        assertThat(row.findElement(By.cssSelector("button[data-action=delete-with]")).getText())
                .isEqualTo("Delete it with the restoration of 1995-03-01");
        assertThat($$("#event-" + severance + "-effects")).as("no promise that its effects go with it alone")
                .isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void saysSinceWhenAsPreciselyAsTheEventThatSetTheStatusIsKnown() {
        postAsEditor("/api/relations/IS/LI/events",
                "{\"type\": \"ESTABLISHED\", \"date\": \"1962-05-01\", \"datePrecision\": \"YEAR\"}");
        open("/relations/IS/LI");

        waitFor(ExpectedConditions.textToBe(By.id("relation-since"), "1962"));
        assertThat($("#events-table").getText()).contains("1962").doesNotContain("1962-01-01");
        assertNoConsoleErrors();
    }

    @Test
    void aRowWhoseFactWasDeletedMeanwhileGoesAndThePageSaysWhy() {
        long event = postAsEditor("/api/relations/IS/MT/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1966-01-01\"}")
                .get("id").asLong();
        open("/relations/IS/MT");
        signIn("editor", "editor-secret");
        WebElement row = visible(By.cssSelector("#events-table tr[data-event='" + event + "']"));
        assertThat(api("DELETE", "/api/relations/IS/MT/events/" + event, null, "editor", "editor-secret").statusCode())
                .isEqualTo(204);

        row.findElement(By.cssSelector("button[aria-label^='Delete the event']")).click();
        row.findElement(By.xpath(".//button[normalize-space()='Yes, delete']")).click();

        WebElement problem = visible(By.cssSelector("#row-action-problem[role=alert]"));
        assertThat(problem.getText()).contains("has no event " + event);
        waitFor(ExpectedConditions.textToBe(By.id("relation-status"), "None"));
        assertThat($$("#events-table tr[data-event='" + event + "']")).as("the row of the fact gone").isEmpty();
        assertThat(driver.switchTo().activeElement()).isEqualTo(problem);
        assertNoConsoleErrors(404);
    }

    @Test
    void credentialsThatNoLongerHoldAreForgottenAndThePageIsReadWithoutThem() {
        // a password changed since this tab signed in: the API refuses the credentials even on a public read (of a
        // name no test signs in as: the failed sign-ins of one name add up in the context the browser tests share)
        script("sessionStorage.setItem('chancery.credentials', JSON.stringify({user: 'former-editor', "
                + "basic: btoa('former-editor:an-old-password'), role: 'EDITOR'}))");
        open("/relations/US/CU");

        visible(By.id("relation-status"));
        assertThat($("#relation-status").getText()).isNotBlank();
        visible(By.id("sign-in-button"));
        assertThat($$("#signed-in-user")).isEmpty();
        assertThat(script("return sessionStorage.getItem('chancery.credentials')")).isNull();
        assertNoConsoleErrors(401);
    }

    @Test
    void saysWhyConsularRelationsStandThroughASeverance() {
        postAsEditor("/api/relations/BB/GY/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1970-01-01\"}");
        postAsEditor("/api/relations/BB/GY/events", "{\"type\": \"SEVERED\", \"date\": \"1980-01-01\"}");

        open("/relations/BB/GY");
        assertThat(visible(By.id("relation-consular")).getText()).isEqualTo("Established");
        assertThat($("#relation-consular-note").getText()).startsWith("A severance leaves consular relations as they "
                + "are (R2");
        open("/relations/BB/GY?asOf=1975-01-01");
        waitFor(d -> $("#relation-status").getText().equals("Established"));
        assertThat($$("#relation-consular-note")).as("said where the two differ only").isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void saysSoForAPairWithNothingRecorded() throws IOException {
        open("/relations/MN/UY"); // a pair no other browser test writes to
        visible(By.id("timeline-empty"));

        assertThat($("#timeline-empty").getText()).startsWith("Nothing is recorded for this pair")
                .as("nothing recorded is not said to be no relations").contains("That is no evidence of no relations");
        assertThat($("#story-empty").getText()).isEqualTo("Nothing is recorded for this pair yet.");
        assertThat(attributes("#timeline-svg .band.diplomatic rect", "data-status")).containsOnly("NONE");
        assertNoConsoleErrors();
        assertAccessible();
    }

    @Test
    void aStoryTheServerCannotExportNowIsReadAsItsJsonPages() {
        List<String> story = new ArrayList<>();
        getJson("/api/relations/CU/KR/timeline?size=200").get("content")
                .forEach(item -> story.add(item.get("date").asString() + " " + item.get("type").asString()));
        open("/countries");
        visible(By.tagName("h1"));
        // the story's CSV answered 503, as with three long exports under way or the temporary folder full
        script("""
                window.fetchBefore = window.fetch;
                window.refused = [];
                window.fetch = (input, init) => {
                  const address = String(input);
                  if (!address.includes('/api/relations/CU/KR/timeline') || !address.includes('format=csv')) {
                    return window.fetchBefore(input, init);
                  }
                  window.refused.push(address);
                  return Promise.resolve(new Response(JSON.stringify({ status: 503, code: 'SERVICE_UNAVAILABLE',
                    title: 'Service Unavailable',
                    detail: 'The server is writing as many CSV exports as it writes at once.' }),
                    { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '5' } }));
                };""");
        try {
            script("performance.clearResourceTimings();");
            open("/relations/CU/KR");
            visible(By.cssSelector("#timeline-svg g.mission-bar"));
            assertThat(storyShown()).containsExactlyElementsOf(story);
            assertThat(((Number) script("return window.refused.length")).intValue()).isOne();
            assertThat(reads("/api/relations/CU/KR/timeline?size=200&page=0")).as("read as its JSON pages").isOne();
            assertThat($$("#main .problem")).isEmpty();
            assertNoConsoleErrors();
        } finally {
            script("if (window.fetchBefore) { window.fetch = window.fetchBefore; }");
        }
    }

    @Test
    void aPairOfADissolvedStateIsDrawnToItsLastDayNotToToday() throws IOException {
        // a pair no other browser test writes to: Czechoslovakia ceased to exist on 1992-12-31
        postAsEditor("/api/relations/PT/CS/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1974-06-01\"}");

        open("/relations/PT/CS");
        visible(By.cssSelector("#timeline-svg .band.diplomatic rect"));
        String end = $("#period-to").getDomProperty("value");
        assertThat(end).as("its last day and the picture's margin").isBetween("1993-01-01", "1993-12-31");
        assertThat($$("#timeline-svg .band.diplomatic rect title").stream()
                .map(title -> title.getAttribute("textContent")).toList())
                .containsExactly("Diplomatic relations: none recorded before 1974-06-01",
                        "Diplomatic relations: Established from 1974-06-01 to 1993-01-01");
        assertThat(attributes("#timeline-svg .lane-empty text", "data-lane")).as("a lane of nothing recorded says so")
                .containsExactly("dir0", "dir1", "meetings", "milestones");
        assertThat($("#timeline-svg .lane-empty text[data-lane=dir0]").getText()).isEqualTo("No mission recorded");
        assertThat($("#timeline-svg .lane-empty text[data-lane=meetings]").getText()).isEqualTo("No meeting recorded");
        assertThat((String) script("return document.getElementById('timeline-desc').textContent")).as("and its "
                + "description").endsWith(" No missions of Portugal in Czechoslovakia, no missions of Czechoslovakia in "
                + "Portugal, no meetings, no milestones recorded.");
        // a mission recorded without a day to draw it by is not none
        postAsEditor("/api/missions", "{\"sendingCountry\": \"PT\", \"receivingCountry\": \"CS\", \"type\": "
                + "\"CONSULATE\", \"city\": \"Bratislava\"}");
        open("/relations/CS/PT"); // the pair read anew, seen from the other side
        assertThat(visible(By.cssSelector("#timeline-svg .lane-empty text[data-lane=dir1]")).getText())
                .isEqualTo("1 mission recorded, none with a day to draw");
        assertNoConsoleErrors();
    }

    @Test
    void aPeriodListsTheItemsKnownOnlyToAMonthOrAYearThatOverlapsIt() {
        // a pair no other browser test writes to: established in 1985 (the year known), a meeting in March 1990 (the
        // month known, the first since), another on 1990-07-15
        postAsEditor("/api/relations/IE/UY/events",
                "{\"type\": \"ESTABLISHED\", \"date\": \"1985-01-01\", \"datePrecision\": \"YEAR\"}");
        long irish = postAsEditor("/api/diplomats", "{\"name\": \"Niamh Byrne\", \"country\": \"IE\"}")
                .get("id").asLong();
        long uruguayan = postAsEditor("/api/diplomats", "{\"name\": \"Rodolfo Cardozo\", \"country\": \"UY\"}")
                .get("id").asLong();
        String participants = "\"participants\": [{\"diplomatId\": " + irish + "}, {\"diplomatId\": " + uruguayan
                + "}]";
        postAsEditor("/api/meetings", "{\"date\": \"1990-03-01\", \"datePrecision\": \"MONTH\", "
                + "\"country\": \"UY\", " + participants + "}");
        postAsEditor("/api/meetings", "{\"date\": \"1990-07-15\", \"country\": \"IE\", " + participants + "}");

        // the period begins in the year of the establishment and ends in the month of the first meeting: each may
        // lie in it, and is listed; the meeting of July is not
        open("/relations/IE/UY?from=1985-06-01&to=1990-03-10");
        assertThat(visible(By.id("story-period")).getText()).startsWith("3 of the 4 items, those of the period shown "
                + "(1985-06-01 – 1990-03-10), 3 of them known only to a month or a year that reaches beyond it.");
        assertThat(storyShown()).containsExactly("1985-01-01 ESTABLISHED", "1990-03-01 MEETING",
                "1990-03-01 FIRST_MEETING_SINCE_ESTABLISHMENT");

        // a period within the days known: what is known to the day is in it, wholly
        open("/relations/IE/UY?from=1990-03-01&to=1990-12-31");
        assertThat(visible(By.id("story-period")).getText()).startsWith("3 of the 4 items, those of the period shown "
                + "(1990-03-01 – 1990-12-31).");
        assertThat(storyShown()).containsExactly("1990-03-01 MEETING", "1990-03-01 FIRST_MEETING_SINCE_ESTABLISHMENT",
                "1990-07-15 MEETING");

        // a period after the month of the first meeting and before the second: nothing of it
        open("/relations/IE/UY?from=1990-04-01&to=1990-07-14");
        assertThat(visible(By.id("story-period")).getText()).startsWith("None of the 4 items falls in the period "
                + "shown (1990-04-01 – 1990-07-14).");
        assertNoConsoleErrors();
    }

    @Test
    void aPairWithAnUnknownCodeIsSaidSoAsThePairsOwnReadAnswersNotAsAnotherReadOfThePage() {
        open("/relations/US/ZZ");

        WebElement problem = visible(By.cssSelector("#main .problem[role=alert]"));
        assertThat(problem.getText()).contains("No country with code 'ZZ'").doesNotContain("sending");
        assertNoConsoleErrors(404, 400);
    }

    @Test
    void aLongStoryListsItsFirstItemsAndShowsTheRestWhenAsked() throws IOException {
        // a pair no other browser test writes to: an establishment and 250 meetings, a week apart
        postAsEditor("/api/relations/MV/WS/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1990-01-01\"}");
        long maldivian = postAsEditor("/api/diplomats", "{\"name\": \"Aishath Naseem\", \"country\": \"MV\"}")
                .get("id").asLong();
        long samoan = postAsEditor("/api/diplomats", "{\"name\": \"Lupe Tuilagi\", \"country\": \"WS\"}")
                .get("id").asLong();
        LocalDate first = LocalDate.parse("2000-01-03");
        for (int week = 0; week < 250; week++) {
            postAsEditor("/api/meetings", "{\"date\": \"" + first.plusWeeks(week) + "\", \"country\": \"MV\", "
                    + "\"participants\": [{\"diplomatId\": " + maldivian + "}, {\"diplomatId\": " + samoan + "}]}");
        }
        List<String> story = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            getJson("/api/relations/MV/WS/timeline?size=200&page=" + page).get("content")
                    .forEach(item -> story.add(item.get("date").asString() + " " + item.get("type").asString()));
        }
        assertThat(story).hasSizeGreaterThan(250).hasSizeLessThan(400);

        script("performance.clearResourceTimings();");
        open("/relations/MV/WS");
        visible(By.id("story-more"));
        assertThat(storyShown()).as("the first 200, oldest first").containsExactlyElementsOf(story.subList(0, 200));
        assertThat(reads("/api/relations/MV/WS/timeline")).as("the whole story in one request").isEqualTo(1);
        assertThat($("#story-count").getText()).isEqualTo("The first 200 of " + story.size() + " items, oldest first.");
        assertThat($("#story-show-more").getText()).isEqualTo("Show the next " + (story.size() - 200));
        assertThat($("#story-show-all").getText()).isEqualTo("Show all " + story.size());

        $("#story-show-more").click();
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("story-more")));
        assertThat(storyShown()).containsExactlyElementsOf(story);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("data-date") + " " + focused.getAttribute("data-type"))
                .as("the first item shown anew takes the focus").isEqualTo(story.get(200));

        open("/relations/WS/MV"); // the same story, seen from the other side: a page read anew
        visible(By.id("story-show-all")).click();
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("story-more")));
        assertThat(storyShown()).containsExactlyElementsOf(story);
        assertNoConsoleErrors();
        assertAccessible();

        // a period chosen: the list and the picture's meetings are the period's
        open("/relations/MV/WS?from=2002-01-01&to=2002-12-31");
        List<String> of2002 = story.stream().filter(item -> item.startsWith("2002-")).toList();
        assertThat(visible(By.id("story-period")).getText()).startsWith(of2002.size() + " of the " + story.size()
                + " items, those of the period shown (2002-01-01 – 2002-12-31).");
        assertThat(storyShown()).containsExactlyElementsOf(of2002);
        assertThat($$("#timeline-svg path.meeting")).hasSize(of2002.size());
        assertAccessible();
        $("#story-period button").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("story-period")));
        assertThat($("#story-count").getText()).isEqualTo("The first 200 of " + story.size() + " items, oldest first.");
        // the whole history's 250 weekly meetings in a few columns of the plot, too close to tell apart as marks:
        // each column is a bar of how many fell in it, the fullest as high as the lane
        assertThat(meetingsDrawn()).isEqualTo(250);
        assertThat($$("#timeline-svg path.meeting")).isEmpty();
        WebElement fullest = $$("#timeline-svg rect.meeting-bin").stream()
                .max(Comparator.comparingInt(column -> Integer.parseInt(column.getDomAttribute("data-count"))))
                .orElseThrow();
        String most = fullest.getDomAttribute("data-count");
        assertThat(Integer.parseInt(most)).as("more than a column can show as marks").isGreaterThan(3);
        assertThat(fullest.getDomAttribute("height")).as("the fullest, the lane's height").isEqualTo("16");
        assertThat(fullest.findElement(By.tagName("title")).getDomProperty("textContent"))
                .matches(most + " meetings, \\d{4}-\\d{2}-\\d{2} – \\d{4}-\\d{2}-\\d{2}");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("the button gone with its notice, the "
                + "list of every item takes the focus").isEqualTo("story-items");
        assertThat(driver.getCurrentUrl()).as("no period chosen").doesNotContain("from=").doesNotContain("to=");
        assertThat((String) script("return document.getElementById('story-period-said').textContent"))
                .isEqualTo("The whole history: " + story.size() + " items.");
        // what is said aloud of a period dragged changes once, at its end, not at each move
        script("""
                window.said = [];
                const region = document.getElementById('story-period-said');
                new MutationObserver(() => window.said.push(region.textContent))
                  .observe(region, { childList: true, subtree: true, characterData: true });""");

        // dragged across the whole history: drawn as it moves, the list and the address following at its end
        WebElement overlay = visible(By.cssSelector("#timeline-svg g.brush rect.overlay"));
        int width = overlay.getRect().getWidth();
        // the whole history runs from 1990 to today: from 29 % to 37 % of it is 2000–2003, in the meetings' weeks
        Actions drag = new Actions(driver).moveToElement(overlay, -width / 2 + width * 29 / 100, 0).clickAndHold();
        for (int step = 1; step <= 16; step++) {
            drag.moveByOffset(width / 200, 0);
        }
        drag.release().perform();
        waitFor(ExpectedConditions.urlContains("from="));
        String from = $("#period-from").getDomProperty("value");
        String to = $("#period-to").getDomProperty("value");
        assertThat(driver.getCurrentUrl()).contains("from=" + from).contains("to=" + to);
        List<String> ofPeriod = story.stream().filter(item -> item.substring(0, 10).compareTo(from) >= 0
                && item.substring(0, 10).compareTo(to) <= 0).toList();
        assertThat(ofPeriod).as("meetings in the period dragged").hasSizeBetween(10, 200);
        assertThat(storyShown()).containsExactlyElementsOf(ofPeriod);
        assertThat(meetingsDrawn()).isEqualTo(ofPeriod.size());
        String period = ofPeriod.size() + " of the " + story.size() + " items, those of the period shown (" + from
                + " – " + to + ").";
        assertThat(script("return window.said")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(period);

        // the whole history asked for twice is said twice: the region is emptied, then given the same words again
        WebElement whole = $("form[aria-label='Period shown'] button[type=button]");
        whole.click();
        waitFor(driver -> ((List<?>) script("return window.said")).size() == 2);
        whole.click();
        waitFor(driver -> ((List<?>) script("return window.said")).size() == 4);
        String all = "The whole history: " + story.size() + " items.";
        assertThat(script("return window.said")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(period, all, "", all);
        assertNoConsoleErrors();
    }

    /** How many requests the page has sent to addresses that begin with {@code path}. */
    private long reads(String path) {
        return (Long) script("return performance.getEntriesByType('resource')"
                + ".filter((entry) => new URL(entry.name).pathname + new URL(entry.name).search === arguments[0]"
                + " || (new URL(entry.name).pathname + new URL(entry.name).search).startsWith(arguments[0])).length",
                path);
    }

    /** The meetings the picture draws: each as a mark, or counted in a column's bar where they crowd. */
    private long meetingsDrawn() {
        return ((Number) script("return document.querySelectorAll('#timeline-svg path.meeting').length"
                + " + [...document.querySelectorAll('#timeline-svg rect.meeting-bin')]"
                + ".reduce((sum, bin) => sum + Number(bin.dataset.count), 0)")).longValue();
    }

    /** The story's items the list shows, read in one script (a WebDriver call an item took seconds). */
    @SuppressWarnings("unchecked")
    private List<String> storyShown() {
        return (List<String>) script("return [...document.querySelectorAll('#story-items li')]"
                + ".map((li) => li.dataset.date + ' ' + li.dataset.type)");
    }

    @Test
    void theRelationsOfAStateThatCeasedToExistEndWithIt() {
        open("/relations/DD/US");
        visible(By.cssSelector("#timeline-svg .band.diplomatic rect"));
        List<String> spans = $$("#timeline-svg .band.diplomatic rect title").stream()
                .map(title -> title.getAttribute("textContent")).toList();
        assertThat(spans.get(spans.size() - 1)).as("the German Democratic Republic ended on 1990-10-02")
                .endsWith("to 1990-10-03");
        assertThat(visible(By.id("as-of-outside")).getText()).as("today")
                .startsWith("German Democratic Republic no longer existed on ");

        open("/relations/US/DD?asOf=1995-01-01");
        assertThat(visible(By.id("as-of-outside")).getText()).isEqualTo("German Democratic Republic no longer existed on "
                + "1995-01-01 (it existed until 1990-10-02): the relation is shown as it stood when it ended.");
        open("/relations/US/DD?asOf=1940-01-01");
        assertThat(visible(By.id("as-of-outside")).getText()).startsWith("German Democratic Republic did not exist yet on "
                + "1940-01-01 (it existed from 1949-10-07)");
        assertNoConsoleErrors();
    }

    @Test
    void saysThatADayAfterTodayShowsTheRelationAsItStandsToday() {
        open("/relations/US/CU?asOf=2999-01-01");
        assertThat(visible(By.id("as-of-outside")).getText()).startsWith("2999-01-01 is after today (")
                .contains(", in UTC): nothing is recorded after today")
                .endsWith("the relation is shown as it stands today.");
        assertNoConsoleErrors();
    }

    private List<String> attributes(String css, String attribute) {
        return $$(css).stream().map(e -> e.getAttribute(attribute)).toList();
    }

}
