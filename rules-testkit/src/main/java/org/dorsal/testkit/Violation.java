package org.dorsal.testkit;

import java.util.Objects;

/**
 * A property that did not hold: which one, and what was seen.
 *
 * <pre>{@code
 * new Violation("§8.2 emergency", "SEVERE_SUDDEN_HEADACHE present but disposition URGENT");
 * }</pre>
 *
 * @param invariant the name of the invariant or check that failed
 * @param detail what was seen, in a sentence
 */
public record Violation(String invariant, String detail) {
    public Violation {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return invariant + ": " + detail;
    }
}
