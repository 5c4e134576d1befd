package org.dorsal.spark;

/**
 * Turns off the facade's one INFO line per assessment. Spark's default log configuration is at
 * INFO, so on a cluster that line would be written a million times for a million intakes: noise
 * that costs more than some assessments. Build failures and warnings still show.
 */
final class QuietAssessmentLog {
    private static final String FACADE_LOGGER = "org.dorsal.Dorsal";

    private QuietAssessmentLog() {
    }

    static void apply() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setLevel(FACADE_LOGGER, org.apache.logging.log4j.Level.WARN);
        } catch (LinkageError noLog4j) {
            // Not on log4j 2 (a host that changed Spark's logging): its own configuration decides.
        }
    }
}
