package org.dorsal.testkit;

import static org.dorsal.Finding.ARM_OR_HAND_WEAKNESS;
import static org.dorsal.Finding.BOWEL_OR_BLADDER_CONTROL_LOSS;
import static org.dorsal.Finding.DIZZINESS_OR_VERTIGO;
import static org.dorsal.Finding.FEVER_OR_CHILLS;
import static org.dorsal.Finding.NUMBNESS_OR_TINGLING;
import static org.dorsal.Finding.RADIATING_ARM_PAIN;
import static org.dorsal.Finding.SEVERE_SUDDEN_HEADACHE;
import static org.dorsal.Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA;
import static org.dorsal.Finding.UNEXPLAINED_WEIGHT_LOSS;
import static org.dorsal.Finding.VISUAL_DISTURBANCE;

import java.util.ArrayList;
import java.util.List;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.State;

/**
 * The red-flag findings of the clinical specification (§3 and §6), read straight from an intake
 * without asking the knowledge base: the independent side of every invariant about red flags.
 *
 * <pre>{@code
 * Intake intake = Intake.builder().present(Finding.SEVERE_SUDDEN_HEADACHE).build();
 * RedFlags.emergencyPresent(intake);   // true: the disposition must be EMERGENCY
 * RedFlags.openQuestions(intake);      // the other nine red-flag findings, all unknown
 * }</pre>
 */
public final class RedFlags {
    /** The findings that can raise an EMERGENCY red flag, in the order the specification lists them. */
    public static final List<Finding> EMERGENCY_LEVEL = List.of(SEVERE_SUDDEN_HEADACHE, DIZZINESS_OR_VERTIGO,
            VISUAL_DISTURBANCE, SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA, BOWEL_OR_BLADDER_CONTROL_LOSS);
    /** The findings that can raise an URGENT red flag. */
    public static final List<Finding> URGENT_LEVEL = List.of(FEVER_OR_CHILLS, UNEXPLAINED_WEIGHT_LOSS,
            RADIATING_ARM_PAIN, NUMBNESS_OR_TINGLING, ARM_OR_HAND_WEAKNESS);
    /** All ten red-flag findings: the space the exhaustive properties enumerate (3^10 = 59,049 combinations). */
    public static final List<Finding> FINDINGS = concat(EMERGENCY_LEVEL, URGENT_LEVEL);

    private RedFlags() {
    }

    /** True when some red flag of §3 is raised by what the intake says is present. */
    public static boolean anyPresent(Intake intake) {
        return present(intake, SEVERE_SUDDEN_HEADACHE) || present(intake, BOWEL_OR_BLADDER_CONTROL_LOSS)
                || dizzinessOrVision(intake)
                || present(intake, FEVER_OR_CHILLS) || present(intake, UNEXPLAINED_WEIGHT_LOSS)
                || present(intake, RADIATING_ARM_PAIN)
                || present(intake, NUMBNESS_OR_TINGLING) || present(intake, ARM_OR_HAND_WEAKNESS);
    }

    /** True when an EMERGENCY red flag of §3 is raised: the disposition must then be EMERGENCY (invariant 2). */
    public static boolean emergencyPresent(Intake intake) {
        return present(intake, SEVERE_SUDDEN_HEADACHE) || present(intake, BOWEL_OR_BLADDER_CONTROL_LOSS)
                || dizzinessOrVision(intake) && present(intake, SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA);
    }

    /**
     * The red-flag findings that are unknown and relevant (§6), in the specification's order: each
     * must be asked and keeps the assessment provisional (invariant 6). An unknown one is not
     * relevant when its answer can no longer change the red flags: when the other finding of the
     * same flag is present (fever and weight loss; numbness and weakness; dizziness and visual
     * disturbance), or, for the link to neck movement or trauma, when dizziness and visual
     * disturbance are both absent.
     */
    public static List<Finding> openQuestions(Intake intake) {
        List<Finding> open = new ArrayList<>();
        for (Finding f : FINDINGS) {
            if (intake.state(f) != State.UNKNOWN) {
                continue;
            }
            boolean relevant = f == SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA
                    ? intake.state(DIZZINESS_OR_VERTIGO) != State.ABSENT || intake.state(VISUAL_DISTURBANCE) != State.ABSENT
                    : sameFlagAs(f).map(other -> !present(intake, other)).orElse(true);
            if (relevant) {
                open.add(f);
            }
        }
        return open;
    }

    /** The other finding that raises the same red flag on its own, if any. */
    private static java.util.Optional<Finding> sameFlagAs(Finding f) {
        return java.util.Optional.ofNullable(switch (f) {
            case FEVER_OR_CHILLS -> UNEXPLAINED_WEIGHT_LOSS;
            case UNEXPLAINED_WEIGHT_LOSS -> FEVER_OR_CHILLS;
            case NUMBNESS_OR_TINGLING -> ARM_OR_HAND_WEAKNESS;
            case ARM_OR_HAND_WEAKNESS -> NUMBNESS_OR_TINGLING;
            case DIZZINESS_OR_VERTIGO -> VISUAL_DISTURBANCE;
            case VISUAL_DISTURBANCE -> DIZZINESS_OR_VERTIGO;
            default -> null;
        });
    }

    /** True for a finding of {@link #EMERGENCY_LEVEL}. */
    public static boolean isEmergencyLevel(Finding finding) {
        return EMERGENCY_LEVEL.contains(finding);
    }

    private static boolean dizzinessOrVision(Intake intake) {
        return present(intake, DIZZINESS_OR_VERTIGO) || present(intake, VISUAL_DISTURBANCE);
    }

    private static boolean present(Intake intake, Finding f) {
        return intake.state(f) == State.PRESENT;
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        List<Finding> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
