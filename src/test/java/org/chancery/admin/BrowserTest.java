package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the browser tests: the whole application on a random port with the demo story and the U.S.
 * mission history, driven through Debian's headless chromium by Selenium (the driver at
 * {@code /usr/bin/chromedriver}, so nothing is downloaded). Each test waits for what the page shows,
 * leaves a screenshot under {@code target/browser-screenshots/}, and checks the browser's console.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "history"})
abstract class BrowserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The pause of the keys the admin UI waits for before it reads a change made by a key (map.js, relation.js). */
    static final int KEYS_PAUSE_MS = 600;
    private static final Pattern FAILED_RESOURCE = Pattern.compile("status of (\\d{3})");

    static ChromeDriverService service;
    static WebDriver driver;
    static Path profile;
    /** Where the browser saves what a page downloads. */
    static Path downloads;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    /** Console entries read but not yet judged (reading the browser's log empties it). */
    private final List<LogEntry> console = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        String chromedriver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        String chromium = System.getProperty("chancery.browser.binary", "/usr/bin/chromium");
        profile = Files.createTempDirectory("chancery-browser-");
        downloads = Files.createTempDirectory("chancery-downloads-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        for (Path folder : new Path[] {profile, downloads}) {
            if (folder != null) {
                try (var files = Files.walk(folder)) {
                    files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** The text of the file the browser saved as {@code name}, once it has saved all of it; the file is removed. */
    String downloaded(String name) throws IOException {
        Path file = downloads.resolve(name);
        waitFor(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.delete(file);
        return text;
    }

    @BeforeEach
    void freshTab() {
        driver.get(base() + "/admin/");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear();");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        driver.manage().logs().get(LogType.BROWSER);
        console.clear();
    }

    String base() {
        return "http://localhost:" + port;
    }

    /**
     * Opens a view of the admin UI by its deep link (a route of the hash), and waits until the router has left the view
     * shown before: a new hash alone loads no page, so the driver returns before the router has run, and a wait for
     * what both views show could be answered by the old one.
     */
    void open(String route) {
        String address = base() + "/admin/#" + route;
        boolean another = !Boolean.TRUE.equals(script("return new URL(arguments[0]).href === location.href;", address));
        if (another) {
            script("document.querySelectorAll('#main > .view').forEach((view) => { view.dataset.left = 'true'; });");
        }
        driver.get(address);
        if (another) {
            waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#main > .view[data-left]"), 0));
        }
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement $(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> $$(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * The pauses of the keys the page waits for before it reads a change made by a key (the map's Country and Day
     * fields, a relation's From day: {@value #KEYS_PAUSE_MS} ms) end only when the test calls {@link #endKeyPauses},
     * however slow the machine: a pause given up by the page, as a newer change or a choice by other means gives it
     * up, is gone from {@code window.keyPauses}.
     */
    void holdKeyPauses() {
        script("""
                const [pauseMs] = arguments;
                const setNow = window.setTimeout;
                const clearNow = window.clearTimeout;
                let held = 0;
                window.keyPauses = new Map();
                window.setTimeout = (run, ms, ...args) => ms === pauseMs
                  ? (window.keyPauses.set(--held, run), held)
                  : setNow(run, ms, ...args);
                window.clearTimeout = (id) => (id < 0 ? window.keyPauses.delete(id) : clearNow(id));""",
                KEYS_PAUSE_MS);
    }

    /** How many pauses of the keys the page waits for (see {@link #holdKeyPauses}). */
    long keyPausesWaited() {
        return (Long) script("return window.keyPauses.size");
    }

    /** Ends the pauses of the keys the page waits for (see {@link #holdKeyPauses}). */
    void endKeyPauses() {
        script("const ended = [...window.keyPauses.values()]; window.keyPauses.clear(); ended.forEach((run) => run())");
    }

    /** Signs in through the sign-in dialog of the page shown. */
    void signIn(String user, String password) {
        visible(By.id("sign-in-button")).click();
        WebElement dialog = visible(By.id("sign-in-dialog"));
        dialog.findElement(By.name("user")).sendKeys(user);
        dialog.findElement(By.name("password")).sendKeys(password);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBe(By.id("signed-in-user"), user));
    }

    /** The element that has the focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Date inputs take their value in the browser's own format when typed; set it as the page would read it. */
    void setValue(WebElement input, String value) {
        script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("chancery.browser.screenshots", "target/browser-screenshots"));
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -10);", element);
    }

    /**
     * No error in the browser's console since the last look, but for the failed requests whose statuses a
     * test provokes on purpose (Chrome reports every non-2xx answer of fetch as a console error).
     */
    void assertNoConsoleErrors(int... expectedStatuses) {
        List<String> errors = new ArrayList<>();
        readConsole();
        for (LogEntry entry : console) {
            if (entry.getLevel().intValue() < Level.WARNING.intValue()) {
                continue;
            }
            Matcher status = FAILED_RESOURCE.matcher(entry.getMessage());
            boolean expected = entry.getMessage().contains("Failed to load resource") && status.find()
                    && Arrays.stream(expectedStatuses).anyMatch(s -> s == Integer.parseInt(status.group(1)));
            if (!expected) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        console.clear();
        assertThat(errors).as("errors and warnings in the browser console").isEmpty();
    }

    private void readConsole() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
    }

    /** axe-core (its WebJar) injected into the page: no WCAG 2 A/AA violation. */
    void assertAccessible() throws IOException {
        String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        String axe;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("axe-core on the test class path").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        readConsole();
        script(axe);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                    // a visible label the accessible name does not hold (experimental in axe), landmarks named alike
                    rules: {'label-content-name-mismatch': {enabled: true}, 'landmark-unique': {enabled: true}}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                      + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        // axe's colour-contrast check reads canvas pixels, which Chrome answers with a performance warning of its own
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> !entry.getMessage().contains("Canvas2D: Multiple readback operations"))
                .forEach(console::add);
        assertThat((List<?>) result).as("WCAG 2 A/AA violations found by axe-core").isEmpty();
    }

    // --- the API, as a client outside the browser sees it ---

    HttpResponse<String> api(String method, String path, String json, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode getJson(String path) {
        HttpResponse<String> response = api("GET", path, null, null, null);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    JsonNode postAsEditor(String path, String json) {
        HttpResponse<String> response = api("POST", path, json, "editor", "editor-secret");
        assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
