package org.dorsal.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a population: every input line with the number the command line would give it.
 *
 * <p>NDJSON: text files, one intake or FHIR {@code QuestionnaireResponse} per line. Several paths
 * are numbered as one input, in the order given; a directory or a glob stands for its files in
 * path name order (files whose names start with {@code _} or {@code .}, such as {@code _SUCCESS},
 * are skipped). So a population split into {@code part-00000}, {@code part-00001}, … is numbered as
 * {@code cat part-*} would be.
 *
 * <p>Parquet: a string column {@value #JSON_COLUMN} holding what an NDJSON line would hold, and
 * optionally an integer column {@value #LINE_COLUMN} with each row's number. Without it rows are
 * numbered 1, 2, … in the order Spark reads them, which is the file's order for one file but, for
 * several files, Spark's own order: give {@value #LINE_COLUMN} for those. Other columns are ignored.
 */
public final class Population {
    /** The Parquet column holding the intake or QuestionnaireResponse. */
    public static final String JSON_COLUMN = "json";
    /** The optional Parquet column holding each row's line number. */
    public static final String LINE_COLUMN = "line";

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Population() {
    }

    /**
     * The numbered lines of {@code paths}, in about {@code partitions} partitions (NDJSON; Parquet
     * keeps Spark's own split), ordered by number.
     */
    public static JavaRDD<NumberedLine> read(SparkSession spark, List<String> paths, Format format, int partitions) {
        return switch (format) {
            case NDJSON -> ndjson(spark, paths, partitions);
            case PARQUET -> parquet(spark, paths);
        };
    }

    private static JavaRDD<NumberedLine> ndjson(SparkSession spark, List<String> paths, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<FileStatus> files = files(sc.hadoopConfiguration(), paths);
        long total = Math.max(1, files.stream().mapToLong(FileStatus::getLen).sum());
        List<JavaRDD<byte[]>> parts = new ArrayList<>();
        for (FileStatus file : files) {
            // Each file gets its share of the partitions, so that one large file among small ones is still split.
            long share = Math.max(1, Math.round((double) partitions * file.getLen() / total));
            parts.add(lines(sc, file, share));
        }
        // A union keeps its parts' partitions in order, so the index below runs through the files as given.
        JavaRDD<byte[]> lines = parts.size() == 1 ? parts.get(0) : sc.union(parts.toArray(JavaRDD[]::new));
        return lines.zipWithIndex().map(t -> new NumberedLine(t._2() + 1, t._1()));
    }

    /**
     * A file's lines as the command line splits them: at {@code \n} only (Hadoop's default would
     * also split at a lone {@code \r}), bytes undecoded. Hadoop drops a UTF-8 byte order mark at
     * the start of a file; the command line does not (and refuses that line), so it is put back.
     */
    private static JavaRDD<byte[]> lines(JavaSparkContext sc, FileStatus file, long partitions) {
        Configuration conf = new Configuration(sc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        conf.setLong("mapreduce.input.fileinputformat.split.maxsize", Math.max(1, (file.getLen() + partitions - 1) / partitions));
        boolean bom = startsWithByteOrderMark(file, conf);
        return sc.newAPIHadoopFile(file.getPath().toString(), TextInputFormat.class, LongWritable.class, Text.class, conf)
                .map(offsetAndLine -> {
                    byte[] line = offsetAndLine._2().copyBytes();
                    return bom && offsetAndLine._1().get() == 0 ? withByteOrderMark(line) : line;
                });
    }

    private static boolean startsWithByteOrderMark(FileStatus file, Configuration conf) {
        if (file.getLen() < BYTE_ORDER_MARK.length) {
            return false;
        }
        try (var in = file.getPath().getFileSystem(conf).open(file.getPath())) {
            byte[] start = new byte[BYTE_ORDER_MARK.length];
            in.readFully(0, start);
            return Arrays.equals(start, BYTE_ORDER_MARK);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file.getPath() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] withByteOrderMark(byte[] line) {
        byte[] with = Arrays.copyOf(BYTE_ORDER_MARK, BYTE_ORDER_MARK.length + line.length);
        System.arraycopy(line, 0, with, BYTE_ORDER_MARK.length, line.length);
        return with;
    }

    private static JavaRDD<NumberedLine> parquet(SparkSession spark, List<String> paths) {
        Dataset<Row> rows = spark.read().parquet(paths.toArray(String[]::new));
        StructType schema = rows.schema();
        requireColumn(schema, JSON_COLUMN, DataTypes.StringType);
        if (Arrays.asList(schema.fieldNames()).contains(LINE_COLUMN)) {
            DataType type = schema.apply(LINE_COLUMN).dataType();
            if (!type.equals(DataTypes.LongType) && !type.equals(DataTypes.IntegerType)) {
                throw new IllegalArgumentException("the Parquet column '" + LINE_COLUMN + "' must be an integer (long or int), got "
                        + type.simpleString());
            }
            return rows.select(LINE_COLUMN, JSON_COLUMN).javaRDD().map(row -> {
                if (row.isNullAt(0)) {
                    throw new IllegalArgumentException("a Parquet row has no '" + LINE_COLUMN + "' number");
                }
                return NumberedLine.of(((Number) row.get(0)).longValue(), text(row, 1));
            });
        }
        return rows.select(JSON_COLUMN).javaRDD().zipWithIndex().map(t -> NumberedLine.of(t._2() + 1, text(t._1(), 0)));
    }

    private static String text(Row row, int i) {
        // A missing document is a blank line: refused by the reader and counted, never skipped.
        return row.isNullAt(i) ? "" : row.getString(i);
    }

    private static void requireColumn(StructType schema, String name, DataType type) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("the Parquet input has no '" + name + "' column; its columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
        if (!schema.apply(name).dataType().equals(type)) {
            throw new IllegalArgumentException("the Parquet column '" + name + "' must be a " + type.simpleString()
                    + ", got " + schema.apply(name).dataType().simpleString());
        }
    }

    /** The files {@code paths} stand for, in numbering order. */
    static List<FileStatus> files(Configuration hadoop, List<String> paths) {
        List<FileStatus> files = new ArrayList<>();
        try {
            for (String p : paths) {
                Path path = new Path(p);
                FileSystem fs = path.getFileSystem(hadoop);
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    throw new IllegalArgumentException("no such input: " + p);
                }
                Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
                for (FileStatus match : matches) {
                    if (match.isDirectory()) {
                        FileStatus[] inside = fs.listStatus(match.getPath(), f -> !hidden(f));
                        Arrays.sort(inside, Comparator.comparing(s -> s.getPath().toString()));
                        Arrays.stream(inside).filter(FileStatus::isFile).forEach(files::add);
                    } else if (!hidden(match.getPath()) || matches.length == 1) {
                        files.add(match);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the input could not be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the input holds no files: " + paths);
        }
        return files;
    }

    private static boolean hidden(Path path) {
        String name = path.getName();
        return name.startsWith("_") || name.startsWith(".");
    }
}
