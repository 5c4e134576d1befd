package org.dorsal.internal;

import java.util.List;
import java.util.Objects;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.dorsal.kb.Params;
import org.kie.api.KieBase;

/**
 * The one way into Dorsal's internals, for Dorsal's own tests: order-independence properties,
 * the completeness checks of a build, and rule-mutation tests. Not API: no host should call it,
 * and it may change in any release. Those tests run on the class path; on the module path this
 * package is exported to {@code org.dorsal.fhir} alone (for {@link Text}), so no module can call
 * this class.
 */
public final class TestAccess {
    private static volatile Bridge bridge;

    private TestAccess() {
    }

    /** What the facade lends this class; implemented once, by {@link Dorsal} itself. */
    public interface Bridge {
        List<Object> facts(Dorsal dorsal, Intake intake);

        Assessment assessFacts(Dorsal dorsal, List<?> facts);

        Dorsal build(KieBase kieBase, Thresholds thresholds, Params params, boolean complete, ClassLoader content);
    }

    /** Called once, by {@link Dorsal}'s class initialiser; a second call fails. */
    public static synchronized void install(Bridge implementation) {
        if (bridge != null) {
            throw new IllegalStateException("the bridge is installed already");
        }
        bridge = Objects.requireNonNull(implementation);
    }

    private static Bridge bridge() {
        if (bridge == null) {
            Dorsal.builder();   // loads Dorsal, whose initialiser installs the bridge
        }
        return bridge;
    }

    /** The facts a fresh session assessing {@code intake} starts from, in the order a trace inserts them. */
    public static List<Object> facts(Dorsal dorsal, Intake intake) {
        return bridge().facts(dorsal, intake);
    }

    /** Assesses exactly {@code facts} (those {@link #facts} makes, in any order), inserted in the order given. */
    public static Assessment assessFacts(Dorsal dorsal, List<?> facts) {
        return bridge().assessFacts(dorsal, facts);
    }

    /** A facade over {@code kieBase}, checked against the content manifest on the class path as {@code build()} checks. */
    public static Dorsal build(KieBase kieBase, Thresholds thresholds) {
        return bridge().build(kieBase, thresholds, Params.of(thresholds), true, TestAccess.class.getClassLoader());
    }

    /**
     * For rule-mutation tests only: a facade over {@code kieBase}, which may lack declared rules,
     * deciding with {@code params} instead of the thresholds' own (so that the fixed 48 h and 72 h
     * limits can be shifted too). Never use it to run a knowledge base for patients.
     */
    public static Dorsal buildMutant(KieBase kieBase, Thresholds thresholds, Params params) {
        return bridge().build(kieBase, thresholds, params, false, TestAccess.class.getClassLoader());
    }
}
