package org.dorsal.examples.cli;

import org.dorsal.Dorsal;
import org.dorsal.Thresholds;
import picocli.CommandLine.Option;

/** The options every command shares: the referral thresholds and how chatty the log is. */
final class EngineOptions {
    /** slf4j-simple reads a logger's level from this property when the logger is first created. */
    static final String FACADE_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.dorsal.Dorsal";

    @Option(names = "--spasm-referral-days", paramLabel = "DAYS",
            description = "Refer a spasm that persists this many days despite self-care ("
                    + Thresholds.SPASM_MIN + " to " + Thresholds.SPASM_MAX + ", default " + Thresholds.SPASM_MIN + ").")
    private Integer spasmReferralDays;

    @Option(names = "--stiffness-referral-days", paramLabel = "DAYS",
            description = "Refer stiffness not improving after this many days of self-care ("
                    + Thresholds.STIFFNESS_MIN + " to " + Thresholds.STIFFNESS_MAX + ", default " + Thresholds.STIFFNESS_MIN + ").")
    private Integer stiffnessReferralDays;

    @Option(names = "--verbose", description = "Also log one line per assessment on stderr.")
    private boolean verbose;

    /** The thresholds given, each defaulting to its source's minimum. */
    Thresholds thresholds() {
        return new Thresholds(spasmReferralDays != null ? spasmReferralDays : Thresholds.SPASM_MIN,
                stiffnessReferralDays != null ? stiffnessReferralDays : Thresholds.STIFFNESS_MIN);
    }

    /** Before anything touches {@link Dorsal}, as {@link #dorsal()} must be. */
    void logLevel() {
        if (verbose) {
            System.setProperty(FACADE_LOG_LEVEL, "info");
        }
    }

    /**
     * Builds the facade. Must run before anything touches {@link Dorsal}: its logger's level is
     * fixed when the class is initialised.
     */
    Dorsal dorsal() {
        logLevel();
        Dorsal.Builder builder = Dorsal.builder();
        if (spasmReferralDays != null) {
            builder.spasmReferralDays(spasmReferralDays);
        }
        if (stiffnessReferralDays != null) {
            builder.stiffnessReferralDays(stiffnessReferralDays);
        }
        return builder.build();
    }
}
