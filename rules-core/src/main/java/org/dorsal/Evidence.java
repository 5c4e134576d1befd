package org.dorsal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One fact that made a rule fire: a finding and its state ({@code MUSCLE_SPASM = present}) or a
 * quantity and its value ({@code hoursSinceOnset = 30}).
 *
 * @param subject the finding or quantity (written as {@code fact} in JSON, by its {@link Subject#key()})
 * @param value the finding's {@link State#json()} name, or the quantity's value as a decimal string
 *              (so that every piece of evidence has the same shape in JSON)
 */
public record Evidence(@JsonProperty("fact") Subject subject, String value) {
    public Evidence {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(value, "value");
    }

    public static Evidence of(Finding finding, State state) {
        return new Evidence(finding, state.json());
    }

    public static Evidence of(Quantity quantity, int value) {
        return new Evidence(quantity, Integer.toString(value));
    }

    @Override
    public String toString() {
        return subject.key() + "=" + value;
    }
}
