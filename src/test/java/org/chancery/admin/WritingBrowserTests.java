package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

class WritingBrowserTests extends BrowserTest {

    @Test
    void showsFieldErrorsAndTheRuleViolationNextToTheFormAndChangesNothing() throws IOException {
        int events = getJson("/api/relations/CU/KR").get("events").size();
        int items = getJson("/api/relations/CU/KR/timeline?size=200").get("page").get("totalElements").asInt();
        open("/relations/CU/KR");
        visible(By.cssSelector("#story-items li"));
        signIn("editor", "editor-secret");
        openDetails("record-event");

        WebElement form = $("#event-form");
        new Select(form.findElement(By.name("type"))).selectByValue("ESTABLISHED");
        setValue(form.findElement(By.name("date")), "2025-06-01");
        form.findElement(By.cssSelector("details.source summary")).click();
        form.findElement(By.name("sources[0].url")).sendKeys("not a url");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement fieldError = visible(By.cssSelector("#event-form .field-error"));
        WebElement url = form.findElement(By.name("sources[0].url"));
        assertThat(url.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(url.getAttribute("aria-describedby")).contains(fieldError.getAttribute("id"));
        assertThat($("#event-form .problem").getAttribute("data-code")).isEqualTo("VALIDATION_FAILED");

        url.clear();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = visible(By.cssSelector("#event-form .problem[data-rule=R1]"));
        assertThat(problem.getText()).startsWith("R1 RELATION_TRANSITION_INVALID — ");
        assertThat(driver.switchTo().activeElement()).isEqualTo(problem);
        assertThat(problem.getText()).as("the summary names the field the rule concerns").contains("It concerns Event.");
        assertThat(errorNextTo(form, "type")).as("R1 is about the event's type").startsWith("R1: ").contains("ESTABLISHED");
        assertThat($$("#event-form .field-error")).hasSize(1);
        assertThat(form.findElement(By.name("date")).getAttribute("value")).isEqualTo("2025-06-01");

        assertThat(getJson("/api/relations/CU/KR").get("events")).hasSize(events);
        assertThat(getJson("/api/relations/CU/KR/timeline?size=200").get("page").get("totalElements").asInt())
                .isEqualTo(items);
        assertThat($$("#story-items li")).hasSize(items);
        scrollTo(form);
        screenshot("rule-violation-next-to-the-event-form");
        assertNoConsoleErrors(400, 409);
        assertAccessible();
    }

    @Test
    void aSeveranceAndItsRestorationRefusedOneAtATimeAreRecordedTogether() {
        postAsEditor("/api/relations/GY/SR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1975-11-25\"}");
        openedMission("GY", "SR", "EMBASSY", "Paramaribo", "1980-01-01");
        open("/relations/GY/SR");
        signIn("editor", "editor-secret");
        openDetails("record-event");
        WebElement form = $("#event-form");
        new Select(form.findElement(By.name("type"))).selectByValue("SEVERED");
        setValue(form.findElement(By.name("date")), "1976-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(By.cssSelector("#event-form .problem")).getDomAttribute("data-rule")).isEqualTo("R20");

        // the second event's field the answer names is said at that field
        new Select(form.findElement(By.name("thenType"))).selectByValue("RESTORED");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement thenDate = form.findElement(By.name("thenDate"));
        waitFor(driver -> "true".equals(thenDate.getDomAttribute("aria-invalid")));
        assertThat($("#event-form .problem").getText()).contains("Its date");

        // a refusal of the second event (a restoration before the severance) is said at the second event, not the first
        setValue(thenDate, "1975-12-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement thenType = form.findElement(By.name("thenType"));
        waitFor(driver -> "true".equals(thenType.getDomAttribute("aria-invalid")));
        assertThat($("#event-form .problem").getDomAttribute("data-rule")).isEqualTo("R1");
        assertThat(form.findElement(By.name("type")).getDomAttribute("aria-invalid")).isNull();
        // and so is a second event on the day of a recorded one ("Two events … on one day: ESTABLISHED on 1975-11-25
        // (event …) and SEVERED on 1975-11-25"), which the refusal names after the recorded one
        new Select(thenType).selectByValue("SEVERED");
        setValue(thenDate, "1975-11-25");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(driver -> $("#event-form .problem").getText().contains("on one day"));
        assertThat(thenType.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(form.findElement(By.name("type")).getDomAttribute("aria-invalid")).isNull();

        new Select(thenType).selectByValue("RESTORED");
        setValue(thenDate, "1978-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(visible(By.cssSelector("#event-form .done")).getText())
                .isEqualTo("Recorded: Severed on 1976-01-01; then Restored on 1978-01-01.");
        assertThat(getJson("/api/relations/GY/SR/timeline").get("content"))
                .extracting(item -> item.get("type").asString())
                .containsSubsequence("ESTABLISHED", "SEVERED", "RESTORED", "MISSION_OPENED");
        assertNoConsoleErrors(409, 400);
    }

    @Test
    void aValidEventAppearsOnThePageWithoutReload() throws IOException {
        open("/relations/IS/NP");
        visible(By.id("relation-status"));
        assertThat($("#relation-status").getText()).isEqualTo("None");
        script("window.chanceryPageMarker = 'still the same page'");
        signIn("editor", "editor-secret");
        openDetails("record-event");

        WebElement form = $("#event-form");
        new Select(form.findElement(By.name("type"))).selectByValue("ESTABLISHED");
        setValue(form.findElement(By.name("date")), "2004-03-01");
        form.findElement(By.name("note")).sendKeys("Established by an exchange of notes");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBe(By.id("relation-status"), "Established"));
        assertThat($("#relation-since").getText()).isEqualTo("2004-03-01");
        assertThat(visible(By.cssSelector("#event-form .done")).getText()).contains("Recorded: Established on 2004-03-01");
        // the submit button, disabled while the write ran, gave the focus up: it goes to what the write did
        assertThat(script("return document.activeElement === document.querySelector('#event-form .done')"))
                .isEqualTo(true);
        assertThat($$("#story-items li[data-type=ESTABLISHED][data-date='2004-03-01']")).hasSize(1);
        assertThat($$("#events-table tr[data-event]")).hasSize(1);
        assertThat(script("return window.chanceryPageMarker")).isEqualTo("still the same page");
        assertThat(getJson("/api/relations/IS/NP").get("status").asString()).isEqualTo("ESTABLISHED");
        scrollTo($("#relation-summary"));
        screenshot("valid-event-appears-without-reload");

        // a milestone planned for the pair: a target that is no partial date is refused next to its field
        openDetails("plan-milestone");
        WebElement milestone = $("#milestone-form");
        milestone.findElement(By.name("title")).sendKeys("Embassies open in both capitals");
        milestone.findElement(By.name("target")).sendKeys("next summer");
        milestone.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement target = milestone.findElement(By.name("target"));
        waitFor(d -> "true".equals(target.getAttribute("aria-invalid")));
        assertThat(milestone.findElement(By.cssSelector(".field-error")).getText()).isNotBlank();
        target.clear();
        target.sendKeys("2005-H1");
        milestone.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement row = visible(By.cssSelector("#milestones-table tr[data-milestone]"));
        assertThat(row.getText()).contains("Embassies open in both capitals", "2005-H1", "Overdue");
        row.findElement(By.xpath(".//button[normalize-space()='Achieve…']")).click();
        WebElement achieved = visible(By.cssSelector("#milestones-table tr[data-milestone] input[name=date]"));
        setValue(achieved, "2005-05-02");
        $("#milestones-table tr[data-milestone] button[type=submit]").click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#milestones-table tr[data-milestone]"),
                "2005-05-02 (on time)"));
        assertThat($$("#timeline-svg g.milestone circle.milestone-achieved")).hasSize(1);

        // and the event deleted again: the pair is back to no relations
        $("#events-table tr[data-event] button").click();
        visible(By.xpath("//table[@id='events-table']//button[normalize-space()='Yes, delete']")).click();
        waitFor(ExpectedConditions.textToBe(By.id("relation-status"), "None"));
        assertThat(script("return window.chanceryPageMarker")).isEqualTo("still the same page");
        // what the page says is done is the last write alone: the deletion, not the recording before it
        assertThat($("#row-action-done").getText()).isEqualTo("The event Established of 2004-03-01 deleted.");
        assertThat($$("#event-form .done")).isEmpty();
        new Select(form.findElement(By.name("type"))).selectByValue("ESTABLISHED");
        setValue(form.findElement(By.name("date")), "2004-03-02");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBe(By.id("relation-status"), "Established"));
        assertThat(visible(By.cssSelector("#event-form .done")).getText()).contains("Recorded: Established on 2004-03-02");
        assertThat($$("#row-action-done")).isEmpty();
        assertNoConsoleErrors(400);
    }

    @Test
    void saysAWriteRefusedForWhereItCameFromAsTheServerSaysItNotAsARole() {
        open("/relations/IS/NO");
        visible(By.id("relation-status"));
        signIn("editor", "editor-secret");
        openDetails("record-event");
        // the answer of a server behind a proxy that names another host than the page's (README): its writes are
        // refused as another site's page's
        script("const original = window.fetch; window.fetch = (url, init) => init && init.method === 'POST'"
                + " ? Promise.resolve(new Response(JSON.stringify({type: 'urn:chancery:problem:forbidden', title: 'Forbidden',"
                + " status: 403, code: 'FORBIDDEN', detail: 'A write sent by a page of another site (http://proxy.example)"
                + " is refused.'}), {status: 403, headers: {'Content-Type': 'application/problem+json'}}))"
                + " : original(url, init);");
        WebElement form = $("#event-form");
        new Select(form.findElement(By.name("type"))).selectByValue("ESTABLISHED");
        setValue(form.findElement(By.name("date")), "1945-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement problem = visible(By.cssSelector("#event-form .problem[data-code=FORBIDDEN]"));
        assertThat(problem.getText()).startsWith("Refused where it came from: A write sent by a page of another site "
                + "(http://proxy.example) is refused.").doesNotContain("role");
        assertNoConsoleErrors();
    }

    @Test
    void saysWhenTheRoleIsNotEnough() throws IOException {
        open("/relations/IS/NO");
        visible(By.id("relation-status"));
        signIn("reader", "reader-secret");
        openDetails("record-event");
        WebElement form = $("#event-form");
        new Select(form.findElement(By.name("type"))).selectByValue("ESTABLISHED");
        setValue(form.findElement(By.name("date")), "1945-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = visible(By.cssSelector("#event-form .problem[data-code=FORBIDDEN]"));
        assertThat(problem.getText()).contains("Your role is not enough");

        $("#sign-out").click();
        visible(By.id("sign-in-button"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        problem = visible(By.cssSelector("#event-form .problem[data-code=UNAUTHORIZED]"));
        assertThat(problem.getText()).contains("Sign in as an editor");
        assertThat(problem.findElement(By.tagName("button")).getText()).isEqualTo("Sign in");
        assertThat(getJson("/api/relations/IS/NO").get("events")).isEmpty();
        scrollTo(form);
        screenshot("sign-in-asked-after-401");

        signIn("editor", "editor-secret");
        problem = visible(By.cssSelector("#event-form .problem[data-code=UNAUTHORIZED]"));
        assertThat(problem.getText()).as("signed in since the refusal").isEqualTo("Signed in as editor.\nSubmit again.");
        assertThat(problem.findElements(By.tagName("button"))).isEmpty();
        assertNoConsoleErrors(401, 403);
    }

    @Test
    void refusesToOpenAnEmbassyWithoutRelationsThenCancelsThePlan() throws IOException {
        open("/missions/new?sending=LI&receiving=MC");
        visible(By.id("mission-form"));
        signIn("editor", "editor-secret");
        WebElement form = $("#mission-form");
        new Select(form.findElement(By.name("type"))).selectByValue("EMBASSY");
        form.findElement(By.name("city")).sendKeys("Monaco");
        form.findElement(By.name("plannedOpening")).sendKeys("2026-Q1");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Planned"));
        assertThat($("h1").getText()).isEqualTo("Embassy of Liechtenstein in Monaco");
        assertThat(visible(By.id("route-notice")).getText())
                .isEqualTo("The mission is planned. Open it below once it opens.");
        String missionUrl = driver.getCurrentUrl();
        assertThat(missionUrl).matches(".*#/missions/\\d+$");
        WebElement open = $("#open-form");
        setValue(open.findElement(By.name("date")), "2026-01-15");
        open.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = visible(By.cssSelector("#open-form .problem[data-rule=R5]"));
        assertThat(problem.getText()).startsWith("R5 RELATION_NOT_ESTABLISHED — ").contains("It concerns Opened on.");
        assertThat(errorNextTo(open, "date")).startsWith("R5: ");
        assertThat($("#mission-status").getText()).isEqualTo("Planned");
        scrollTo(open);
        screenshot("r5-refuses-to-open-an-embassy");
        assertAccessible();

        // the relation's milestone form offers the planned embassy, whose opening would achieve a milestone...
        String embassy = missionUrl.replaceAll(".*#/missions/(\\d+).*", "$1");
        assertThat(milestoneMissionOptions("LI", "MC")).containsExactly("(none)",
                "LI Embassy, Monaco (Planned, mission " + embassy + ")");
        driver.get(missionUrl);
        openDetails("cancel-mission");
        $("#cancel-form button[type=submit]").click();
        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Cancelled"));
        assertThat(driver.getCurrentUrl()).isEqualTo(missionUrl);
        // ... and not once it is cancelled: it will not open, and the API refuses it (R19)
        assertThat(milestoneMissionOptions("LI", "MC")).containsExactly("(none)");
        // an opened mission with the years it stood, told apart from another of its type and city
        assertThat(milestoneMissionOptions("CU", "KP"))
                .anySatisfy(option -> assertThat(option).matches("KP Embassy, Havana \\(Open, 1960–, mission \\d+\\)"));
        assertNoConsoleErrors(409);
    }

    /** The texts of the options of the relation page's "Achieved by the opening of" field. */
    private List<String> milestoneMissionOptions(String a, String b) {
        open("/relations/" + a + "/" + b);
        visible(By.id("relation-status"));
        openDetails("plan-milestone");
        return $$("#milestone-form select[name=missionId] option").stream()
                .map(option -> option.getAttribute("textContent").strip()).toList();
    }

    @Test
    void recordsAPastEmbassyWithItsClosingBeforeALaterOneOfItsDirection() {
        openEmbassy("BH", "BN", "Bandar Seri Begawan", "1984-01-01", "2005-01-01");
        long past = postAsEditor("/api/missions", """
                {"sendingCountry": "BH", "receivingCountry": "BN", "type": "EMBASSY", "city": "Kuala Belait"}""")
                .get("id").asLong();

        openMissionAsEditor(past, "Planned");
        WebElement form = $("#open-form");
        setValue(form.findElement(By.name("date")), "1990-01-01");
        setValue(form.findElement(By.name("closedOn")), "1989-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(By.cssSelector("#open-form .problem[data-rule=R12]")).getText()).contains("It concerns Closed on.");
        assertThat(errorNextTo(form, "closedOn")).startsWith("R12: ");

        setValue(form.findElement(By.name("closedOn")), "1995-06-01");
        new Select(form.findElement(By.name("closedPrecision"))).selectByValue("YEAR");
        form.findElement(By.name("closingReason")).sendKeys("Moved to the capital");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Closed"));
        assertThat($("p.done[role=status]").getText()).isEqualTo("The mission is recorded: open from 1990-01-01 until 1995.");
        assertThat($("#mission-summary").getText()).contains("Moved to the capital");
        JsonNode stored = getJson("/api/missions/" + past);
        assertThat(stored.get("closedOn").asString()).isEqualTo("1995-01-01");
        assertThat(stored.get("closedPrecision").asString()).isEqualTo("YEAR");
        assertNoConsoleErrors(409);
    }

    @Test
    void aPastMissionsClosingIsRefusedNextToTheFieldItConcerns() {
        postAsEditor("/api/relations/DD/TZ/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1964-04-26\"}");
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "DD", "receivingCountry": "TZ", "type": "EMBASSY", "city": "Dar es Salaam"}""")
                .get("id").asLong();
        openMissionAsEditor(mission, "Planned");
        WebElement form = $("#open-form");
        setValue(form.findElement(By.name("date")), "1970-01-01");

        new Select(form.findElement(By.name("closedPrecision"))).selectByValue("YEAR");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        visible(By.cssSelector("#open-form .problem[data-code=VALIDATION_FAILED]"));
        assertThat(errorNextTo(form, "closedPrecision")).contains("give closedOn too");
        assertThat($("#mission-status").getText()).as("nothing half-saved").isEqualTo("Planned");

        setValue(form.findElement(By.name("closedOn")), "1991-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(By.cssSelector("#open-form .problem[data-rule=R22]")).getText())
                .contains("It concerns Closed on.");
        assertThat(errorNextTo(form, "closedOn")).startsWith("R22: ");

        setValue(form.findElement(By.name("closedOn")), "1990-10-03");
        form.findElement(By.name("closingReason")).sendKeys("SUPERSEDED");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.attributeToBe(form.findElement(By.name("closingReason")), "aria-invalid", "true"));
        assertThat(errorNextTo(form, "closingReason")).contains("SUPERSEDED is the reason R8 gives");
        assertThat($("#mission-status").getText()).isEqualTo("Planned");
        assertNoConsoleErrors(400, 409);
    }

    @Test
    void appointingWithoutChoosingADiplomatIsRefusedNextToTheSearchAndNothingIsSent() throws IOException {
        long mission = openEmbassy("FI", "NI", "Managua", "1990-01-01", "1995-01-01");
        postAsEditor("/api/diplomats", "{\"name\": \"Eero Mäkinen\", \"country\": \"FI\"}");

        openAppointingAsEditor(mission);
        WebElement appoint = $("#appoint-form");
        new Select(appoint.findElement(By.name("rank"))).selectByValue("CHARGE_D_AFFAIRES");
        setValue(appoint.findElement(By.name("startedOn")), "2020-01-01");
        appoint.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement problem = visible(By.cssSelector("#appoint-form .problem"));
        assertThat(problem.getText()).contains("Nothing was sent:",
                "Diplomat of Finland: Choose the diplomat who heads the mission (search by name).");
        WebElement search = $("#head-search");
        assertThat(search.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(search.getAttribute("aria-describedby")).contains("appoint-diplomat-error");
        assertThat($("#appoint-diplomat-error").getText()).isEqualTo("Choose the diplomat who heads the mission (search by name).");
        problem.findElement(By.linkText("Diplomat of Finland")).click();
        assertThat(driver.switchTo().activeElement()).isEqualTo(search);
        assertThat(driver.getCurrentUrl()).endsWith("#/missions/" + mission);
        assertThat(getJson("/api/missions/" + mission).get("heads")).isEmpty();
        screenshot("appoint-refused-next-to-the-diplomat-search");

        search.sendKeys("mäkinen");
        visible(By.cssSelector("#head-search-results button[aria-label='Choose Eero Mäkinen']")).click();
        visible(By.id("chosen-diplomat"));
        assertThat($$("#appoint-form .problem")).as("the choice answers the refusal").isEmpty();
        assertThat($$("#appoint-diplomat-error")).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void appointsAHeadChosenBySearchEndsTheirFunctionsAndClosesTheMission() throws IOException {
        long mission = openEmbassy("FI", "NZ", "Wellington", "1990-01-01", "1995-01-01");
        postAsEditor("/api/diplomats", "{\"name\": \"Aino Virtanen\", \"country\": \"FI\"}");

        openAppointingAsEditor(mission);
        WebElement search = $("#head-search");
        search.sendKeys("virtanen");
        visible(By.cssSelector("#head-search-results button[aria-label='Choose Aino Virtanen']")).click();
        visible(By.id("chosen-diplomat"));
        WebElement appoint = $("#appoint-form");
        new Select(appoint.findElement(By.name("rank"))).selectByValue("AMBASSADOR");
        setValue(appoint.findElement(By.name("startedOn")), "2020-01-01");
        setValue(appoint.findElement(By.name("endedOn")), "2999-01-01");
        appoint.findElement(By.cssSelector("button[type=submit]")).click();
        // each refusal of a rule is shown next to the field it concerns: the day after today, then the agrément
        assertThat(visible(By.cssSelector("#appoint-form .problem[data-rule=R3]")).getText()).contains("It concerns Ended on");
        assertThat(errorNextTo(appoint, "endedOn")).startsWith("R3: ");
        assertThat(appoint.findElement(By.name("startedOn")).getAttribute("aria-invalid")).isNull();
        setValue(appoint.findElement(By.name("endedOn")), "");
        appoint.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(By.cssSelector("#appoint-form .problem[data-rule=R14]")).getText()).contains("It concerns Agrément on");
        assertThat(errorNextTo(appoint, "agrementOn")).startsWith("R14: ");
        assertThat(getJson("/api/missions/" + mission).get("heads")).isEmpty();

        setValue(appoint.findElement(By.name("agrementOn")), "2019-12-01");
        new Select(appoint.findElement(By.name("datePrecision"))).selectByValue("YEAR");
        appoint.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement head = visible(By.cssSelector("#heads-table tbody tr"));
        assertThat(head.getText()).contains("Aino Virtanen", "Ambassador", "2019-12-01", "2020", "serving")
                .as("a start known to the year shows the year").doesNotContain("2020-01-01");

        openDetails("end-head");
        WebElement end = $("#end-head-form");
        assertThat(new Select(end.findElement(By.name("headId"))).getFirstSelectedOption().getText())
                .as("the one head serving, chosen already").startsWith("Aino Virtanen");
        setValue(end.findElement(By.name("date")), "2022-06-30");
        new Select(end.findElement(By.name("datePrecision"))).selectByValue("MONTH");
        end.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#heads-table tbody tr"), "2022-06"));
        assertThat($("#heads-table tbody tr").getText()).doesNotContain("2022-06-30", "serving");
        assertThat($$("#end-head")).as("no head serves now").isEmpty();
        assertThat(visible(By.cssSelector("p.done[id$=-done]")).getText()).isEqualTo("The head's functions ended.");

        WebElement close = $("#close-form");
        setValue(close.findElement(By.name("date")), "2023-01-01");
        close.findElement(By.name("reason")).sendKeys("Budget cuts");
        close.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Closed"));
        assertThat($("#mission-summary").getText()).contains("2023-01-01", "Budget cuts");
        JsonNode stored = getJson("/api/missions/" + mission);
        assertThat(stored.get("status").asString()).isEqualTo("CLOSED");
        assertThat(stored.get("heads").get(0).get("endedOn").asString()).as("the first day of the month").isEqualTo("2022-06-01");
        assertThat(stored.get("heads").get(0).get("endedPrecision").asString()).isEqualTo("MONTH");
        assertThat(stored.get("heads").get(0).get("startedPrecision").asString()).isEqualTo("YEAR");
        screenshot("mission-head-appointed-ended-and-closed");
        assertNoConsoleErrors(400, 409);
        assertAccessible();
    }

    @Test
    void recordsAMeetingWithDiplomatsChosenBySearch() throws IOException {
        WebElement form = meetingForm("2025-03-10", "KP");
        form.findElement(By.name("city")).sendKeys("Pyongyang");
        form.findElement(By.name("title")).sendKeys("Second summit");
        choose("canel", "Miguel Díaz-Canel");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = visible(By.cssSelector("#meeting-form .problem[data-rule=R17]"));
        assertThat(problem.getText()).startsWith("R17 TOO_FEW_PARTIES — ").contains("It concerns Participants.");
        problem.findElement(By.linkText("Participants")).click();
        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("fieldset");
        assertThat(driver.switchTo().activeElement().getDomAttribute("aria-describedby")).contains("participants-error");
        choose("kim jong", "Kim Jong Un");
        assertThat($$("#participants li")).hasSize(2);
        scrollTo($("#participants"));
        screenshot("meeting-form-with-diplomats-chosen-by-search");
        assertAccessible();

        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.urlMatches("#/meetings/\\d+$"));
        visible(By.id("participants"));
        assertThat($("h1").getText()).isEqualTo("Second summit");
        // said once, where the focus goes: not a status drawn with its text, which a screen reader may not read out
        WebElement said = visible(By.id("route-notice"));
        assertThat(said.getText()).isEqualTo("The meeting is recorded.");
        waitFor(driver -> said.equals(focused()));
        assertThat($("#participants").getText()).contains("Miguel Díaz-Canel", "Kim Jong Un");
        assertNoConsoleErrors(400);
    }

    @Test
    void aDiplomatAddedIsSaidWhereTheFocusGoes() {
        open("/diplomats/new");
        WebElement form = visible(By.id("diplomat-form"));
        signIn("editor", "editor-secret");
        form.findElement(By.name("name")).sendKeys("Notice Reader");
        new Select(form.findElement(By.name("country"))).selectByValue("WS");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.urlMatches("#/diplomats/\\d+$"));
        String id = driver.getCurrentUrl().replaceAll(".*#/diplomats/", "");
        WebElement added = visible(By.id("route-notice"));
        assertThat(added.getText()).isEqualTo("The diplomat Notice Reader was added (id " + id + ").");
        assertThat(driver.switchTo().activeElement()).isEqualTo(added);
        assertThat(getJson("/api/diplomats/" + id).get("name").asString()).isEqualTo("Notice Reader");
        assertNoConsoleErrors();
    }

    @Test
    void aParticipantsTitleRefusedIsSaidAtItsFieldAndDescribesIt() {
        WebElement form = meetingForm("2025-03-12", "KP");
        choose("kim jong", "Kim Jong Un");
        choose("chung", "Chung Byung-won");
        $$("#participants input").get(1).sendKeys("t".repeat(301));
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement error = visible(By.id("participant-title-1-error"));
        assertThat(error.getText()).contains("300");
        WebElement title = $("#participant-title-1");
        assertThat(title.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(title.getDomAttribute("aria-describedby")).isEqualTo("participant-title-1-error");
        assertThat($("#participant-title-0").getDomAttribute("aria-invalid")).isNull();

        // the error goes with the participant it was of, to no other
        choose("canel", "Miguel Díaz-Canel");
        $("#participants button[aria-label='Remove Chung Byung-won']").click();
        waitFor(driver -> $$("#participants li").size() == 2);
        assertThat($$("#participants input")).extracting(input -> input.getDomAttribute("aria-invalid"))
                .containsOnlyNulls();
        assertThat($$("#participant-title-1-error")).isEmpty();
        assertNoConsoleErrors(400);
    }

    @Test
    void aParticipantsTitleStaysWithThemWhenAnotherIsRemoved() {
        WebElement form = meetingForm("2025-03-11", "KP");
        choose("canel", "Miguel Díaz-Canel");
        choose("kim jong", "Kim Jong Un");
        choose("chung", "Chung Byung-won");
        assertThat($(".diplomat-search [role=status]").getDomProperty("textContent"))
                .as("said to who does not see the list grow")
                .isEqualTo("Chung Byung-won chosen");
        List<WebElement> titles = $$("#participants input");
        titles.get(0).sendKeys("President of Cuba");
        titles.get(1).sendKeys("Supreme Leader");
        titles.get(2).sendKeys("Special Envoy");

        $("#participants button[aria-label='Remove Miguel Díaz-Canel']").click();

        waitFor(driver -> $$("#participants li").size() == 2);
        assertThat($$("#participants li")).extracting(WebElement::getText)
                .allSatisfy(text -> assertThat(text).doesNotContain("Díaz-Canel"));
        assertThat($$("#participants input")).extracting(input -> input.getDomProperty("value"))
                .containsExactly("Supreme Leader", "Special Envoy");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.urlMatches("#/meetings/\\d+$"));
        String id = driver.getCurrentUrl().replaceAll(".*#/meetings/(\\d+).*", "$1");
        Map<String, String> stored = new HashMap<>();
        getJson("/api/meetings/" + id).get("participants")
                .forEach(p -> stored.put(p.get("name").asString(), p.get("title").asString()));
        assertThat(stored).containsOnly(Map.entry("Kim Jong Un", "Supreme Leader"),
                Map.entry("Chung Byung-won", "Special Envoy"));
        assertNoConsoleErrors();
    }

    @Test
    void theDiplomatSearchSaysWhenItShowsOnlyTheFirstOfTheDiplomatsFound() {
        for (int i = 1; i <= 12; i++) {
            postAsEditor("/api/diplomats", "{\"name\": \"Jan Kowalczyk " + i + "\", \"country\": \"PL\"}");
        }
        open("/meetings/new");
        visible(By.id("meeting-form"));
        signIn("editor", "editor-secret");

        $("#participant-search").sendKeys("kowalczyk");

        // a pause in the typing may have had a search on the way answered first: its count may be another
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("participant-search-more"),
                "The first 10 of 12 diplomats"));
        assertThat($$("#participant-search-results li")).hasSize(10);
        assertThat($("#participant-search-more").getText()).contains("type more of the name");
        assertNoConsoleErrors();
    }

    @Test
    void aNameManyDiplomatsShareIsNarrowedToTheCountryChosenBesideTheSearch() throws IOException {
        for (int i = 1; i <= 11; i++) {
            postAsEditor("/api/diplomats", "{\"name\": \"Marta Quispe\", \"country\": \"PE\"}");
        }
        long bolivian = postAsEditor("/api/diplomats", "{\"name\": \"Marta Quispe\", \"country\": \"BO\"}")
                .get("id").asLong();
        open("/meetings/new");
        visible(By.id("meeting-form"));
        signIn("editor", "editor-secret");

        $("#participant-search").sendKeys("Marta Quispe");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("participant-search-more"),
                "The first 10 of 12 diplomats"));
        assertThat($("#participant-search-more").getText())
                .contains("in any country: type more of the name, or choose their country");
        new Select($("#participant-search-country")).selectByValue("BO");
        waitFor(driver -> $$("#participant-search-results li").size() == 1);
        assertThat($$("#participant-search-more")).isEmpty();
        $("#participant-search-results button[data-diplomat='" + bolivian + "']").click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"), "Marta Quispe (BO)"));
        assertNoConsoleErrors();
        assertAccessible();
    }

    @Test
    void theDiplomatSearchFindsAKoreanNameByItsOneSyllableSurnameAndSaysWhenWhatItFoundIsAlreadyChosen() {
        postAsEditor("/api/diplomats", "{\"name\": \"정병원\", \"country\": \"KR\"}");
        open("/meetings/new");
        visible(By.id("meeting-form"));
        signIn("editor", "editor-secret");

        $("#participant-search").sendKeys("정");
        visible(By.cssSelector("#participant-search-results button[aria-label='Choose 정병원']")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"), "정병원"));

        $("#participant-search").sendKeys("정병");
        WebElement none = visible(By.id("participant-search-none"));
        assertThat(none.getText()).contains("The diplomat found is already chosen").doesNotContain("No diplomat matches");
        assertThat($$("#participant-search-results li")).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void aParticipantsRefusedTitleIsListedByTheirNameInTheFormsOrderAndLinkedToTheirTitle() {
        postAsEditor("/api/diplomats", "{\"name\": \"Rangi Parata\", \"country\": \"NZ\"}");
        WebElement form = meetingForm("2019-03-04", "NZ");
        form.findElement(By.cssSelector("details.source summary")).click();
        form.findElement(By.name("sources[0].url")).sendKeys("not a url");
        choose("parata", "Rangi Parata");
        $("#participant-title-0").sendKeys("T".repeat(400));
        form.findElement(By.cssSelector("button[type=submit]")).click();

        visible(By.cssSelector("#meeting-form .problem li"));
        List<String> listed = $$("#meeting-form .problem li a").stream().map(WebElement::getText).toList();
        assertThat(listed).containsSubsequence("Title of Rangi Parata", "Source URL");
        $$("#meeting-form .problem li a").get(listed.indexOf("Title of Rangi Parata")).click();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("participant-title-0");
        assertNoConsoleErrors(400);
    }

    @Test
    void recordsAPastHeadOfAClosedMission() throws IOException {
        long mission = openEmbassy("EE", "LV", "Riga", "1991-08-27", "1992-01-01");
        postAsEditor("/api/missions/" + mission + "/close", "{\"date\": \"2000-01-01\", \"reason\": \"Moved\"}");
        postAsEditor("/api/diplomats", "{\"name\": \"Mari Tamm\", \"country\": \"EE\"}");

        openMissionAsEditor(mission, "Closed");
        assertThat(visible(By.cssSelector("#appoint-head summary")).getText()).isEqualTo("Record a past head of mission");
        openDetails("appoint-head");
        $("#head-search").sendKeys("tamm");
        visible(By.cssSelector("#head-search-results button[aria-label='Choose Mari Tamm']")).click();
        visible(By.id("chosen-diplomat"));
        WebElement appoint = $("#appoint-form");
        new Select(appoint.findElement(By.name("rank"))).selectByValue("CHARGE_D_AFFAIRES");
        setValue(appoint.findElement(By.name("startedOn")), "1993-01-01");
        setValue(appoint.findElement(By.name("endedOn")), "1995-06-30");
        appoint.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement head = visible(By.cssSelector("#heads-table tbody tr"));
        assertThat(head.getText()).contains("Mari Tamm", "1993-01-01", "1995-06-30");
        assertThat(getJson("/api/missions/" + mission).get("heads").get(0).get("endedOn").asString())
                .isEqualTo("1995-06-30");
        screenshot("past-head-of-a-closed-mission");
        assertNoConsoleErrors();
        assertAccessible();
    }

    @Test
    void recordsANonResidentAccreditationWithItsDiplomatFoundByNameAmongTheSendingCountrys() {
        postAsEditor("/api/relations/LI/SM/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1990-01-01\"}");
        long sammarinese = postAsEditor("/api/diplomats", "{\"name\": \"Marino Accredited\", \"country\": \"SM\"}")
                .get("id").asLong();
        postAsEditor("/api/diplomats", "{\"name\": \"Marina Accredited\", \"country\": \"LI\"}");

        open("/relations/LI/SM");
        signIn("editor", "editor-secret");
        openDetails("record-accreditation");
        WebElement form = $("#accreditation-form");
        assertThat(form.findElements(By.name("diplomatId"))).as("no id to type").isEmpty();
        assertThat(new Select(form.findElement(By.name("sendingCountry"))).getFirstSelectedOption()
                .getDomAttribute("value")).as("the country the resident missions are offered of").isEqualTo("LI");
        new Select(form.findElement(By.name("sendingCountry"))).selectByValue("SM");
        new Select(form.findElement(By.name("level"))).selectByValue("AMBASSADOR");
        setValue(form.findElement(By.name("from")), "1995-01-01");
        WebElement search = visible(By.id("accreditation-diplomat-search"));
        assertThat($("label[for=accreditation-diplomat-search]").getText()).isEqualTo("Diplomat of San Marino (optional)");
        search.sendKeys("Accredited");
        // the sending country's diplomats only: Marina, of Liechtenstein, is not offered
        WebElement choose = visible(By.cssSelector("#accreditation-diplomat-search-results button[data-diplomat]"));
        assertThat($$("#accreditation-diplomat-search-results li")).hasSize(1);
        assertThat(choose.getDomAttribute("data-diplomat")).isEqualTo(Long.toString(sammarinese));
        choose.click();
        assertThat(visible(By.id("accreditation-diplomat")).getText()).contains("Marino Accredited");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("accreditations-table"), "1995-01-01"));
        JsonNode recorded = getJson("/api/relations/LI/SM/accreditations").get("content").get(0);
        assertThat(recorded.get("sendingCountry").asString()).isEqualTo("SM");
        assertThat(recorded.get("diplomatId").asLong()).isEqualTo(sammarinese);
        assertThat(visible(By.id("accreditation-diplomat-search")).getDomProperty("value")).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void offersAsResidentMissionTheSendingCountrysDiplomaticMissionsInOtherCountriesOpenOnTheFromDay()
            throws IOException {
        for (String other : new String[] {"TO", "AU", "NZ", "JP"}) {
            postAsEditor("/api/relations/FJ/" + other + "/events",
                    "{\"type\": \"ESTABLISHED\", \"date\": \"1971-01-01\"}");
        }
        long canberra = openedMission("FJ", "AU", "HIGH_COMMISSION", "Canberra", "1972-01-01");
        long tokyo = openedMission("FJ", "JP", "EMBASSY", "Tokyo", "1980-01-01");
        openedMission("FJ", "NZ", "CONSULATE_GENERAL", "Auckland", "1972-01-01");

        open("/relations/FJ/TO");
        signIn("editor", "editor-secret");
        openDetails("record-accreditation");
        WebElement form = $("#accreditation-form");
        new Select(form.findElement(By.name("sendingCountry"))).selectByValue("FJ");
        new Select(form.findElement(By.name("level"))).selectByValue("AMBASSADOR");
        assertThat(new Select(form.findElement(By.name("residentMissionId"))).getOptions()).as("no day yet").hasSize(1);

        // in 1975 the high commission in Canberra was open, the embassy in Tokyo not yet; a consulate is no choice
        setValue(form.findElement(By.name("from")), "1975-06-01");
        waitFor(driver -> offered(form).size() == 2);
        assertThat(offered(form)).containsExactly("", Long.toString(canberra));
        setValue(form.findElement(By.name("from")), "1985-06-01");
        waitFor(driver -> offered(form).size() == 3);
        assertThat(offered(form)).containsExactly("", Long.toString(canberra), Long.toString(tokyo));
        assertThat(new Select(form.findElement(By.name("residentMissionId"))).getOptions().get(2).getText())
                .isEqualTo("Japan: embassy in Tokyo (mission " + tokyo + ")");
        new Select(form.findElement(By.name("residentMissionId"))).selectByValue(Long.toString(tokyo));
        // a day when Tokyo was not open: it is no longer chosen (the option in its place is not chosen instead)
        setValue(form.findElement(By.name("from")), "1976-01-01");
        waitFor(driver -> offered(form).size() == 2);
        assertThat(form.findElement(By.name("residentMissionId")).getDomProperty("value")).isEmpty();
        setValue(form.findElement(By.name("from")), "1985-06-01");
        waitFor(driver -> offered(form).size() == 3);
        new Select(form.findElement(By.name("residentMissionId"))).selectByValue(Long.toString(tokyo));
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("accreditations-table"), "1985-06-01"));
        JsonNode recorded = getJson("/api/relations/FJ/TO/accreditations").get("content").get(0);
        assertThat(recorded.get("residentMissionId").asLong()).isEqualTo(tokyo);
        assertNoConsoleErrors();
        assertAccessible();
    }

    @Test
    void readsTheResidentMissionsOfAFromDayChangedByTheKeysOnceTheyPause() {
        open("/relations/WS/TV");
        signIn("editor", "editor-secret");
        openDetails("record-accreditation");
        WebElement form = $("#accreditation-form");
        script("""
                window.daysAsked = [];
                const fetchNow = window.fetch;
                window.fetch = (url, options) => {
                  const day = new URL(String(url), window.location.href).searchParams.get('openOn');
                  if (day) window.daysAsked.push(day);
                  return fetchNow(url, options);
                };""");
        boolean monthFirst = ((String) script("return new Date(2000, 1, 3).toLocaleDateString()")).startsWith("2");
        WebElement from = form.findElement(By.name("from"));
        from.sendKeys(monthFirst ? "03012020" : "01032020");
        waitFor(driver -> ((List<?>) script("return window.daysAsked")).size() == 1);
        assertThat(script("return window.daysAsked")).isEqualTo(List.of("2020-03-01"));

        // the year stepped up three times with the arrow key passes through 2021 and 2022, neither asked for: only
        // the day the keys paused on
        holdKeyPauses();
        from.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP, Keys.ARROW_UP);
        assertThat(script("return window.daysAsked")).as("days asked before the keys paused")
                .isEqualTo(List.of("2020-03-01"));
        assertThat(keyPausesWaited()).isEqualTo(1);
        endKeyPauses();
        waitFor(driver -> ((List<?>) script("return window.daysAsked")).size() == 2);
        assertThat(script("return window.daysAsked")).isEqualTo(List.of("2020-03-01", "2023-03-01"));

        // a day before the calendar's first whole year is asked for not at all, and said
        from.sendKeys(Keys.DELETE, "1500");
        endKeyPauses();
        waitFor(ExpectedConditions.textToBePresentInElement(form, "The days recorded begin on 1583-01-01"));
        assertThat(script("return window.daysAsked")).isEqualTo(List.of("2020-03-01", "2023-03-01"));
        assertNoConsoleErrors();
    }

    private long openedMission(String sending, String receiving, String type, String city, String opened) {
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "%s", "receivingCountry": "%s", "type": "%s", "city": "%s"}"""
                .formatted(sending, receiving, type, city)).get("id").asLong();
        postAsEditor("/api/missions/" + mission + "/open", "{\"date\": \"" + opened + "\"}");
        return mission;
    }

    /** The values of the resident mission's options, read at once (the page draws them anew as they come). */
    @SuppressWarnings("unchecked")
    private List<String> offered(WebElement form) {
        return (List<String>) script("return [...arguments[0].options].map((option) => option.value);",
                form.findElement(By.name("residentMissionId")));
    }

    @Test
    void aRuleRefusingTheDayOfARowsFormMarksTheDayAndLinksToIt() {
        long id = postAsEditor("/api/relations/AD/BT/milestones", "{\"title\": \"Visa talks\", \"target\": \"2022\"}")
                .get("id").asLong();
        open("/milestones?country=BT");
        signIn("editor", "editor-secret");
        visible(By.cssSelector("#list-table tr[data-milestone='" + id + "'] [data-action=achieve]")).click();
        WebElement form = visible(By.cssSelector("#list-table form.actions"));
        setValue(form.findElement(By.name("date")), "2099-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement refused = visible(By.id("milestone-action-problem"));
        assertThat(refused.getText()).contains("Achieved on: R3: ");
        WebElement day = form.findElement(By.name("date"));
        assertThat(day.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat($("#" + day.getDomAttribute("aria-describedby")).getText()).startsWith("Achieved on: R3: ")
                .contains("2099-01-01");
        refused.findElement(By.linkText("Achieved on")).click();
        assertThat(driver.switchTo().activeElement()).isEqualTo(day);
        assertThat(getJson("/api/milestones/" + id).get("status").asString()).isEqualTo("OVERDUE");
        assertNoConsoleErrors(400);
    }

    @Test
    void endsANonResidentAccreditationFromTheRelationPage() {
        postAsEditor("/api/relations/LU/MT/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1970-01-01\"}");
        long accreditation = postAsEditor("/api/relations/LU/MT/accreditations",
                "{\"sendingCountry\": \"LU\", \"level\": \"AMBASSADOR\", \"from\": \"1975-01-01\"}").get("id").asLong();

        open("/relations/LU/MT");
        visible(By.id("accreditations-table"));
        signIn("editor", "editor-secret");
        visible(By.cssSelector("#accreditations-table button[aria-label^='End the accreditation']")).click();
        WebElement form = visible(By.id("end-accreditation-" + accreditation));
        setValue(form.findElement(By.name("date")), "1974-01-01");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement refused = visible(By.id("row-action-problem"));
        assertThat(refused.getText()).contains("Ended on: must not be before the accreditation's start (1975-01-01)");
        WebElement day = form.findElement(By.name("date"));
        assertThat(day.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat($("#" + day.getDomAttribute("aria-describedby")).getText())
                .contains("must not be before the accreditation's start (1975-01-01)");
        assertThat(form.findElement(By.name("datePrecision")).getDomAttribute("aria-invalid")).isNull();
        refused.findElement(By.linkText("Ended on")).click();
        assertThat(driver.switchTo().activeElement()).isEqualTo(form.findElement(By.name("date")));
        assertThat(getJson("/api/relations/LU/MT/accreditations/" + accreditation).get("to").isNull()).isTrue();

        setValue(form.findElement(By.name("date")), "1980-03-01");
        new Select(form.findElement(By.name("datePrecision"))).selectByValue("MONTH");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#accreditations-table tbody tr"),
                "1980-03"));
        JsonNode stored = getJson("/api/relations/LU/MT/accreditations/" + accreditation);
        assertThat(stored.get("to").asString()).isEqualTo("1980-03-01");
        assertThat(stored.get("toPrecision").asString()).isEqualTo("MONTH");
        assertThat($$("#accreditations-table button[aria-label^='End the accreditation']")).isEmpty();
        assertNoConsoleErrors(400);
    }

    @Test
    void cancelsAMilestoneFromTheListAfterSigningInFromItsRowAndTryingAgain() {
        long id = listOverdue("Exchange of ambassadors", "2020");
        String row = "tr[data-milestone='" + id + "']";

        $(row + " button[aria-label^='Cancel']").click();
        visible(By.xpath("//tr[@data-milestone='" + id + "']//button[normalize-space()='Yes, cancel it']")).click();
        signInFromTheRowsProblem(row);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.done[role=status]"),
                "“Exchange of ambassadors” cancelled."));
        assertThat(getJson("/api/milestones/" + id).get("status").asString()).isEqualTo("CANCELLED");
        assertNoConsoleErrors(401);
    }

    @Test
    void aRowFormTriedAgainAfterSigningInSendsWhatItNowReads() {
        long id = listOverdue("Consulates opened", "2021");
        String row = "#list-table tr[data-milestone='" + id + "']";

        $(row + " button[aria-label^='Achieve']").click();
        WebElement date = visible(By.cssSelector(row + " input[name=date]"));
        setValue(date, "2019-03-01");
        $(row + " form button[type=submit]").click();
        signInFromTheRowsProblem(row);
        setValue($(row + " input[name=date]"), "2022-04-05");
        $(row + " .problem button").click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.done[role=status]"),
                "“Consulates opened” achieved on 2022-04-05."));
        assertThat(getJson("/api/milestones/" + id).get("achievedOn").asString()).isEqualTo("2022-04-05");
        assertNoConsoleErrors(401);
    }

    @Test
    void achievingAMilestoneWithoutADayIsRefusedInWordsAtTheDayAndChangesNothing() {
        long id = listOverdue("Trade agreement signed", "2019");
        String row = "#list-table tr[data-milestone='" + id + "']";
        signIn("editor", "editor-secret");

        $(row + " button[aria-label^='Achieve']").click();
        WebElement date = visible(By.cssSelector(row + " input[name=date]"));
        $(row + " form button[type=submit]").click();

        WebElement refused = visible(By.cssSelector(row + " .problem"));
        assertThat(refused.getText()).contains("Achieved on:");
        date = $(row + " input[name=date]");
        assertThat(date.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat($("#" + date.getDomAttribute("aria-describedby")).getText()).startsWith("Achieved on:");
        assertThat(getJson("/api/milestones/" + id).get("status").asString()).isEqualTo("OVERDUE");
        assertNoConsoleErrors(400);
    }

    /** Plans a milestone of Monaco and San Marino due long ago and opens the list of overdue ones once it shows it. */
    private long listOverdue(String title, String target) {
        long id = postAsEditor("/api/relations/MC/SM/milestones", "{\"title\": \"" + title + "\", \"target\": \""
                + target + "\"}").get("id").asLong();
        open("/milestones?status=OVERDUE&country=MC");
        visible(By.cssSelector("tr[data-milestone='" + id + "']"));
        return id;
    }

    /** Signs in from the 401 shown in a row; the dialog gives the focus back to the row's "Try again". */
    private void signInFromTheRowsProblem(String row) {
        WebElement problem = visible(By.cssSelector(row + " .problem[role=alert]"));
        problem.findElement(By.xpath(".//button[normalize-space()='Sign in']")).click();
        WebElement dialog = visible(By.id("sign-in-dialog"));
        dialog.findElement(By.name("user")).sendKeys("editor");
        dialog.findElement(By.name("password")).sendKeys("editor-secret");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBe(By.id("signed-in-user"), "editor"));
        waitFor(driver -> "Try again".equals(driver.switchTo().activeElement().getText()));
        assertThat($(row + " .problem[role=alert]").getText()).startsWith("Signed in as editor.");
    }

    @Test
    void theSignInPageGoesOnOnlyToAPageOfItsOwn() {
        open("/sign-in?return=%23%2Fchanges");
        assertThat(signInOnThePage()).endsWith("/admin/#/changes");
        assertThat(driver.switchTo().activeElement().getText()).as("the focus on what it did")
                .startsWith("Signed in").contains("Go on");

        open("/sign-in?return=javascript%3Aalert(document.domain)");
        assertThat(signInOnThePage()).endsWith("/admin/#/map");
        assertNoConsoleErrors();
    }

    @Test
    void theSignInPageAndTheDialogOpenedBeforeHaveAFormEachOfItsOwnId() throws IOException {
        open("/map");
        driver.navigate().refresh(); // signed out: what an earlier test of the tab signed in went with its storage
        visible(By.id("sign-in-button")).click();
        visible(By.id("sign-in-dialog")).findElement(By.xpath(".//button[normalize-space()='Cancel']")).click();
        open("/sign-in");
        visible(By.cssSelector(".view form"));

        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) script("return [...document.querySelectorAll('[id]')].map((e) => e.id)");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat($$("form")).hasSize(2);
        assertAccessible();
    }

    /** Signs in with the form of the sign-in page and answers where its "Go on" link leads. */
    private String signInOnThePage() {
        WebElement form = visible(By.cssSelector(".view form"));
        form.findElement(By.name("user")).sendKeys("editor");
        form.findElement(By.name("password")).sendKeys("editor-secret");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return visible(By.linkText("Go on")).getDomProperty("href");
    }

    @Test
    void theSkipLinkMovesTheFocusToTheContentAndLeavesThePageAsItIs() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector("figure.map[data-shown-country='US']"));

        script("document.getElementById('skip-link').click()");

        assertThat(driver.getCurrentUrl()).endsWith("#/map?country=US&asOf=1961-01-03");
        assertThat(script("return document.activeElement.id")).isEqualTo("main");
        assertThat($("h1").getText()).isNotEqualTo("Not found");
        assertNoConsoleErrors();
    }

    @Test
    void theChangeFeedAsksForSignInThenShowsWhoRecordedWhat() throws IOException {
        postAsEditor("/api/diplomats", "{\"name\": \"A Reader of the Feed\", \"country\": \"PT\"}");
        open("/changes");
        visible(By.id("changes-sign-in"));
        signIn("editor", "editor-secret");
        visible(By.id("changes-table"));

        List<WebElement> rows = $$("#changes-table tbody tr");
        JsonNode first = JSON.readTree(api("GET", "/api/changes?after=0&size=1", null, "editor", "editor-secret").body())
                .get("content").get(0);
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).getText()).contains(first.get("seq").asString(), first.get("user").asString(),
                first.get("kind").asString());
        screenshot("change-feed");
        assertNoConsoleErrors();
        assertAccessible();

        // the newest changes at one click: the feed's last page, ending with the newest change
        long total = JSON.readTree(api("GET", "/api/changes?size=1", null, "editor", "editor-secret").body())
                .get("page").get("totalElements").asLong();
        String newest = JSON.readTree(api("GET", "/api/changes?size=1&page=" + (total - 1), null, "editor",
                "editor-secret").body()).get("content").get(0).get("seq").asString();
        $("#changes-latest").click();
        waitFor(d -> d.getCurrentUrl().endsWith("latest=true"));
        waitFor(d -> {
            List<WebElement> shown = $$("#changes-table tbody tr");
            return !shown.isEmpty() && shown.get(shown.size() - 1).getText().startsWith(newest + " ");
        });
        assertThat($$("#changes-table tbody tr")).hasSize((int) ((total - 1) % 100) + 1);
        assertThat($("nav.paging").getText()).contains("From the first", "look again after #" + newest);

        // every change of the kind chosen, saved as CSV with the tab's credentials (a link would send none)
        new Select($("#changes-kind")).selectByValue("diplomat");
        $("form.filters button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().endsWith("kind=diplomat"));
        visible(By.id("changes-csv")).click();
        String csv = downloaded("changes.csv");
        assertThat(csv).isEqualTo(api("GET", "/api/changes?kind=diplomat&format=csv", null, "editor", "editor-secret").body());
        assertThat(csv.lines().skip(1).toList()).isNotEmpty().allMatch(line -> line.contains(",diplomat,"));
        assertNoConsoleErrors();
    }

    @Test
    void theChangeFeedLinksAHeadOfMissionToThePairWhoseMissionsShowIt() {
        postAsEditor("/api/relations/MU/SC/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1976-06-29\"}");
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "MU", "receivingCountry": "SC", "type": "HIGH_COMMISSION", "city": "Victoria"}""")
                .get("id").asLong();
        postAsEditor("/api/missions/" + mission + "/open", "{\"date\": \"1990-01-01\"}");
        long envoy = postAsEditor("/api/diplomats", "{\"name\": \"Ravi Feedlink\", \"country\": \"MU\"}")
                .get("id").asLong();
        long head = postAsEditor("/api/missions/" + mission + "/heads", "{\"diplomatId\": " + envoy
                + ", \"rank\": \"CHARGE_D_AFFAIRES\", \"startedOn\": \"1990-01-02\"}").get("id").asLong();
        open("/changes?kind=head&country=SC");
        signIn("editor", "editor-secret");
        WebElement row = visible(By.xpath("//table[@id='changes-table']//tr[td[normalize-space()='head']"
                + " and td[normalize-space()='" + head + "']]"));

        row.findElement(By.tagName("a")).click();
        waitFor(d -> d.getCurrentUrl().contains("#/relations/"));
        assertThat(driver.getCurrentUrl()).matches(".*#/relations/(MU/SC|SC/MU)$");
        visible(By.xpath("//*[contains(normalize-space(), 'Ravi Feedlink')]"));
        assertNoConsoleErrors();
    }

    @Test
    void theChangeFeedOfOneCountryListsTheChangesOfItsFactsOnly() {
        postAsEditor("/api/diplomats", "{\"name\": \"Lagi Tuimavave\", \"country\": \"WS\"}");
        postAsEditor("/api/relations/TO/WS/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1990-01-01\"}");
        open("/changes");
        signIn("editor", "editor-secret");
        visible(By.id("changes-table"));
        $("#changes-country").sendKeys("wsm");
        $("form.filters button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().endsWith("country=wsm"));
        waitFor(d -> !$$("#changes-table tbody tr").isEmpty());

        List<WebElement> rows = $$("#changes-table tbody tr");
        assertThat($("#changes-table caption").getDomProperty("textContent")).isEqualTo("Changes");
        long kept = JSON.readTree(api("GET", "/api/changes?country=WS&size=1", null, "editor", "editor-secret")
                .body()).get("page").get("totalElements").asLong();
        assertThat($("#changes-count").getText()).as("how many the filter keeps, said with the heading")
                .isEqualTo(kept + (kept == 1 ? " change" : " changes") + "; #"
                        + rows.get(0).findElement(By.tagName("td")).getText() + " to #"
                        + rows.get(rows.size() - 1).findElement(By.tagName("td")).getText() + " shown.");
        assertThat($("h1").getDomAttribute("aria-describedby")).isEqualTo("changes-count");
        assertThat(rows).allMatch(row -> row.findElements(By.tagName("td")).get(6).getText().contains("WS"));
        assertThat(rows).anyMatch(row -> row.getText().contains("diplomat"))
                .anyMatch(row -> row.getText().contains("event"));

        open("/changes?country=ZZ");
        WebElement refused = visible(By.id("changes-country-error"));
        assertThat(refused.getText()).startsWith("“ZZ” names no known country");
        assertThat($("#changes-country").getAttribute("aria-invalid")).isEqualTo("true");
        // and announced, as every refused filter is, where the focus (the heading) gives no word of it
        assertThat($(".problem[role=alert]").getText()).contains("names no known country");
        assertNoConsoleErrors(400);
    }

    /** An embassy of {@code sending} in {@code receiving}, relations established and the embassy opened on those days. */
    private long openEmbassy(String sending, String receiving, String city, String established, String opened) {
        postAsEditor("/api/relations/" + sending + "/" + receiving + "/events",
                "{\"type\": \"ESTABLISHED\", \"date\": \"" + established + "\"}");
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "%s", "receivingCountry": "%s", "type": "EMBASSY", "city": "%s"}"""
                .formatted(sending, receiving, city)).get("id").asLong();
        postAsEditor("/api/missions/" + mission + "/open", "{\"date\": \"" + opened + "\"}");
        return mission;
    }

    /** The form to record a meeting, signed in as editor, with its date and country chosen. */
    private WebElement meetingForm(String date, String country) {
        open("/meetings/new");
        visible(By.id("meeting-form"));
        signIn("editor", "editor-secret");
        WebElement form = $("#meeting-form");
        setValue(form.findElement(By.name("date")), date);
        new Select(form.findElement(By.name("country"))).selectByValue(country);
        return form;
    }

    private void choose(String query, String name) {
        WebElement search = $("#participant-search");
        search.clear();
        search.sendKeys(query);
        WebElement choice = visible(By.cssSelector("#participant-search-results button[aria-label='Choose " + name + "']"));
        choice.click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"), name));
    }

    @Test
    void aPastHeadEndingAfterTheStateCeasedToExistIsRefusedNextToTheEnd() throws IOException {
        JsonNode embassy = getJson("/api/missions?sending=US&receiving=DD&type=EMBASSY").get("content").get(0);
        postAsEditor("/api/diplomats", "{\"name\": \"Walter Probe\", \"country\": \"US\"}");
        open("/missions/" + embassy.get("id").asLong());
        visible(By.id("mission-summary"));
        signIn("editor", "editor-secret");
        openDetails("appoint-head");
        $("#head-search").sendKeys("walter probe");
        visible(By.cssSelector("#head-search-results button[aria-label='Choose Walter Probe']")).click();
        visible(By.id("chosen-diplomat"));
        WebElement appoint = $("#appoint-form");
        new Select(appoint.findElement(By.name("rank"))).selectByValue("CHARGE_D_AFFAIRES");
        setValue(appoint.findElement(By.name("startedOn")), "1980-01-01");
        setValue(appoint.findElement(By.name("endedOn")), "1995-01-01");
        appoint.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement problem = visible(By.cssSelector("#appoint-form .problem[data-rule=R22]"));
        assertThat(problem.getText()).contains("It concerns Ended on");
        assertThat(errorNextTo(appoint, "endedOn")).startsWith("R22: ").contains("1995-01-01");
        assertThat(appoint.findElement(By.name("startedOn")).getAttribute("aria-invalid")).isNull();
        assertThat(getJson("/api/missions/" + embassy.get("id").asLong()).get("heads")).isEmpty();
        assertNoConsoleErrors(409);
    }

    @Test
    void aDiplomatsPageLeadsToTheMeetingsTheyTookPartIn() {
        long guest = postAsEditor("/api/diplomats", "{\"name\": \"Anu Tamm\", \"country\": \"EE\"}").get("id").asLong();
        long host = postAsEditor("/api/diplomats", "{\"name\": \"Jon Vik\", \"country\": \"NO\"}").get("id").asLong();
        long other = postAsEditor("/api/diplomats", "{\"name\": \"Eva Lund\", \"country\": \"DK\"}").get("id").asLong();
        long attended = postAsEditor("/api/meetings", "{\"date\": \"2021-04-06\", \"country\": \"NO\", "
                + "\"participants\": [{\"diplomatId\": " + guest + "}, {\"diplomatId\": " + host + "}]}")
                .get("id").asLong();
        postAsEditor("/api/meetings", "{\"date\": \"2021-04-07\", \"country\": \"NO\", "
                + "\"participants\": [{\"diplomatId\": " + other + "}, {\"diplomatId\": " + host + "}]}");

        open("/diplomats/" + guest);
        visible(By.linkText("Meetings Anu Tamm took part in")).click();
        waitFor(ExpectedConditions.urlContains("diplomat=" + guest));
        visible(By.cssSelector("#list-table tr[data-meeting='" + attended + "']"));
        assertThat($$("#list-table tbody tr")).hasSize(1);
        assertThat($("#filter-diplomat").getDomProperty("value")).isEqualTo(String.valueOf(guest));
        assertThat(visible(By.id("meetings-of")).getText()).isEqualTo("The meetings Anu Tamm (EE) took part in.");

        open("/diplomats/" + guest);
        visible(By.linkText("Meetings of Estonia")).click();
        waitFor(ExpectedConditions.urlContains("country=EE"));
        assertThat($$("#meetings-of")).isEmpty();

        open("/meetings?diplomat=" + (other + 1000));
        assertThat(visible(By.id("filter-diplomat-error")).getText()).contains("names no known diplomat");
        assertNoConsoleErrors(400);
    }

    @Test
    void deletesADiplomatNoFactNamesAndExplainsWhyOneAMeetingNamesStays() {
        long named = postAsEditor("/api/diplomats", "{\"name\": \"Ragna Holm\", \"country\": \"IS\"}").get("id").asLong();
        long other = postAsEditor("/api/diplomats", "{\"name\": \"Ola Berg\", \"country\": \"NO\"}").get("id").asLong();
        long unused = postAsEditor("/api/diplomats", "{\"name\": \"Sigrun Dal\", \"country\": \"IS\"}").get("id").asLong();
        postAsEditor("/api/meetings", "{\"date\": \"2020-03-02\", \"country\": \"NO\", \"participants\": [{\"diplomatId\": "
                + named + "}, {\"diplomatId\": " + other + "}]}");

        open("/diplomats/" + named);
        visible(By.id("diplomat-form"));
        signIn("editor", "editor-secret");
        openDetails("delete-diplomat");
        $("#delete-diplomat button[type=submit]").click();
        WebElement refused = visible(By.cssSelector("#delete-diplomat .problem[data-rule=R21]"));
        assertThat(refused.getText()).startsWith("R21 RESOURCE_IN_USE — ");
        assertThat(api("GET", "/api/diplomats/" + named, null, null, null).statusCode()).isEqualTo(200);

        open("/diplomats/" + unused);
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Sigrun Dal"));
        openDetails("delete-diplomat");
        $("#delete-diplomat button[type=submit]").click();
        waitFor(ExpectedConditions.urlMatches("#/diplomats$"));
        WebElement said = visible(By.id("route-notice"));
        assertThat(said.getText()).isEqualTo("The diplomat Sigrun Dal (id " + unused + ") was deleted.");
        assertThat(focused()).isEqualTo(said);
        assertThat(api("GET", "/api/diplomats/" + unused, null, null, null).statusCode()).isEqualTo(404);

        $$("nav a").stream().filter(link -> link.getText().equals("Meetings")).findFirst().orElseThrow().click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Meetings"));
        assertThat($$("#route-notice")).as("said once, on the page the deletion led to").isEmpty();
        assertNoConsoleErrors(409);
    }

    /** The error shown next to a field of a form, the element that describes the field. */
    private String errorNextTo(WebElement form, String name) {
        WebElement field = form.findElement(By.name(name));
        assertThat(field.getAttribute("aria-invalid")).as("%s is marked invalid", name).isEqualTo("true");
        return $("#" + field.getAttribute("aria-describedby").replaceAll(".* ", "")).getText();
    }

    /** The page of an open mission, signed in as an editor, with its appointing form open. */
    private void openAppointingAsEditor(long mission) {
        openMissionAsEditor(mission, "Open");
        openDetails("appoint-head");
    }

    /** The page of a mission once it shows the status expected, signed in as an editor. */
    private void openMissionAsEditor(long mission, String status) {
        open("/missions/" + mission);
        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), status));
        signIn("editor", "editor-secret");
    }

    private void openDetails(String id) {
        WebElement details = visible(By.id(id));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }
}
