package org.dorsal.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.dorsal.governance.BatchLine;
import org.dorsal.governance.BatchReader;
import org.dorsal.governance.Comparison;
import org.dorsal.governance.Engine;
import org.dorsal.governance.EngineConfig;
import org.dorsal.governance.ImpactTally;

/**
 * The impact of a change on Spark: each partition counts into a tally of its own, and the tallies
 * are merged up a tree. A merge gives the same tally whatever the partitioning, so the result is
 * the command line's for the same input.
 */
public final class SparkImpact {
    private SparkImpact() {
    }

    /**
     * What changing from {@code before} to {@code after} does to the population {@code lines}.
     * Lines are read as the command line reads them, QuestionnaireResponses against the host's own
     * Questionnaire; an example's key is its line number.
     */
    public static ImpactTally tally(JavaRDD<NumberedLine> lines, EngineConfig before, EngineConfig after) {
        // Reading does not depend on thresholds; with before's, the usual run (before = the host's)
        // reads with the very facade it assesses with.
        EngineConfig reading = EngineConfig.host(before.thresholds());
        return lines.mapPartitions(partition -> count(partition, reading, before, after))
                .treeReduce(ImpactTally::merge);
    }

    private static Iterator<ImpactTally> count(Iterator<NumberedLine> partition, EngineConfig reading,
            EngineConfig before, EngineConfig after) {
        LineText reader = new LineText(new BatchReader(PerJvm.dorsal(reading)));
        Engine b = PerJvm.engine(before);
        Engine a = PerJvm.engine(after);
        ImpactTally tally = new ImpactTally();
        while (partition.hasNext()) {
            NumberedLine line = partition.next();
            BatchLine read = reader.read(line);
            if (read.ok()) {
                tally.add(line.number(), read.intake(), Comparison.of(b, a, read.intake()));
            } else {
                tally.addBadLine();
            }
        }
        // Also for an empty partition: the reduce needs one tally from each.
        return List.of(tally).iterator();
    }
}
