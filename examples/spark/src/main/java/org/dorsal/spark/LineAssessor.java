package org.dorsal.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.governance.BatchLine;
import org.dorsal.governance.BatchOutput;
import org.dorsal.governance.BatchReader;
import org.dorsal.governance.EngineConfig;

/**
 * Reads and assesses the lines of one partition, with the same reader and output as the command
 * line. Not serialisable and not thread-safe: each task makes its own, on its executor.
 */
final class LineAssessor {
    private final Dorsal dorsal;
    private final LineText reader;

    LineAssessor(EngineConfig config) {
        this.dorsal = PerJvm.dorsal(config);
        this.reader = new LineText(new BatchReader(dorsal));
    }

    /** The line's output, exactly as the command line's batch writes it. */
    String ndjson(NumberedLine line) {
        BatchLine read = reader.read(line);
        return read.ok() ? BatchOutput.assessed(read, dorsal.assess(read.intake())) : BatchOutput.refused(read);
    }

    /** The same as a row of {@link SparkBatch#SCHEMA}. */
    Row row(NumberedLine line) {
        BatchLine read = reader.read(line);
        if (!read.ok()) {
            Row error = RowFactory.create(read.error().field(), read.error().getMessage());
            return RowFactory.create(read.number(), read.id(), null, error);
        }
        Assessment assessment = dorsal.assess(read.intake());
        return RowFactory.create(read.number(), read.id(), DorsalJson.writeAssessment(assessment), null);
    }
}
