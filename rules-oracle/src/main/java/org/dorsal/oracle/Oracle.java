package org.dorsal.oracle;

import static org.dorsal.Finding.ACUTE_SYMPTOMS_SUBSIDED;
import static org.dorsal.Finding.ARM_OR_HAND_WEAKNESS;
import static org.dorsal.Finding.AWKWARD_LIFT_OR_TWIST;
import static org.dorsal.Finding.BOWEL_OR_BLADDER_CONTROL_LOSS;
import static org.dorsal.Finding.DEHYDRATION;
import static org.dorsal.Finding.DIZZINESS_OR_VERTIGO;
import static org.dorsal.Finding.FEVER_OR_CHILLS;
import static org.dorsal.Finding.HABITUAL_CRACKING;
import static org.dorsal.Finding.IMPROVING;
import static org.dorsal.Finding.MUSCLE_SPASM;
import static org.dorsal.Finding.NECK_STIFFNESS;
import static org.dorsal.Finding.NUMBNESS_OR_TINGLING;
import static org.dorsal.Finding.PROLONGED_SITTING_OR_SCREEN;
import static org.dorsal.Finding.RADIATING_ARM_PAIN;
import static org.dorsal.Finding.SELF_CARE_TRIED;
import static org.dorsal.Finding.SELF_MANIPULATION;
import static org.dorsal.Finding.SEVERE_SUDDEN_HEADACHE;
import static org.dorsal.Finding.STRESS_OR_TENSION;
import static org.dorsal.Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA;
import static org.dorsal.Finding.UNEXPLAINED_WEIGHT_LOSS;
import static org.dorsal.Finding.UPPER_BACK_STIFFNESS;
import static org.dorsal.Finding.VISUAL_DISTURBANCE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Evidence;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;
import org.dorsal.State;
import org.dorsal.Thresholds;

/**
 * The specification's decisions (§3–§7) in plain Java: a whole {@link Assessment} for an intake,
 * equal to the facade's when the knowledge base is right. Not for hosts (see the package doc).
 *
 * <pre>{@code
 * Oracle oracle = Oracle.of(Thresholds.defaults());
 * Assessment a = oracle.assess(Intake.builder().present(Finding.RADIATING_ARM_PAIN).build());
 * a.disposition();   // URGENT: RF-RADICULOPATHY, and eight red-flag questions still open
 * }</pre>
 *
 * <p>Where the specification leaves a choice open, the oracle makes the one README.md documents:
 * with a red flag, the only advice besides the escalations is the self-manipulation warning (§3),
 * so the referral thresholds are not applied either; thermal and prevention advice are given while
 * provisional, exercises are not (§5); the question choices are in {@code Questions}.
 * Output order is the facade's: red flags most urgent first, advice by {@link org.dorsal.Kind},
 * each in the order of the specification; evidence in the order of {@link Finding}, quantities last.
 *
 * <p>Thread-safe and cheap per call: it is also the benchmarks' lower bound, so it does what an
 * assessment must and nothing more.
 */
public final class Oracle {
    private static final Comparator<RedFlag> MOST_URGENT_FIRST = Comparator.comparing(RedFlag::disposition);
    private static final Comparator<Recommendation> BY_KIND = Comparator.comparing(Recommendation::kind);
    /** §5: the exercises that wait out the acute phase. */
    private static final Rule[] STRENGTH_AND_MOBILITY = {Rule.EX_BAND_ROWS, Rule.EX_SCAPULAR_SQUEEZE, Rule.EX_WALL_ANGELS,
            Rule.EX_PRONE_COBRA};

    private final Thresholds thresholds;
    private final Wording wording;
    private final Questions questions;
    /** Evidence of a finding in a state never changes: one value each, built once. */
    private final Evidence[][] stated = new Evidence[Finding.values().length][State.values().length];

    private Oracle(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.wording = new Wording(thresholds);
        this.questions = new Questions(thresholds, wording);
        for (Finding f : Finding.values()) {
            for (State s : State.values()) {
                stated[f.ordinal()][s.ordinal()] = Evidence.of(f, s);
            }
        }
    }

    /**
     * The oracle for these thresholds, with the wording of the content catalogue on the class path.
     *
     * @throws IllegalStateException when {@code dorsal-rules-content}'s catalogue is not on the class path
     */
    public static Oracle of(Thresholds thresholds) {
        return new Oracle(thresholds);
    }

    /** The thresholds this oracle applies (§4). */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** Assesses one intake the way the specification says. */
    public Assessment assess(Intake intake) {
        return new Run(intake).assess();
    }

    /**
     * What differs first between two assessments, described for a failure report ("disposition
     * URGENT, expected EMERGENCY", "TH-COLD-ACUTE dose …, expected …"), or empty when they are equal.
     * Decisions are compared before wording, so the report names the most telling difference.
     */
    public static Optional<String> difference(Assessment expected, Assessment actual) {
        return Differences.first(expected, actual);
    }

    /** One assessment: the intake, what has been concluded so far, and the helpers that read it. */
    private final class Run {
        private final Intake in;
        private final OptionalInt hours;
        private final List<RedFlag> flags = new ArrayList<>(4);
        private final List<Recommendation> advice = new ArrayList<>(12);
        private Disposition disposition = Disposition.SELF_CARE;

        Run(Intake in) {
            this.in = in;
            this.hours = in.hoursSinceOnset();
        }

        Assessment assess() {
            redFlags();
            boolean flagged = !flags.isEmpty();
            List<Question> asked = questions.ask(in, flagged);
            boolean provisional = false;
            for (Question q : asked) {
                provisional |= q.redFlag();
            }
            // §7: the warning stands beside a red flag too.
            when(present(SELF_MANIPULATION), Rule.WARN_SELF_MANIPULATION, SELF_MANIPULATION);
            if (!flagged) {
                // §3: a red flag suppresses everything below.
                thermal();
                referrals();
                if (!provisional) {
                    exercises();
                }
                when(present(HABITUAL_CRACKING), Rule.EDU_CAVITATION, HABITUAL_CRACKING);
                when(present(PROLONGED_SITTING_OR_SCREEN), Rule.PREV_ERGONOMICS, PROLONGED_SITTING_OR_SCREEN);
                when(present(DEHYDRATION), Rule.PREV_HYDRATION, DEHYDRATION);
                when(present(STRESS_OR_TENSION), Rule.PREV_STRESS, STRESS_OR_TENSION);
                when(present(AWKWARD_LIFT_OR_TWIST), Rule.PREV_LIFTING, AWKWARD_LIFT_OR_TWIST);
                advise(Rule.SN_WATCH_FOR, null, List.of());
            }
            flags.sort(MOST_URGENT_FIRST);
            advice.sort(BY_KIND);
            return new Assessment(disposition, provisional, flags, advice, asked, wording.contentVersion);
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
                    // Policy: the link absent or not yet known, the symptoms still need a clinician today.
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

        /** §4 thermal: exactly one recommendation for a spasm with a known onset, never heat before 48 h. */
        private void thermal() {
            if (!present(MUSCLE_SPASM) || hours.isEmpty()) {
                return;
            }
            int h = hours.getAsInt();
            Evidence onset = Evidence.of(Quantity.HOURS_SINCE_ONSET, h);
            if (h < Thresholds.COLD_ONLY_BEFORE_HOURS) {
                advise(Rule.TH_COLD_ACUTE, null, List.of(ev(MUSCLE_SPASM), onset));
                return;
            }
            Rule r = h < Thresholds.HEAT_FROM_HOURS
                    ? present(ACUTE_SYMPTOMS_SUBSIDED) ? Rule.TH_HEAT_TRANSITION : Rule.TH_COLD_TRANSITION
                    : absent(ACUTE_SYMPTOMS_SUBSIDED) ? Rule.TH_COLD_PERSISTENT : Rule.TH_HEAT_SUBACUTE;
            advise(r, null, List.of(ev(MUSCLE_SPASM), ev(ACUTE_SYMPTOMS_SUBSIDED), onset));
        }

        /** §4 referral thresholds: ROUTINE, keeping the self-care advice. */
        private void referrals() {
            if (present(MUSCLE_SPASM) && hours.isPresent() && hours.getAsInt() >= 24 * thresholds.spasmReferralDays()
                    && present(SELF_CARE_TRIED) && absent(IMPROVING)) {
                refer(Rule.DT_SPASM_PERSISTENT, List.of(ev(MUSCLE_SPASM), ev(SELF_CARE_TRIED), ev(IMPROVING),
                        Evidence.of(Quantity.HOURS_SINCE_ONSET, hours.getAsInt())));
            }
            OptionalInt days = in.selfCareDays();
            if (anyPresent(NECK_STIFFNESS, UPPER_BACK_STIFFNESS) && days.isPresent()
                    && days.getAsInt() >= thresholds.stiffnessReferralDays() && absent(IMPROVING)) {
                List<Evidence> why = presentOf(NECK_STIFFNESS, UPPER_BACK_STIFFNESS);
                why.add(ev(IMPROVING));
                why.add(Evidence.of(Quantity.SELF_CARE_DAYS, days.getAsInt()));
                refer(Rule.DT_STIFFNESS_NO_IMPROVEMENT, why);
            }
        }

        /** §5: what each presentation suits; strengthening and mobility wait out the acute phase. */
        private void exercises() {
            boolean neck = present(NECK_STIFFNESS);
            boolean upper = present(UPPER_BACK_STIFFNESS);
            boolean spasm = present(MUSCLE_SPASM);
            boolean sitting = present(PROLONGED_SITTING_OR_SCREEN);
            if (neck || spasm || sitting) {
                advise(Rule.EX_CHIN_TUCK, null, presentOf(NECK_STIFFNESS, MUSCLE_SPASM, PROLONGED_SITTING_OR_SCREEN));
            }
            when(upper, Rule.EX_CAT_COW, UPPER_BACK_STIFFNESS);
            if (neck || upper || spasm) {
                advise(Rule.EX_SHOULDER_ROLLS, null, presentOf(NECK_STIFFNESS, UPPER_BACK_STIFFNESS, MUSCLE_SPASM));
            }
            when(neck, Rule.EX_NECK_ROTATION, NECK_STIFFNESS);
            when(spasm, Rule.EX_UPPER_BACK_STRETCH, MUSCLE_SPASM);
            when(spasm, Rule.EX_TENNIS_BALL, MUSCLE_SPASM);
            // The acute phase: a spasm neither past 72 h nor settled; an unknown onset counts as acute.
            boolean acute = spasm && !(hours.isPresent() && hours.getAsInt() >= Thresholds.HEAT_FROM_HOURS)
                    && !present(ACUTE_SYMPTOMS_SUBSIDED);
            if ((neck || upper || spasm || sitting) && !acute) {
                List<Evidence> why = presentOf(NECK_STIFFNESS, UPPER_BACK_STIFFNESS, MUSCLE_SPASM, PROLONGED_SITTING_OR_SCREEN);
                for (Rule r : STRENGTH_AND_MOBILITY) {
                    advise(r, null, why);
                }
            }
        }

        private void flag(Rule r, Disposition d, List<Evidence> why) {
            flags.add(new RedFlag(r.id, d, wording.of(r).reason(), wording.of(r).source(), why));
            advise(r, d, why);
            disposition = Disposition.mostUrgent(disposition, d);
        }

        private void refer(Rule r, List<Evidence> why) {
            advise(r, Disposition.ROUTINE, why);
            disposition = Disposition.mostUrgent(disposition, Disposition.ROUTINE);
        }

        /** Advice triggered by one finding. */
        private void when(boolean applies, Rule r, Finding trigger) {
            if (applies) {
                advise(r, null, List.of(ev(trigger)));
            }
        }

        /** {@code demands}: the disposition an escalation asks for, null for other advice. */
        private void advise(Rule r, Disposition demands, List<Evidence> why) {
            Wording.Said said = wording.of(r);
            advice.add(new Recommendation(r.id, r.kind, demands, said.text(), said.dose(), said.source(), why));
        }

        private boolean present(Finding f) {
            return in.state(f) == State.PRESENT;
        }

        private boolean absent(Finding f) {
            return in.state(f) == State.ABSENT;
        }

        private boolean anyPresent(Finding a, Finding b) {
            return present(a) || present(b);
        }

        private Evidence ev(Finding f) {
            return stated[f.ordinal()][in.state(f).ordinal()];
        }

        /** Evidence of those of {@code findings} that are present, in the order given. */
        private List<Evidence> presentOf(Finding... findings) {
            List<Evidence> out = new ArrayList<>(findings.length + 2);
            for (Finding f : findings) {
                if (present(f)) {
                    out.add(ev(f));
                }
            }
            return out;
        }
    }
}
