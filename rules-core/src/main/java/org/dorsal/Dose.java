package org.dorsal;

import java.util.Objects;

/**
 * How much of a recommendation: a range of minutes, seconds or repetitions, and how it is taken.
 * {@code new Dose(15, 20, Dose.Unit.MINUTES, "each time")} reads "15–20 min (each time)".
 *
 * <p>Where the clinical sources give no number, neither does the dose: {@code min} and {@code max}
 * are both null and the note says how much in words, e.g.
 * {@code new Dose(null, null, Dose.Unit.REPETITIONS, "a few slow rounds")} reads "a few slow rounds".
 *
 * @param min the least amount, at least 0; null when the sources give no number
 * @param max the most, at least {@code min}; null exactly when {@code min} is
 * @param unit what is counted
 * @param note how the amount is taken, e.g. "each time"; may be empty only when there is a number
 */
public record Dose(Integer min, Integer max, Unit unit, String note) {
    /** What a {@link Dose} counts. */
    public enum Unit { MINUTES, SECONDS, REPETITIONS }

    public Dose {
        Objects.requireNonNull(unit, "unit");
        note = note == null ? "" : note;
        if (min == null || max == null) {
            if (min != null || max != null) {
                throw new IllegalArgumentException("dose must have both min and max or neither, got " + min + ".." + max);
            }
            if (note.isBlank()) {
                throw new IllegalArgumentException("a dose without a number must say how much in its note");
            }
        } else if (min < 0 || max < min) {
            throw new IllegalArgumentException("dose must satisfy 0 <= min <= max, got " + min + ".." + max);
        }
    }

    /** A short human-readable form such as {@code 15–20 min (each time)}, or the note alone when there is no number. */
    @Override
    public String toString() {
        if (min == null) {
            return note;
        }
        String amount = min.equals(max) ? Integer.toString(min) : min + "–" + max;
        String units = switch (unit) {
            case MINUTES -> "min";
            case SECONDS -> "s";
            case REPETITIONS -> "repetitions";
        };
        return note.isEmpty() ? amount + " " + units : amount + " " + units + " (" + note + ")";
    }
}
