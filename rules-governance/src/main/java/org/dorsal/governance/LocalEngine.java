package org.dorsal.governance;

import java.util.Objects;
import org.dorsal.Dorsal;
import org.dorsal.Intake;
import org.dorsal.Thresholds;

/** The host's own knowledge base, through its facade. */
record LocalEngine(Dorsal dorsal) implements Engine {
    LocalEngine {
        Objects.requireNonNull(dorsal, "dorsal");
    }

    @Override
    public String contentVersion() {
        return dorsal.contentVersion();
    }

    @Override
    public Thresholds thresholds() {
        return dorsal.thresholds();
    }

    @Override
    public Outcome assess(Intake intake) {
        return Outcome.of(dorsal.assess(intake));
    }
}
