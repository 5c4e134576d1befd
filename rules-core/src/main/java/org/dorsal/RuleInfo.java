package org.dorsal;

import java.util.Objects;

/**
 * A rule of the loaded knowledge base, as its metadata and the content manifest describe it.
 *
 * @param id the stable rule ID, as its {@code @ruleId} metadata carries it
 * @param name the full rule name in the DRL
 * @param source the clinical source it cites, or {@code policy}
 * @param kind the kind of advice it produces, or {@code null} for a helper rule that produces none
 *             directly (one that derives questions or phases)
 * @param disposition the disposition it demands, or {@code null} when it demands none
 */
public record RuleInfo(String id, String name, String source, Kind kind, Disposition disposition) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** True for a rule whose ID can appear in an assessment, as opposed to a helper rule. */
    public boolean advises() {
        return kind != null;
    }
}
