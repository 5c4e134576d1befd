package org.dorsal.kb;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The rule ID a rule's {@code @ruleId} metadata carries, so that a consequence need not repeat it:
 * {@code insertLogical( new Flag( RuleIds.of( kcontext ), … ) )}.
 */
public final class RuleIds {
    private RuleIds() {
    }

    /** The ID of the rule whose consequence is running. */
    public static String of(RuleContext context) {
        return of(context.getRule());
    }

    /** The {@code ruleId} metadata of {@code rule}, or null when it has none. */
    public static String of(Rule rule) {
        Object v = rule.getMetaData().get("ruleId");
        if (v == null) {
            return null;
        }
        // Metadata values can come back with the quotes they were written with.
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isBlank() ? null : s;
    }
}
