package org.dorsal.governance;

import org.dorsal.Intake;
import org.dorsal.Thresholds;

/**
 * One configuration of Dorsal that assesses intakes: a content version with its thresholds.
 * Implementations are thread-safe, like the facade they wrap.
 */
public interface Engine {
    /** The content version of the knowledge base, as its assessments report it. */
    String contentVersion();

    /** The referral thresholds it was built with. */
    Thresholds thresholds();

    /** Assesses one intake and keeps what governance compares. */
    Outcome assess(Intake intake);

    /** E.g. "content 1.1.0, spasm 7 d, stiffness 14 d": for reports and logs. */
    default String describe() {
        return "content " + contentVersion() + ", spasm " + thresholds().spasmReferralDays()
                + " d, stiffness " + thresholds().stiffnessReferralDays() + " d";
    }
}
