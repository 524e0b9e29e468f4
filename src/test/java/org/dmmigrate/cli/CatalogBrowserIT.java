package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalog of a backup of the sample organisation, opened from file:// in a real
 * headless Chromium: what a person sees, searches, clicks and plays.
 */
class CatalogBrowserIT {

    private static final Path SCREENSHOT = Path.of("target", "catalog-screenshot.png");
    private static final Path MEDIA_SCREENSHOT = Path.of("target", "catalog-media-screenshot.png");

    @TempDir
    static Path work;

    private static Path dst;
    private static ChromeDriver browser;
    private static Map<String, String> titles;
    private static Map<String, String> owners;

    @BeforeAll
    static void backUpTheSampleAndOpenABrowser() throws IOException {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "skipped: " + HeadlessChromium.BROWSER
                + " or " + HeadlessChromium.DRIVER + " is not installed (apt-get install "
                + "chromium chromium-driver, as .ci/run does)");
        dst = work.resolve("backup");
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).port(0)
                .build()) {
            emulator.start();
            CliRun download = CliRun.against(emulator, "dmdownload", dst.toString());
            assertThat(download.exitCode()).as(download.toString())
                    .isEqualTo(ExitCodes.INCOMPLETE);
        }
        CliRun catalog = CliRun.of("dmcatalog", dst.toString());
        assertThat(catalog.exitCode()).as(catalog.toString()).isEqualTo(ExitCodes.OK);
        assertThat(catalog.out()).contains(index().toUri().toString());
        readListings();
        browser = HeadlessChromium.start(work.resolve("profile"));
    }

    @AfterAll
    static void quitTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void indexListsEveryMediaOfTheBackup() throws IOException {
        openIndex();

        assertThat(rowIds()).containsExactlyInAnyOrderElementsOf(titles.keySet());
        assertThat(browser.findElement(By.id("count")).getText())
                .isEqualTo(titles.size() + " media");
        saveScreenshot(SCREENSHOT);
    }

    @Test
    void searchNarrowsTheListAndClearingRestoresIt() {
        openIndex();
        WebElement search = browser.findElement(By.id("search"));

        search.sendKeys("holiday");
        List<String> holiday = rowIds();
        search.clear();
        search.sendKeys("carol");
        List<String> carol = rowIds();
        search.clear();
        search.sendKeys(" ");

        assertThat(holiday).singleElement()
                .satisfies(id -> assertThat(titles.get(id)).isEqualTo("My holiday video (2014)"));
        assertThat(carol).hasSize((int) owners.values().stream()
                .filter("carol.smith"::equals).count());
        assertThat(rowIds()).hasSize(titles.size());
    }

    @Test
    void everyThumbnailRenders() throws IOException {
        openIndex();

        List<WebElement> images = browser.findElements(By.cssSelector("#rows img.thumb"));
        for (WebElement image : images) {
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", image);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                    (Boolean) browser.executeScript(
                            "return arguments[0].complete && arguments[0].naturalWidth > 0;",
                            image));
        }

        assertThat(images).hasSize(mediaWithThumbnails());
        assertThat(images).allSatisfy(image -> assertThat(((Number) browser.executeScript(
                "return arguments[0].naturalWidth;", image)).intValue()).isPositive());
    }

    @Test
    void videoOfAMediaPagePlaysARendition() throws IOException {
        openIndex();
        browser.findElement(By.id("search")).sendKeys("Every rendition");
        browser.findElement(By.cssSelector("#rows a.title")).click();

        @SuppressWarnings("unchecked")
        Map<String, Object> played = (Map<String, Object>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const video = document.getElementById('player');"
                + "video.muted = true;"
                + "video.play().then(() => setTimeout(() => done({ok: true, "
                + "  time: video.currentTime, ready: video.readyState, src: video.currentSrc}),"
                + "  800)).catch(e => done({ok: false, error: String(e)}));");

        assertThat(played).as("play() result").containsEntry("ok", true);
        assertThat(((Number) played.get("ready")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) played.get("time")).doubleValue()).isPositive();
        assertThat((String) played.get("src")).endsWith("/mp4_h264_aac_hq.mp4");
        saveScreenshot(MEDIA_SCREENSHOT);
    }

    @Test
    void hostileTitleShowsAsTextAndRunsNothing() {
        String hostile = "<script>alert(1)</script>";
        openIndex();

        browser.findElement(By.id("search")).sendKeys("<script>");
        List<WebElement> links = browser.findElements(By.cssSelector("#rows a.title"));
        List<String> shown = links.stream().map(WebElement::getText).toList();
        long indexScripts = (Long) browser.executeScript(
                "return document.querySelectorAll('script').length;");
        links.get(0).click();
        String heading = browser.findElement(By.id("title")).getText();
        long pageScripts = (Long) browser.executeScript(
                "return document.querySelectorAll('script').length;");

        assertThat(shown).containsExactly(hostile);
        assertThat(heading).isEqualTo(hostile);
        assertThat(browser.getTitle()).startsWith(hostile);
        assertThat(indexScripts).as("the data and the index script only").isEqualTo(2);
        assertThat(pageScripts).isZero();
        assertThatThrownBy(() -> browser.switchTo().alert())
                .isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void everyLinkOfEveryMediaPageOpensAnExistingFile() throws IOException {
        List<String> links = new ArrayList<>();
        for (String id : titles.keySet()) {
            browser.get(index().resolveSibling("media").resolve(id + ".html").toUri().toString());
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) browser.executeScript("return Array.from("
                    + "document.querySelectorAll('a[href], source[src]'))"
                    + ".map(e => e.href || e.src);");
            links.addAll(found);
        }

        assertThat(links).hasSizeGreaterThan(3 * titles.size());
        assertThat(links).allSatisfy(link -> {
            URI uri = URI.create(link);
            assertThat(uri.getRawQuery()).as("query of " + link).isNull();
            assertThat(uri.getRawFragment()).as("fragment of " + link).isNull();
            assertThat(Path.of(uri)).as(link).exists();
        });
    }

    @Test
    void linksThroughHashQuestionMarkAndSpacesOpenInTheBrowser() {
        String id = idOf("Q&A #3? yes & no  (two spaces)");
        browser.get(index().resolveSibling("media").resolve(id + ".html").toUri().toString());
        List<String> files = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector("a.file"))) {
            files.add(link.getAttribute("href"));
        }

        List<String> opened = new ArrayList<>();
        for (String file : files) {
            browser.get(file);
            opened.add(file + (notFound() ? " NOT FOUND" : ""));
        }
        browser.get(files.get(0) + "-missing");

        assertThat(files).hasSize(2).allMatch(f -> f.contains("Q%26A%20%233%3F%20yes"));
        assertThat(opened).noneMatch(f -> f.endsWith("NOT FOUND"));
        assertThat(notFound()).as("a missing file is detected").isTrue();
    }

    private static boolean notFound() {
        String text = (String) browser.executeScript(
                "return document.documentElement.innerText || '';");
        return text.contains("ERR_FILE_NOT_FOUND");
    }

    private static void openIndex() {
        browser.get(index().toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> !driver.findElements(By.cssSelector("#rows tr.media")).isEmpty());
    }

    private static List<String> rowIds() {
        return browser.findElements(By.cssSelector("#rows tr.media")).stream()
                .map(row -> row.getAttribute("data-id")).toList();
    }

    private static Path index() {
        return dst.resolve("catalog").resolve("index.html");
    }

    private static String idOf(String title) {
        return titles.entrySet().stream().filter(e -> title.equals(e.getValue()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** Reads every user's media.json of the backup: the media the index must list. */
    private static void readListings() throws IOException {
        titles = new LinkedHashMap<>();
        owners = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> users = Files.list(dst)) {
            for (Path listing : users.map(u -> u.resolve("media.json")).filter(Files::isRegularFile)
                    .toList()) {
                for (Object item : json.readValue(listing.toFile(), List.class)) {
                    Map<?, ?> media = (Map<?, ?>) item;
                    titles.put((String) media.get("id"), (String) media.get("title"));
                    owners.put((String) media.get("id"),
                            listing.getParent().getFileName().toString());
                }
            }
        }
        assertThat(titles).hasSizeGreaterThan(20);
    }

    /** Media folders of the backup holding a thumbnail file. */
    private static int mediaWithThumbnails() throws IOException {
        Set<Path> folders = new HashSet<>();
        try (Stream<Path> all = Files.walk(dst)) {
            all.filter(p -> p.getFileName().toString().startsWith("jpeg_thumbnail_"))
                    .filter(p -> p.getFileName().toString().endsWith(".jpg"))
                    .forEach(p -> folders.add(p.getParent()));
        }
        return folders.size();
    }

    private static void saveScreenshot(Path target) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
