package org.dorsal.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where a population is and how it is stored: shared by both commands. */
final class InputOptions {
    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Input files, directories or globs (any Hadoop path: file:, hdfs:, s3a:, …), numbered as one input in the order given.")
    List<String> paths;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "ndjson",
            description = "ndjson (one intake or QuestionnaireResponse per line) or parquet (a string column 'json', optionally a long column 'line'); default ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Split NDJSON input into about N partitions (default: Spark's default parallelism).")
    Integer partitions;

    JavaRDD<NumberedLine> read(SparkSession spark) {
        int n = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
        if (n < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + n);
        }
        return Population.read(spark, paths, format, n);
    }
}
