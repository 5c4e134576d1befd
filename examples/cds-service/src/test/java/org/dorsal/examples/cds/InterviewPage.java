package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.dorsal.examples.cds.browser.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The web interview as a test sees it in the browser: which screen is up, the question asked, and
 * the result shown, read from the page's own markup (its {@code data-} attributes), and the
 * controls a patient uses, by mouse or by keyboard alone.
 */
final class InterviewPage {
    /** A screen change after a click is one POST /assess on loopback; a minute is for a very busy machine. */
    private static final Duration SCREEN_CHANGE = Duration.ofSeconds(60);

    /** What the result or emergency screen says, in the terms of the assessment JSON. */
    record Shown(String disposition, boolean provisional, List<String> redFlags, List<String> recommendations) {
    }

    private final Chromium chromium;
    private final ChromeDriver driver;
    private final URI page;

    InterviewPage(Chromium chromium, URI base) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.page = base.resolve("/interview");
    }

    URI uri() {
        return page;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads the page afresh (a new interview: nothing survives a reload) and waits for its script. */
    void open() {
        driver.get(page.toString());
        long deadline = System.nanoTime() + SCREEN_CHANGE.toNanos();
        while (!driver.findElement(By.id("start")).isEnabled()) {
            assertThat(System.nanoTime()).as("the page's script enables Start").isLessThan(deadline);
            pause();
        }
    }

    /** {@code start}, {@code question}, {@code emergency}, {@code result} or {@code error}. */
    String screen() {
        return driver.findElement(By.tagName("body")).getAttribute("data-screen");
    }

    /** The subject of the question shown: a finding's name or a quantity's field, as in the intake JSON. */
    String subject() {
        return driver.findElement(By.cssSelector("form.question")).getAttribute("data-subject");
    }

    String questionText() {
        return driver.findElement(By.id("question-text")).getText();
    }

    String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    /** The finding answer selected on the question shown, or null when none is. */
    String checkedState() {
        List<WebElement> checked = driver.findElements(By.cssSelector("input[name=answer]:checked"));
        return checked.isEmpty() ? null : checked.get(0).getAttribute("value");
    }

    // --- by mouse ------------------------------------------------------------------------------

    void start() {
        changesScreen(() -> driver.findElement(By.id("start")).click());
    }

    /** Chooses present, absent or unknown, or nothing at all for null, then Next. */
    void answer(String state) {
        if (state != null) {
            driver.findElement(By.cssSelector("input[name=answer][value=" + state + "]")).click();
        }
        next();
    }

    /** Types a duration and picks its unit ({@code hour}, {@code day}, {@code week}), then Next. */
    void duration(String amount, String unit) {
        typeDuration(amount, unit);
        next();
    }

    void typeDuration(String amount, String unit) {
        WebElement input = driver.findElement(By.id("amount"));
        input.clear();
        input.sendKeys(amount);
        driver.findElement(By.cssSelector("#unit option[value=" + unit + "]")).click();
    }

    /** Presses Next on a duration that the page refuses, and returns the refusal it shows. */
    String refusedDuration(String amount, String unit) {
        typeDuration(amount, unit);
        String before = step();
        driver.findElement(By.cssSelector("[data-action=next]")).click();
        assertThat(step()).as("a refused answer stays on the question").isEqualTo(before);
        WebElement error = driver.findElement(By.id("amount-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus back on the number").isEqualTo("amount");
        return error.getText();
    }

    void dontKnowButton() {
        click("dont-know");
    }

    void next() {
        click("next");
    }

    void back() {
        click("back");
    }

    /** Change on the result page, for the answer numbered {@code index} from 0. */
    void change(int index) {
        changesScreen(() -> driver.findElements(By.cssSelector("[data-action=change]")).get(index).click());
    }

    private void click(String action) {
        changesScreen(() -> driver.findElement(By.cssSelector("[data-action=" + action + "]")).click());
    }

    // --- by keyboard alone -----------------------------------------------------------------------

    /** Presses Tab (or Shift+Tab) until the focused element matches {@code css}; every stop must show a focus ring. */
    void tabTo(String css, boolean backwards) {
        for (int i = 0; i < 30; i++) {
            Keys[] keys = backwards ? new Keys[] {Keys.SHIFT, Keys.TAB} : new Keys[] {Keys.TAB};
            new Actions(driver).keyDown(keys[0]).sendKeys(keys[keys.length - 1]).keyUp(keys[0]).perform();
            assertThat(focusVisible()).as("the focused %s shows a visible focus indicator", focusedTag()).isTrue();
            if ((Boolean) driver.executeScript("return document.activeElement.matches(arguments[0])", css)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses a key that should move to another screen (Enter or Space on a button), and waits for it. */
    void pressToChangeScreen(CharSequence key) {
        changesScreen(() -> press(key));
    }

    String focusedTag() {
        return (String) driver.executeScript("const e = document.activeElement;"
                + " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.dataset.action ? '[' + e.dataset.action + ']' : '')"
                + " + (e.value && e.type === 'radio' ? '=' + e.value : '')");
    }

    /** True when the focused control, or the choice that wraps a radio button, draws a visible outline. */
    boolean focusVisible() {
        return (Boolean) driver.executeScript("const e = document.activeElement;"
                + " const ring = (n) => { const s = getComputedStyle(n); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; };"
                + " return ring(e) || (e.type === 'radio' && ring(e.closest('.choice')));");
    }

    // --- what is shown -------------------------------------------------------------------------

    /** The disposition, red flags and advice of the result or emergency screen, in the order shown. */
    Shown shown() {
        WebElement section = driver.findElement(By.cssSelector("section[data-disposition]"));
        return new Shown(section.getAttribute("data-disposition"),
                Boolean.parseBoolean(Objects.requireNonNull(section.getAttribute("data-provisional"))),
                attributes("[data-red-flag]", "data-red-flag"),
                attributes("[data-recommendation]", "data-recommendation"));
    }

    /** The answers the result page lists: subject and value (a state, a number in the intake's unit, or "" for don't know). */
    List<String[]> answersListed() {
        return driver.findElements(By.cssSelector(".answers li")).stream()
                .map(li -> new String[] {li.getAttribute("data-subject"), li.getAttribute("data-value")}).toList();
    }

    private List<String> attributes(String css, String attribute) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute(attribute)).toList();
    }

    String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    String step() {
        return driver.findElement(By.tagName("body")).getAttribute("data-step");
    }

    private void changesScreen(Runnable action) {
        String before = step();
        action.run();
        long deadline = System.nanoTime() + SCREEN_CHANGE.toNanos();
        while (Objects.equals(step(), before)) {
            assertThat(System.nanoTime()).as("the page moved on within %s", SCREEN_CHANGE).isLessThan(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Chromium chromium() {
        return chromium;
    }
}
