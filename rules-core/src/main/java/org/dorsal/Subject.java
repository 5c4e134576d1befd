package org.dorsal;

import java.util.List;
import java.util.Optional;

/**
 * What a question or a piece of evidence is about: a {@link Finding} or a {@link Quantity}.
 * {@link #key()} is the name the intake JSON uses for it ({@code MUSCLE_SPASM}, {@code hoursSinceOnset}),
 * and {@link #parse} reads such a name back; nothing else tells the two kinds apart.
 */
public sealed interface Subject permits Finding, Quantity {

    /** The name of this subject in the JSON contract: a finding's constant name or a quantity's field name. */
    String key();

    /** Every subject: the findings as declared, then the quantities. */
    static List<Subject> all() {
        return Subjects.ALL;
    }

    /** The subject whose {@link #key()} is {@code key}, if there is one. */
    static Optional<Subject> parse(String key) {
        return Optional.ofNullable(Subjects.BY_KEY.get(key));
    }

    /**
     * This subject's place in {@link #all()}: the order evidence is listed in. Package-private
     * callers use it as an array index.
     */
    default int index() {
        return this instanceof Finding f ? f.ordinal() : Finding.COUNT + ((Quantity) this).ordinal();
    }
}
