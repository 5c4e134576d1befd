package org.dorsal;

/**
 * Where the person should go next, most urgent first. An assessment has exactly one.
 */
public enum Disposition {
    /** Seek emergency care now. */
    EMERGENCY,
    /** See a physician without delay, today. */
    URGENT,
    /** Book an assessment with a physician or physical therapist. */
    ROUTINE,
    /** Self-care, with advice on what would change that. */
    SELF_CARE;

    /** True when this disposition demands quicker care than {@code other}. */
    public boolean isMoreUrgentThan(Disposition other) {
        return ordinal() < other.ordinal();
    }

    /** The more urgent of the two. */
    public static Disposition mostUrgent(Disposition a, Disposition b) {
        return a.isMoreUrgentThan(b) ? a : b;
    }
}
