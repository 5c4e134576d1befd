package org.dorsal;

import java.util.Objects;

/**
 * A rule of the loaded knowledge base, as its metadata describes it.
 *
 * @param id the stable rule ID ({@code RF-…}, {@code TH-…}, … from the specification; {@code Q-…}
 *           and {@code PH-…} for the rules that derive questions and phases)
 * @param name the full rule name in the DRL
 * @param source the clinical source it cites, or {@code policy}
 * @param kind the kind of advice it produces, or {@code null} for a rule that produces none directly
 */
public record RuleInfo(String id, String name, String source, Kind kind) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** True for a rule of the public clinical specification (as opposed to a helper rule). */
    public boolean inSpecification() {
        return SpecRules.IDS.contains(id);
    }
}
