package org.dorsal;

import java.util.List;

/**
 * An assessment together with the rules that fired while reaching it, for people who test rules.
 *
 * @param assessment the assessment, equal to {@link Dorsal#assess(Intake)} for the same intake
 * @param firedRules the rule IDs whose matches fired, in firing order (a rule fires once per match);
 *                   a rule whose conclusion was later withdrawn by truth maintenance is listed too
 */
public record Trace(Assessment assessment, List<String> firedRules) {
    public Trace {
        firedRules = List.copyOf(firedRules);
    }
}
