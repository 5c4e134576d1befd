package org.dorsal;

import java.util.Objects;

/**
 * One fact that made a rule fire: a finding and its state ({@code MUSCLE_SPASM = present}) or a
 * quantity and its value ({@code hoursSinceOnset = 30}).
 *
 * @param fact a {@link Finding} name or a {@link Quantity#field()} name
 * @param value the finding's {@link State#json()} name, or the quantity's value as a decimal string
 *              (so that every piece of evidence has the same shape in JSON)
 */
public record Evidence(String fact, String value) {
    public Evidence {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(value, "value");
    }

    public static Evidence of(Finding finding, State state) {
        return new Evidence(finding.name(), state.json());
    }

    public static Evidence of(Quantity quantity, int value) {
        return new Evidence(quantity.field(), Integer.toString(value));
    }

    @Override
    public String toString() {
        return fact + "=" + value;
    }
}
