package io.neuraladder.train.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.imports.AdderImport;
import io.neuraladder.train.imports.Counterexample;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explorer page in a real browser: Debian's headless Chromium driven by Selenium through
 * Debian's chromedriver, offline. It types pairs as a person would, steps through the trace, and
 * reads what the page says and draws from the DOM; it saves screenshots under {@code target/}.
 *
 * <p>Without {@value #CHROMIUM} and {@value #CHROMEDRIVER} the test is skipped, unless the
 * environment variable {@value #REQUIRED} is {@code required} (as {@code .ci/run} sets it, after
 * installing them), where it fails instead. Alone: {@code mvn -pl adder-train -am verify -Dtest=ExplorerBrowserTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ExplorerBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String REQUIRED = "NEURALADDER_BROWSER_TESTS";

    private static final Logger log = LoggerFactory.getLogger(ExplorerBrowserTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static ModelCatalog catalog;
    private static ExplorerServer server;
    private static WebDriver browser;
    /** The imported model and the browser's profile; JUnit deletes it after the last test. */
    @TempDir
    static Path scratch;
    private static String skipped;
    private static AdderImport.Outcome refuted;

    @BeforeAll
    static void start() throws IOException {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed && "required".equals(System.getenv(REQUIRED))) {
            throw new IllegalStateException(CHROMIUM + " and " + CHROMEDRIVER + " are required (" + REQUIRED
                    + "=required) but missing: apt-get install -y chromium chromium-driver");
        }
        if (!installed) {
            skipped = "skipped: the explorer's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ", missing here (apt-get install -y chromium chromium-driver; .ci/run installs them and sets "
                    + REQUIRED + "=required)";
            log.warn(skipped);
            return;
        }
        Path imported = scratch.resolve("lstm4-short.onnx");
        refuted = AdderImport.run(Path.of("src/test/resources/pytorch/lstm4-short.onnx"), imported, Operator.ADD);
        catalog = ModelCatalog.open(List.of(imported));
        server = ExplorerServer.start(catalog, 0);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1700", "--user-data-dir=" + scratch.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    /** Each test reports itself skipped, with the reason, rather than the class vanishing from the counts. */
    @BeforeEach
    void requireBrowser() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
            catalog.close();
        }
    }

    @Test
    void addsStepsAndDrawsThroughThePage() throws IOException {
        browser.get(server.uri() + "?model=" + NeuralAdder.BUNDLED_MODEL);
        waitFor(() -> "true".equals(attribute("body", "data-ready")));
        String ready = attribute("body", "data-ready-ms");
        log.info("page ready {} ms after navigation started (trace of 535 + 61 included)", ready);
        assertEquals("596", text("sum"), "the page opens with 535 + 61");

        add("2147483647", "1", "auto");
        assertEquals("integer overflow", text("sum"));
        assertEquals("-2147483648", attribute("#sum", "data-wrapped"));
        assertEquals(32, drawnSteps());
        assertEquals("32", text("step-count"));
        assertEquals(32, visibleTrajectoryPoints(), "the whole trajectory is drawn at the last step");
        screenshot("explorer-overflow.png");

        click("first");
        assertEquals("1", text("step"));
        assertEquals(1, visibleTrajectoryPoints());
        for (int k = 0; k < 3; k++) {
            click("forward");
        }
        assertEquals("4", text("step"));
        assertEquals(4, visibleTrajectoryPoints());
        assertTrue(text("facts").contains("carry out\n1") || text("facts").contains("carry out 1"), text("facts"));
        click("play");
        waitFor(() -> Integer.parseInt(text("step")) >= 7);
        click("play");
        String paused = text("step");
        assertEquals(Integer.parseInt(paused), visibleTrajectoryPoints(), "the animation draws as it goes");
        click("last");
        assertEquals("32", text("step"));

        add("-1", "1", "long");
        assertEquals("0", text("sum"));
        assertEquals(64, drawnSteps());

        add("1267650600228229401496703205375", "1", "auto");
        assertEquals("1267650600228229401496703205376", text("sum"), "2^100 - 1 + 1, as BigIntegers");
        assertEquals("(102 steps, as BigIntegers)", text("wrapped"), "100 bits, a sign bit and the last carry");
        assertEquals(102, drawnSteps());

        add("123456789", "-987654321", "int");
        assertEquals(Integer.toString(123456789 + -987654321), text("sum"));
        assertEquals(32, drawnSteps());

        refused("12x", "1", "operand a = \"12x\" is not an integer");
        assertEquals(32, drawnSteps(), "a refusal leaves the last trace on the page");

        type("-7", "6", null);
        String products = String.valueOf(attribute("body", "data-products"));
        click("multiply");
        waitFor(() -> !products.equals(String.valueOf(attribute("body", "data-products"))));
        assertTrue(text("product-line").startsWith("-7 × 6 = -42, from "), text("product-line"));
        List<WebElement> additions = browser.findElements(By.cssSelector("#additions button"));
        assertTrue(additions.size() >= 1, "the tree's additions are listed");
        assertEquals("-7 × 6 =", text("sum-line"), "the headline is the product, not the tree's last addition");
        assertEquals("-42", text("sum"));
        assertEquals(64, drawnSteps(), "every addition of a product is 64 bits wide");
        screenshot("explorer-product.png");
        type("65536", "65536", null);
        String overflowing = String.valueOf(attribute("body", "data-products"));
        click("multiply");
        waitFor(() -> !overflowing.equals(String.valueOf(attribute("body", "data-products"))));
        assertTrue(text("sum-line").startsWith("65536 × 65536 overflows an int"), text("sum-line"));
        assertEquals("integer overflow", text("sum"));

        String tracesBefore = attribute("body", "data-traces");
        new Select(browser.findElement(By.id("model"))).selectByValue("subtractor-lstm.onnx");
        waitFor(() -> !tracesBefore.equals(attribute("body", "data-traces")));
        add("535", "61", null);
        assertEquals("474", text("sum"));
        assertEquals("535 - 61 =", text("sum-line"));
        String quotientsBefore = String.valueOf(attribute("body", "data-quotients"));
        click("divide");
        waitFor(() -> !quotientsBefore.equals(String.valueOf(attribute("body", "data-quotients"))));
        assertEquals("8 r 47", text("sum"), "535 ÷ 61 by the subtractor");
        assertEquals(5, browser.findElements(By.cssSelector("#subtractions button")).size());
        screenshot("explorer-quotient.png");
        add("535", "61", null);
        assertFalse(browser.findElement(By.id("quotient")).isDisplayed(), "an Add hides the last quotient");
        assertFalse(browser.findElement(By.id("product")).isDisplayed(), "an Add hides the last product");
        assertEquals("borrow", text("state-name"));
        assertTrue(text("facts").contains("difference bit"), text("facts"));
        assertFalse(text("facts").contains("sum bit"), text("facts"));
        Number widest = (Number) ((JavascriptExecutor) browser).executeScript("return Math.max(...[...document"
                + ".querySelectorAll('#grid text.label')].filter(t => t.getAttribute('x') === '2')"
                + ".map(t => t.getBBox().x + t.getBBox().width));");
        Number firstColumn = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('#grid .step-column').getBBox().x;");
        assertTrue(widest.doubleValue() <= firstColumn.doubleValue(), "the row labels (\"difference\" the longest) end "
                + "at " + widest + ", before the first step's column at " + firstColumn);
        screenshot("explorer-subtractor.png");

        long switching = System.nanoTime();
        new Select(browser.findElement(By.id("model"))).selectByValue("adder-decimal.onnx");
        waitFor(() -> text("sum").equals("596"));
        double switchMillis = (System.nanoTime() - switching) / 1e6;
        log.info("switched to the decimal model (20,100 boxes) and drew 535 + 61 in {} ms", switchMillis);
        add("9999", "1", null);
        assertEquals("10000", text("sum"));
        assertEquals(5, drawnSteps());
        refused("-5", "1", "operand a = \"-5\" is negative");
        screenshot("explorer-decimal.png");
        Files.writeString(Path.of("target", "explorer-timing.txt"), String.format(Locale.ROOT, "page usable %s ms "
                + "after navigation started (first trace drawn); decimal model chosen and drawn in %.0f ms "
                + "(as seen through WebDriver); headless Chromium, one run%n", ready, switchMillis));
    }

    @Test
    void anImportedModelsCounterexample_isTracedInOneClick() throws IOException {
        Counterexample counterexample = refuted.counterexample().orElseThrow();
        browser.get(server.uri() + "?model=lstm4-short.onnx");
        waitFor(() -> "true".equals(attribute("body", "data-ready")));
        assertTrue(text("verdict").startsWith("REFUTED: "), text("verdict"));
        String before = attribute("body", "data-traces");
        click("counterexample");
        waitFor(() -> !before.equals(attribute("body", "data-traces")));
        assertEquals(counterexample.a(), browser.findElement(By.id("a")).getAttribute("value"));
        assertEquals(counterexample.b(), browser.findElement(By.id("b")).getAttribute("value"));
        assertEquals(counterexample.networkGives(), text("sum"), "the page shows the wrong sum ONNX Runtime gives");
        assertTrue(drawnSteps() > 0);
        screenshot("explorer-counterexample.png");
    }

    private void add(String a, String b, String width) {
        String before = attribute("body", "data-traces");
        type(a, b, width);
        waitFor(() -> !before.equals(attribute("body", "data-traces")));
    }

    private void refused(String a, String b, String message) {
        String before = String.valueOf(attribute("body", "data-refusals"));
        type(a, b, null);
        waitFor(() -> !before.equals(String.valueOf(attribute("body", "data-refusals"))));
        assertTrue(text("message").contains(message), text("message"));
    }

    private void type(String a, String b, String width) {
        WebElement first = browser.findElement(By.id("a"));
        first.clear();
        first.sendKeys(a);
        WebElement second = browser.findElement(By.id("b"));
        second.clear();
        second.sendKeys(b);
        if (width != null) {
            new Select(browser.findElement(By.id("width"))).selectByValue(width);
        }
        click("add");
    }

    private int drawnSteps() {
        return browser.findElements(By.cssSelector("#grid .step-column")).size();
    }

    private int visibleTrajectoryPoints() {
        return browser.findElements(By.cssSelector("#plane .trajectory-point[visibility='visible']")).size();
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String attribute(String selector, String name) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector(arguments[0]).getAttribute(arguments[1]);", selector, name);
    }

    private void waitFor(BooleanSupplier condition) {
        new WebDriverWait(browser, PATIENCE).until(driver -> condition.getAsBoolean());
    }

    private void screenshot(String name) throws IOException {
        Path file = Path.of("target", name);
        Files.write(file, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        log.info("screenshot {}", file.toAbsolutePath());
    }
}
