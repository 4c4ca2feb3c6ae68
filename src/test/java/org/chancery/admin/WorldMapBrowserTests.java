package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

class WorldMapBrowserTests extends BrowserTest {

    private static final String SHOWN = "figure.map[data-shown-country='%s'][data-shown-date='%s']";

    @Test
    void coloursEveryCountryShapeAsTheApiSaysForTheUnitedStatesOnADay() throws IOException {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));

        Map<String, String> expected = expectedStatuses("US", "1961-01-03");
        var shapes = $$("#world-map path.country");
        assertThat(shapes).hasSize(featuresInWorldAtlas());
        Map<String, String> shown = new HashMap<>();
        for (WebElement shape : shapes) {
            String code = shape.getAttribute("data-code");
            String status = shape.getAttribute("data-status");
            shown.put(code == null ? "(" + shape.getAttribute("data-name") + ")" : code, status);
            String want = code == null ? "UNTRACKED" : expected.getOrDefault(code, "UNTRACKED");
            assertThat(status).as("colour of %s (%s)", shape.getAttribute("data-name"), code).isEqualTo(want);
        }
        assertThat(shown).containsEntry("US", "SELF").containsEntry("CU", "SEVERED").containsEntry("FR", "ESTABLISHED")
                .containsEntry("XK", "ABSENT");
        // the legend counts countries, as the caption does: those with a shape and those listed without one
        long established = expected.values().stream().filter("ESTABLISHED"::equals).count();
        long severed = expected.values().stream().filter("SEVERED"::equals).count();
        assertThat($("#map-caption").getText()).startsWith("Relations of United States on 3 January 1961: "
                + "diplomatic relations with %s countries, severed with %s.".formatted(established, severed));
        for (String status : List.of("ESTABLISHED", "CONSULAR", "SEVERED", "NONE")) {
            assertThat($("[data-legend=%s]".formatted(status)).getText()).as("legend of %s", status)
                    .isEqualTo("(%s)".formatted(expected.values().stream().filter(status::equals).count()));
        }
        assertThat($("[data-legend=UNTRACKED]").getText()).isEqualTo("(%s)".formatted(
                shown.values().stream().filter("UNTRACKED"::equals).count()));
        screenshot("map-united-states-1961-01-03");
        assertNoConsoleErrors();
        assertAccessible();
    }

    @Test
    void movingTheSliderRedrawsTheMapForThatDayAndClickingACountryOpensThePair() throws IOException {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));

        WebElement slider = $("#map-slider");
        slider.sendKeys(Keys.ARROW_LEFT);
        visible(By.cssSelector(SHOWN.formatted("US", "1960-12-01")));
        assertThat($("#world-map path[data-code=CU]").getAttribute("data-status")).isEqualTo("ESTABLISHED");
        assertThat(driver.getCurrentUrl()).endsWith("#/map?country=US&asOf=1960-12-01");
        for (int i = 0; i < 12 * 16; i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        visible(By.cssSelector(SHOWN.formatted("US", "1976-12-01")));
        assertThat($("#world-map path[data-code=CU]").getAttribute("data-status")).isEqualTo("SEVERED");

        driver.manage().window().setSize(new Dimension(390, 844));
        scrollTo($("figure.map"));
        screenshot("map-united-states-1976-phone-width");
        driver.manage().window().setSize(new Dimension(1280, 1000));

        script("document.querySelector('#world-map path[data-code=CU]').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "United States – Cuba"));
        assertThat(driver.getCurrentUrl()).contains("#/relations/US/CU?asOf=1976-12-01");
        visible(By.id("relation-status"));
        assertThat($("#relation-status").getText()).isEqualTo("Severed");
        assertThat($("#relation-since").getText()).isEqualTo("1961-01-03");

        // Back: the map of the day the slider was left on; again: the day before it moved (its steps are one entry)
        driver.navigate().back();
        visible(By.cssSelector(SHOWN.formatted("US", "1976-12-01")));
        driver.navigate().back();
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        assertThat(driver.getCurrentUrl()).endsWith("#/map?country=US&asOf=1961-01-03");
        assertNoConsoleErrors();
    }

    @Test
    void eachCountryAndYearChosenIsAnEntryOfTheHistoryThatBackLeaves() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));

        $("button[data-years='1']").click();
        visible(By.cssSelector(SHOWN.formatted("US", "1962-01-03")));
        new Select($("#map-country")).selectByValue("FR");
        visible(By.cssSelector(SHOWN.formatted("FR", "1962-01-03")));
        assertThat(driver.getCurrentUrl()).endsWith("#/map?country=FR&asOf=1962-01-03");

        driver.navigate().back();
        visible(By.cssSelector(SHOWN.formatted("US", "1962-01-03")));
        assertThat($("#map-country").getDomProperty("value")).isEqualTo("US");
        driver.navigate().back();
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        assertThat($("#map-date").getDomProperty("value")).isEqualTo("1961-01-03");
        driver.navigate().forward();
        visible(By.cssSelector(SHOWN.formatted("US", "1962-01-03")));
        assertNoConsoleErrors();
    }

    @Test
    void aYearAfterTheTwentyNinthOfFebruaryIsTheTwentyEighth() {
        open("/map?country=US&asOf=2024-02-29");
        visible(By.cssSelector(SHOWN.formatted("US", "2024-02-29")));

        $("button[data-years='1']").click();

        visible(By.cssSelector(SHOWN.formatted("US", "2025-02-28")));
        assertThat(driver.getCurrentUrl()).endsWith("#/map?country=US&asOf=2025-02-28");
        assertNoConsoleErrors();
    }

    @Test
    void theYearButtonsGoAsFarAsTheMapGoesAndNoFurther() {
        open("/map?country=US&asOf=2020-06-01");
        visible(By.cssSelector(SHOWN.formatted("US", "2020-06-01")));
        WebElement tenYearsLater = $("button[data-years='10']");
        script("arguments[0].focus()", tenYearsLater);
        tenYearsLater.sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.urlToBe(base() + "/admin/#/map?country=US")); // today
        assertThat($("button[data-years='10']").getAttribute("aria-disabled")).isEqualTo("true");
        assertThat($("button[data-years='1']").getAttribute("aria-disabled")).isEqualTo("true");
        assertThat(focused().getDomAttribute("data-years")).as("the focus stays").isEqualTo("10");
        focused().sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).isEqualTo(base() + "/admin/#/map?country=US");

        open("/map?country=US&asOf=1820-06-01");
        visible(By.cssSelector(SHOWN.formatted("US", "1820-06-01")));
        $("button[data-years='-10']").click();
        visible(By.cssSelector(SHOWN.formatted("US", "1816-01-01")));
        assertThat($("button[data-years='-10']").getAttribute("aria-disabled")).isEqualTo("true");
        assertThat($("button[data-years='-1']").getAttribute("aria-disabled")).isEqualTo("true");
        $("button[data-years='-1']").click();
        assertThat(driver.getCurrentUrl()).endsWith("asOf=1816-01-01");
        assertNoConsoleErrors();
    }

    @Test
    void aCountryClickedOnTheMapOfTodayOpensThePairAsItStandsToday() {
        open("/map?country=US");
        visible(By.cssSelector("figure.map[data-shown-country='US'] #world-map path[data-status=SELF]"));

        script("document.querySelector('#world-map path[data-code=CU]').dispatchEvent(new MouseEvent('click', {bubbles: true}))");

        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "United States – Cuba"));
        assertThat(driver.getCurrentUrl()).endsWith("#/relations/US/CU");
        assertNoConsoleErrors();
    }

    @Test
    void theKeyboardZoomsAndMovesTheMapWithItsButtons() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        // the whole world: nothing to move to, said, not skipped by Tab (a keyboard user learns the buttons are there)
        assertThat(buttonNamed("Look further east").getDomAttribute("aria-disabled")).isEqualTo("true");
        assertThat(buttonNamed("Look further east").isEnabled()).isTrue();

        // each zoom waited for to its end: one pressed while another moves goes on from where that one is
        press(buttonNamed("Zoom in"));
        waitFor(d -> layerTransform()[2] > 1.6 - 1e-6);
        waitFor(d -> "false".equals(buttonNamed("Look further east").getDomAttribute("aria-disabled")));
        press(buttonNamed("Zoom in"));
        waitFor(d -> layerTransform()[2] > 1.6 * 1.6 - 1e-6);
        double[] zoomed = layerTransform();

        press(buttonNamed("Look further east"));
        waitFor(d -> layerTransform()[0] < zoomed[0] - 100);
        assertThat(layerTransform()[1]).isCloseTo(zoomed[1], offset(0.5));
        double[] east = layerTransform();

        press(buttonNamed("Look further north"));
        waitFor(d -> layerTransform()[1] > east[1] + 50);
        assertThat(layerTransform()[0]).isCloseTo(east[0], offset(0.5));
        double[] north = layerTransform();

        WebElement west = buttonNamed("Look further west");
        press(west);
        west.sendKeys(Keys.ENTER);
        assertThat(layerTransform()[0]).as("two steps pressed at once both move the view")
                .isCloseTo(north[0] + 2 * 120, offset(0.5));

        press(buttonNamed("Whole world"));
        waitFor(d -> layerTransform()[2] == 1.0);
        waitFor(d -> "true".equals(buttonNamed("Look further east").getDomAttribute("aria-disabled")));
        double[] whole = layerTransform();
        script("arguments[0].click()", buttonNamed("Look further east"));
        assertThat(layerTransform()).as("nothing to move to: the press changes nothing").containsExactly(whole);
        assertNoConsoleErrors();
    }

    @Test
    void theZoomButtonsMoveAtOnceForAReaderWhoAskedForLessMotion() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        try {
            open("/map?country=US&asOf=1961-01-03");
            visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
            press(buttonNamed("Zoom in"));
            assertThat(layerTransform()[2]).as("the scale right after the press, not on its way").isCloseTo(1.6, offset(0.001));
            assertNoConsoleErrors();
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void ordersTheCountriesByTheirEnglishNamesWhateverLanguageTheBrowserSpeaks() {
        // Estonian sorts Z between S and T, Czech CH after H: the names are English, and so is their order
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "et"));
        try {
            open("/map?country=US&asOf=1990-01-01");
            visible(By.cssSelector(SHOWN.formatted("US", "1990-01-01")));
            List<String> options = $$("#map-country option").stream().map(WebElement::getText).toList();
            assertThat(options.indexOf("Taiwan")).isNotNegative().isLessThan(options.indexOf("Zambia"));
            List<String> rows = $$("tr[data-code] th").stream() // in a table folded away: read, not seen
                    .map(row -> row.getDomProperty("textContent").strip()).toList();
            assertThat(rows.indexOf("Tanzania")).isNotNegative().isLessThan(rows.indexOf("Zambia"));
            assertNoConsoleErrors();
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setLocaleOverride", Map.of());
        }
    }

    @Test
    void theFocusedButtonOfTheMapsGroupsIsOutlinedItselfNotOnlyItsGroup() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        press(buttonNamed("Zoom in"));
        assertThat(script("return document.activeElement.closest('[role=group]') !== null")).isEqualTo(true);
        assertThat(script("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        assertNoConsoleErrors();
    }

    @Test
    void theTableOfADayACountryDidNotExistListsNoPairAndSaysWhy() {
        open("/map?country=DD&asOf=2000-01-01");
        visible(By.cssSelector(SHOWN.formatted("DD", "2000-01-01")));
        script("document.querySelector('details.relations-table').open = true");

        assertThat($$(".relations-table tbody tr")).isEmpty();
        assertThat($(".relations-table").getText()).contains("German Democratic Republic did not exist on 2000-01-01");
        assertNoConsoleErrors();
    }

    @Test
    void aNumericCodeGivenAgainToAFormerStateDrawsTheCountryOfToday() {
        var created = api("POST", "/api/countries", """
                {"code": "XX", "alpha3": "XXX", "numeric": "643", "name": "Tsardom of Muscovy", "startedOn": "1583-01-01",
                 "endedOn": "1721-11-01"}""", "admin", "admin-secret");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        open("/map?country=US&asOf=1961-01-03");
        driver.navigate().refresh(); // the page read the countries before this one was added
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        assertThat($$("#world-map path.country[data-code=XX]")).isEmpty();
        assertThat($$("#world-map path.country[data-code=RU]")).hasSize(1);
        assertNoConsoleErrors();
    }

    @Test
    void theTableOfTheDayListsEveryCountryTheMapOpensThoseWithoutRelationsToo() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        script("document.querySelector('details.relations-table').open = true");

        @SuppressWarnings("unchecked")
        List<String> clickable = (List<String>) script("return [...document.querySelectorAll("
                + "'#world-map path.country.clickable')].map((p) => p.getAttribute('data-code'))");
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) script("return [...document.querySelectorAll("
                + "'.relations-table tbody tr, ul.no-shape li')].map((r) => r.getAttribute('data-code'))");
        assertThat(listed).as("every country the map opens by mouse, reached by keyboard").containsAll(clickable);
        WebElement northKorea = $(".relations-table tbody tr[data-code=KP]");
        assertThat(northKorea.getText()).startsWith("North Korea");
        assertThat(northKorea.findElement(By.tagName("a")).getAttribute("href")).endsWith("#/relations/US/KP?asOf=1961-01-03");
        assertThat($$(".relations-table tbody tr[data-code=XK]")).as("Kosovo did not exist in 1961").isEmpty();
        assertThat($("#world-map path.country[data-code=XK]").getAttribute("class")).as("nor opens from the map")
                .doesNotContain("clickable");
        assertThat($(".relations-table summary").getText()).matches("The same day as a table \\(\\d+ countries\\)");
        assertNoConsoleErrors();
    }

    @Test
    void theMapsDayLeadsToTheSameDaysListAndTheListOfPairsWithoutRelationsBackToTheMap() {
        open("/map?country=US&asOf=1980-01-01");
        visible(By.cssSelector(SHOWN.formatted("US", "1980-01-01")));
        script("document.querySelector('details.relations-table').open = true");
        visible(By.id("map-day-list")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("#/relations?country=US&asOf=1980-01-01"));
        visible(By.id("list-table"));

        // "None" lists the recorded pairs without relations that day, not every country the map shows so
        open("/relations?country=US&status=NONE&asOf=1980-01-01");
        WebElement note = visible(By.id("relations-none-note"));
        assertThat(note.getText()).startsWith("The list holds the pairs with an event recorded by that day");
        note.findElement(By.tagName("a")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("#/map?country=US&asOf=1980-01-01"));
        visible(By.cssSelector(SHOWN.formatted("US", "1980-01-01")));
        open("/relations?country=US&status=ESTABLISHED&asOf=1980-01-01");
        visible(By.id("list-table"));
        assertThat($$("#relations-none-note")).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void aDissolvedStateWhoseRelationsTheHistoryRecordsUnderItsContinuatorSaysWhere() {
        open("/map?country=US&asOf=1980-01-01");
        visible(By.cssSelector(SHOWN.formatted("US", "1980-01-01")));
        script("document.querySelector('details.relations-table').open = true");
        assertThat($(".relations-table tbody tr[data-code=SU]").getText()).contains("None (recorded under RU)");
        assertThat($(".relations-table tbody tr[data-code=RU]").getText()).contains("Established");

        open("/relations/US/SU?asOf=1980-01-01");
        WebElement note = visible(By.id("recorded-under"));
        assertThat(note.getText()).startsWith("The history data records the relations of Soviet Union under");
        note.findElement(By.tagName("a")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("#/relations/RU/US?asOf=1980-01-01"));
        assertThat(visible(By.id("relation-status")).getText()).isEqualTo("Established");
        // and the continuator's page says that its story holds the Soviet Union's
        WebElement holds = visible(By.id("holds-former"));
        assertThat(holds.getText()).isEqualTo("The history data records the relations of Soviet Union (1922-12-30 – "
                + "1991-12-25) under Russian Federation, whose COW state it is: this story holds them too (see also "
                + "SU – US).");
        assertThat(holds.findElement(By.tagName("a")).getAttribute("href")).endsWith("#/relations/SU/US?asOf=1980-01-01");

        // the map of the Soviet Union itself, and the pair of two such states
        open("/map?country=SU&asOf=1980-01-01");
        visible(By.cssSelector(SHOWN.formatted("SU", "1980-01-01")));
        script("document.querySelector('details.relations-table').open = true");
        assertThat($("#map-recorded-under").getAttribute("href")).endsWith("#/map?country=RU&asOf=1980-01-01");
        open("/relations/SU/YU");
        assertThat(visible(By.cssSelector("#recorded-under a")).getText()).isEqualTo("RU – RS");
        assertNoConsoleErrors();
    }

    @Test
    void aPairOfTwoStatesHoldingFormerStatesLinksTheFormerStatesOwnPairOnce() {
        postAsEditor("/api/relations/RS/RU/events", "{\"type\": \"ESTABLISHED\", \"date\": \"2006-06-14\"}");
        open("/relations/RU/RS");

        WebElement holds = visible(By.id("holds-former"));
        assertThat(holds.getText()).contains("relations of Soviet Union (1922-12-30 – 1991-12-25) under Russian "
                + "Federation", "relations of Yugoslavia (1918-12-01 – 2003-02-03) under Serbia");
        assertThat(holds.findElements(By.tagName("a"))).extracting(WebElement::getText)
                .containsExactly("SU – RS", "SU – YU", "YU – RU");
        holds.findElements(By.tagName("a")).get(1).click();
        waitFor(d -> d.getCurrentUrl().endsWith("#/relations/SU/YU"));
        assertThat(visible(By.cssSelector("#recorded-under a")).getText()).isEqualTo("RU – RS");
        assertNoConsoleErrors();
    }

    @Test
    void aRelationEstablishedInAYearIsSaidSinceThatYearNotSinceItsFirstDay() {
        open("/map?country=CU&asOf=2000-01-01");
        visible(By.cssSelector(SHOWN.formatted("CU", "2000-01-01")));
        script("document.querySelector('details.relations-table').open = true");

        assertThat($(".relations-table tbody tr[data-code=KP] td.date").getText()).isEqualTo("1960");
        assertThat((String) script("return document.querySelector('#world-map path.country[data-code=KP]')"
                + ".firstChild.textContent")).endsWith(" since 1960");
        open("/relations?country=CU&asOf=2000-01-01");
        WebElement pair = visible(By.xpath("//tr[th/a[normalize-space()='CU – KP']]"));
        assertThat(pair.findElement(By.cssSelector("td.date")).getText()).isEqualTo("1960");
        assertNoConsoleErrors();
    }

    @Test
    void theWheelScrollsThePageOverTheMapAndZoomsItWithCtrl() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        String wheel = """
                const svg = document.querySelector('#world-map');
                const box = svg.getBoundingClientRect();
                const event = new WheelEvent('wheel', {deltaY: -240, ctrlKey: arguments[0], bubbles: true,
                    cancelable: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2});
                svg.dispatchEvent(event);
                return event.defaultPrevented;""";

        assertThat((Boolean) script(wheel, false)).as("left to the page").isFalse();
        assertThat(layerTransform()[2]).isEqualTo(1);
        assertThat((Boolean) script(wheel, true)).isTrue();
        waitFor(driver -> layerTransform()[2] > 1);
        assertNoConsoleErrors();
    }

    private WebElement buttonNamed(String name) {
        return $$("figure.map button").stream()
                .filter(b -> name.equals(b.getAttribute("aria-label")) || name.equals(b.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + name));
    }

    /** Focuses the button and presses Enter, as a keyboard user does. */
    private void press(WebElement button) {
        script("arguments[0].focus()", button);
        button.sendKeys(Keys.ENTER);
    }

    /** The map layer's translation and scale: {x, y, k}; the identity when d3 has not moved it. */
    private double[] layerTransform() {
        String transform = (String) script("return document.querySelector('#world-map g.layer').getAttribute('transform') || ''");
        var matcher = Pattern.compile("translate\\(([-\\d.e]+),\\s*([-\\d.e]+)\\)\\s*scale\\(([-\\d.e]+)\\)")
                .matcher(transform);
        return matcher.find()
                ? new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(3))}
                : new double[] {0, 0, 1};
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
        "1816-01-01 | XN | CONSULAR | Kingdom of the Two Sicilies: Consular relations only",
        "1960-01-01 | DD | NONE     | German Democratic Republic: No relations recorded"})
    void aCountryWithoutAShapeIsListedWithTheStatusTheMapWouldShowRelationsOrNot(String day, String code, String status,
            String listed) {
        open("/map?country=US&asOf=" + day);
        visible(By.cssSelector(SHOWN.formatted("US", day)));

        WebElement item = visible(By.cssSelector(".no-shape li[data-code=" + code + "]"));
        assertThat(item.getAttribute("data-status")).isEqualTo(status);
        assertThat(item.getText()).isEqualTo(listed);
        assertNoConsoleErrors();
    }

    @Test
    void aDayTypedOutsideTheMapsYearsIsSaidAtTheFieldAndAsksNothing() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));

        for (String day : List.of("0001-01-01", "0019-01-01", "2999-01-01")) {
            // what a date field holds while a year is typed into it, digit by digit
            script("const field = document.getElementById('map-date'); field.value = arguments[0];"
                    + "field.dispatchEvent(new Event('change', {bubbles: true}))", day);
            assertThat(visible(By.id("map-date-help")).getText()).as(day)
                    .startsWith("The map shows 1816-01-01 to today (").endsWith("it still shows 1961-01-03.");
            assertThat($("#map-date").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.getCurrentUrl()).endsWith("asOf=1961-01-03");
            assertThat($$(".problem, [role=alert]")).as(day).isEmpty();
        }
        script("const field = document.getElementById('map-date'); field.value = '1970-01-01';"
                + "field.dispatchEvent(new Event('change', {bubbles: true}))");
        visible(By.cssSelector(SHOWN.formatted("US", "1970-01-01")));
        // the hint's region stays, empty, so that a refusal said into it later is announced as it comes
        assertThat($("#map-date-help").getText()).isEmpty();
        assertThat($("#map-date-help").getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat($("#map-date").getDomAttribute("aria-describedby")).isNull();
        assertNoConsoleErrors();
    }

    @Test
    void aDayTypedDigitByDigitIsReadAndEnteredInTheHistoryOnceWhole() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        recordDaysAsked();
        holdKeyPauses();

        // 4 July 1976 typed into the field's parts, in the order the browser's locale gives them: on the way, the field
        // holds 1961-07-03 and 1961-07-04, which are days too
        boolean monthFirst = ((String) script("return new Date(2000, 1, 3).toLocaleDateString()")).startsWith("2");
        $("#map-date").sendKeys(monthFirst ? "07041976" : "04071976");
        assertThat(daysAsked()).as("days asked before the keys paused").isEmpty();
        assertThat(keyPausesWaited()).isEqualTo(1);
        endKeyPauses();

        visible(By.cssSelector(SHOWN.formatted("US", "1976-07-04")));
        assertThat(daysAsked()).containsExactly("US 1976-07-04");
        // one entry of the history: Back returns to the day before, not to a day on the way
        driver.navigate().back();
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        assertNoConsoleErrors();
    }

    @Test
    void countriesPassedWithTheArrowKeysAreNotReadOnlyTheOneStoppedAt() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        recordDaysAsked();
        holdKeyPauses();

        $("#map-country").sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        String stopped = $("#map-country").getDomProperty("value");
        assertThat(daysAsked()).as("days asked before the keys paused").isEmpty();
        assertThat(keyPausesWaited()).isEqualTo(1);
        endKeyPauses();

        assertThat(stopped).isNotEqualTo("US");
        visible(By.cssSelector(SHOWN.formatted(stopped, "1961-01-03")));
        assertThat(daysAsked()).containsExactly(stopped + " 1961-01-03");
        driver.navigate().back();
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));

        // chosen otherwise than by a key, a country is read at once
        new Select($("#map-country")).selectByValue("FR");
        visible(By.cssSelector(SHOWN.formatted("FR", "1961-01-03")));
        assertNoConsoleErrors();
    }

    @Test
    void aCountryChosenWhileOnePassedWithTheKeysWaitsIsTheOneShown() throws InterruptedException {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));

        holdKeyPauses();
        $("#map-country").sendKeys(Keys.ARROW_DOWN);
        assertThat(keyPausesWaited()).as("the country the key passed to waits").isEqualTo(1);
        Thread.sleep(200); // the choice below follows no key at once: it is shown at once, while the key's waits
        new Select($("#map-country")).selectByValue("FR");
        visible(By.cssSelector(SHOWN.formatted("FR", "1961-01-03")));
        assertThat(keyPausesWaited()).as("the country the key passed to waits no more").isZero();
        endKeyPauses();

        assertThat($$(SHOWN.formatted("FR", "1961-01-03"))).hasSize(1);
        assertThat($("#map-country").getDomProperty("value")).isEqualTo("FR");
        driver.navigate().back();
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        assertNoConsoleErrors();
    }

    /** Records the country and day of each relation list the page asks for from now on (see {@link #daysAsked}). */
    private void recordDaysAsked() {
        script("""
                window.daysAsked = [];
                const fetchNow = window.fetch;
                window.fetch = (url, options) => {
                  const asked = new URL(String(url), location.href);
                  if (asked.pathname === '/api/relations') {
                    window.daysAsked.push(asked.searchParams.get('country') + ' ' + asked.searchParams.get('asOf'));
                  }
                  return fetchNow(url, options);
                };""");
    }

    @SuppressWarnings("unchecked")
    private List<String> daysAsked() {
        return (List<String>) script("return window.daysAsked");
    }

    @Test
    void aDayTheCalendarDoesNotHaveTypedIntoTheDayFieldIsSaidThere() {
        open("/map?country=US&asOf=1961-01-03");
        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));

        // the 30th of February typed into the field's parts, in the order the browser's locale gives them
        boolean monthFirst = ((String) script("return new Date(2000, 1, 3).toLocaleDateString()")).startsWith("2");
        $("#map-date").sendKeys(monthFirst ? "02301900" : "30021900");
        assertThat(visible(By.id("map-date-help")).getText())
                .startsWith("That is not a whole day of the calendar; it still shows ");
        assertThat($("#map-date").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat($$(".problem, [role=alert]")).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void theZoomButtonsWaitForTheMapToBeDrawn() {
        open("/countries");
        driver.navigate().refresh(); // a page that has not read the map's geometry yet (the home page is the map)
        visible(By.tagName("h1"));
        // the geometry's answer held back until the test lets it through
        script("""
                const fetchNow = window.fetch;
                window.fetch = (url, options) => String(url).includes('countries-110m')
                  ? new Promise((resolve) => { window.releaseGeometry = () => resolve(fetchNow(url, options)); })
                  : fetchNow(url, options);""");

        open("/map?country=US&asOf=1961-01-03");
        WebElement zoomIn = visible(By.cssSelector(".zoom-buttons button"));
        waitFor(driver -> script("return typeof window.releaseGeometry === 'function'"));
        assertThat($$("#world-map")).as("the map not drawn yet").isEmpty();
        assertThat(zoomIn.isEnabled()).isFalse();
        script("document.querySelectorAll('.zoom-buttons button').forEach((button) => button.click())");
        script("window.releaseGeometry()");

        visible(By.cssSelector(SHOWN.formatted("US", "1961-01-03")));
        assertThat($(".zoom-buttons button").isEnabled()).isTrue();
        assertNoConsoleErrors();
    }

    @Test
    void theFirstViewTransfersUnder500KilobytesCompressedWithTheMapGeometry() throws IOException {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        try {
            driver.get("about:blank");
            driver.get(base() + "/admin/");
            visible(By.cssSelector("figure.map[data-shown-country='US'] #world-map path[data-status=SELF]"));
        } finally {
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }

        Map<?, ?> transfer = (Map<?, ?>) script("""
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                return {
                  total: entries.reduce((sum, e) => sum + e.transferSize, 0),
                  requests: entries.length,
                  fromCache: entries.filter(e => e.transferSize === 0).map(e => e.name),
                  geometry: entries.filter(e => e.name.endsWith('countries-110m.json')).map(e => e.transferSize)[0] || 0,
                  uncompressed: entries.reduce((sum, e) => sum + e.decodedBodySize, 0)
                };""");
        long total = ((Number) transfer.get("total")).longValue();
        Path report = Path.of(System.getProperty("chancery.browser.screenshots", "target/browser-screenshots"),
                "first-view-transfer.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "first view of /admin (the map of the United States today): %s bytes transferred in %s "
                .formatted(total, transfer.get("requests")) + "requests (%s bytes uncompressed); world geometry %s bytes%n"
                .formatted(transfer.get("uncompressed"), transfer.get("geometry")));
        assertThat((List<?>) transfer.get("fromCache")).as("requests answered from the browser's cache").isEmpty();
        assertThat(((Number) transfer.get("geometry")).longValue()).as("the world geometry was loaded").isPositive();
        assertThat(total).as("bytes of the first view, compressed").isLessThan(500_000);
        assertThat(total).as("compressed, so well under the uncompressed size")
                .isLessThan(((Number) transfer.get("uncompressed")).longValue() / 2);
        screenshot("map-first-view-today");
        assertNoConsoleErrors();
    }

    /** The UI's colours computed from the API: itself, did not exist, or the pair's status that day. */
    private Map<String, String> expectedStatuses(String chosen, String day) {
        Map<String, JsonNode> relations = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = getJson("/api/relations?country=%s&asOf=%s&size=200&page=%s".formatted(chosen, day, page));
            answer.get("content").forEach(r -> {
                String a = r.get("countries").get(0).asString();
                relations.put(a.equals(chosen) ? r.get("countries").get(1).asString() : a, r);
            });
            if (page + 1 >= answer.get("page").get("totalPages").asInt()) {
                break;
            }
        }
        Map<String, String> expected = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = getJson("/api/countries?size=200&page=" + page);
            for (JsonNode country : answer.get("content")) {
                String code = country.get("code").asString();
                String started = country.get("startedOn").isNull() ? null : country.get("startedOn").asString();
                String ended = country.get("endedOn").isNull() ? null : country.get("endedOn").asString();
                JsonNode relation = relations.get(code);
                String status;
                if (code.equals(chosen)) {
                    status = "SELF";
                } else if ((started != null && day.compareTo(started) < 0) || (ended != null && day.compareTo(ended) > 0)) {
                    status = "ABSENT";
                } else if (relation == null) {
                    status = "NONE";
                } else if (relation.get("status").asString().equals("NONE")) {
                    status = relation.get("consularStatus").asString().equals("ESTABLISHED") ? "CONSULAR" : "NONE";
                } else {
                    status = relation.get("status").asString();
                }
                expected.put(code, status);
            }
            if (page + 1 >= answer.get("page").get("totalPages").asInt()) {
                return expected;
            }
        }
    }

    private int featuresInWorldAtlas() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/static/admin/vendor/world-atlas/countries-110m.json")) {
            return JSON.readTree(in).get("objects").get("countries").get("geometries").size();
        }
    }
}
