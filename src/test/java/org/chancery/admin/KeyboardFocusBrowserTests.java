package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Driven by the keyboard alone: a control that its own action replaces (Cancel… and Keep it, Achieve… and Back,
 * Choose, Remove, Sign in and Sign out) hands the focus to what takes its place, and a row's action done hands it
 * to what was done, never to the page, where a keyboard or screen-reader user would start again from the top;
 * Escape in a row's question or form is its way back.
 */
class KeyboardFocusBrowserTests extends BrowserTest {

    @Test
    void aMilestonesRowActionsKeepTheFocusInTheRowThenGiveItToWhatWasDone() {
        postAsEditor("/api/relations/AD/LI/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1995-01-01\"}");
        long id = postAsEditor("/api/relations/AD/LI/milestones", "{\"title\": \"First visit\", \"target\": \"2030\"}")
                .get("id").asLong();
        open("/relations/AD/LI");
        signIn("editor", "editor-secret");
        String row = "#milestones-table tr[data-milestone='" + id + "'] ";
        visible(By.cssSelector(row + "[data-action=cancel]"));

        focusAndPress(row + "[data-action=cancel]", Keys.ENTER);
        assertThat(focused().getText()).isEqualTo("Keep it");
        assertThat(focused().findElement(By.xpath("..")).getAttribute("aria-label")).isEqualTo("Cancel “First visit”?");
        focused().sendKeys(Keys.ENTER);
        assertThat(focused().getDomAttribute("data-action")).isEqualTo("cancel");

        focused().sendKeys(Keys.SHIFT, Keys.TAB); // to Achieve…
        assertThat(focused().getDomAttribute("data-action")).isEqualTo("achieve");
        focused().sendKeys(Keys.ENTER);
        assertThat(focused().getDomAttribute("type")).isEqualTo("date");
        // Tab moves between the parts of a date: to Back directly
        focusAndPress(row + "button.secondary", Keys.ENTER);
        assertThat(focused().getDomAttribute("data-action")).isEqualTo("achieve");

        focusAndPress(row + "[data-action=cancel]", Keys.ENTER);
        focused().sendKeys(Keys.SHIFT, Keys.TAB); // from Keep it to Yes, cancel it
        assertThat(focused().getText()).isEqualTo("Yes, cancel it");
        focused().sendKeys(Keys.ENTER);

        waitFor(ExpectedConditions.textToBe(By.id("row-action-done"), "“First visit” cancelled."));
        assertThat(focused().getDomAttribute("id")).isEqualTo("row-action-done");
        assertThat(getJson("/api/milestones/" + id).get("status").asString()).isEqualTo("CANCELLED");
        assertNoConsoleErrors();
    }

    @Test
    void aLinkOfTheErrorSummaryOpensTheCollapsedSectionOfItsFieldAndGivesItTheFocus() {
        // the demo's pair, which other tests read: the refused severance must leave its story as it was
        JsonNode story = getJson("/api/relations/CU/KR/timeline");
        open("/relations/CU/KR");
        visible(By.cssSelector("#story-items li"));
        signIn("editor", "editor-secret");
        $("#record-event summary").click();
        WebElement form = $("#event-form");
        new Select(form.findElement(By.name("type"))).selectByValue("SEVERED");
        setValue(form.findElement(By.name("date")), "1990-01-01");
        WebElement source = form.findElement(By.cssSelector("details.source"));
        source.findElement(By.tagName("summary")).click();
        form.findElement(By.name("sources[0].url")).sendKeys("not a url");
        source.findElement(By.tagName("summary")).click(); // closed again before sending
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement link = visible(By.xpath("//*[@id='event-form']//*[contains(@class,'problem')]//a[text()='Source URL']"));
        link.click();
        assertThat(source.getAttribute("open")).as("the source's section is open").isNotNull();
        assertThat(focused().getDomAttribute("name")).isEqualTo("sources[0].url");
        assertThat(getJson("/api/relations/CU/KR/timeline")).isEqualTo(story);
        assertNoConsoleErrors(400);
    }

    @Test
    void aDisclosuresSummaryReachedByTabIsRingedInTheOpaqueBlueOfTheLinks() {
        open("/map?country=US&asOf=1961-01-03");
        // the day's relations drawn: the links they bring come before the summary, and would take the Tab meant for it
        visible(By.cssSelector("figure.map[data-shown-country='US'][data-shown-date='1961-01-03']"));
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("main[aria-busy]"), 0));
        WebElement summary = visible(By.cssSelector("details.relations-table summary"));
        script("arguments[0].focus();", summary);
        focused().sendKeys(Keys.SHIFT, Keys.TAB);
        focused().sendKeys(Keys.TAB);

        assertThat(focused()).isEqualTo(summary);
        assertThat(script("const s = getComputedStyle(document.activeElement); "
                + "return [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' ')"))
                .isEqualTo("solid 2px rgb(1, 114, 173)");
        assertNoConsoleErrors();
    }

    @Test
    void aDateFieldIsRingedWhileItsCalendarButtonHasTheFocus() {
        open("/relations/CU/KR");
        WebElement day = visible(By.id("as-of"));
        script("arguments[0].focus();", day);
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        for (int stop = 0; stop < 4; stop++) { // the field's month, day and year, then its calendar button
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }

        assertThat(script("const f = document.activeElement; "
                + "return [f.id, f.matches(':focus'), f.matches(':focus-within')].join(' ')")).isEqualTo("as-of false true");
        assertThat(script("const s = getComputedStyle(document.activeElement); "
                + "return [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' ')"))
                .isEqualTo("solid 2px rgb(1, 114, 173)");
        assertNoConsoleErrors();
    }

    @Test
    void deletingAnEventByKeyboardOffersKeepingItFirstThenSaysWhatWasDeleted() {
        postAsEditor("/api/relations/AD/BT/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1996-01-01\"}");
        long event = postAsEditor("/api/relations/AD/BT/events", "{\"type\": \"SEVERED\", \"date\": \"2001-05-01\"}")
                .get("id").asLong();
        open("/relations/AD/BT");
        signIn("editor", "editor-secret");
        String row = "#events-table tr[data-event='" + event + "'] ";
        visible(By.cssSelector(row + "[data-action=delete]"));

        focusAndPress(row + "[data-action=delete]", Keys.ENTER);
        assertThat(focused().getText()).as("the choice that changes nothing comes first").isEqualTo("Keep it");
        focused().sendKeys(Keys.SHIFT, Keys.TAB);
        focused().sendKeys(Keys.ENTER);

        waitFor(ExpectedConditions.textToBe(By.id("row-action-done"), "The event Severed of 2001-05-01 deleted."));
        assertThat(focused().getDomAttribute("id")).isEqualTo("row-action-done");
        assertThat($$(row)).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void escapeInAnInlineQuestionOrRowFormGoesBackChangingNothing() {
        postAsEditor("/api/relations/AD/KM/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1997-01-01\"}");
        long event = postAsEditor("/api/relations/AD/KM/events", "{\"type\": \"SEVERED\", \"date\": \"2002-05-01\"}")
                .get("id").asLong();
        long milestone = postAsEditor("/api/relations/AD/KM/milestones", "{\"title\": \"Talks\", \"target\": \"2031\"}")
                .get("id").asLong();
        open("/relations/AD/KM");
        signIn("editor", "editor-secret");
        String eventRow = "#events-table tr[data-event='" + event + "'] ";
        String milestoneRow = "#milestones-table tr[data-milestone='" + milestone + "'] ";
        visible(By.cssSelector(eventRow + "[data-action=delete]"));

        focusAndPress(eventRow + "[data-action=delete]", Keys.ENTER);
        focused().sendKeys(Keys.SHIFT, Keys.TAB); // on Yes, delete: Escape still means Keep it
        assertThat(focused().getText()).isEqualTo("Yes, delete");
        focused().sendKeys(Keys.ESCAPE);
        assertThat(focused().getDomAttribute("data-action")).isEqualTo("delete");

        focusAndPress(milestoneRow + "[data-action=cancel]", Keys.ENTER);
        focused().sendKeys(Keys.ESCAPE);
        assertThat(focused().getDomAttribute("data-action")).isEqualTo("cancel");
        focusAndPress(milestoneRow + "[data-action=achieve]", Keys.ENTER);
        assertThat(focused().getDomAttribute("type")).isEqualTo("date");
        focused().sendKeys(Keys.ESCAPE);
        assertThat(focused().getDomAttribute("data-action")).isEqualTo("achieve");

        open("/milestones?country=KM");
        String listed = "#list-table tr[data-milestone='" + milestone + "'] ";
        visible(By.cssSelector(listed + "[data-action=cancel]"));
        focusAndPress(listed + "[data-action=cancel]", Keys.ENTER);
        assertThat(focused().getText()).isEqualTo("Keep it");
        focused().sendKeys(Keys.ESCAPE);
        assertThat(focused().getDomAttribute("data-action")).isEqualTo("cancel");

        assertThat(getJson("/api/relations/AD/KM").get("events").toString()).contains("\"id\":" + event);
        assertThat(getJson("/api/milestones/" + milestone).get("status").asString()).isEqualTo("PENDING");
        assertNoConsoleErrors();
    }

    @Test
    void theMilestonesListGivesTheFocusToWhatWasDone() {
        long id = postAsEditor("/api/relations/AD/BB/milestones", "{\"title\": \"Consular talks\", \"target\": \"2021\"}")
                .get("id").asLong();
        open("/milestones?status=OVERDUE&country=AD");
        signIn("editor", "editor-secret");
        String row = "tr[data-milestone='" + id + "'] ";
        visible(By.cssSelector(row + "[data-action=cancel]"));

        focusAndPress(row + "[data-action=cancel]", Keys.ENTER);
        focused().sendKeys(Keys.SHIFT, Keys.TAB);
        focused().sendKeys(Keys.ENTER);

        waitFor(ExpectedConditions.textToBe(By.id("milestone-action-done"), "“Consular talks” cancelled."));
        assertThat(focused().getDomAttribute("id")).isEqualTo("milestone-action-done");
        assertNoConsoleErrors();
    }

    @Test
    void anOverdueMilestoneListedTwiceOpensItsActionsInTheRowUsedOnly() {
        long id = postAsEditor("/api/relations/AD/BS/milestones", "{\"title\": \"Trade talks\", \"target\": \"2022\"}")
                .get("id").asLong();
        open("/milestones?country=BS");
        signIn("editor", "editor-secret");
        String overdue = "#overdue-table tr[data-milestone='" + id + "'] ";
        visible(By.cssSelector("#list-table tr[data-milestone='" + id + "'] [data-action=cancel]"));

        focusAndPress(overdue + "[data-action=cancel]", Keys.ENTER);

        assertThat($$("[role=group]")).hasSize(1);
        assertThat($$(overdue + "[role=group]")).hasSize(1);
        assertThat(focused().getText()).isEqualTo("Keep it");
        focused().sendKeys(Keys.ENTER);
        focusAndPress("#list-table tr[data-milestone='" + id + "'] [data-action=achieve]", Keys.ENTER);
        assertThat($$("input[type=date][id^=achieve-]")).hasSize(1);
        assertNoConsoleErrors();
    }

    @Test
    void aFormSentWithEnterFromAFieldGivesTheFocusToWhatItDid() {
        open("/relations/AD/KI");
        signIn("editor", "editor-secret");
        script("document.getElementById('plan-milestone').open = true");
        WebElement form = visible(By.id("milestone-form"));
        form.findElement(By.name("title")).sendKeys("First exchange of notes");
        form.findElement(By.name("target")).sendKeys("2031", Keys.ENTER);

        waitFor(driver -> focused().getText().equals("Planned: First exchange of notes."));
        assertThat(focused().getDomAttribute("role")).isEqualTo("status");
        assertNoConsoleErrors();
    }

    @Test
    void signingInAndOutFromTheHeaderLeavesTheFocusInTheHeader() {
        open("/milestones");
        focusAndPress("#sign-in-button", Keys.ENTER);
        WebElement dialog = visible(By.id("sign-in-dialog"));
        assertThat(focused().getDomAttribute("name")).isEqualTo("user");
        focused().sendKeys("editor", Keys.TAB, "editor-secret", Keys.ENTER);

        waitFor(ExpectedConditions.invisibilityOf(dialog));
        waitFor(driver -> "signed-in".equals(focused().getDomAttribute("id")));
        assertThat(focused().getText()).isEqualTo("Signed in as editor");

        focusAndPress("#sign-out", Keys.ENTER);
        assertThat(focused().getDomAttribute("id")).isEqualTo("sign-in-button");

        focused().sendKeys(Keys.ENTER);
        visible(By.id("sign-in-dialog"));
        focused().sendKeys(Keys.ESCAPE);
        waitFor(ExpectedConditions.invisibilityOf(dialog));
        waitFor(driver -> "sign-in-button".equals(focused().getDomAttribute("id")));
        assertNoConsoleErrors();
    }

    @Test
    void signingInFromAPagesOwnButtonGivesTheFocusToThePageItsListReplacesTheButtonOfAndCancellingBackToIt() {
        open("/changes");
        focusAndPress("#changes-sign-in button", Keys.ENTER);
        WebElement dialog = visible(By.id("sign-in-dialog"));
        focused().sendKeys(Keys.ESCAPE);
        waitFor(ExpectedConditions.invisibilityOf(dialog));
        WebElement pagesOwn = $("#changes-sign-in button");
        waitFor(driver -> pagesOwn.equals(focused()));

        pagesOwn.sendKeys(Keys.ENTER);
        visible(By.id("sign-in-dialog"));
        signInAndSeeTheFocusOnTheChangesHeading(dialog);
    }

    @Test
    void aDialogOpenedAgainBeforeItsLastClosingIsAnnouncedStillGivesTheFocusToThePageOnceSignedIn() {
        open("/changes");
        visible(By.cssSelector("#changes-sign-in button"));
        // Escape closes the dialog at once and announces it (the close event) a moment later: a quick user may open it
        // again from the same button in between, as one script does here
        script("const button = document.querySelector('#changes-sign-in button');"
                + "button.focus(); button.click(); const dialog = document.getElementById('sign-in-dialog');"
                + "window.closings = 0; dialog.addEventListener('close', () => window.closings++);"
                + "dialog.close(); button.focus(); button.click();");
        WebElement dialog = visible(By.id("sign-in-dialog"));
        waitFor(driver -> Long.valueOf(1).equals(script("return window.closings;"))); // the late close event came
        waitFor(driver -> "user".equals(focused().getDomAttribute("name")));
        signInAndSeeTheFocusOnTheChangesHeading(dialog);
    }

    /**
     * Signs in as an editor from the dialog open over the change feed, its user field focused: once the feed is drawn
     * in place of the page's own "Sign in", the focus is on the page's heading, not on its body.
     */
    private void signInAndSeeTheFocusOnTheChangesHeading(WebElement dialog) {
        focused().sendKeys("editor", Keys.TAB, "editor-secret", Keys.ENTER);
        waitFor(ExpectedConditions.invisibilityOf(dialog));

        waitFor(ExpectedConditions.numberOfElementsToBe(By.id("changes-sign-in"), 0));
        waitFor(driver -> !driver.findElements(By.id("changes-table")).isEmpty()
                || $("main").getText().contains("No change after"));
        waitFor(driver -> "h1".equals(focused().getTagName()));
        assertThat(focused().getText()).isEqualTo("Changes");
        assertNoConsoleErrors();
    }

    @Test
    void aLinkDrawnAsAButtonIsFollowedWithSpaceAsAButtonIsPressed() {
        open("/missions");
        focusAndPress("a[role=button]", Keys.SPACE);

        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Plan a mission"));
        assertThat(driver.getCurrentUrl()).endsWith("#/missions/new");
        assertThat($("body > header nav a[href='#/missions']").getDomAttribute("aria-current"))
                .as("a page under Missions, not the Missions page itself").isEqualTo("true");
        assertNoConsoleErrors();
    }

    @Test
    void signingInFromAFormsProblemGivesTheFocusBackToTheProblemNowSayingToSubmitAgain() {
        open("/missions/new?sending=AD&receiving=TV&type=CONSULATE");
        WebElement form = visible(By.id("mission-form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        visible(By.cssSelector("#mission-form .problem[data-code=UNAUTHORIZED]"));

        focusAndPress("#mission-form .problem button", Keys.ENTER);
        WebElement dialog = visible(By.id("sign-in-dialog"));
        focused().sendKeys("editor", Keys.TAB, "editor-secret", Keys.ENTER);
        waitFor(ExpectedConditions.invisibilityOf(dialog));

        WebElement problem = $("#mission-form .problem");
        waitFor(driver -> problem.equals(focused()));
        assertThat(problem.getText()).isEqualTo("Signed in as editor.\nSubmit again.");
        assertThat(problem.findElements(By.tagName("button"))).isEmpty();
        assertNoConsoleErrors(401);
    }

    @Test
    void choosingAndRemovingParticipantsKeepsTheFocusInTheParticipants() {
        open("/meetings/new");
        visible(By.id("meeting-form"));
        signIn("editor", "editor-secret");
        chooseByKeyboard("canel", "Miguel Díaz-Canel");
        assertThat(focused().getDomAttribute("id")).as("back in the search, for another").isEqualTo("participant-search");
        chooseByKeyboard("kim jong", "Kim Jong Un");

        focusAndPress("#participants button[aria-label='Remove Miguel Díaz-Canel']", Keys.ENTER);
        assertThat(focused().getDomAttribute("aria-label")).as("the next participant's").isEqualTo("Remove Kim Jong Un");
        focused().sendKeys(Keys.ENTER);
        assertThat($$("#participants li")).isEmpty();
        assertThat(focused().getDomAttribute("id")).isEqualTo("participant-search");
        assertNoConsoleErrors();
    }

    @Test
    void choosingAHeadGivesTheFocusToTheChoiceAndChoosingAnotherToTheSearch() {
        postAsEditor("/api/relations/AD/NR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1997-01-01\"}");
        long mission = postAsEditor("/api/missions", "{\"sendingCountry\": \"AD\", \"receivingCountry\": \"NR\", "
                + "\"type\": \"EMBASSY\", \"city\": \"Yaren\"}").get("id").asLong();
        postAsEditor("/api/diplomats", "{\"name\": \"Rosa Quintana\", \"country\": \"AD\"}");
        open("/missions/" + mission);
        visible(By.id("mission-status"));
        signIn("editor", "editor-secret");
        visible(By.cssSelector("#appoint-head summary")).click();

        WebElement search = visible(By.id("head-search"));
        search.sendKeys("quintana");
        visible(By.cssSelector("#head-search-results button[aria-label='Choose Rosa Quintana']")).sendKeys(Keys.ENTER);
        assertThat(focused().getDomAttribute("id")).isEqualTo("chosen-diplomat");
        assertThat(focused().getText()).startsWith("Head: Rosa Quintana (AD)");

        focused().sendKeys(Keys.TAB, Keys.ENTER); // Choose another
        assertThat(focused().getDomAttribute("id")).isEqualTo("head-search");
        assertNoConsoleErrors();
    }


    /** Focuses the control once the page has loaded (its heading then took the focus) and presses the key. */
    private void focusAndPress(String css, CharSequence key) {
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("main[aria-busy]"), 0));
        WebElement control = visible(By.cssSelector(css));
        script("arguments[0].focus();", control);
        assertThat(focused()).isEqualTo(control);
        control.sendKeys(key);
    }

    private void chooseByKeyboard(String query, String name) {
        WebElement search = $("#participant-search");
        search.sendKeys(query);
        visible(By.cssSelector("#participant-search-results button[aria-label='Choose " + name + "']")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"), name));
    }
}
