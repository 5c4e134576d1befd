package org.dorsal.spark;

import java.util.Iterator;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dorsal.governance.EngineConfig;

/**
 * The batch on Spark: one output record per input line, in line order.
 *
 * <p>NDJSON output is a directory of text files {@code part-00000}, {@code part-00001}, … whose
 * concatenation in name order is, byte for byte, what the command line's batch prints for the same
 * input. Parquet output has the columns of {@link #SCHEMA}.
 */
public final class SparkBatch {
    /**
     * One row per input line: {@code line} (its number, never null), {@code id} (the line's own id,
     * or null), {@code assessment} (the assessment JSON, as in the NDJSON line; null when the line was
     * refused) and {@code error} ({@code field} and {@code message}; null when the line was assessed).
     */
    public static final StructType SCHEMA = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, true)
            .add("assessment", DataTypes.StringType, true)
            .add("error", new StructType()
                    .add("field", DataTypes.StringType, true)
                    .add("message", DataTypes.StringType, true), true);

    private SparkBatch() {
    }

    /** The output lines, as the command line writes them, in the order of {@code lines}. */
    public static JavaRDD<String> ndjson(JavaRDD<NumberedLine> lines, EngineConfig config) {
        return lines.mapPartitions(partition -> lazily(partition, new LineAssessor(config)::ndjson));
    }

    /** The output as rows of {@link #SCHEMA}, in the order of {@code lines}. */
    public static Dataset<Row> rows(SparkSession spark, JavaRDD<NumberedLine> lines, EngineConfig config) {
        JavaRDD<Row> rows = lines.mapPartitions(partition -> lazily(partition, new LineAssessor(config)::row));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Assesses {@code lines} and writes the result to {@code output}, a directory that must not exist yet. */
    public static void write(SparkSession spark, JavaRDD<NumberedLine> lines, EngineConfig config, Format format, String output) {
        switch (format) {
            case NDJSON -> ndjson(lines, config).saveAsTextFile(output);
            case PARQUET -> rows(spark, lines, config).write().mode(SaveMode.ErrorIfExists).parquet(output);
        }
    }

    /** Maps as the task pulls, so that a partition is never held in memory whole. */
    private static <T, R> Iterator<R> lazily(Iterator<T> in, Function<T, R> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public R next() {
                return f.apply(in.next());
            }
        };
    }
}
