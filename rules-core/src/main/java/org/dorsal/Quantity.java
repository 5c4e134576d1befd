package org.dorsal;

/**
 * The two numbers of an intake, each a whole number within a fixed range, or unknown when missing.
 * {@link #field()} is the intake JSON field name and the name a {@link Question} uses.
 */
public enum Quantity implements Subject {
    /** Hours since the episode began, 0 to 87,600 (ten years). */
    HOURS_SINCE_ONSET("hoursSinceOnset", 87_600),
    /** Days of consistent gentle self-care so far, 0 to 3,650 (ten years). */
    SELF_CARE_DAYS("selfCareDays", 3_650);

    private final String field;
    private final int max;

    Quantity(String field, int max) {
        this.field = field;
        this.max = max;
    }

    /** The intake JSON field name, e.g. {@code hoursSinceOnset}. */
    public String field() {
        return field;
    }

    /** The same as {@link #field()}: the name the JSON contract uses. */
    @Override
    public String key() {
        return field;
    }

    /** The largest valid value; the smallest is 0. */
    public int max() {
        return max;
    }

    /**
     * Returns {@code value} when it lies within this quantity's range.
     *
     * @throws InvalidIntakeException naming {@link #field()} otherwise
     */
    public int check(long value) {
        if (value < 0 || value > max) {
            throw new InvalidIntakeException(field,
                    field + " must be a whole number from 0 to " + max + ", got " + value);
        }
        return (int) value;
    }
}
