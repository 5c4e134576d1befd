package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Doses come from the sources only (spec §4 and §5): every dose in the catalogue is pinned to the
 * specification's tables, and no patient text carries a figure the specification does not give.
 * Where the sources give no number the dose has none either, only a note in words.
 */
class DoseTest {
    /** What the specification says each rule's dose is. */
    private record Expected(boolean hasDose, Integer min, Integer max, Dose.Unit unit) {
        static Expected range(int min, int max, Dose.Unit unit) {
            return new Expected(true, min, max, unit);
        }

        static Expected noNumber(Dose.Unit unit) {
            return new Expected(true, null, null, unit);
        }

        static Expected noDose() {
            return new Expected(false, null, null, null);
        }
    }

    private static final Map<String, Expected> SPEC = Map.ofEntries(
            // §4 thermal therapy: 15–20 min per application
            Map.entry("TH-COLD-ACUTE", Expected.range(15, 20, Dose.Unit.MINUTES)),
            Map.entry("TH-COLD-TRANSITION", Expected.range(15, 20, Dose.Unit.MINUTES)),
            Map.entry("TH-HEAT-TRANSITION", Expected.range(15, 20, Dose.Unit.MINUTES)),
            Map.entry("TH-HEAT-SUBACUTE", Expected.range(15, 20, Dose.Unit.MINUTES)),
            Map.entry("TH-COLD-PERSISTENT", Expected.range(15, 20, Dose.Unit.MINUTES)),
            // §5 exercises: a number only where the table gives one
            Map.entry("EX-CHIN-TUCK", Expected.range(5, 5, Dose.Unit.SECONDS)),
            Map.entry("EX-TENNIS-BALL", Expected.range(90, 120, Dose.Unit.SECONDS)),
            Map.entry("EX-CAT-COW", Expected.noNumber(Dose.Unit.REPETITIONS)),
            Map.entry("EX-SHOULDER-ROLLS", Expected.noNumber(Dose.Unit.REPETITIONS)),
            Map.entry("EX-NECK-ROTATION", Expected.noNumber(Dose.Unit.SECONDS)),
            Map.entry("EX-UPPER-BACK-STRETCH", Expected.noNumber(Dose.Unit.SECONDS)),
            Map.entry("EX-BAND-ROWS", Expected.noNumber(Dose.Unit.REPETITIONS)),
            Map.entry("EX-SCAPULAR-SQUEEZE", Expected.noNumber(Dose.Unit.REPETITIONS)),
            Map.entry("EX-WALL-ANGELS", Expected.noNumber(Dose.Unit.REPETITIONS)),
            Map.entry("EX-PRONE-COBRA", Expected.noNumber(Dose.Unit.REPETITIONS)),
            // everything else is advice without an amount
            Map.entry("RF-THUNDERCLAP-HEADACHE", Expected.noDose()),
            Map.entry("RF-VASCULAR-AFTER-NECK-MOVEMENT", Expected.noDose()),
            Map.entry("RF-DIZZINESS-UNLINKED", Expected.noDose()),
            Map.entry("RF-BOWEL-BLADDER", Expected.noDose()),
            Map.entry("RF-SYSTEMIC", Expected.noDose()),
            Map.entry("RF-RADICULOPATHY", Expected.noDose()),
            Map.entry("RF-NEURO-DEFICIT", Expected.noDose()),
            Map.entry("DT-SPASM-PERSISTENT", Expected.noDose()),
            Map.entry("DT-STIFFNESS-NO-IMPROVEMENT", Expected.noDose()),
            Map.entry("WARN-SELF-MANIPULATION", Expected.noDose()),
            Map.entry("EDU-CAVITATION", Expected.noDose()),
            Map.entry("PREV-ERGONOMICS", Expected.noDose()),
            Map.entry("PREV-HYDRATION", Expected.noDose()),
            Map.entry("PREV-STRESS", Expected.noDose()),
            Map.entry("PREV-LIFTING", Expected.noDose()),
            Map.entry("SN-WATCH-FOR", Expected.noDose()));

    /**
     * The figures the specification gives, each with its unit so that an allowed number cannot come
     * back as a new dose ("5 seconds" is the chin-tuck hold; "5 repetitions" is invented).
     */
    private static final List<Pattern> SPEC_FIGURES = patterns(
            "15 ?(?:–|to) ?20 min(?:utes)?",         // §4 thermal application
            "5 seconds",                              // §5 chin-tuck hold
            "90 ?(?:–|to) ?120 seconds",              // §5 tennis ball, per spot
            "about 20 minutes",                       // §7 before a joint can pop again
            "(?:48|72) hours", "(?:two|2) days",      // §4 thermal phases
            "90 ?(?:°|degrees)",                      // §7 elbows at the desk
            "\\{(?:spasmReferralDays|stiffnessReferralDays)\\}");  // §4 referral thresholds, as configured
    /** §6: examples of answers in the quantity questions, which tell a person how they may answer. */
    private static final List<Pattern> ANSWER_EXAMPLES = patterns("36 hours", "3 days", "2 weeks");
    private static final Pattern NUMBER = Pattern.compile("\\d+|\\b(?:two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
            + "|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|twice|couple|half)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void every_dose_is_the_one_the_specification_gives() {
        Catalogue catalogue = Catalogue.load(getClass().getClassLoader(), PatientTexts.CATALOGUE);
        assertThat(SPEC).as("the table covers every rule of the catalogue").containsOnlyKeys(catalogue.rules().keySet());
        assertThat(SPEC).allSatisfy((id, expected) -> {
            Dose dose = catalogue.rules().get(id).dose();
            if (!expected.hasDose()) {
                assertThat(dose).as("dose of %s", id).isNull();
                return;
            }
            assertThat(dose).as("dose of %s", id).isNotNull();
            assertThat(dose.min()).as("min of %s", id).isEqualTo(expected.min());
            assertThat(dose.max()).as("max of %s", id).isEqualTo(expected.max());
            assertThat(dose.unit()).as("unit of %s", id).isEqualTo(expected.unit());
            if (expected.min() == null) {
                assertThat(dose.note()).as("a dose without a number says how much in words: %s", id).isNotBlank();
            }
        });
    }

    @Test
    void no_patient_text_carries_a_figure_the_specification_does_not_give() {
        List<String> invented = new ArrayList<>();
        PatientTexts.raw().forEach((label, text) -> {
            String rest = without(text, SPEC_FIGURES);
            if (label.equals("questions.hoursSinceOnset.text") || label.equals("questions.selfCareDays.text")) {
                rest = without(rest, ANSWER_EXAMPLES);
            }
            Matcher m = NUMBER.matcher(rest);
            while (m.find()) {
                invented.add(label + ": '" + m.group() + "' in \"" + text + "\"");
            }
        });
        assertThat(invented).as("figures in patient text that the specification does not give").isEmpty();
    }

    @Test
    void the_figure_check_catches_an_invented_dose() {
        assertThat(NUMBER.matcher(without("Do 5 repetitions, twice a day.", SPEC_FIGURES)).results().count()).isEqualTo(2);
        assertThat(NUMBER.matcher(without("Hold for 5 seconds; lean in for 90 to 120 seconds.", SPEC_FIGURES)).find()).isFalse();
        assertThat(NUMBER.matcher(without("for example 3 days", SPEC_FIGURES)).find()).as("answer examples only in the quantity questions").isTrue();
    }

    private static String without(String text, List<Pattern> allowed) {
        String rest = text;
        for (Pattern p : allowed) {
            rest = p.matcher(rest).replaceAll(" ");
        }
        return rest;
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile("(?<![\\w{])" + r + "(?!\\w)", Pattern.CASE_INSENSITIVE)).toList();
    }
}
