package org.dorsal.governance;

import java.util.HashMap;
import java.util.Map;
import org.dorsal.RuleInfo;

/**
 * The rule names an engine can tell, by rule ID, for people reading a report. Names are a courtesy:
 * an engine that cannot tell them (another implementation, an older version without them) gives an
 * empty map and the report shows IDs alone.
 */
final class RuleNames {
    private RuleNames() {
    }

    static Map<String, String> of(Engine engine) {
        if (engine instanceof LocalEngine local) {
            Map<String, String> names = new HashMap<>();
            for (RuleInfo rule : local.dorsal().rules()) {
                String name = readable(rule.id(), rule.name());
                if (name != null) {
                    names.put(rule.id(), name);
                }
            }
            return names;
        }
        if (engine instanceof IsolatedEngine isolated) {
            return isolated.ruleNames();
        }
        return Map.of();
    }

    /** Both engines' names, the candidate's first: it is the content the reader is about to approve. */
    static Map<String, String> of(Engine before, Engine after) {
        Map<String, String> names = new HashMap<>(of(before));
        names.putAll(of(after));
        return names;
    }

    /** Content 1.0.0 started each rule name with its ID; later content keeps the ID in metadata only. */
    static String readable(String id, String name) {
        String trimmed = name.startsWith(id) ? name.substring(id.length()).strip() : name.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
