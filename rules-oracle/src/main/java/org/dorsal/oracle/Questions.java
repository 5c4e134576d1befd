package org.dorsal.oracle;

import static org.dorsal.Finding.ARM_OR_HAND_WEAKNESS;
import static org.dorsal.Finding.STRESS_OR_TENSION;
import static org.dorsal.Finding.PROLONGED_SITTING_OR_SCREEN;
import static org.dorsal.Finding.HABITUAL_CRACKING;
import static org.dorsal.Finding.DEHYDRATION;
import static org.dorsal.Finding.AWKWARD_LIFT_OR_TWIST;
import static org.dorsal.Finding.ACUTE_SYMPTOMS_SUBSIDED;
import static org.dorsal.Finding.BOWEL_OR_BLADDER_CONTROL_LOSS;
import static org.dorsal.Finding.DIZZINESS_OR_VERTIGO;
import static org.dorsal.Finding.FEVER_OR_CHILLS;
import static org.dorsal.Finding.IMPROVING;
import static org.dorsal.Finding.MUSCLE_SPASM;
import static org.dorsal.Finding.NECK_STIFFNESS;
import static org.dorsal.Finding.NUMBNESS_OR_TINGLING;
import static org.dorsal.Finding.RADIATING_ARM_PAIN;
import static org.dorsal.Finding.SELF_CARE_TRIED;
import static org.dorsal.Finding.SEVERE_SUDDEN_HEADACHE;
import static org.dorsal.Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA;
import static org.dorsal.Finding.UNEXPLAINED_WEIGHT_LOSS;
import static org.dorsal.Finding.UPPER_BACK_STIFFNESS;
import static org.dorsal.Finding.VISUAL_DISTURBANCE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.dorsal.Disposition;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.State;
import org.dorsal.Subject;
import org.dorsal.Thresholds;

/**
 * §6, what to ask next, as content 1.1 decides it: every unknown subject that is still relevant,
 * in the §6 order; the one place to change when the question semantics change. The
 * {@link Oracle} calls {@link #ask} once per assessment and reads {@code provisional} off its
 * result (any red-flag question), which also withholds the exercises.
 *
 * <p>Written from the rules of §3 to §7 by asking, for each subject, which rules its answer can
 * still switch:
 * <ul>
 *   <li>a red-flag finding, unless the other finding that raises the same flag alone is present
 *       (fever and weight loss, numbness and weakness, dizziness and visual disturbance); the link
 *       to neck movement or trauma while dizziness or a visual disturbance is not ruled out. They
 *       could lead to their §6 level;</li>
 *   <li>with no red flag standing: each complaint (each triggers exercises no other finding does);
 *       what the thermal advice and the two referral thresholds still lack; whether the acute
 *       symptoms settled, while a spasm is possible; the education and prevention triggers;</li>
 *   <li>self-manipulation always, since its warning stands beside red flags.</li>
 * </ul>
 * A question could lead to ROUTINE when its answer could switch a referral threshold, else only
 * the advice changes (SELF_CARE).
 */
final class Questions {
    /** §6 order: emergency-level, urgent-level, complaints, gates before what they gate, timing, warnings, prevention. */
    private static final List<String> ORDER = List.of(
            "SEVERE_SUDDEN_HEADACHE", "DIZZINESS_OR_VERTIGO", "VISUAL_DISTURBANCE", "SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA",
            "BOWEL_OR_BLADDER_CONTROL_LOSS", "FEVER_OR_CHILLS", "UNEXPLAINED_WEIGHT_LOSS", "RADIATING_ARM_PAIN",
            "NUMBNESS_OR_TINGLING", "ARM_OR_HAND_WEAKNESS",
            "NECK_STIFFNESS", "UPPER_BACK_STIFFNESS", "MUSCLE_SPASM",
            "hoursSinceOnset", "selfCareDays", "SELF_CARE_TRIED", "IMPROVING", "ACUTE_SYMPTOMS_SUBSIDED",
            "SELF_MANIPULATION", "HABITUAL_CRACKING",
            "PROLONGED_SITTING_OR_SCREEN", "DEHYDRATION", "STRESS_OR_TENSION", "AWKWARD_LIFT_OR_TWIST");

    private final Thresholds thresholds;
    private final Wording wording;

    Questions(Thresholds thresholds, Wording wording) {
        this.thresholds = thresholds;
        this.wording = wording;
    }

    /** The level a red-flag finding can raise (§6), or null for the other findings. */
    private static Disposition redFlagLevel(Finding f) {
        return switch (f) {
            case SEVERE_SUDDEN_HEADACHE, DIZZINESS_OR_VERTIGO, VISUAL_DISTURBANCE, SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA,
                    BOWEL_OR_BLADDER_CONTROL_LOSS -> Disposition.EMERGENCY;
            case FEVER_OR_CHILLS, UNEXPLAINED_WEIGHT_LOSS, RADIATING_ARM_PAIN, NUMBNESS_OR_TINGLING,
                    ARM_OR_HAND_WEAKNESS -> Disposition.URGENT;
            default -> null;
        };
    }

    /** The finding that raises the same red flag on its own, or null. */
    private static Finding sameFlag(Finding f) {
        return switch (f) {
            case FEVER_OR_CHILLS -> UNEXPLAINED_WEIGHT_LOSS;
            case UNEXPLAINED_WEIGHT_LOSS -> FEVER_OR_CHILLS;
            case NUMBNESS_OR_TINGLING -> ARM_OR_HAND_WEAKNESS;
            case ARM_OR_HAND_WEAKNESS -> NUMBNESS_OR_TINGLING;
            case DIZZINESS_OR_VERTIGO -> VISUAL_DISTURBANCE;
            case VISUAL_DISTURBANCE -> DIZZINESS_OR_VERTIGO;
            default -> null;
        };
    }

    /** The questions for {@code in}, most important first; {@code flagged}: some red flag stands. */
    List<Question> ask(Intake in, boolean flagged) {
        Map<String, Question> asked = new HashMap<>();
        for (Finding f : Finding.values()) {
            Disposition level = redFlagLevel(f);
            if (level == null || !unknown(in, f)) {
                continue;
            }
            boolean relevant = f == SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA
                    ? !absent(in, DIZZINESS_OR_VERTIGO) || !absent(in, VISUAL_DISTURBANCE)
                    : sameFlag(f) == null || !present(in, sameFlag(f));
            if (relevant) {
                asked.put(f.name(), question(f.name(), true, level));
            }
        }
        if (unknown(in, Finding.SELF_MANIPULATION)) {
            asked.put(Finding.SELF_MANIPULATION.name(), question(Finding.SELF_MANIPULATION.name(), false, Disposition.SELF_CARE));
        }
        if (!flagged) {
            selfCare(in, asked);
        }
        List<Question> out = new ArrayList<>(asked.size());
        for (String subject : ORDER) {
            if (asked.containsKey(subject)) {
                out.add(asked.get(subject));
            }
        }
        return out;
    }

    private void selfCare(Intake in, Map<String, Question> asked) {
        OptionalInt hours = in.hoursSinceOnset();
        OptionalInt days = in.selfCareDays();
        boolean spasmPossible = !absent(in, MUSCLE_SPASM);
        boolean notImproving = !present(in, IMPROVING);
        // Could the spasm referral still fire, given what is known besides the subject asked about?
        boolean spasmTimeOpen = hours.isEmpty() || hours.getAsInt() >= 24 * thresholds.spasmReferralDays();
        boolean stiffnessTimeOpen = days.isEmpty() || days.getAsInt() >= thresholds.stiffnessReferralDays();
        boolean stiffPossible = !absent(in, NECK_STIFFNESS) || !absent(in, UPPER_BACK_STIFFNESS);

        for (Finding f : List.of(NECK_STIFFNESS, UPPER_BACK_STIFFNESS)) {
            if (unknown(in, f)) {
                Finding other = f == NECK_STIFFNESS ? UPPER_BACK_STIFFNESS : NECK_STIFFNESS;
                boolean referral = !present(in, other) && stiffnessTimeOpen && notImproving;
                put(asked, f.name(), referral);
            }
        }
        if (unknown(in, MUSCLE_SPASM)) {
            put(asked, MUSCLE_SPASM.name(), spasmTimeOpen && !absent(in, SELF_CARE_TRIED) && notImproving);
        }
        if (hours.isEmpty() && spasmPossible) {
            put(asked, Quantity.HOURS_SINCE_ONSET.field(), !absent(in, SELF_CARE_TRIED) && notImproving);
        }
        if (days.isEmpty() && stiffPossible && notImproving) {
            put(asked, Quantity.SELF_CARE_DAYS.field(), true);
        }
        if (unknown(in, SELF_CARE_TRIED) && spasmPossible && spasmTimeOpen && notImproving) {
            put(asked, SELF_CARE_TRIED.name(), true);
        }
        if (unknown(in, IMPROVING) && (spasmPossible && spasmTimeOpen && !absent(in, SELF_CARE_TRIED)
                || stiffPossible && stiffnessTimeOpen)) {
            put(asked, IMPROVING.name(), true);
        }
        if (unknown(in, ACUTE_SYMPTOMS_SUBSIDED) && spasmPossible) {
            put(asked, ACUTE_SYMPTOMS_SUBSIDED.name(), false);
        }
        for (Finding f : List.of(HABITUAL_CRACKING, PROLONGED_SITTING_OR_SCREEN, DEHYDRATION, STRESS_OR_TENSION,
                AWKWARD_LIFT_OR_TWIST)) {
            if (unknown(in, f)) {
                put(asked, f.name(), false);
            }
        }
    }

    private void put(Map<String, Question> asked, String subject, boolean couldRefer) {
        asked.put(subject, question(subject, false, couldRefer ? Disposition.ROUTINE : Disposition.SELF_CARE));
    }

    private static boolean unknown(Intake in, Finding f) {
        return in.state(f) == State.UNKNOWN;
    }

    private static boolean absent(Intake in, Finding f) {
        return in.state(f) == State.ABSENT;
    }

    private static boolean present(Intake in, Finding f) {
        return in.state(f) == State.PRESENT;
    }

    private Question question(String subject, boolean redFlag, Disposition couldLeadTo) {
        return new Question(Subject.parse(subject).orElseThrow(), redFlag, couldLeadTo, wording.question(subject),
                wording.help(subject));
    }
}
