package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.Subject;
import org.openqa.selenium.Keys;

/**
 * A patient who knows the answers of one intake and gives them to the web interview, question by
 * question, as the page asks: "Don't know" or a blank for an unknown finding, a duration in
 * whichever unit fits (504 hours may be typed as 3 weeks, 21 days or 504 hours), by mouse or by
 * keyboard alone. It writes down what it answered, so that the test can ask {@code POST /assess}
 * about exactly those answers, independently of the page.
 */
final class ScriptedPatient {
    /** How the answers are given: WebDriver clicks, WebDriver key presses, or the page's controls from one script per question. */
    enum Hands { MOUSE, KEYBOARD, SCRIPT }

    private final Intake intake;
    private final Random random;
    private final Hands hands;
    /** Subject key → "present" / "absent" / "unknown", or the number for a duration (absent when unknown). */
    private final Map<String, Object> answered = new LinkedHashMap<>();

    ScriptedPatient(Intake intake, Random random, Hands hands) {
        this.intake = intake;
        this.random = random;
        this.hands = hands;
    }

    /** Loads the page, starts, and answers until the page shows a result or the emergency screen. */
    void complete(InterviewPage page) {
        page.open();
        if (hands == Hands.KEYBOARD) {
            page.tabTo("#start", false);
            page.pressToChangeScreen(Keys.ENTER);
        } else {
            page.start();
        }
        answerAll(page);
    }

    /** Answers the questions from the one shown until the page shows a result or the emergency screen. */
    void answerAll(InterviewPage page) {
        if (hands == Hands.SCRIPT) {
            String screen = page.screen();
            String subject = screen.equals("question") ? page.subject() : null;
            while (screen.equals("question")) {
                assertThat(answered).as("a question is never asked twice").doesNotContainKey(subject);
                List<String> next = scripted(page, subject);
                screen = next.get(0);
                subject = next.get(1);
            }
            assertThat(screen).isIn("result", "emergency");
            return;
        }
        while (page.screen().equals("question")) {
            String subject = page.subject();
            assertThat(answered).as("a question is never asked twice").doesNotContainKey(subject);
            answer(page, subject);
        }
        assertThat(page.screen()).isIn("result", "emergency");
    }

    /** The answers given, as intake JSON: every finding asked (unknown included), every duration known. */
    ObjectNode answers() {
        ObjectNode json = Client.JSON.createObjectNode();
        ObjectNode findings = json.putObject("findings");
        answered.forEach((subject, value) -> {
            if (value instanceof Integer n) {
                json.put(subject, n);
            } else if (value instanceof String state) {
                findings.put(subject, state);
            }
        });
        return json;
    }

    /** The subjects asked, in order. */
    List<String> asked() {
        return new ArrayList<>(answered.keySet());
    }

    /** One answer through {@link InterviewPage#scripted}; returns the next screen and subject. */
    private List<String> scripted(InterviewPage page, String subject) {
        Subject s = Subject.parse(subject).orElseThrow(() -> new AssertionError("the page asks about " + subject));
        if (s instanceof Finding f) {
            State state = intake.state(f);
            answered.put(subject, state.json());
            return page.scripted(state == State.UNKNOWN && random.nextBoolean() ? null : state.json(), null, null, false);
        }
        Quantity q = (Quantity) s;
        OptionalInt value = intake.quantity(q);
        if (value.isEmpty()) {
            answered.put(subject, null);
            boolean button = random.nextBoolean();
            return page.scripted(null, button ? null : "", q == Quantity.HOURS_SINCE_ONSET ? "hour" : "day", button);
        }
        answered.put(subject, value.getAsInt());
        String[] spoken = spoken(q, value.getAsInt());
        return page.scripted(null, spoken[0], spoken[1], false);
    }

    private void answer(InterviewPage page, String subject) {
        Subject s = Subject.parse(subject).orElseThrow(() -> new AssertionError("the page asks about " + subject));
        if (s instanceof Finding f) {
            State state = intake.state(f);
            answered.put(subject, state.json());
            // An unknown is answered both ways the page offers: "Don't know", or nothing chosen.
            String chosen = state == State.UNKNOWN && random.nextBoolean() ? null : state.json();
            if (hands == Hands.KEYBOARD) {
                keyboardChoice(page, chosen);
            } else {
                page.answer(chosen);
            }
        } else {
            Quantity q = (Quantity) s;
            OptionalInt value = intake.quantity(q);
            if (value.isEmpty()) {
                answered.put(subject, null);
                boolean button = random.nextBoolean();
                if (hands == Hands.KEYBOARD) {
                    page.tabTo(button ? "[data-action=dont-know]" : "[data-action=next]", false);
                    page.pressToChangeScreen(Keys.ENTER);
                } else if (button) {
                    page.dontKnowButton();
                } else {
                    page.duration("", q == Quantity.HOURS_SINCE_ONSET ? "hour" : "day");
                }
                return;
            }
            answered.put(subject, value.getAsInt());
            String[] spoken = spoken(q, value.getAsInt());
            if (hands == Hands.KEYBOARD) {
                keyboardDuration(page, q, spoken[0], spoken[1]);
            } else {
                page.duration(spoken[0], spoken[1]);
            }
        }
    }

    /** A duration as a person might say it: any unit in which it is a whole number, or half a day of onset. */
    private String[] spoken(Quantity q, int value) {
        List<String[]> ways = new ArrayList<>();
        if (q == Quantity.HOURS_SINCE_ONSET) {
            ways.add(new String[] {Integer.toString(value), "hour"});
            if (value % 24 == 0) {
                ways.add(new String[] {Integer.toString(value / 24), "day"});
            } else if (value % 12 == 0) {
                ways.add(new String[] {value / 24 + ".5", "day"});
            }
            if (value % 168 == 0) {
                ways.add(new String[] {Integer.toString(value / 168), "week"});
            }
        } else {
            ways.add(new String[] {Integer.toString(value), "day"});
            if (value % 7 == 0) {
                ways.add(new String[] {Integer.toString(value / 7), "week"});
            }
        }
        return ways.get(random.nextInt(ways.size()));
    }

    /** Tab to the radio group, choose with Space or the arrow keys (or leave it), Tab to Next, Enter. */
    private static void keyboardChoice(InterviewPage page, String state) {
        page.tabTo("input[name=answer]", false);
        assertThat(page.focusedTag()).as("nothing chosen yet: Tab lands on the first choice").isEqualTo("input=present");
        if ("present".equals(state)) {
            page.press(Keys.SPACE);
        } else if ("absent".equals(state)) {
            page.press(Keys.ARROW_DOWN);
        } else if ("unknown".equals(state)) {
            page.press(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        }
        assertThat(page.checkedState()).isEqualTo(state);
        page.tabTo("[data-action=next]", false);
        page.pressToChangeScreen(Keys.ENTER);
    }

    private static void keyboardDuration(InterviewPage page, Quantity q, String amount, String unit) {
        page.tabTo("#amount", false);
        page.press(amount);
        page.tabTo("#unit", false);
        // Type-ahead: the unit's first letter picks its option without opening the list.
        page.press(unit.substring(0, 1));
        assertThat(page.driver().executeScript("return document.getElementById('unit').value")).isEqualTo(unit);
        page.tabTo("[data-action=next]", false);
        page.pressToChangeScreen(Keys.ENTER);
    }
}
