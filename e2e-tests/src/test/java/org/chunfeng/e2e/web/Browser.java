package org.chunfeng.e2e.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (never a downloaded one), on a phone-sized window
 * unless told otherwise. It keeps a screenshot of every page a test looks at in
 * {@code e2e-tests/target/screenshots}, and fails a test whose pages log a script error or a missing word.
 */
final class Browser implements AutoCloseable {

    static final int PHONE_WIDTH = 360;
    /** The narrowest phone the pages are made for. */
    static final int NARROW_WIDTH = 320;
    static final int DESK_WIDTH = 1280;
    private static final int HEIGHT = 800;
    /** Events cross the broker between services, so a page may need a few seconds to show their effect. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", ""))
            .toAbsolutePath().resolve("target").resolve("screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final String prefix;
    private int shots;
    private final List<String> layoutProblems = new java.util.ArrayList<>();
    private int width = PHONE_WIDTH;

    private Browser(ChromeDriver driver, Path profile, String baseUrl, String prefix) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.prefix = prefix;
    }

    /** A fresh browser (its own profile, nothing remembered) at the gateway; screenshots named after prefix. */
    static Browser open(String gatewayUrl, String prefix) {
        if (!Files.isExecutable(Path.of(chromium())) || !Files.isExecutable(Path.of(chromedriver()))) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + chromium()
                    + " and " + chromedriver() + ": apt-get install -y chromium chromium-driver");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("chunfeng-browser-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=zh-CN",
                "--user-data-dir=" + profile, "--window-size=" + DESK_WIDTH + "," + HEIGHT);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver())).usingAnyFreePort().build();
        Browser browser = new Browser(new ChromeDriver(service, options), profile, gatewayUrl, prefix);
        try {
            browser.viewport(PHONE_WIDTH, HEIGHT);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    private static String chromium() {
        return System.getProperty("chunfeng.chromium", "/usr/bin/chromium");
    }

    private static String chromedriver() {
        return System.getProperty("chunfeng.chromedriver", "/usr/bin/chromedriver");
    }

    /** Opens a page of the web app by its route, like {@code /office/workers?town=程家集镇}. */
    void visit(String route) {
        driver.get(baseUrl + "/#" + route);
    }

    /** Waits until an element matching the CSS selector is on the page, and answers it. */
    WebElement await(String css) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                css)));
    }

    /** Waits until the text appears inside the element matching css. */
    void awaitText(String css, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(css), text));
    }

    /** Waits until the page's route (the part after #, decoded) contains the fragment. */
    void awaitRoute(String fragment) {
        new WebDriverWait(driver, PATIENCE).until(d -> URLDecoder.decode(currentRoute(), StandardCharsets.UTF_8)
                .contains(fragment));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return await(css).getText();
    }

    /** Clicks an element once it can be clicked, scrolled to the middle so the sticky header never covers it. */
    void click(String css) {
        click(new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))));
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void type(String css, String text) {
        WebElement field = await(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses an option of a select by its value, as a person would (the page hears the change). */
    void choose(String css, String value) {
        new Select(await(css)).selectByValue(value);
    }

    /** Chooses a radio button or checkbox by its value inside the group whose data-path is given. */
    void tick(String path, String value) {
        click("[data-path='" + path + "'] input[value='" + value + "']");
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that calls its last argument when done, and answers what it was called with. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * Makes the page as wide as a phone (or a desk screen) and this tall. Headless Chromium will not make a window
     * narrower than 500 px, so the width is the emulated device's, as the browser's own device mode does it.
     */
    private void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < DESK_WIDTH));
    }

    /**
     * Keeps a picture of the whole page as it is now, at the current width (a phone's unless on the desk); on a
     * phone also at the narrowest width the pages promise, where anything cut off or overlapping shows first.
     */
    Path screenshot(String name) {
        Path file = shoot(name, width);
        if (width == PHONE_WIDTH) {
            shoot(name, NARROW_WIDTH);
            viewport(width, HEIGHT);
            settle();
        }
        return file;
    }

    private Path shoot(String name, int atWidth) {
        viewport(atWidth, HEIGHT);
        settle();
        script("window.scrollTo(0, 0)");
        long height = ((Number) script("return Math.max(document.documentElement.scrollHeight,"
                + " document.body.scrollHeight)")).longValue();
        viewport(atWidth, (int) Math.min(Math.max(height, HEIGHT), 8000));
        try {
            settle();
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            shots++;
            Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s-%d.png", prefix, shots, name, atWidth));
            if (atWidth < DESK_WIDTH && overflowsSideways()) {
                layoutProblems.add(file.getFileName() + ": the page is wider than " + atWidth + " px");
            }
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            viewport(atWidth, HEIGHT);
        }
    }

    /** Whether the page is wider than the screen (something sticks out and the whole page scrolls sideways). */
    boolean overflowsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    /** The same page again at a desk screen's width, then back to the phone. */
    Path screenshotOnDesk(String name) {
        int phone = width;
        width = DESK_WIDTH;
        viewport(width, HEIGHT);
        try {
            return screenshot(name);
        } finally {
            width = phone;
            viewport(width, HEIGHT);
            settle();
        }
    }

    /** Lets the page lay itself out again (charts and maps follow their box's size) before a picture. */
    private void settle() {
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));");
    }

    /**
     * Script errors and words missing from the dictionary, logged by the pages so far, and pictures of pages that
     * were wider than the phone (the whole page would scroll sideways).
     */
    List<String> pageProblems() {
        List<String> problems = new java.util.ArrayList<>(layoutProblems);
        driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Uncaught") || m.contains("missing text") || m.contains("TypeError")
                        || m.contains("ReferenceError") || m.contains("SyntaxError"))
                .forEach(problems::add);
        return problems;
    }

    /** What the page keeps in this tab's storage (the sign-in lives there, never in a cookie). */
    @SuppressWarnings("unchecked")
    Map<String, Object> sessionStorage() {
        return (Map<String, Object>) script("return Object.assign({}, sessionStorage)");
    }

    String currentRoute() {
        String url = driver.getCurrentUrl();
        int hash = url.indexOf('#');
        return hash < 0 ? "/" : url.substring(hash + 1);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
