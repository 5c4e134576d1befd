package org.dorsal.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.dorsal.Disposition;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;

/**
 * The report's JSON summary. Built field by field, not by reflection, so that the field names are
 * written down here, once, and a rename is a visible change (and a failing test) rather than a side
 * effect of renaming a Java accessor.
 */
final class ReportJson {
    /** Bumped when a field changes meaning or goes; new fields alone do not bump it. */
    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Shares as 0.00042, never 4.2E-4.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private ReportJson() {
    }

    static String write(ImpactReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("report", "dorsal-impact");
        root.put("format", FORMAT);
        root.put("population", r.population());
        root.set("before", engine(r.before()));
        root.set("after", engine(r.after()));

        ObjectNode totals = root.putObject("totals");
        totals.put("intakes", r.intakes());
        totals.put("badLines", r.badLines());
        totals.put("agreements", r.agreements());
        totals.put("changed", r.changed());
        totals.put("downgraded", r.downgraded());

        ArrayNode downgrades = root.putArray("downgrades");
        for (ImpactReport.Downgrade d : r.downgrades()) {
            ObjectNode o = downgrades.addObject();
            o.put("from", d.from().name());
            o.put("to", d.to().name());
            o.put("count", d.count());
            o.put("share", rate(r.share(d.count())));
        }

        ObjectNode transitions = root.putObject("transitions");
        ArrayNode order = transitions.putArray("order");
        ImpactReport.ORDER.forEach(d -> order.add(d.name()));
        ArrayNode counts = transitions.putArray("counts");
        ArrayNode shares = transitions.putArray("shares");
        for (Disposition from : ImpactReport.ORDER) {
            ArrayNode countRow = counts.addArray();
            ArrayNode shareRow = shares.addArray();
            for (Disposition to : ImpactReport.ORDER) {
                countRow.add(r.transitions(from, to));
                shareRow.add(rate(r.share(r.transitions(from, to))));
            }
        }

        ObjectNode provisional = root.putObject("provisional");
        provisional.put("trueToTrue", r.provisional(true, true));
        provisional.put("trueToFalse", r.provisional(true, false));
        provisional.put("falseToTrue", r.provisional(false, true));
        provisional.put("falseToFalse", r.provisional(false, false));

        ArrayNode rules = root.putArray("rules");
        for (ImpactReport.RuleRate rule : r.rules()) {
            ObjectNode o = rules.addObject();
            o.put("id", rule.id());
            if (rule.name() != null) {
                o.put("name", rule.name());
            }
            o.put("firesBefore", rule.firesBefore());
            o.put("firesAfter", rule.firesAfter());
            o.put("rateBefore", rate(rule.rateBefore()));
            o.put("rateAfter", rate(rule.rateAfter()));
            o.put("delta", rate(rule.delta()));
        }

        ArrayNode kinds = root.putArray("kinds");
        for (ImpactReport.KindSection k : r.kinds()) {
            ObjectNode o = kinds.addObject();
            o.put("kind", k.kind().key());
            o.put("description", k.plain());
            o.put("downgrade", k.kind().downgrade());
            o.put("count", k.count());
            o.put("share", rate(r.share(k.count())));
            ArrayNode examples = o.putArray("examples");
            for (ShrunkExample e : k.examples()) {
                ObjectNode x = examples.addObject();
                x.put("key", e.key());
                x.put("reproduced", e.reproduced());
                x.set("original", intake(e.original()));
                x.set("shrunk", intake(e.shrunk()));
                x.set("before", outcome(e.comparison().before()));
                x.set("after", outcome(e.comparison().after()));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    private static ObjectNode engine(ImpactReport.EngineSummary e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("contentVersion", e.contentVersion());
        o.put("spasmReferralDays", e.thresholds().spasmReferralDays());
        o.put("stiffnessReferralDays", e.thresholds().stiffnessReferralDays());
        o.put("description", e.description());
        return o;
    }

    private static ObjectNode outcome(Outcome outcome) {
        ObjectNode o = JSON.createObjectNode();
        o.put("disposition", outcome.disposition().name());
        o.put("provisional", outcome.provisional());
        ArrayNode ids = o.putArray("ruleIds");
        outcome.ruleIds().forEach(ids::add);
        o.put("contentVersion", outcome.contentVersion());
        return o;
    }

    /** The intake in the JSON contract, as an object rather than a string within a string. */
    private static JsonNode intake(Intake intake) {
        try {
            return JSON.readTree(DorsalJson.writeIntake(intake));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DorsalJson wrote an intake that is not JSON", e);
        }
    }

    /**
     * Eight decimals: one intake in a hundred million still shows, and the counts beside every share
     * are exact anyway.
     */
    static BigDecimal rate(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }
}
