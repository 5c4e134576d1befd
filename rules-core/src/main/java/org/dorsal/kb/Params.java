package org.dorsal.kb;

import org.dorsal.Thresholds;

/** The thresholds in the units the rules compare against. One per session. */
public record Params(int coldOnlyBeforeHours, int heatFromHours, int spasmReferralHours, int stiffnessReferralDays) {

    public static Params of(Thresholds t) {
        return new Params(Thresholds.COLD_ONLY_BEFORE_HOURS, Thresholds.HEAT_FROM_HOURS,
                24 * t.spasmReferralDays(), t.stiffnessReferralDays());
    }
}
