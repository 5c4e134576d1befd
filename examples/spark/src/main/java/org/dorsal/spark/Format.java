package org.dorsal.spark;

/** How a population or a batch result is stored. */
public enum Format {
    /** Text, one JSON document per line: what the command line reads and writes. */
    NDJSON,
    /** Columns; see {@link Population} and {@link SparkBatch} for the schemas. */
    PARQUET
}
