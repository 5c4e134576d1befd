package org.dorsal;

/**
 * The referral thresholds a host may tune, each only within the range its clinical source allows.
 * The cold and heat phase limits (48 h and 72 h) are fixed.
 *
 * @param spasmReferralDays a spasm that persists this many days despite self-care is referred (7 to 10)
 * @param stiffnessReferralDays stiffness not improving after this many days of self-care is referred (14 to 42)
 */
public record Thresholds(int spasmReferralDays, int stiffnessReferralDays) {
    public static final int SPASM_MIN = 7;
    public static final int SPASM_MAX = 10;
    public static final int STIFFNESS_MIN = 14;
    public static final int STIFFNESS_MAX = 42;
    /** Cold only before this many hours since onset. */
    public static final int COLD_ONLY_BEFORE_HOURS = 48;
    /** The typical end of the acute phase, from which heat is advised. */
    public static final int HEAT_FROM_HOURS = 72;

    /**
     * Checks both thresholds against their ranges.
     *
     * @throws DorsalConfigurationException naming the setting when a value is outside its range
     */
    public Thresholds {
        check("spasmReferralDays", spasmReferralDays, SPASM_MIN, SPASM_MAX);
        check("stiffnessReferralDays", stiffnessReferralDays, STIFFNESS_MIN, STIFFNESS_MAX);
    }

    /** The defaults: 7 days for a spasm, 14 days for stiffness. */
    public static Thresholds defaults() {
        return new Thresholds(SPASM_MIN, STIFFNESS_MIN);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new DorsalConfigurationException(
                    name + " must be from " + min + " to " + max + " days (the range its source allows), got " + value);
        }
    }
}
