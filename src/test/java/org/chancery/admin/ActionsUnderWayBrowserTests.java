package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What the admin UI does while a request is under way or after one failed: a row's action is sent once however
 * often its button is pressed, a day the map could not read is said and can be read again, a sign-in closed before
 * its check came back signs nobody in.
 */
class ActionsUnderWayBrowserTests extends BrowserTest {

    /** Counts the requests the page sends whose method and address match, in {@code window.sent}. */
    private void countRequests(String method, String addressPart) {
        script("""
                const [method, addressPart] = arguments;
                window.sent = 0;
                const fetchNow = window.fetch;
                window.fetch = (url, options) => {
                  if ((options?.method || 'GET') === method && String(url).includes(addressPart)) window.sent++;
                  return fetchNow(url, options);
                };""", method, addressPart);
    }

    /**
     * The server answers the page's requests whose address matches {@code addressPattern} (a regular expression) 503,
     * as it does when the database gives no connection, until the page sets {@code window.serverBack}.
     */
    private void unavailable(String addressPattern) {
        script("""
                const matching = new RegExp(arguments[0]);
                const fetchNow = window.fetch;
                window.fetch = (url, options) => matching.test(String(url)) && !window.serverBack
                  ? Promise.resolve(new Response(JSON.stringify({type: 'about:blank', title: 'Service Unavailable',
                      status: 503, code: 'SERVICE_UNAVAILABLE', detail: 'The database did not answer in time.'}),
                      {status: 503, headers: {'Content-Type': 'application/problem+json'}}))
                  : fetchNow(url, options);""", addressPattern);
    }

    /**
     * Sign-ins of this user or from this address are locked (too many failed, another person's perhaps): the server
     * answers every request with credentials 429, until the page sets {@code window.unlocked}.
     */
    private void signInsLocked() {
        script("""
                const fetchNow = window.fetch;
                window.withCredentials = 0;
                window.fetch = (url, options) => {
                  if (!options?.headers?.Authorization || window.unlocked) return fetchNow(url, options);
                  window.withCredentials++;
                  return Promise.resolve(new Response(JSON.stringify({type: 'about:blank', title: 'Too Many Requests',
                      status: 429, code: 'TOO_MANY_REQUESTS', detail: 'Too many failed sign-ins for this user name or '
                      + 'from this address; try again in 900 seconds.'}),
                      {status: 429, headers: {'Content-Type': 'application/problem+json', 'Retry-After': '900'}}));
                };""");
    }

    @Test
    void whileSignInsAreLockedASignedInTabReadsWhatIsPublicWithoutCredentialsAndSaysTheLockForTheRest() {
        postAsEditor("/api/relations/LT/UY/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1992-05-01\"}");
        open("/countries");
        signIn("editor", "editor-secret");
        signInsLocked();

        open("/relations/LT/UY");
        waitFor(ExpectedConditions.textToBe(By.id("relation-status"), "Established"));
        assertThat($$("#main .problem")).isEmpty();
        assertThat(script("return window.withCredentials")).as("reads first sent with credentials").isNotEqualTo(0L);
        assertThat($("#signed-in-user").getText()).as("still signed in").isEqualTo("editor");
        // the change feed needs credentials: the lock is said, not a sign-in asked for
        open("/changes");
        WebElement problem = visible(By.cssSelector("#main .problem"));
        assertThat(problem.getText()).contains("TOO_MANY_REQUESTS", "try again in 900 seconds")
                .doesNotContain("Sign in as an editor");
        script("window.unlocked = true");
        open("/changes?kind=event");
        visible(By.id("changes-table"));
        assertNoConsoleErrors(401); // the change feed asked without credentials while the lock lasted
    }

    /** Lets the searches held through once the one for {@code q} is among them (see the test below). */
    private void letSearchesThroughOnceAsked(String q) {
        waitFor(driver -> script("return window.held.some((search) => search.q === arguments[0])", q));
        script("window.held.splice(0).forEach((search) => search.letThrough())");
    }

    @Test
    void whileADiplomatSearchIsUnderWayThePageSaysSoAndThatTheResultsShownAreOfWhatWasTypedBefore() {
        postAsEditor("/api/diplomats", "{\"name\": \"Vaino Searched\", \"country\": \"FI\"}");
        postAsEditor("/api/diplomats", "{\"name\": \"Vaino Searchedtwice\", \"country\": \"FI\"}");
        open("/meetings/new");
        visible(By.id("meeting-form"));
        signIn("editor", "editor-secret");
        // the searches held until the test lets them through (a pause in the typing may send one on the way)
        script("""
                window.held = [];
                const fetchNow = window.fetch;
                window.fetch = (url, options) => String(url).includes('/api/diplomats?')
                  ? new Promise((resolve) => window.held.push({q: new URL(url, location.href).searchParams.get('q'),
                      letThrough: () => resolve(fetchNow(url, options))}))
                  : fetchNow(url, options);""");

        $("#participant-search").sendKeys("vaino searched");
        WebElement searching = visible(By.id("participant-search-searching"));
        assertThat(searching.getDomAttribute("aria-busy")).isEqualTo("true");
        waitFor(ExpectedConditions.textToBePresentInElement(searching, "Searching for “vaino searched”"));
        letSearchesThroughOnceAsked("vaino searched");
        waitFor(driver -> $$("#participant-search-results li").size() == 2);
        assertThat($$("#participant-search-searching")).isEmpty();

        $("#participant-search").sendKeys("twice");
        waitFor(driver -> visible(By.id("participant-search-searching")).getText()
                .contains("The results below are of what was typed before"));
        assertThat($$("#participant-search-results li")).hasSize(2);
        letSearchesThroughOnceAsked("vaino searchedtwice");
        waitFor(driver -> $$("#participant-search-results li").size() == 1);
        assertThat($$("#participant-search-searching")).isEmpty();

        // one of the results shown chosen while a search is under way: the search is answered to no one
        $("#participant-search").sendKeys("s");
        visible(By.id("participant-search-searching"));
        $("#participant-search-results button[data-diplomat]").click();
        waitFor(driver -> $$("#participant-search-searching").isEmpty());
        script("window.held.splice(0).forEach((search) => search.letThrough())");
        waitFor(driver -> script("return window.held.length === 0 && document.readyState === 'complete'"));
        assertThat($$("#participant-search-searching")).isEmpty();
        assertThat($$("#participant-search-results li")).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void theAnswerForACountryChosenBeforeAnotherCountsNoMoreWhenItComesLast() {
        long peruvian = postAsEditor("/api/diplomats", "{\"name\": \"Lidia Raced\", \"country\": \"PE\"}")
                .get("id").asLong();
        long bolivian = postAsEditor("/api/diplomats", "{\"name\": \"Lidia Raced\", \"country\": \"BO\"}")
                .get("id").asLong();
        open("/meetings/new");
        visible(By.id("meeting-form"));
        signIn("editor", "editor-secret");
        $("#participant-search").sendKeys("lidia raced");
        waitFor(driver -> $$("#participant-search-results li").size() == 2);
        // the searches held until the test lets them through; each counted as answered once the page has read it
        // (a task after the answer's body, whose reading the page awaits)
        script("""
                window.held = [];
                window.answered = 0;
                const fetchNow = window.fetch;
                const counted = (response) => {
                  const body = response.json.bind(response);
                  response.json = () => body().then((value) => {
                    setTimeout(() => { window.answered += 1; });
                    return value;
                  });
                  return response;
                };
                window.fetch = (url, options) => String(url).includes('/api/diplomats?')
                  ? new Promise((resolve) => window.held.push(() => resolve(fetchNow(url, options).then(counted))))
                  : fetchNow(url, options);""");

        new Select($("#participant-search-country")).selectByValue("PE");
        waitFor(driver -> Long.valueOf(1).equals(script("return window.held.length")));
        new Select($("#participant-search-country")).selectByValue("BO");
        waitFor(driver -> Long.valueOf(2).equals(script("return window.held.length")));
        script("window.held[1]()");
        waitFor(driver -> $$("#participant-search-results li").size() == 1);
        script("window.held[0]()");
        waitFor(driver -> Long.valueOf(2).equals(script("return window.answered")));

        assertThat($$("#participant-search-results button[data-diplomat]"))
                .extracting(button -> button.getDomAttribute("data-diplomat"))
                .as("Bolivia's, as the select says, not Peru's, answered last")
                .containsExactly(String.valueOf(bolivian))
                .doesNotContain(String.valueOf(peruvian));
        assertThat(new Select($("#participant-search-country")).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("BO");
        assertNoConsoleErrors();
    }

    @Test
    void aSecondClickOnYesDeleteWhileThePageReadsThePairAgainSendsNothing() {
        postAsEditor("/api/relations/EE/UY/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1992-03-01\"}");
        long severed = postAsEditor("/api/relations/EE/UY/events", "{\"type\": \"SEVERED\", \"date\": \"2001-05-01\"}")
                .get("id").asLong();
        open("/relations/EE/UY");
        signIn("editor", "editor-secret");
        String row = "#events-table tr[data-event='" + severed + "'] ";
        visible(By.cssSelector(row + "[data-action=delete]")).click();
        // the DELETEs counted; once one is sent, the page's reads of the pair held until the test lets them through
        script("""
                window.sent = 0;
                window.held = [];
                const fetchNow = window.fetch;
                window.fetch = (url, options) => {
                  if (options?.method === 'DELETE') window.sent++;
                  else if (window.sent && window.held && String(url).includes('/api/relations/EE/UY')) {
                    return new Promise((resolve) => window.held.push(() => resolve(fetchNow(url, options))));
                  }
                  return fetchNow(url, options);
                };""");
        WebElement yes = visible(By.xpath("//tr[@data-event='" + severed
                + "']//button[normalize-space()='Yes, delete']"));

        yes.click();
        waitFor(driver -> script("return window.held.length > 0"));
        assertThat(yes.getDomAttribute("aria-busy")).isEqualTo("true");
        // deleted, the pair not read again yet: the button of the row as it was is still there, and takes a key
        // (a pointer goes through aria-disabled buttons no more)
        yes.sendKeys(Keys.ENTER);
        script("const held = window.held; window.held = null; held.forEach((letThrough) => letThrough())");

        waitFor(ExpectedConditions.textToBe(By.id("row-action-done"), "The event Severed of 2001-05-01 deleted."));
        assertThat(script("return window.sent")).as("DELETE requests sent").isEqualTo(1L);
        assertThat($$("#row-action-problem")).isEmpty();
        assertThat(getJson("/api/relations/EE/UY").get("events")).hasSize(1);
        assertNoConsoleErrors();
    }

    @Test
    void aDoubleClickOnYesCancelItInTheMilestoneListCancelsOnceAndSaysItWasCancelled() {
        postAsEditor("/api/relations/LV/PY/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1993-01-01\"}");
        long id = postAsEditor("/api/relations/LV/PY/milestones", "{\"title\": \"Trade talks\", \"target\": \"2033\"}")
                .get("id").asLong();
        open("/milestones?country=LV");
        signIn("editor", "editor-secret");
        visible(By.cssSelector("tr[data-milestone='" + id + "'] [data-action=cancel]")).click();
        countRequests("POST", "/cancel");

        new Actions(driver).doubleClick(visible(By.xpath("//button[text()='Yes, cancel it']"))).perform();

        waitFor(ExpectedConditions.textToBe(By.id("milestone-action-done"), "“Trade talks” cancelled."));
        assertThat(script("return window.sent")).as("cancellations sent").isEqualTo(1L);
        assertThat($$("#milestone-action-problem")).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void whileOneRowsActionIsUnderWayAnotherRowsButtonSaysItTakesNoneAndSendsNothing() {
        postAsEditor("/api/relations/LV/UY/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1993-02-01\"}");
        long talks = postAsEditor("/api/relations/LV/UY/milestones",
                "{\"title\": \"Tax talks\", \"target\": \"2034\"}").get("id").asLong();
        long visas = postAsEditor("/api/relations/LV/UY/milestones",
                "{\"title\": \"Visa waiver\", \"target\": \"2035\"}").get("id").asLong();
        open("/milestones?country=UY");
        signIn("editor", "editor-secret");
        visible(By.cssSelector("tr[data-milestone='" + visas + "'] [data-action=achieve]")).click();
        visible(By.cssSelector("tr[data-milestone='" + talks + "'] [data-action=cancel]")).click();
        // the cancellation held until the test lets it through; the achievements counted
        script("""
                window.sent = 0;
                const fetchNow = window.fetch;
                window.fetch = (url, options) => {
                  if (String(url).includes('/achieve')) window.sent++;
                  if (String(url).includes('/cancel')) {
                    return new Promise((resolve) => { window.letThrough = () => resolve(fetchNow(url, options)); });
                  }
                  return fetchNow(url, options);
                };""");
        $("tr[data-milestone='" + visas + "'] input[type=date]").sendKeys("2026-01-05");
        WebElement achieved = visible(By.xpath("//tr[@data-milestone='" + visas + "']//button[text()='Achieved']"));

        visible(By.xpath("//button[text()='Yes, cancel it']")).click();
        waitFor(driver -> script("return typeof window.letThrough === 'function'"));

        assertThat(achieved.getDomAttribute("aria-disabled")).isEqualTo("true");
        assertThat(achieved.getDomAttribute("aria-busy")).as("not the row whose action is sent").isNull();
        achieved.sendKeys(Keys.ENTER);
        script("window.letThrough()");
        waitFor(ExpectedConditions.textToBe(By.id("milestone-action-done"), "“Tax talks” cancelled."));
        assertThat(script("return window.sent")).as("achievements sent meanwhile").isEqualTo(0L);
        assertThat($$("button[aria-disabled]")).as("buttons still saying they take nothing").isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void aRowsDayTheCalendarLacksIsSaidInTheRowAndNothingIsSent() {
        postAsEditor("/api/relations/EE/PY/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1993-02-01\"}");
        long treaty = postAsEditor("/api/relations/EE/PY/milestones",
                "{\"title\": \"Treaty\", \"target\": \"2034\"}").get("id").asLong();
        open("/milestones?country=PY");
        signIn("editor", "editor-secret");
        visible(By.cssSelector("tr[data-milestone='" + treaty + "'] [data-action=achieve]")).click();
        script("window.sent = 0; const fetchNow = window.fetch; window.fetch = (url, options) => {"
                + " if (String(url).includes('/achieve')) window.sent++; return fetchNow(url, options); };");

        // the 30th of February, which the browser gives as an empty field: it was sent as "" and refused as a parse
        boolean monthFirst = ((String) script("return new Date(2000, 1, 3).toLocaleDateString()")).startsWith("2");
        WebElement day = $("tr[data-milestone='" + treaty + "'] input[type=date]");
        day.sendKeys(monthFirst ? "02302025" : "30022025");
        day.sendKeys(Keys.ENTER);

        WebElement problem = visible(By.id("milestone-action-problem"));
        assertThat(problem.getText()).contains("Achieved on: is not a whole day of the calendar");
        assertThat(day.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(script("return window.sent")).isEqualTo(0L);
        assertThat(getJson("/api/milestones/" + treaty).get("status").asString()).isEqualTo("PENDING");
        assertNoConsoleErrors();
    }

    @Test
    void moreOverdueMilestonesThanTheTableShowsAreCountedAndLinked() {
        postAsEditor("/api/relations/MT/NR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1994-01-01\"}");
        for (int i = 1; i <= 201; i++) {
            postAsEditor("/api/relations/MT/NR/milestones", "{\"title\": \"Step " + i + "\", \"target\": \""
                    + (i == 201 ? "2025" : "2024") + "\"}");
        }

        open("/milestones?country=NR");

        // the table said "Overdue (200)" and left out the one whose target ended last
        WebElement overdue = visible(By.cssSelector("section.overdue-first"));
        assertThat(overdue.findElement(By.id("overdue-title")).getText()).isEqualTo("Overdue (201)");
        assertThat($$("#overdue-table tbody tr")).hasSize(200);
        WebElement all = visible(By.cssSelector("#overdue-more a"));
        assertThat($("#overdue-more").getText()).startsWith("The 200 whose target ended first are shown here");
        all.click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list-count"), "201 in all"));
        assertThat(driver.getCurrentUrl()).contains("status=OVERDUE").contains("country=NR");
        assertNoConsoleErrors();
    }

    @Test
    void theOverdueMilestonesAndTheListBelowThemAreReadSideBySide() {
        postAsEditor("/api/relations/MT/PW/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1994-01-01\"}");
        postAsEditor("/api/relations/MT/PW/milestones", "{\"title\": \"Visa talks\", \"target\": \"2001\"}");
        postAsEditor("/api/relations/MT/PW/milestones", "{\"title\": \"Treaty\", \"target\": \"2090\"}");
        open("/countries");
        visible(By.tagName("h1"));
        // the page's reads of the milestones held until the test lets them through: were one sent only once the
        // other had its answer, the second would never be sent while the first is held
        script("""
                window.held = [];
                const fetchNow = window.fetch;
                const milestones = (url) => new URL(url, location.href).pathname === '/api/milestones';
                window.fetch = (url, options) => window.held && milestones(url)
                  ? new Promise((resolve) => window.held.push(() => resolve(fetchNow(url, options))))
                  : fetchNow(url, options);""");

        open("/milestones?country=PW");

        waitFor(driver -> script("return window.held.length === 2"));
        assertThat($$("#overdue-table, #list-table tbody tr")).as("tables drawn before a read was answered").isEmpty();
        script("const held = window.held; window.held = null; held.forEach((letThrough) => letThrough())");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("overdue-table"), "Visa talks"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list-table"), "Treaty"));
        assertNoConsoleErrors();
    }

    @Test
    void overdueMilestonesThatCouldNotBeReadAreSaidWhereTheirTableWouldBe() {
        postAsEditor("/api/relations/LT/BO/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1994-01-01\"}");
        postAsEditor("/api/relations/LT/BO/milestones", "{\"title\": \"Visa talks\", \"target\": \"2001\"}");
        open("/countries");
        visible(By.tagName("h1"));
        unavailable("status=OVERDUE");

        open("/milestones?country=LT");

        WebElement overdue = visible(By.cssSelector("section.overdue-first"));
        assertThat(overdue.getText()).contains("could not be read", "SERVICE_UNAVAILABLE");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list-table"), "Visa talks"));
        assertNoConsoleErrors(503);
    }

    @Test
    void aDayTheMapCouldNotReadIsSaidBesideTheDayStillShownAndCanBeReadAgain() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector("figure.map[data-shown-country='US'][data-shown-date='1961-01-03']"));
        // the server answers the lists of the two years before 503 until the test lets it answer
        unavailable("asOf=19(59|60)-01-03");

        $("button[data-years='-1']").click();

        WebElement caption = visible(By.id("map-caption"));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("map-retry")));
        assertThat(caption.getText()).contains("on 3 January 1961", "3 January 1960 could not be read")
                .doesNotContain("loading the newer day");
        assertThat($("figure.map").getDomAttribute("data-shown-date")).isEqualTo("1961-01-03");
        assertThat($(".problem[role=alert]").getText()).contains("SERVICE_UNAVAILABLE");

        script("window.serverBack = true");
        $("#map-retry").click();
        visible(By.cssSelector("figure.map[data-shown-date='1960-01-03']"));
        assertThat(focused().getDomAttribute("id")).as("the focus of the button gone").isEqualTo("map-caption");
        assertThat($$(".problem[role=alert]")).isEmpty();
        assertThat($$("#map-retry")).isEmpty();

        script("window.serverBack = false");
        $("button[data-years='-1']").click(); // 1959-01-03
        visible(By.id("map-retry"));
        $("button[data-years='1']").click(); // a day read before: shown at once, and the failure no longer said
        visible(By.cssSelector("figure.map[data-shown-date='1960-01-03']"));
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".problem[role=alert]")));
        assertThat($$("#map-retry")).isEmpty();
        assertNoConsoleErrors(503);
    }

    @Test
    void aSignInDialogClosedWhileItsCheckIsUnderWaySignsNobodyIn() {
        open("/countries");
        visible(By.id("sign-in-button")).click();
        script("""
                const fetchNow = window.fetch;
                window.fetch = (url, options) => String(url).includes('/api/imports')
                  ? new Promise((resolve) => { window.answerCheck = () => resolve(fetchNow(url, options)); })
                  : fetchNow(url, options);""");
        WebElement dialog = visible(By.id("sign-in-dialog"));
        dialog.findElement(By.name("user")).sendKeys("editor");
        dialog.findElement(By.name("password")).sendKeys("editor-secret");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(driver -> script("return typeof window.answerCheck === 'function'"));

        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitFor(driver -> !dialog.isDisplayed());
        script("window.answerCheck()");

        waitFor(driver -> script("return document.querySelector('#sign-in-dialog button[type=submit]')"
                + ".getAttribute('aria-busy')").equals("false"));
        assertThat($$("#signed-in-user")).isEmpty();
        assertThat(script("return sessionStorage.getItem('chancery.credentials')")).isNull();
        assertThat(focused().getDomAttribute("id")).as("the focus back where it was").isEqualTo("sign-in-button");
        assertNoConsoleErrors();
    }

    @Test
    void aChangeFeedReadBeforeSigningOutIsNotShownAfterIt() {
        open("/changes");
        visible(By.id("changes-sign-in"));
        script("""
                const fetchNow = window.fetch;
                window.fetch = (url, options) => String(url).includes('/api/changes')
                  ? new Promise((resolve) => { window.answerChanges = () => resolve(fetchNow(url, options)
                      .then((response) => {
                        const read = response.json.bind(response);
                        // once the page has done with the answer
                        response.json = () => read().then((data) => {
                          setTimeout(() => { window.changesRead = true; }, 0);
                          return data;
                        });
                        return response;
                      })); })
                  : fetchNow(url, options);""");
        signIn("editor", "editor-secret");
        waitFor(driver -> script("return typeof window.answerChanges === 'function'"));

        $("#sign-out").click();
        visible(By.id("changes-sign-in"));
        script("window.answerChanges()");
        waitFor(driver -> Boolean.TRUE.equals(script("return window.changesRead === true")));

        assertThat($$("#changes-table")).as("the feed read for the user signed out since").isEmpty();
        assertThat($("#changes-sign-in").isDisplayed()).isTrue();
        assertNoConsoleErrors();
    }

    @Test
    void aPageStillOnItsWaySaysSoInItsPlaceAndInTheTitle() {
        open("/countries");
        waitFor(ExpectedConditions.titleIs("Countries · Chancery admin"));
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 5000,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            open("/observations");

            assertThat(visible(By.id("page-loading")).getText()).isEqualTo("Loading…");
            assertThat(driver.getTitle()).isEqualTo("Loading… · Chancery admin");
        } finally {
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
        waitFor(ExpectedConditions.titleIs("Observations · Chancery admin"));
        assertThat($$("#page-loading")).isEmpty();
        assertNoConsoleErrors();
    }
}
