package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Addresses typed or kept from elsewhere, which the pages cannot show as asked, and pages at phone
 * width (an auditor's findings): what cannot be shown is said, never silently replaced; a list's page
 * past its end leads back; the title follows the heading; nothing is wider than the window.
 */
class AddressAndLayoutBrowserTests extends BrowserTest {

    @Test
    void theMapSaysWhichCountryAndDayOfItsAddressItCannotShow() {
        open("/map?country=ZZ&asOf=2023-02-30");

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "United States"));
        assertThat($$("p.notice[role=status]")).extracting(element -> element.getText()).containsExactlyInAnyOrder(
                "“2023-02-30” is not a day (YYYY-MM-DD): the map shows today.",
                "No country has the code “ZZ”: the map shows the United States.");
        assertThat(driver.getCurrentUrl()).contains("country=US").doesNotContain("ZZ");
        new Select($("#map-country")).selectByValue("CU");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cuba"));
        assertThat($$("p.notice[role=status]")).as("said of the address the page was opened with").isEmpty();

        open("/map?country=CUB&asOf=1961-01-03");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cuba"));
        assertThat($$("p.notice[role=status]")).isEmpty();
        assertNoConsoleErrors(400);
    }

    @Test
    void theTitleFollowsTheHeadingWhenThePageChangesIt() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector("figure.map[data-shown-country='US']"));
        assertThat(driver.getTitle()).isEqualTo("The world as seen from United States · Chancery admin");

        new Select($("#map-country")).selectByValue("CU");

        waitFor(ExpectedConditions.titleIs("The world as seen from Cuba · Chancery admin"));
        assertNoConsoleErrors();
    }

    @Test
    void aRelationPageSaysThatTheDayOfItsAddressIsNone() {
        open("/relations/CU/KR?asOf=2023-02-30");

        assertThat(visible(By.id("as-of-notice")).getText()).startsWith("“2023-02-30” is not a day");
        assertThat(visible(By.id("relation-as-of")).getText()).contains("(today, as the API counts days: in UTC)");
        assertNoConsoleErrors();
    }

    @Test
    void theChangeFeedAndAnImportsReportSayWhatOfTheirAddressTheyCannotShow() {
        open("/changes?after=abc&kind=treaty");
        signIn("editor", "editor-secret");

        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("p.notice[role=status]"), 2));
        assertThat($$("p.notice[role=status]")).extracting(element -> element.getText()).containsExactly(
                "“abc” is not a change number: the feed is shown from the first change.",
                "“treaty” is not a kind of change: changes of every kind are shown.");
        visible(By.id("changes-table"));

        open("/imports/1?outcome=LOST&page=last");
        assertThat(visible(By.id("outcome-notice")).getText())
                .isEqualTo("“LOST” is not an outcome: the rejected rows are shown.");
        assertThat($$("p.notice[role=status]")).extracting(element -> element.getText())
                .contains("“last” is not a page number: the first page is shown.");
        assertNoConsoleErrors();
    }

    @Test
    void aFilterValueTheApiCannotReadIsShownAtItsFilter() {
        open("/missions?openOn=abc&type=EMBASSY");

        WebElement error = visible(By.id("filter-openOn-error"));
        assertThat(error.getText()).startsWith("“abc” cannot be parsed");
        WebElement openOn = $("#filter-openOn");
        assertThat(openOn.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(openOn.getAttribute("aria-describedby")).isEqualTo("filter-openOn-error");
        assertThat(error.getRect().getY()).as("under the field, not behind it")
                .isGreaterThanOrEqualTo(openOn.getRect().getY() + openOn.getRect().getHeight());
        assertThat($("#filter-type").getAttribute("aria-invalid")).as("the filter the API took").isNull();
        assertNoConsoleErrors(400);
    }

    @Test
    void aFormTakesTheCountriesOfItsAddressWhateverTheirCaseAndChoosesNoneForAnUnknownOne() {
        open("/missions/new?sending=gr&receiving=ZZ");

        WebElement sending = visible(By.name("sendingCountry"));
        assertThat(new Select(sending).getFirstSelectedOption().getAttribute("value")).isEqualTo("GR");
        assertThat(new Select($("select[name=receivingCountry]")).getFirstSelectedOption().getText())
                .as("not the first country in ZZ's place").isEqualTo("Choose…");
        assertNoConsoleErrors();
    }

    @Test
    void theSignInDialogOpensEmptyAfterARefusedTryWasCancelled() {
        open("/relations/CU/KR");
        visible(By.id("sign-in-button")).click();
        WebElement dialog = visible(By.id("sign-in-dialog"));
        // a name no test signs in as: the failed sign-ins of one name add up in the context the browser tests share
        dialog.findElement(By.name("user")).sendKeys("former-editor");
        dialog.findElement(By.name("password")).sendKeys("wrong");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        String problem = visible(By.cssSelector("#sign-in-dialog .problem")).getDomAttribute("id");
        // neither field is wrong alone: both are marked, described by what the problem says
        for (String name : List.of("user", "password")) {
            WebElement field = dialog.findElement(By.name(name));
            assertThat(field.getDomAttribute("aria-invalid")).as(name).isEqualTo("true");
            assertThat(field.getDomAttribute("aria-describedby")).as(name).isEqualTo(problem);
        }
        dialog.findElement(By.xpath(".//button[normalize-space()='Cancel']")).click();

        $("#sign-in-button").click();
        dialog = visible(By.id("sign-in-dialog"));
        assertThat(dialog.findElement(By.name("password")).getAttribute("value")).isEmpty();
        assertThat(dialog.findElement(By.name("user")).getAttribute("value")).isEmpty();
        assertNoConsoleErrors(401);
    }

    @Test
    void theSignInDialogSaysWhichFieldIsEmptyWithoutAskingTheServer() {
        open("/relations/CU/KR");
        visible(By.id("sign-in-button")).click();
        WebElement dialog = visible(By.id("sign-in-dialog"));
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement user = dialog.findElement(By.name("user"));
        waitFor(ExpectedConditions.attributeToBe(user, "aria-invalid", "true"));
        assertThat($("#sign-in-dialog .problem").getText()).contains("User name: Type your user name.")
                .doesNotContain("Wrong user name or password");
        user.sendKeys("editor");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.attributeToBe(dialog.findElement(By.name("password")), "aria-invalid", "true"));
        assertThat($("#sign-in-dialog .problem").getText()).contains("Password: Type your password.");
        assertNoConsoleErrors(); // no 401: nothing was sent
    }

    @Test
    void anErrorSummaryListsTheFieldsInTheOrderTheFormShowsThem() {
        open("/missions/new");
        WebElement form = visible(By.id("mission-form"));
        signIn("editor", "editor-secret");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        visible(By.cssSelector("#mission-form .problem li"));
        List<String> listed = $$("#mission-form .problem li a").stream().map(WebElement::getText).toList();
        assertThat(listed).containsSubsequence("Sending country", "Receiving country", "Type");
        assertNoConsoleErrors(400);
    }

    @Test
    void aListSaysWhichPageOrSizeOfItsAddressItCannotShow() {
        open("/relations?country=US&page=two&size=7");

        visible(By.id("list-table"));
        assertThat($$("p.notice[role=status]")).extracting(element -> element.getText()).containsExactly(
                "“two” is not a page number: the first page is shown.",
                "“7” rows per page is not offered (20, 50, 100, 200): 20 are shown.");
        assertThat($("#list-count").getText()).contains("page 1 of");
        assertThat($("h1").getDomAttribute("aria-describedby")).as("the heading a filter or page gives the focus to "
                + "says how many there are").isEqualTo("list-count-words");
        assertThat($("#list-count-words").getText()).as("in words, without the links beside them")
                .matches("\\d+ in all; page 1 of \\d+\\.");
        assertNoConsoleErrors();
    }

    @Test
    void theMissionListFilteredByADayItWasOpenOnSaysThatItsStatusIsTodays() {
        open("/missions?sending=US&receiving=CU&openOn=1990-06-01");

        visible(By.id("list-table"));
        assertThat($$("#list-table thead th").stream().map(WebElement::getText)).contains("Status today");
        // the interests section, open that day, closed since (2015)
        assertThat($$("#list-table tbody tr").stream().map(WebElement::getText))
                .anyMatch(row -> row.contains("Interests section") && row.contains("Closed"));
        assertNoConsoleErrors();
    }

    @Test
    void rightToLeftTextKeepsItsNeighboursInOrderAndIsTypedFromTheRight() {
        long nabil = postAsEditor("/api/diplomats", "{\"name\": \"نبيل فهمي\", \"country\": \"EG\"}")
                .get("id").asLong();
        long lavrov = postAsEditor("/api/diplomats", "{\"name\": \"Sergei Bidi\", \"country\": \"RU\"}")
                .get("id").asLong();
        long meeting = postAsEditor("/api/meetings", """
                {"date": "2014-02-13", "city": "القاهرة", "country": "EG",
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}],
                 "sources": [{"url": "https://www.ahram.org.eg/", "title": "لقاء", "publisher": "الأهرام",
                              "publishedOn": "2014-02-14"}]}""".formatted(nabil, lavrov)).get("id").asLong();

        open("/meetings/" + meeting);
        WebElement source = visible(By.xpath("//h2[normalize-space()='Sources']/following-sibling::ul[1]/li"));
        // the publisher isolated from the date after it: a right-to-left run would draw 2014-02-14 as 14-02-2014
        assertThat(source.findElements(By.tagName("bdi")).stream().map(WebElement::getText))
                .containsExactly("لقاء", "الأهرام");
        assertThat(source.getText()).endsWith(", 2014-02-14");
        // each name and the city isolated, in the meeting and in the list of meetings: a right-to-left name drew its
        // country's code on its far side, and the names after one that was left reversing would be drawn reversed
        assertThat($$("#participants bdi").stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("نبيل فهمي", "Sergei Bidi");
        open("/meetings?diplomat=" + nabil);
        WebElement row = visible(By.cssSelector("tr[data-meeting='" + meeting + "']"));
        assertThat(row.findElements(By.tagName("bdi")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("القاهرة", "نبيل فهمي", "Sergei Bidi");
        // a pair's heading: each country's name its own run, in the order of the address; an event's note and source
        postAsEditor("/api/relations/BT/EG/events", """
                {"type": "ESTABLISHED", "date": "2000-01-01", "note": "ملاحظة",
                 "sources": [{"url": "https://www.ahram.org.eg/", "publisher": "الأهرام"}]}""");
        open("/relations/BT/EG");
        assertThat(visible(By.tagName("h1")).findElements(By.tagName("bdi")).stream().map(WebElement::getText))
                .containsExactly("Bhutan", "Egypt");
        assertThat($$("#events-table bdi").stream().map(WebElement::getText)).containsExactly("ملاحظة", "الأهرام");
        open("/diplomats?q=x");
        assertThat(visible(By.id("filter-q")).getCssValue("unicode-bidi")).isEqualTo("plaintext");
        assertNoConsoleErrors();
    }

    @Test
    void anEmptyListSaysSoAndNamesNoPage() {
        open("/missions?sending=AD&receiving=BT");

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("list-count")));
        assertThat($$("#list-table")).isEmpty();
        assertThat($("nav.paging").getText()).doesNotContain("Page").contains("Rows per page");
        assertNoConsoleErrors();
    }

    @Test
    void aListFollowsTheOrderItsAddressAsksForOnEveryPageAndInItsCsvOrSaysWhyTheApiRefusesIt() {
        open("/relations?country=US&sort=since,desc");

        visible(By.id("list-table"));
        assertThat($("#list-sort").getText()).startsWith("Sorted by since,desc, as the address asks.");
        JsonNode first = getJson("/api/relations?country=US&sort=since,desc&size=20").get("content");
        JsonNode second = getJson("/api/relations?country=US&sort=since,desc&size=20&page=1").get("content");
        assertThat(shownPairs()).containsExactlyElementsOf(pairs(first));
        assertThat($("#list-count a[download]").getAttribute("href")).contains("sort=since%2Cdesc");
        $(".paging a[rel=next]").click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list-count"), "page 2 of"));
        assertThat(shownPairs()).containsExactlyElementsOf(pairs(second));
        assertThat(driver.getCurrentUrl()).contains("sort=since%2Cdesc");

        open("/relations?country=US&sort=height");
        WebElement refusal = visible(By.cssSelector("div.problem[role=alert]"));
        assertThat(refusal.getText()).startsWith("The request was refused:").contains("sort");
        assertThat($$("#list-table")).isEmpty();
        assertThat($("#list-sort").getText()).isEqualTo("The order the address asks for height is not one this "
                + "list offers (above). The list's own order");
        assertNoConsoleErrors(400);
        // the filter form asks for the list without the order refused, keeping its filters
        $("form.filters button[type=submit]").click();
        visible(By.id("list-table"));
        assertThat(driver.getCurrentUrl()).contains("country=US").doesNotContain("sort=");
        assertThat($$("#list-sort")).isEmpty();
        open("/relations?country=US&sort=height");
        visible(By.cssSelector("div.problem[role=alert]"));
        $("#list-sort a").click();
        visible(By.id("list-table"));
        assertThat(driver.getCurrentUrl()).contains("country=US").doesNotContain("sort=");
        assertNoConsoleErrors(400);
    }

    private List<String> shownPairs() {
        return $$("#list-table tbody tr").stream().map(row -> row.findElement(By.tagName("a")).getAttribute("href")
                .replaceAll(".*#/relations/", "").replaceAll("\\?.*", "")).toList();
    }

    private static List<String> pairs(JsonNode content) {
        List<String> pairs = new ArrayList<>();
        content.forEach(relation -> pairs.add(relation.get("countries").get(0).asString() + "/"
                + relation.get("countries").get(1).asString()));
        return pairs;
    }

    @Test
    void aLongListLeadsToItsLastPageAndBackToItsFirstInOneStep() {
        int total = getJson("/api/relations?country=US&size=1").get("page").get("totalElements").asInt();
        int pages = (total + 19) / 20;
        assertThat(pages).as("a list of more than two pages").isGreaterThan(2);
        open("/relations?country=US");
        visible(By.id("list-table"));
        assertThat($$("#first-page")).as("on the first page").isEmpty();

        $("#last-page-link").click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list-count"),
                "page " + pages + " of " + pages + "."));
        assertThat(driver.getCurrentUrl()).endsWith("page=" + (pages - 1));
        assertThat($$("#last-page-link")).as("on the last page").isEmpty();
        $("#first-page").click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list-count"), "page 1 of " + pages + "."));
        assertThat(driver.getCurrentUrl()).doesNotContain("page=");
        assertNoConsoleErrors();
    }

    @Test
    void aLongListGoesToThePageTypedInItsPagingBarAndTheBrowserRefusesOneBeyondTheLast() {
        int total = getJson("/api/relations?country=US&size=1").get("page").get("totalElements").asInt();
        int pages = (total + 19) / 20;
        assertThat(pages).as("a list of more than two pages").isGreaterThan(2);
        open("/relations?country=US");
        visible(By.id("list-table"));
        assertThat($("#page-jump").getDomProperty("value")).isEqualTo("1");

        WebElement field = $("#page-jump");
        field.clear();
        field.sendKeys(String.valueOf(pages - 1), Keys.ENTER);

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list-count"),
                "page " + (pages - 1) + " of " + pages + "."));
        assertThat(driver.getCurrentUrl()).endsWith("page=" + (pages - 2));
        field = $("#page-jump");
        assertThat(field.getDomProperty("value")).isEqualTo(String.valueOf(pages - 1));
        field.clear();
        field.sendKeys(String.valueOf(pages + 1), Keys.ENTER);
        assertThat(script("return document.getElementById('page-jump').validity.rangeOverflow")).isEqualTo(true);
        assertThat(driver.getCurrentUrl()).as("a page beyond the last is not asked for")
                .endsWith("page=" + (pages - 2));
        assertNoConsoleErrors();
    }

    @Test
    void aListCountsItsPagesInGroupsOfThousands() {
        open("/relations?country=US&page=12344");

        assertThat(visible(By.id("list-count-words")).getText()).endsWith("page 12,345 is past the last.");
        assertNoConsoleErrors();
    }

    @Test
    void aListPagePastItsEndLeadsToTheLastAndItsDisabledLinksAreNoLinks() {
        open("/relations?country=US&page=999");

        // the count says where the page is; the paging bar names no page 1000 of fewer
        assertThat(visible(By.id("list-count")).getText()).contains("page 1,000 is past the last");
        assertThat($$(".paging span")).extracting(WebElement::getText).noneMatch(text -> text.startsWith("Page "));
        visible(By.id("last-page")).click();

        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("list-table")));
        int total = getJson("/api/relations?country=US&size=1").get("page").get("totalElements").asInt();
        int pages = (total + 19) / 20;
        assertThat($("#list-count").getText()).startsWith(total + " in all; page " + pages + " of " + pages + ".");
        assertThat($$(".paging a[rel=next]")).isEmpty();
        assertThat($(".paging span[aria-disabled=true]").getText()).isEqualTo("Next →");
        assertNoConsoleErrors();
    }

    @Test
    void atPhoneWidthNoPageIsWiderThanTheWindow() throws IOException {
        String name = "X".repeat(200);
        postAsEditor("/api/diplomats", "{\"name\": \"" + name + "\", \"country\": \"TV\"}");
        driver.manage().window().setSize(new Dimension(375, 800));

        open("/diplomats?country=TV");
        visible(By.id("list-table"));
        assertNotWiderThanTheWindow("the diplomats of Tuvalu, one named with 200 letters");

        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector("figure.map[data-shown-country='US']"));
        script("document.querySelector('details.relations-table').open = true");
        assertNotWiderThanTheWindow("the map with its table open");

        open("/imports/1");
        signIn("editor", "editor-secret");
        visible(By.id("job-outcomes"));
        assertNotWiderThanTheWindow("the history import's report");

        String countryName = "Y".repeat(200);
        assertThat(api("POST", "/api/countries", "{\"code\": \"QZ\", \"alpha3\": \"QZY\", \"name\": \"" + countryName
                + "\"}", "admin", "admin-secret").statusCode()).isEqualTo(201);
        open("/relations/CU/QZ");
        driver.navigate().refresh(); // the country list is read once a page load
        visible(By.id("timeline-picture"));
        assertNotWiderThanTheWindow("a relation page whose country has a 200-letter name");

        // the narrowest window WCAG's reflow asks for: the report's flag filter holds the longest flag's name
        driver.manage().window().setSize(new Dimension(320, 800));
        open("/imports/1?outcome=ALL");
        visible(By.id("flag-filter"));
        assertNotWiderThanTheWindow("the history import's report with its flag filter, 320 pixels wide");
        assertNoConsoleErrors(401);
    }

    @Test
    void anAddressWhosePartIsNoIdOrCodeOpensNoPage() {
        String dd = getJson("/api/countries/DD").toString();
        for (String route : List.of("/diplomats/..%2Fcountries%2FDD", "/diplomats/abc", "/diplomats/1%3Fx%3D1",
                "/meetings/1.0", "/missions/%2E%2E", "/imports/99999999999999999999", "/relations/CU/KR%2F..",
                "/countries/..%2Fdiplomats%2F1", "/countries/%E0")) {
            open(route);
            waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Not found"));
            assertThat($("main").getText()).as(route).contains("There is no page at");
            assertThat($$("main form")).as("%s: no form to write with", route).isEmpty();
        }
        assertThat(getJson("/api/countries/DD").toString()).isEqualTo(dd);

        open("/diplomats/1");
        waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.tagName("h1"), "Not found")));
        visible(By.id("diplomat-form"));
        assertNoConsoleErrors();
    }

    @Test
    void atPhoneWidthATableKeepsItsWordsWholeAndScrollsInsteadOfNarrowingItsColumns() throws IOException {
        driver.manage().window().setSize(new Dimension(375, 800));
        open("/missions");
        visible(By.id("list-table"));
        assertThat(brokenWords("#list-table")).as("the missions list").isEmpty();
        assertNotWiderThanTheWindow("the missions list");

        // a table that scrolls sideways is reached by keyboard: its region takes the focus itself, whatever in it
        // does (an achieved milestone's one action, Delete…, would let axe pass without it)
        postAsEditor("/api/relations/KI/TV/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1979-01-01\"}");
        long milestone = postAsEditor("/api/relations/KI/TV/milestones", "{\"title\": \"Fisheries talks\", "
                + "\"target\": \"2020\"}").get("id").asLong();
        postAsEditor("/api/milestones/" + milestone + "/achieve", "{\"date\": \"2020-05-04\"}");
        open("/relations/KI/TV");
        WebElement region = visible(By.id("milestones-table"))
                .findElement(By.xpath("ancestor::div[contains(@class, 'table-wrap')]"));
        assertThat(region.getDomAttribute("tabindex")).isEqualTo("0");
        assertThat(region.getDomAttribute("role")).isEqualTo("region");
        assertAccessible();

        open("/relations/CU/KR");
        visible(By.id("milestones-table"));
        assertThat(brokenWords(".missions-table")).as("the relation's missions, with their heads").isEmpty();
        signIn("editor", "editor-secret");
        visible(By.cssSelector("#milestones-table [data-action=cancel]"));
        assertThat(brokenWords("#milestones-table")).as("the relation's milestones, with their actions").isEmpty();
        assertNotWiderThanTheWindow("the relation page");

        // a row's form holds a label out of sight, which stays within the table that scrolls
        long open = postAsEditor("/api/relations/KI/TV/milestones", "{\"title\": \"Consular talks\", "
                + "\"target\": \"2021\"}").get("id").asLong();
        open("/milestones?country=TV");
        visible(By.cssSelector("#list-table tr[data-milestone='" + open + "'] [data-action=achieve]")).click();
        visible(By.cssSelector("#list-table form.actions input[type=date]"));
        assertNotWiderThanTheWindow("the milestone list with a row's Achieve form open");
        assertNoConsoleErrors();
    }

    @Test
    void atPhoneWidthAButtonATimeAndALabelKeepTheirLinesAndAChoiceShowsWhole() {
        postAsEditor("/api/diplomats", "{\"name\": \"Tomasz Wiśniewski-Ostrowidzki Zieliński\", \"country\": \"PL\", "
                + "\"title\": \"Director General for Bilateral Affairs\"}");
        driver.manage().window().setSize(new Dimension(360, 800));
        open("/meetings/new");
        signIn("editor", "editor-secret");
        $("#participant-search").sendKeys("Wiśniewski");
        WebElement choose = visible(By.cssSelector("#participant-search-results button[aria-label^='Choose Tomasz']"));
        assertThat(lines(choose)).as("Choose, not Cho/ose").isEqualTo(1);

        open("/changes");
        WebElement when = visible(By.cssSelector("#changes-table td.instant"));
        assertThat(lines(when)).as("a time, not 2026-12-/05").isEqualTo(1);

        open("/relations/CU/KR");
        WebElement to = visible(By.cssSelector("label[for=period-to]"));
        assertThat(Math.abs(to.getRect().getY() + to.getRect().getHeight() / 2
                - $("#period-to").getRect().getY() - $("#period-to").getRect().getHeight() / 2))
                .as("the label on its field's line").isLessThan(8);

        driver.manage().window().setSize(new Dimension(640, 480)); // 1280 × 960 at 200%
        open("/relations/CU/KR");
        WebElement story = visible(By.cssSelector("ol.story-items"));
        assertThat((Boolean) script("return arguments[0].clientHeight <= window.innerHeight * 0.7 + 1", story))
                .as("the story's list shows its end with its start").isTrue();

        driver.manage().window().setSize(new Dimension(1280, 1000));
        open("/observations?direction=SENDING");
        WebElement side = visible(By.id("filter-direction"));
        assertThat((Boolean) script("""
                const select = arguments[0];
                const canvas = document.createElement('canvas').getContext('2d');
                canvas.font = getComputedStyle(select).font;
                return canvas.measureText(select.selectedOptions[0].text).width < select.clientWidth;""", side))
                .as("“Sending: how it was represented abroad”, not “Sending:”").isTrue();
        assertNoConsoleErrors();
    }

    /** The lines the element's text takes. */
    private int lines(WebElement element) {
        return ((Number) script("""
                const range = document.createRange();
                range.selectNodeContents(arguments[0]);
                const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
                return new Set(tops).size;""",
                element)).intValue();
    }

    /**
     * The words of the table's cells wider than their cell or the block within it that holds them (which a break
     * within a word lets the column become).
     */
    @SuppressWarnings("unchecked")
    private List<String> brokenWords(String table) {
        return (List<String>) script("""
                const canvas = document.createElement('canvas').getContext('2d');
                const broken = [];
                for (const cell of document.querySelectorAll(arguments[0] + ' th, ' + arguments[0] + ' td')) {
                  for (const element of [cell, ...cell.querySelectorAll('*')]) {
                    const style = getComputedStyle(element);
                    canvas.font = style.font;
                    const own = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ');
                    // an inline element's words have the cell's width; a block's (a list item of the cell), its own
                    const room = element === cell || style.display === 'inline' ? cell.clientWidth : element.clientWidth;
                    for (const word of own.split(/\\s+/).filter(Boolean)) {
                      if (canvas.measureText(word).width > room + 1) broken.push(word + ' in a box ' + room + ' px wide');
                    }
                  }
                }
                return broken;""", table);
    }

    private void assertNotWiderThanTheWindow(String page) {
        Number content = (Number) script("return document.documentElement.scrollWidth");
        Number window = (Number) script("return document.documentElement.clientWidth");
        assertThat(content.intValue()).as(page).isLessThanOrEqualTo(window.intValue());
    }
}
