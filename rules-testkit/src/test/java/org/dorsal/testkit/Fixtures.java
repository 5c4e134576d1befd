package org.dorsal.testkit;

import java.util.ArrayList;
import java.util.List;
import org.dorsal.Dorsal;
import org.dorsal.RuleInfo;
import org.dorsal.oracle.Oracle;

/** What the properties share: one facade per JVM, the seed, and the full set of checks. */
public final class Fixtures {
    /** Fixed in CI; {@code -Ddorsal.seed=...} explores further. Every failure report prints it. */
    public static final long SEED = Long.getLong("dorsal.seed", 20_240_611L);

    private static Dorsal dorsal;

    private Fixtures() {
    }

    /** The facade over the real knowledge base with default thresholds, built once. */
    public static synchronized Dorsal dorsal() {
        if (dorsal == null) {
            dorsal = Dorsal.builder().build();
        }
        return dorsal;
    }

    /**
     * Every invariant of §8 that judges one assessment, invariant 7 in its strict reading (rule IDs
     * of the specification only: this knowledge base has no rules of a host's), and agreement with
     * the {@link Oracle}. No re-assessment: callers that want determinism add it.
     */
    public static List<Invariant> checks(Dorsal d) {
        List<Invariant> all = new ArrayList<>(SpecInvariants.ofAssessment(d));
        Oracle oracle = Oracle.of(d.thresholds());
        // Field for field; the report names the first difference.
        all.add(Invariant.of("agreement with the oracle", (intake, a) -> Oracle.difference(oracle.assess(intake), a)));
        return all;
    }

    /** Elapsed seconds since {@code startNanos}, for the log. */
    public static String since(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
