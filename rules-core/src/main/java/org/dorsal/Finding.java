package org.dorsal;

/**
 * A finding reported about one episode of upper back or neck pain. Each one is answered
 * {@link State#PRESENT present}, {@link State#ABSENT absent} or left {@link State#UNKNOWN unknown}.
 *
 * <p>The constant names are the names used in the intake JSON, e.g. {@code "MUSCLE_SPASM": "present"}.
 * Which findings are red flags, and how urgent each is, is decided by the knowledge base, not here.
 */
public enum Finding implements Subject {
    NECK_STIFFNESS,
    UPPER_BACK_STIFFNESS,
    MUSCLE_SPASM,
    RADIATING_ARM_PAIN,
    NUMBNESS_OR_TINGLING,
    ARM_OR_HAND_WEAKNESS,
    FEVER_OR_CHILLS,
    UNEXPLAINED_WEIGHT_LOSS,
    SEVERE_SUDDEN_HEADACHE,
    DIZZINESS_OR_VERTIGO,
    VISUAL_DISTURBANCE,
    SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA,
    BOWEL_OR_BLADDER_CONTROL_LOSS,
    ACUTE_SYMPTOMS_SUBSIDED,
    SELF_CARE_TRIED,
    IMPROVING,
    SELF_MANIPULATION,
    HABITUAL_CRACKING,
    PROLONGED_SITTING_OR_SCREEN,
    DEHYDRATION,
    STRESS_OR_TENSION,
    AWKWARD_LIFT_OR_TWIST;

    /** How many findings there are. */
    static final int COUNT = values().length;

    /** The constant's name, as the intake JSON spells it. */
    @Override
    public String key() {
        return name();
    }
}
