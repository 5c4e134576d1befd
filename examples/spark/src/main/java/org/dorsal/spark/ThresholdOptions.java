package org.dorsal.spark;

import java.util.List;
import org.dorsal.Thresholds;
import org.dorsal.governance.EngineConfig;

/** Builds a configuration from options that may be left out: an omitted threshold takes its default. */
final class ThresholdOptions {
    private ThresholdOptions() {
    }

    static EngineConfig config(Integer spasmReferralDays, Integer stiffnessReferralDays, List<String> jars) {
        Thresholds defaults = Thresholds.defaults();
        return new EngineConfig(
                spasmReferralDays != null ? spasmReferralDays : defaults.spasmReferralDays(),
                stiffnessReferralDays != null ? stiffnessReferralDays : defaults.stiffnessReferralDays(),
                jars == null ? List.of() : jars);
    }
}
