package org.dorsal;

import java.util.Objects;

/**
 * How much of a recommendation: a range of minutes, seconds or repetitions, and how it is taken.
 * {@code new Dose(15, 20, Dose.Unit.MINUTES, "per application")} reads "15–20 min (per application)".
 *
 * @param min the least amount, at least 0
 * @param max the most, at least {@code min}
 * @param unit what is counted
 * @param note how the amount is taken, e.g. "per application"; may be empty
 */
public record Dose(int min, int max, Unit unit, String note) {
    /** What a {@link Dose} counts. */
    public enum Unit { MINUTES, SECONDS, REPETITIONS }

    public Dose {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("dose must satisfy 0 <= min <= max, got " + min + ".." + max);
        }
        Objects.requireNonNull(unit, "unit");
        note = note == null ? "" : note;
    }

    /** A short human-readable form such as {@code 15–20 min (per application)}. */
    @Override
    public String toString() {
        String amount = min == max ? Integer.toString(min) : min + "–" + max;
        String units = switch (unit) {
            case MINUTES -> "min";
            case SECONDS -> "s";
            case REPETITIONS -> "repetitions";
        };
        return note.isEmpty() ? amount + " " + units : amount + " " + units + " (" + note + ")";
    }
}
