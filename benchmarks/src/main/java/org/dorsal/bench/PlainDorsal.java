package org.dorsal.bench;

import static org.dorsal.Finding.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dose;
import org.dorsal.Evidence;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Kind;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;
import org.dorsal.State;
import org.dorsal.Thresholds;

/**
 * The decisions of the clinical specification (§3–§7) in plain Java, written from the specification
 * rather than from the DRL: the lower bound of what an assessment can cost, and a differential
 * oracle for the knowledge base. Benchmark and test scope only; a host never sees it.
 *
 * <p>It produces a whole {@link Assessment}, texts and doses from the same content catalogue, so that
 * the two implementations can be compared field for field and the benchmark compares like with like.
 * Where the specification leaves a choice open, the choice is the one README.md documents.
 */
public final class PlainDorsal {
    /** §6: the red-flag findings, EMERGENCY-level then URGENT-level (the link is handled on its own). */
    private static final Finding[] EMERGENCY_FINDINGS = {SEVERE_SUDDEN_HEADACHE, DIZZINESS_OR_VERTIGO, VISUAL_DISTURBANCE,
            BOWEL_OR_BLADDER_CONTROL_LOSS};
    private static final Finding[] URGENT_FINDINGS = {FEVER_OR_CHILLS, UNEXPLAINED_WEIGHT_LOSS, RADIATING_ARM_PAIN,
            NUMBNESS_OR_TINGLING, ARM_OR_HAND_WEAKNESS};

    private static final String NECK_HELP = "NECK §Recognizing When Professional Help is Needed";
    private static final String NECK_RISKS = "NECK §Anatomy and Risks of Forced Adjustment";
    private static final String SPASM_HELP = "SPASM §Recognizing When Professional Medical Intervention is Necessary";
    private static final String SPASM_RELIEF = "SPASM §Immediate Non-Invasive Techniques for Relief";
    private static final String SPASM_TRIGGERS = "SPASM §Identifying the Most Common Muscle Spasm Triggers";
    /** The heading alone, as in sources.json; the twin cites it in full, as the facade expands it. */
    private static final String PREVENTION_SECTION = "Ergonomic Adjustments and Strengthening for Recurrence Prevention";
    private static final String SPASM_PREVENTION = "SPASM §" + PREVENTION_SECTION;

    /** One rule of the specification: its ID, kind and source as its table gives them. */
    private enum Rule {
        RF_THUNDERCLAP_HEADACHE(Kind.ESCALATION, NECK_HELP),
        RF_VASCULAR_AFTER_NECK_MOVEMENT(Kind.ESCALATION, NECK_HELP + "; " + NECK_RISKS),
        RF_DIZZINESS_UNLINKED(Kind.ESCALATION, "policy"),
        RF_BOWEL_BLADDER(Kind.ESCALATION, SPASM_HELP),
        RF_SYSTEMIC(Kind.ESCALATION, NECK_HELP + "; " + SPASM_HELP),
        RF_RADICULOPATHY(Kind.ESCALATION, NECK_HELP + "; " + SPASM_HELP),
        RF_NEURO_DEFICIT(Kind.ESCALATION, NECK_HELP + "; " + SPASM_HELP),
        TH_COLD_ACUTE(Kind.THERMAL, SPASM_RELIEF),
        TH_COLD_TRANSITION(Kind.THERMAL, SPASM_RELIEF),
        TH_HEAT_TRANSITION(Kind.THERMAL, SPASM_RELIEF),
        TH_HEAT_SUBACUTE(Kind.THERMAL, SPASM_RELIEF),
        TH_COLD_PERSISTENT(Kind.THERMAL, SPASM_RELIEF),
        DT_SPASM_PERSISTENT(Kind.ESCALATION, SPASM_HELP),
        DT_STIFFNESS_NO_IMPROVEMENT(Kind.ESCALATION, NECK_HELP),
        EX_CHIN_TUCK(Kind.EXERCISE, "NECK §Cervical Retraction (Chin Tuck); " + SPASM_RELIEF),
        EX_CAT_COW(Kind.EXERCISE, "NECK §Cat-Cow Sequence"),
        EX_SHOULDER_ROLLS(Kind.EXERCISE, "NECK §Shoulder Rolls and Rotational Stretches"),
        EX_NECK_ROTATION(Kind.EXERCISE, "NECK §Shoulder Rolls and Rotational Stretches"),
        EX_UPPER_BACK_STRETCH(Kind.EXERCISE, SPASM_RELIEF),
        EX_TENNIS_BALL(Kind.EXERCISE, SPASM_RELIEF),
        EX_BAND_ROWS(Kind.EXERCISE, SPASM_PREVENTION),
        EX_SCAPULAR_SQUEEZE(Kind.EXERCISE, SPASM_PREVENTION),
        EX_WALL_ANGELS(Kind.EXERCISE, SPASM_PREVENTION),
        EX_PRONE_COBRA(Kind.EXERCISE, SPASM_PREVENTION),
        WARN_SELF_MANIPULATION(Kind.WARNING, NECK_RISKS),
        EDU_CAVITATION(Kind.EDUCATION, "NECK §What Causes the Cracking Sound"),
        PREV_ERGONOMICS(Kind.PREVENTION, SPASM_PREVENTION),
        PREV_HYDRATION(Kind.PREVENTION, SPASM_TRIGGERS + "; " + SPASM_PREVENTION),
        PREV_STRESS(Kind.PREVENTION, SPASM_TRIGGERS),
        PREV_LIFTING(Kind.PREVENTION, SPASM_TRIGGERS),
        SN_WATCH_FOR(Kind.SAFETY_NET, NECK_HELP + "; " + SPASM_HELP);

        final Kind kind;
        final String source;
        final String id;

        Rule(Kind kind, String source) {
            this.kind = kind;
            this.source = source;
            this.id = name().replace('_', '-');
        }
    }

    /** What a rule says, from the catalogue, rendered for these thresholds. */
    private record Text(String text, String reason, Dose dose) {
    }

    private final Thresholds thresholds;
    private final String contentVersion;
    private final Text[] texts = new Text[Rule.values().length];
    private final Map<Finding, String> findingQuestions = new EnumMap<>(Finding.class);
    private final String onsetQuestion;
    private final String selfCareDaysQuestion;
    /** Evidence values, built once: one per finding and state. */
    private final Evidence[][] evidence = new Evidence[Finding.values().length][State.values().length];

    public PlainDorsal(Thresholds thresholds) {
        this.thresholds = thresholds;
        JsonNode catalogue = catalogue();
        this.contentVersion = catalogue.get("contentVersion").asText();
        for (Rule r : Rule.values()) {
            JsonNode n = catalogue.get("rules").get(r.id);
            JsonNode d = n.get("dose");
            Dose dose = d == null ? null : new Dose(d.has("min") ? d.get("min").asInt() : null,
                    d.has("max") ? d.get("max").asInt() : null, Dose.Unit.valueOf(d.get("unit").asText()),
                    d.path("note").asText(""));
            String text = n.get("text").asText()
                    .replace("{spasmReferralDays}", Integer.toString(thresholds.spasmReferralDays()))
                    .replace("{stiffnessReferralDays}", Integer.toString(thresholds.stiffnessReferralDays()));
            texts[r.ordinal()] = new Text(text, n.hasNonNull("reason") ? n.get("reason").asText() : null, dose);
        }
        JsonNode q = catalogue.get("questions");
        for (Finding f : Finding.values()) {
            findingQuestions.put(f, q.get(f.name()).get("text").asText());
            for (State s : State.values()) {
                evidence[f.ordinal()][s.ordinal()] = Evidence.of(f, s);
            }
        }
        onsetQuestion = q.get(Quantity.HOURS_SINCE_ONSET.field()).get("text").asText();
        selfCareDaysQuestion = q.get(Quantity.SELF_CARE_DAYS.field()).get("text").asText();
    }

    private static JsonNode catalogue() {
        try (InputStream in = PlainDorsal.class.getClassLoader().getResourceAsStream("org/dorsal/content/catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("no content catalogue on the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Assesses one intake the way the specification says. */
    public Assessment assess(Intake intake) {
        return new Run(intake).assess();
    }

    /** One assessment: the intake, what has been concluded so far, and the helpers that read it. */
    private final class Run {
        private final Intake in;
        private final List<RedFlag> flags = new ArrayList<>(4);
        private final List<Recommendation> advice = new ArrayList<>(12);
        private Disposition disposition = Disposition.SELF_CARE;

        Run(Intake in) {
            this.in = in;
        }

        private boolean present(Finding f) {
            return in.state(f) == State.PRESENT;
        }

        private boolean absent(Finding f) {
            return in.state(f) == State.ABSENT;
        }

        private boolean unknown(Finding f) {
            return in.state(f) == State.UNKNOWN;
        }

        private Evidence ev(Finding f) {
            return evidence[f.ordinal()][in.state(f).ordinal()];
        }

        /** Evidence of the given findings that are present, in declaration order. */
        private List<Evidence> presentOf(Finding... findings) {
            List<Evidence> out = new ArrayList<>(findings.length);
            for (Finding f : findings) {
                if (present(f)) {
                    out.add(ev(f));
                }
            }
            return out;
        }

        private boolean anyPresent(Finding... findings) {
            for (Finding f : findings) {
                if (present(f)) {
                    return true;
                }
            }
            return false;
        }

        private void flag(Rule r, Disposition d, List<Evidence> why) {
            Text t = texts[r.ordinal()];
            flags.add(new RedFlag(r.id, d, t.reason(), r.source, why));
            advise(r, d, why);
            disposition = Disposition.mostUrgent(disposition, d);
        }

        private void advise(Rule r, List<Evidence> why) {
            advise(r, null, why);
        }

        /** {@code demands}: the disposition an escalation asks for, null for other advice. */
        private void advise(Rule r, Disposition demands, List<Evidence> why) {
            Text t = texts[r.ordinal()];
            advice.add(new Recommendation(r.id, r.kind, demands, t.text(), t.dose(), r.source, why));
        }

        Assessment assess() {
            redFlags();
            boolean flagged = !flags.isEmpty();
            List<Question> questions = new ArrayList<>(10);
            boolean provisional = redFlagQuestions(questions);

            // §7: the warning stands beside a red flag too.
            if (present(SELF_MANIPULATION)) {
                advise(Rule.WARN_SELF_MANIPULATION, List.of(ev(SELF_MANIPULATION)));
            }
            if (!flagged) {
                // §3: a red flag suppresses everything below; §4–§7 apply to everyone else.
                OptionalHours h = new OptionalHours(in);
                thermal(h);
                referrals(h);
                if (!provisional) {
                    exercises(h);
                }
                if (present(HABITUAL_CRACKING)) {
                    advise(Rule.EDU_CAVITATION, List.of(ev(HABITUAL_CRACKING)));
                }
                prevention(PROLONGED_SITTING_OR_SCREEN, Rule.PREV_ERGONOMICS);
                prevention(DEHYDRATION, Rule.PREV_HYDRATION);
                prevention(STRESS_OR_TENSION, Rule.PREV_STRESS);
                prevention(AWKWARD_LIFT_OR_TWIST, Rule.PREV_LIFTING);
                advise(Rule.SN_WATCH_FOR, List.of());
                thresholdQuestions(h, questions);
            }
            // Fixed output order: red flags most urgent first, advice by kind, each in specification order.
            flags.sort((a, b) -> a.disposition().compareTo(b.disposition()));
            advice.sort((a, b) -> a.kind().compareTo(b.kind()));
            return new Assessment(disposition, provisional, flags, advice, questions, contentVersion);
        }

        /** §3, in the order of its table. */
        private void redFlags() {
            if (present(SEVERE_SUDDEN_HEADACHE)) {
                flag(Rule.RF_THUNDERCLAP_HEADACHE, Disposition.EMERGENCY, List.of(ev(SEVERE_SUDDEN_HEADACHE)));
            }
            if (anyPresent(DIZZINESS_OR_VERTIGO, VISUAL_DISTURBANCE)) {
                List<Evidence> why = presentOf(DIZZINESS_OR_VERTIGO, VISUAL_DISTURBANCE);
                why.add(ev(SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA));
                if (present(SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA)) {
                    flag(Rule.RF_VASCULAR_AFTER_NECK_MOVEMENT, Disposition.EMERGENCY, why);
                } else {
                    // Policy: absent or not yet known, the symptoms still need a clinician today.
                    flag(Rule.RF_DIZZINESS_UNLINKED, Disposition.URGENT, why);
                }
            }
            if (present(BOWEL_OR_BLADDER_CONTROL_LOSS)) {
                flag(Rule.RF_BOWEL_BLADDER, Disposition.EMERGENCY, List.of(ev(BOWEL_OR_BLADDER_CONTROL_LOSS)));
            }
            if (anyPresent(FEVER_OR_CHILLS, UNEXPLAINED_WEIGHT_LOSS)) {
                flag(Rule.RF_SYSTEMIC, Disposition.URGENT, presentOf(FEVER_OR_CHILLS, UNEXPLAINED_WEIGHT_LOSS));
            }
            if (present(RADIATING_ARM_PAIN)) {
                flag(Rule.RF_RADICULOPATHY, Disposition.URGENT, List.of(ev(RADIATING_ARM_PAIN)));
            }
            if (anyPresent(NUMBNESS_OR_TINGLING, ARM_OR_HAND_WEAKNESS)) {
                flag(Rule.RF_NEURO_DEFICIT, Disposition.URGENT, presentOf(NUMBNESS_OR_TINGLING, ARM_OR_HAND_WEAKNESS));
            }
        }

        /**
         * §6: every unknown red-flag finding is asked, EMERGENCY-level first, whatever the disposition
         * already is; the link only once dizziness, vertigo or a visual disturbance is present.
         * Returns whether any was asked, i.e. whether the assessment is provisional.
         */
        private boolean redFlagQuestions(List<Question> questions) {
            int before = questions.size();
            for (Finding f : Finding.values()) {
                if (contains(EMERGENCY_FINDINGS, f) && unknown(f)
                        || f == SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA && unknown(f) && anyPresent(DIZZINESS_OR_VERTIGO, VISUAL_DISTURBANCE)) {
                    questions.add(new Question(f.name(), true, Disposition.EMERGENCY, findingQuestions.get(f)));
                }
            }
            for (Finding f : Finding.values()) {
                if (contains(URGENT_FINDINGS, f) && unknown(f)) {
                    questions.add(new Question(f.name(), true, Disposition.URGENT, findingQuestions.get(f)));
                }
            }
            return questions.size() > before;
        }

        /** §4 thermal: one recommendation at most, for a spasm with a known onset. */
        private void thermal(OptionalHours h) {
            if (!present(MUSCLE_SPASM) || !h.known) {
                return;
            }
            int cold = Thresholds.COLD_ONLY_BEFORE_HOURS;
            int heat = Thresholds.HEAT_FROM_HOURS;
            Evidence spasm = ev(MUSCLE_SPASM);
            Evidence onset = h.evidence;
            Evidence subsided = ev(ACUTE_SYMPTOMS_SUBSIDED);
            if (h.hours < cold) {
                advise(Rule.TH_COLD_ACUTE, List.of(spasm, onset));
            } else if (h.hours < heat) {
                advise(present(ACUTE_SYMPTOMS_SUBSIDED) ? Rule.TH_HEAT_TRANSITION : Rule.TH_COLD_TRANSITION,
                        List.of(spasm, subsided, onset));
            } else {
                advise(absent(ACUTE_SYMPTOMS_SUBSIDED) ? Rule.TH_COLD_PERSISTENT : Rule.TH_HEAT_SUBACUTE,
                        List.of(spasm, subsided, onset));
            }
        }

        /** §4 referral thresholds: ROUTINE, keeping the self-care advice. */
        private void referrals(OptionalHours h) {
            if (present(MUSCLE_SPASM) && h.known && h.hours >= 24 * thresholds.spasmReferralDays()
                    && present(SELF_CARE_TRIED) && absent(IMPROVING)) {
                advise(Rule.DT_SPASM_PERSISTENT, Disposition.ROUTINE, List.of(ev(MUSCLE_SPASM), ev(SELF_CARE_TRIED), ev(IMPROVING), h.evidence));
                disposition = Disposition.mostUrgent(disposition, Disposition.ROUTINE);
            }
            var days = in.selfCareDays();
            if (anyPresent(NECK_STIFFNESS, UPPER_BACK_STIFFNESS) && days.isPresent()
                    && days.getAsInt() >= thresholds.stiffnessReferralDays() && absent(IMPROVING)) {
                List<Evidence> why = presentOf(NECK_STIFFNESS, UPPER_BACK_STIFFNESS);
                why.add(ev(IMPROVING));
                why.add(Evidence.of(Quantity.SELF_CARE_DAYS, days.getAsInt()));
                advise(Rule.DT_STIFFNESS_NO_IMPROVEMENT, Disposition.ROUTINE, why);
                disposition = Disposition.mostUrgent(disposition, Disposition.ROUTINE);
            }
        }

        /** §5: what each presentation suits; strengthening and mobility wait out the acute phase. */
        private void exercises(OptionalHours h) {
            boolean neck = present(NECK_STIFFNESS);
            boolean upper = present(UPPER_BACK_STIFFNESS);
            boolean spasm = present(MUSCLE_SPASM);
            boolean sitting = present(PROLONGED_SITTING_OR_SCREEN);
            if (neck || spasm || sitting) {
                advise(Rule.EX_CHIN_TUCK, presentOf(NECK_STIFFNESS, MUSCLE_SPASM, PROLONGED_SITTING_OR_SCREEN));
            }
            if (upper) {
                advise(Rule.EX_CAT_COW, List.of(ev(UPPER_BACK_STIFFNESS)));
            }
            if (neck || upper || spasm) {
                advise(Rule.EX_SHOULDER_ROLLS, presentOf(NECK_STIFFNESS, UPPER_BACK_STIFFNESS, MUSCLE_SPASM));
            }
            if (neck) {
                advise(Rule.EX_NECK_ROTATION, List.of(ev(NECK_STIFFNESS)));
            }
            if (spasm) {
                advise(Rule.EX_UPPER_BACK_STRETCH, List.of(ev(MUSCLE_SPASM)));
                advise(Rule.EX_TENNIS_BALL, List.of(ev(MUSCLE_SPASM)));
            }
            // The acute phase: a spasm neither past 72 h nor settled; an unknown onset counts as acute.
            boolean acute = spasm && !(h.known && h.hours >= Thresholds.HEAT_FROM_HOURS) && !present(ACUTE_SYMPTOMS_SUBSIDED);
            if ((neck || upper || spasm || sitting) && !acute) {
                List<Evidence> why = presentOf(NECK_STIFFNESS, UPPER_BACK_STIFFNESS, MUSCLE_SPASM, PROLONGED_SITTING_OR_SCREEN);
                advise(Rule.EX_BAND_ROWS, why);
                advise(Rule.EX_SCAPULAR_SQUEEZE, why);
                advise(Rule.EX_WALL_ANGELS, why);
                advise(Rule.EX_PRONE_COBRA, why);
            }
        }

        private void prevention(Finding trigger, Rule rule) {
            if (present(trigger)) {
                advise(rule, List.of(ev(trigger)));
            }
        }

        /**
         * §6, thresholds: an input a referral still needs is asked while the referral is undecided,
         * i.e. no known answer rules it out; the onset is also asked for the thermal advice.
         * Not provisional. Ordered like every question: by what it could lead to, then fact order.
         */
        private void thresholdQuestions(OptionalHours h, List<Question> questions) {
            boolean spasmUndecided = present(MUSCLE_SPASM)
                    && !(h.known && h.hours < 24 * thresholds.spasmReferralDays())
                    && !absent(SELF_CARE_TRIED) && !present(IMPROVING);
            var days = in.selfCareDays();
            boolean stiffnessUndecided = anyPresent(NECK_STIFFNESS, UPPER_BACK_STIFFNESS)
                    && !(days.isPresent() && days.getAsInt() < thresholds.stiffnessReferralDays())
                    && !present(IMPROVING);
            boolean askOnset = present(MUSCLE_SPASM) && !h.known;
            List<Question> routine = new ArrayList<>(4);
            if (spasmUndecided && unknown(SELF_CARE_TRIED)) {
                routine.add(new Question(SELF_CARE_TRIED.name(), false, Disposition.ROUTINE, findingQuestions.get(SELF_CARE_TRIED)));
            }
            if ((spasmUndecided || stiffnessUndecided) && unknown(IMPROVING)) {
                routine.add(new Question(IMPROVING.name(), false, Disposition.ROUTINE, findingQuestions.get(IMPROVING)));
            }
            if (askOnset && spasmUndecided) {
                routine.add(new Question(Quantity.HOURS_SINCE_ONSET.field(), false, Disposition.ROUTINE, onsetQuestion));
            }
            if (stiffnessUndecided && days.isEmpty()) {
                routine.add(new Question(Quantity.SELF_CARE_DAYS.field(), false, Disposition.ROUTINE, selfCareDaysQuestion));
            }
            questions.addAll(routine);
            if (askOnset && !spasmUndecided) {
                // Only the thermal advice waits for it.
                questions.add(new Question(Quantity.HOURS_SINCE_ONSET.field(), false, Disposition.SELF_CARE, onsetQuestion));
            }
        }
    }

    /** The onset as the rules read it: known or not, and its evidence when known. */
    private static final class OptionalHours {
        final boolean known;
        final int hours;
        final Evidence evidence;

        OptionalHours(Intake in) {
            known = in.hoursSinceOnset().isPresent();
            hours = known ? in.hoursSinceOnset().getAsInt() : -1;
            evidence = known ? Evidence.of(Quantity.HOURS_SINCE_ONSET, hours) : null;
        }
    }

    private static boolean contains(Finding[] set, Finding f) {
        for (Finding x : set) {
            if (x == f) {
                return true;
            }
        }
        return false;
    }
}
