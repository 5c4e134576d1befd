package org.dorsal.oracle;

import static org.dorsal.Finding.ARM_OR_HAND_WEAKNESS;
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
import java.util.List;
import java.util.OptionalInt;
import org.dorsal.Disposition;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.State;
import org.dorsal.Thresholds;

/**
 * §6, what to ask next, as content 1.0 decides it; the one place to change when the question
 * semantics change. The {@link Oracle} calls {@link #ask} once per assessment and reads
 * {@code provisional} off its result (any red-flag question), which also withholds the exercises.
 *
 * <p>Content 1.0 asks
 * <ul>
 *   <li>every unknown red-flag finding, whatever the disposition already is; the link to neck
 *       movement or trauma only once dizziness, vertigo or a visual disturbance is present;</li>
 *   <li>without a red flag, what an undecided referral threshold still lacks (an answer that rules
 *       the referral out decides it), and the onset a spasm's thermal advice waits for.</li>
 * </ul>
 * Order: by the most urgent disposition an answer could lead to, red-flag questions first, then
 * the order of {@link Finding}, quantities last.
 */
final class Questions {
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

    /** The questions for {@code in}, most important first; {@code flagged}: some red flag stands. */
    List<Question> ask(Intake in, boolean flagged) {
        List<Question> out = new ArrayList<>(10);
        redFlags(in, Disposition.EMERGENCY, out);
        redFlags(in, Disposition.URGENT, out);
        if (!flagged) {
            thresholds(in, out);
        }
        return out;
    }

    private void redFlags(Intake in, Disposition level, List<Question> out) {
        boolean dizzyOrVision = in.state(DIZZINESS_OR_VERTIGO) == State.PRESENT || in.state(VISUAL_DISTURBANCE) == State.PRESENT;
        for (Finding f : Finding.values()) {
            if (redFlagLevel(f) == level && in.state(f) == State.UNKNOWN
                    && (f != SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA || dizzyOrVision)) {
                out.add(question(f.name(), true, level));
            }
        }
    }

    /**
     * A referral is undecided while no known answer rules it out; what it still lacks is asked
     * (could lead to ROUTINE). The onset is also asked for the thermal advice alone (SELF_CARE).
     */
    private void thresholds(Intake in, List<Question> out) {
        OptionalInt hours = in.hoursSinceOnset();
        OptionalInt days = in.selfCareDays();
        boolean spasm = in.state(MUSCLE_SPASM) == State.PRESENT;
        boolean improving = in.state(IMPROVING) == State.PRESENT;
        boolean spasmUndecided = spasm && !improving && in.state(SELF_CARE_TRIED) != State.ABSENT
                && !(hours.isPresent() && hours.getAsInt() < 24 * thresholds.spasmReferralDays());
        boolean stiffnessUndecided = (in.state(NECK_STIFFNESS) == State.PRESENT || in.state(UPPER_BACK_STIFFNESS) == State.PRESENT)
                && !improving && !(days.isPresent() && days.getAsInt() < thresholds.stiffnessReferralDays());
        if (spasmUndecided && in.state(SELF_CARE_TRIED) == State.UNKNOWN) {
            out.add(question(SELF_CARE_TRIED.name(), false, Disposition.ROUTINE));
        }
        if ((spasmUndecided || stiffnessUndecided) && in.state(IMPROVING) == State.UNKNOWN) {
            out.add(question(IMPROVING.name(), false, Disposition.ROUTINE));
        }
        boolean onsetOpen = spasm && hours.isEmpty();
        if (onsetOpen && spasmUndecided) {
            out.add(question(Quantity.HOURS_SINCE_ONSET.field(), false, Disposition.ROUTINE));
        }
        if (stiffnessUndecided && days.isEmpty()) {
            out.add(question(Quantity.SELF_CARE_DAYS.field(), false, Disposition.ROUTINE));
        }
        if (onsetOpen && !spasmUndecided) {
            // Only the thermal advice waits for it.
            out.add(question(Quantity.HOURS_SINCE_ONSET.field(), false, Disposition.SELF_CARE));
        }
    }

    private Question question(String subject, boolean redFlag, Disposition couldLeadTo) {
        return new Question(subject, redFlag, couldLeadTo, wording.question(subject));
    }
}
