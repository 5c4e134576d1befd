package org.dorsal.spark;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.dorsal.fhir.DorsalFhir;
import org.dorsal.governance.BatchLine;
import org.dorsal.governance.BatchOutput;
import org.dorsal.governance.BatchReader;
import org.dorsal.governance.Comparison;
import org.dorsal.governance.Engine;
import org.dorsal.governance.ImpactTally;
import org.dorsal.testkit.RandomIntakes;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * A small synthetic population with every kind of line a batch meets: plain intakes, intakes with
 * an id, FHIR QuestionnaireResponses, and lines that must be refused. And the single-machine,
 * sequential answers to compare Spark's with.
 */
final class TestPopulation {
    static final int SIZE = 2_000;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private TestPopulation() {
    }

    static List<String> lines(Dorsal dorsal) {
        RandomIntakes random = RandomIntakes.seeded(20261205, Thresholds.defaults());
        List<String> lines = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            String json = compact(DorsalJson.writeIntake(random.get(i)));
            lines.add(i % 7 == 3 ? "{\"id\":\"p-" + i + "\"," + json.substring(1) : json);
        }
        lines.set(10, "");
        lines.set(11, "{\"findings\": ");
        lines.set(12, "{\"findings\": {\"FEVER\": \"present\"}}");
        lines.set(13, "{\"id\": 5, \"findings\": {}}");
        lines.set(14, "[1, 2]");
        lines.set(15, "{\"resourceType\": \"Patient\", \"id\": \"x\"}");
        lines.set(16, "{\"id\": \"dup\", \"hoursSinceOnset\": 30, \"hoursSinceOnset\": 31}");
        lines.set(1_999, "   ");
        Intake spasm = Intake.builder().present(Finding.MUSCLE_SPASM).absent(Finding.FEVER_OR_CHILLS).hoursSinceOnset(50).build();
        QuestionnaireResponse response = DorsalFhir.of(dorsal).questionnaireResponse(spasm);
        response.setId("qr-1");
        lines.set(17, FhirContext.forR4Cached().newJsonParser().encodeResourceToString(response));
        lines.set(1_500, lines.get(17).replace("\"qr-1\"", "\"qr-2\""));
        return lines;
    }

    /** The contract's writer indents; a population line is one line. */
    private static String compact(String json) {
        try {
            return JSON.readTree(json).toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The batch output, one line per input line, as a plain loop on one thread writes it. */
    static List<String> sequentialBatch(List<String> lines, Dorsal dorsal) {
        BatchReader reader = new BatchReader(dorsal);
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            BatchLine read = reader.read(i + 1, lines.get(i));
            out.add(read.ok() ? BatchOutput.assessed(read, dorsal.assess(read.intake())) : BatchOutput.refused(read));
        }
        return out;
    }

    /** The impact tally, as a plain loop on one thread counts it. */
    static ImpactTally sequentialTally(List<String> lines, Dorsal reading, Engine before, Engine after) {
        BatchReader reader = new BatchReader(reading);
        ImpactTally tally = new ImpactTally();
        for (int i = 0; i < lines.size(); i++) {
            BatchLine read = reader.read(i + 1, lines.get(i));
            if (read.ok()) {
                tally.add(i + 1, read.intake(), Comparison.of(before, after, read.intake()));
            } else {
                tally.addBadLine();
            }
        }
        return tally;
    }
}
