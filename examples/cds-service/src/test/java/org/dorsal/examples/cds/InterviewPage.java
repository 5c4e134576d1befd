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

    private final ChromeDriver driver;
    private final URI page;

    InterviewPage(Chromium chromium, URI base) {
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
        driver.manage().timeouts().scriptTimeout(SCREEN_CHANGE);
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
            if (backwards) {
                new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                new Actions(driver).sendKeys(Keys.TAB).perform();
            }
            // Focus may rest on the document itself on the way in from the browser's own controls.
            String focused = focusedTag();
            assertThat(focused.equals("body") || focusVisible()).as("the focused %s shows a visible focus indicator (outline %s)", focused,
                    driver.executeScript("const e = document.activeElement, s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth + ' focus=' + e.matches(':focus') + ' visible=' + e.matches(':focus-visible') + ' doc=' + document.hasFocus() + ' sheets=' + document.styleSheets.length"))
                    .isTrue();
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
    @SuppressWarnings("unchecked")
    Shown shown() {
        // One round trip: the suite reads hundreds of these.
        List<Object> read = (List<Object>) driver.executeScript("const s = document.querySelector('section[data-disposition]');"
                + " const all = (css, a) => [...document.querySelectorAll(css)].map(e => e.getAttribute(a));"
                + " return [s.dataset.disposition, s.dataset.provisional,"
                + " all('[data-red-flag]', 'data-red-flag'), all('[data-recommendation]', 'data-recommendation')];");
        return new Shown((String) read.get(0), Boolean.parseBoolean((String) Objects.requireNonNull(read.get(1))),
                (List<String>) read.get(2), (List<String>) read.get(3));
    }

    /** The answers the result page lists: subject and value (a state, a number in the intake's unit, or "" for don't know). */
    @SuppressWarnings("unchecked")
    List<String[]> answersListed() {
        List<List<String>> read = (List<List<String>>) driver.executeScript(
                "return [...document.querySelectorAll('.answers li')].map(li => [li.dataset.subject, li.dataset.value]);");
        return read.stream().map(pair -> pair.toArray(String[]::new)).toList();
    }

    /**
     * Answers the question shown through the page's own controls in one script: clicks a choice
     * (none for null), or fills in the number and unit; then clicks Next, or "Don't know" when
     * {@code dontKnowButton}; waits for the next screen. The same DOM events as a click, without a
     * WebDriver round trip per control, so that dozens of whole interviews stay quick; the mouse and
     * keyboard tests drive the same controls through WebDriver's input.
     *
     * @return the screen now shown and, on a question, its subject
     */
    @SuppressWarnings("unchecked")
    List<String> scripted(String state, String amount, String unit, boolean dontKnowButton) {
        return (List<String>) driver.executeAsyncScript("const [state, amount, unit, dontKnow] = arguments;"
                + " const done = arguments[arguments.length - 1];"
                + " const before = document.body.dataset.step;"
                + " if (amount !== null) { document.getElementById('amount').value = amount; document.getElementById('unit').value = unit; }"
                + " else if (state !== null) { document.querySelector('input[name=answer][value=' + state + ']').click(); }"
                + " document.querySelector(dontKnow ? '[data-action=dont-know]' : '[data-action=next]').click();"
                + " const report = () => { const f = document.querySelector('form.question');"
                + "   done([document.body.dataset.screen, f ? f.dataset.subject : null]); };"
                + " if (document.body.dataset.step !== before) { report(); return; }"
                + " const o = new MutationObserver(() => { if (document.body.dataset.step !== before) { o.disconnect(); report(); } });"
                + " o.observe(document.body, {attributes: true, attributeFilter: ['data-step']});",
                state, amount, unit, dontKnowButton);
    }

    /** The text of the page's main part as rendered (innerText: what is not shown is not in it). */
    String mainText() {
        return (String) driver.executeScript("return document.querySelector('main').innerText");
    }

    String step() {
        return driver.findElement(By.tagName("body")).getAttribute("data-step");
    }

    /** Runs an action that moves the page to another screen, and waits (in the page, in one round trip) until it has. */
    private void changesScreen(Runnable action) {
        String before = step();
        action.run();
        driver.executeAsyncScript("const before = arguments[0], done = arguments[arguments.length - 1];"
                + " if (document.body.dataset.step !== before) { done(true); return; }"
                + " const o = new MutationObserver(() => { if (document.body.dataset.step !== before) { o.disconnect(); done(true); } });"
                + " o.observe(document.body, {attributes: true, attributeFilter: ['data-step']});", before);
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
