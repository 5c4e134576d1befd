package org.dorsal.governance;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.dorsal.Dorsal;
import org.dorsal.Thresholds;

/**
 * Names one configuration to compare: thresholds, and optionally the Dorsal jars to load in a class
 * loader of their own (an engine's {@code rules-core} jar with the {@code rules-content} jar built
 * for it). Without jars, the host's own knowledge base is used. Plain strings, so a configuration
 * travels to a Spark executor and is opened there.
 *
 * @param spasmReferralDays the spasm threshold, 7 to 10
 * @param stiffnessReferralDays the stiffness threshold, 14 to 42
 * @param jars paths of the Dorsal jars to isolate; empty for the host's own
 */
public record EngineConfig(int spasmReferralDays, int stiffnessReferralDays, List<String> jars) implements Serializable {
    private static final long serialVersionUID = 1L;

    public EngineConfig {
        new Thresholds(spasmReferralDays, stiffnessReferralDays);
        jars = List.copyOf(jars);
    }

    /** The host's own knowledge base with these thresholds. */
    public static EngineConfig host(Thresholds thresholds) {
        return new EngineConfig(thresholds.spasmReferralDays(), thresholds.stiffnessReferralDays(), List.of());
    }

    /** Other Dorsal jars, isolated, with these thresholds. */
    public static EngineConfig jars(Thresholds thresholds, List<Path> jars) {
        Objects.requireNonNull(jars, "jars");
        return new EngineConfig(thresholds.spasmReferralDays(), thresholds.stiffnessReferralDays(),
                jars.stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    public Thresholds thresholds() {
        return new Thresholds(spasmReferralDays, stiffnessReferralDays);
    }

    /**
     * Builds the engine: the knowledge base is loaded and checked, so a configuration that cannot
     * work fails here, before any intake is assessed.
     *
     * @throws org.dorsal.DorsalConfigurationException if the jars or the knowledge base cannot be loaded
     */
    public Engine open() {
        if (jars.isEmpty()) {
            return new LocalEngine(Dorsal.builder().thresholds(thresholds()).build());
        }
        return new IsolatedEngine(jars.stream().map(Path::of).toList(), thresholds());
    }

    /** An engine on a facade the host already has. */
    public static Engine of(Dorsal dorsal) {
        return new LocalEngine(dorsal);
    }
}
