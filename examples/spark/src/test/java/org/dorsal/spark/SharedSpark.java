package org.dorsal.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for every test of the module: starting one takes seconds. Two threads,
 * so that tasks do run concurrently; loopback only; no UI. Spark's own shutdown hook stops it.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("dorsal-spark tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }
}
