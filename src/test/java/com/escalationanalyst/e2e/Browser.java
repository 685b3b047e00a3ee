package com.escalationanalyst.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless at 1280×800, through its chromedriver (paths given explicitly, so nothing
 * is downloaded): {@code -De2e.chromium=...} and {@code -De2e.chromedriver=...} override them.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("ea-chromium");
        String chromium = System.getProperty("e2e.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");
        for (String program : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new IllegalStateException(program + " is missing: apt-get install chromium chromium-driver "
                        + "(.ci/run does), or point -De2e.chromium / -De2e.chromedriver at them");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,800", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        Files.createDirectories(SCREENSHOTS);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement find(By by) {
        return until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        }, "an element " + by);
    }

    <T> T until(Function<WebDriver, T> condition, String what) {
        return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(200))
                // Angular re-renders: an element found a moment ago may be gone; look again
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "waiting for " + what + " on " + driver.getCurrentUrl())
                .until(condition);
    }

    Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** A PNG of the window under target/screenshots/{name}.png. */
    Path screenshot(String name) {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
