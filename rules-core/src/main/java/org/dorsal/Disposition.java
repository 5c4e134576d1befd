package org.dorsal;

/**
 * Where the person should go next, most urgent first. An assessment has exactly one.
 */
public enum Disposition {
    EMERGENCY("seek emergency care now"),
    URGENT("see a physician without delay, today"),
    ROUTINE("book an assessment with a physician or physical therapist"),
    SELF_CARE("look after it yourself, with advice on when to get help");

    private final String text;

    Disposition(String text) {
        this.text = text;
    }

    /** What the disposition asks of the person, in plain words, e.g. "seek emergency care now". */
    public String text() {
        return text;
    }

    /** True when this disposition demands quicker care than {@code other}. */
    public boolean isMoreUrgentThan(Disposition other) {
        return ordinal() < other.ordinal();
    }

    /** The more urgent of the two. */
    public static Disposition mostUrgent(Disposition a, Disposition b) {
        return a.isMoreUrgentThan(b) ? a : b;
    }
}
