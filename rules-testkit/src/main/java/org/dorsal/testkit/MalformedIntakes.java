package org.dorsal.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Thresholds;

/**
 * Seeded intake JSON documents for fuzzing a reader: valid intakes, then broken in every way a
 * client, a proxy or an attacker might break them: truncated, wrong types, huge numbers, deep
 * nesting, unknown and duplicate keys, invalid UTF-8 (overlong forms included), other encodings,
 * JSON extensions, raw control characters, oversize documents, random byte damage, and nothing at
 * all. Most are invalid; some mutations leave a document valid, which is the point: the reader
 * must tell which is which. Document {@code i} depends only on the seed and {@code i}.
 *
 * <pre>{@code
 * MalformedIntakes fuzz = MalformedIntakes.seeded(7);
 * fuzz.stream(100_000).forEach(doc -> SpecInvariants.readOrRefuse(doc.bytes()));  // refused whole, or read
 * }</pre>
 */
public final class MalformedIntakes {
    /** One generated document and the kind of damage done to it. */
    public record Document(String kind, byte[] bytes) {
        /**
         * The document as printable text for a failure report: control characters, bytes that are
         * not UTF-8 (shown as U+FFFD) and other invisibles as {@code \\uXXXX}, long documents cut.
         */
        public String text() {
            String s = new String(bytes, StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length() && out.length() < 400; i++) {
                char c = s.charAt(i);
                out.append(c < 0x20 || c >= 0x7F && c < 0xA0 || c == '\uFFFD' || c == '\uFEFF' || Character.isSurrogate(c)
                        ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            return out.length() < 400 ? out.toString() : out + "… (" + bytes.length + " bytes)";
        }
    }

    private static final String[] KINDS = {
            "valid", "valid-variant", "truncated", "byte-flip", "byte-insert", "byte-delete", "wrong-type",
            "huge-number", "deep-nesting", "unknown-key", "duplicate-key", "invalid-utf8", "other-encoding",
            "empty", "json-extension", "control-char", "oversize"};

    private static final String[] WRONG_VALUES = {
            "\"30\"", "30.5", "3e1", "30.0", "true", "false", "null", "[]", "{}", "[30]", "{\"h\":30}", "-1", "\"\"",
            "\"present\"", "\"PRESENT\"", "\"Present\"", "\"yes\"", "\"absent \"", "\" absent\"", "\"unknown\"", "1", "0",
            "\"pres\\u0065nt\"", "\"abs\\ent\"", "\"\\u0000\"", "-0", "00", "+1", "0x1E", "NaN", "Infinity", "-Infinity"};

    private static final String[] HUGE_NUMBERS = {
            "87600", "87601", "3650", "3651", "2147483647", "2147483648", "-2147483648", "4294967296",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1E+2",
            "1e-400", "123456789012345678901234567890", "0.0000000000000000000000001", "-0", "-0.0", "1.0e1"};

    private static final String[] NEAR_MISS_KEYS = {
            "hourssinceonset", "HoursSinceOnset", "hoursSinceOnset ", " hoursSinceOnset", "hours_since_onset", "",
            " ", "\\t", "findings2", "Findings", "selfCareDay", "muscle_spasm", "MUSCLE_SPASM ", "MUSCLE-SPASM",
            "MUSCLE_SPAS\\u004d", "\\u0000", "__proto__", "constructor", "IMPROVING\\u0000", "ⅯUSCLE_SPASM",
            "contentVersion", "disposition"};

    private static final String[] EXTENSIONS = {
            "// comment\n", "/* c */", "'hoursSinceOnset'", ",", "NaN", "#", "\u00a0", "\u2028"};

    private final long seed;
    private final RandomIntakes intakes;

    private MalformedIntakes(long seed) {
        this.seed = seed;
        this.intakes = RandomIntakes.seeded(seed, Thresholds.defaults());
    }

    public static MalformedIntakes seeded(long seed) {
        return new MalformedIntakes(seed);
    }

    public long seed() {
        return seed;
    }

    /** Documents 0 to {@code count − 1}. */
    public Stream<Document> stream(long count) {
        return LongStream.range(0, count).mapToObj(this::get);
    }

    /** Document number {@code index} of this seed. */
    public Document get(long index) {
        SplittableRandom r = new SplittableRandom(RandomIntakes.mix(~seed, index));
        String kind = KINDS[r.nextInt(KINDS.length)];
        Json doc = Json.of(intakes.get(index), r);
        byte[] bytes = switch (kind) {
            case "valid" -> doc.bytes();
            case "valid-variant" -> validVariant(doc, r);
            case "truncated" -> truncate(doc.bytes(), r);
            case "byte-flip" -> flip(doc.bytes(), r);
            case "byte-insert" -> insert(doc.bytes(), r);
            case "byte-delete" -> delete(doc.bytes(), r);
            case "wrong-type" -> doc.replaceValue(r, pick(r, WRONG_VALUES)).bytes();
            case "huge-number" -> doc.replaceQuantity(r, pick(r, HUGE_NUMBERS)).bytes();
            case "deep-nesting" -> deep(doc, r);
            case "unknown-key" -> doc.addKey(r, pick(r, NEAR_MISS_KEYS), r.nextBoolean() ? "1" : "\"present\"").bytes();
            case "duplicate-key" -> doc.duplicateKey(r).bytes();
            case "invalid-utf8" -> invalidUtf8(doc.bytes(), r);
            case "other-encoding" -> otherEncoding(doc.text(), r);
            case "empty" -> pick(r, new String[]{"", " ", "\n\t ", "\uFEFF", "null", "[]", "\"\"", "0", "true", "{", "}",
                    "[{}]", "\"{}\""}).getBytes(StandardCharsets.UTF_8);
            case "json-extension" -> insertText(doc.text(), r, pick(r, EXTENSIONS));
            case "control-char" -> insertText(doc.text(), r, String.valueOf((char) r.nextInt(0x20)));
            case "oversize" -> oversize(doc, r);
            default -> throw new IllegalStateException(kind);
        };
        return new Document(kind, bytes);
    }

    private static byte[] validVariant(Json doc, SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> doc.escapeSomething(r).bytes();
            case 1 -> ("\uFEFF" + doc.text()).getBytes(StandardCharsets.UTF_8);
            case 2 -> (" \r\n\t" + doc.text() + "\n\t ").getBytes(StandardCharsets.UTF_8);
            default -> doc.addKey(r, pick(r, Finding.values()).name(), "\"unknown\"").bytes();
        };
    }

    private static byte[] truncate(byte[] b, SplittableRandom r) {
        return Arrays.copyOf(b, r.nextInt(b.length));
    }

    private static byte[] flip(byte[] b, SplittableRandom r) {
        byte[] out = b.clone();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    private static byte[] insert(byte[] b, SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = r.nextInt(b.length + 1);
        out.write(b, 0, at);
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            out.write(r.nextInt(256));
        }
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] b, SplittableRandom r) {
        int at = r.nextInt(b.length);
        int n = 1 + r.nextInt(Math.min(8, b.length - at));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.write(b, at + n, b.length - at - n);
        return out.toByteArray();
    }

    private static byte[] deep(Json doc, SplittableRandom r) {
        int depth = 2 + r.nextInt(r.nextBoolean() ? 40 : 20_000);
        boolean arrays = r.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + (r.nextInt(4) == 0 ? "" : close.repeat(depth));
        return r.nextBoolean() ? nested.getBytes(StandardCharsets.UTF_8) : doc.replaceValue(r, nested).bytes();
    }

    /** Malformed sequences, and overlong or surrogate forms a lenient decoder turns into ordinary characters. */
    private static final int[][] BAD_UTF8 = {
            {0x80}, {0xBF}, {0xC0, 0x80}, {0xC1, 0x81}, {0xC1, 0xA5}, {0xE0, 0x81, 0x81}, {0xE0, 0x80, 0xA2},
            {0xF0, 0x80, 0x81, 0x81}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5},
            {0xFE}, {0xFF}, {0xC3}, {0xE2, 0x82}, {0xF0, 0x9F, 0x98}, {0xC3, 0x28}};

    private static byte[] invalidUtf8(byte[] b, SplittableRandom r) {
        int[] bad = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
        // Often inside a name or a state, where a lenient decoder would quietly make it a letter.
        int at = r.nextInt(3) == 0 ? r.nextInt(b.length + 1) : insideString(b, r);
        boolean replace = r.nextBoolean() && at < b.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        for (int x : bad) {
            out.write(x);
        }
        int skip = replace ? 1 : 0;
        out.write(b, at + skip, b.length - at - skip);
        return out.toByteArray();
    }

    private static int insideString(byte[] b, SplittableRandom r) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            if (Character.isLetter(b[i])) {
                letters.add(i);
            }
        }
        return letters.isEmpty() ? r.nextInt(b.length + 1) : letters.get(r.nextInt(letters.size()));
    }

    private static byte[] otherEncoding(String text, SplittableRandom r) {
        String[] names = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE", "UTF-16"};
        Charset cs = Charset.forName(names[r.nextInt(names.length)]);
        String body = r.nextBoolean() ? "\uFEFF" + text : text;
        return body.getBytes(cs);
    }

    private static byte[] insertText(String text, SplittableRandom r, String what) {
        int at = r.nextInt(text.length() + 1);
        return (text.substring(0, at) + what + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oversize(Json doc, SplittableRandom r) {
        int n = 60 * 1024 + r.nextInt(10 * 1024);
        return r.nextBoolean()
                ? (doc.text() + " ".repeat(n)).getBytes(StandardCharsets.UTF_8)
                : doc.addKey(r, "x".repeat(n), "1").bytes();
    }

    private static <T> T pick(SplittableRandom r, T[] from) {
        return from[r.nextInt(from.length)];
    }

    /**
     * An intake as JSON text with its raw value tokens, so that a value can be swapped for any
     * text, valid or not, before rendering.
     */
    private record Json(List<Map.Entry<String, String>> top, List<Map.Entry<String, String>> findings, boolean pretty) {

        static Json of(Intake intake, SplittableRandom r) {
            List<Map.Entry<String, String>> top = new ArrayList<>();
            List<Map.Entry<String, String>> findings = new ArrayList<>();
            intake.hoursSinceOnset().ifPresent(h -> top.add(Map.entry("hoursSinceOnset", Integer.toString(h))));
            intake.selfCareDays().ifPresent(d -> top.add(Map.entry("selfCareDays", Integer.toString(d))));
            intake.findings().forEach((f, s) -> findings.add(Map.entry(f.name(), "\"" + s.json() + "\"")));
            Collections.shuffle(top, new Random(r.nextLong()));
            return new Json(top, findings, r.nextBoolean());
        }

        Json replaceValue(SplittableRandom r, String raw) {
            if (!findings.isEmpty() && (top.isEmpty() || r.nextBoolean())) {
                List<Map.Entry<String, String>> f = new ArrayList<>(findings);
                int i = r.nextInt(f.size());
                f.set(i, Map.entry(f.get(i).getKey(), raw));
                return new Json(top, f, pretty);
            }
            return replaceQuantity(r, raw);
        }

        Json replaceQuantity(SplittableRandom r, String raw) {
            List<Map.Entry<String, String>> t = new ArrayList<>(top);
            String field = r.nextBoolean() ? "hoursSinceOnset" : "selfCareDays";
            t.removeIf(e -> e.getKey().equals(field));
            t.add(Map.entry(field, raw));
            return new Json(t, findings, pretty);
        }

        Json addKey(SplittableRandom r, String key, String raw) {
            if (r.nextBoolean()) {
                List<Map.Entry<String, String>> t = new ArrayList<>(top);
                t.add(r.nextInt(t.size() + 1), Map.entry(key, raw));
                return new Json(t, findings, pretty);
            }
            List<Map.Entry<String, String>> f = new ArrayList<>(findings);
            f.removeIf(e -> e.getKey().equals(key));
            f.add(r.nextInt(f.size() + 1), Map.entry(key, raw));
            return new Json(top, f, pretty);
        }

        Json duplicateKey(SplittableRandom r) {
            if (!findings.isEmpty() && r.nextBoolean()) {
                List<Map.Entry<String, String>> f = new ArrayList<>(findings);
                Map.Entry<String, String> e = f.get(r.nextInt(f.size()));
                f.add(Map.entry(e.getKey(), r.nextBoolean() ? e.getValue() : "\"absent\""));
                return new Json(top, f, pretty);
            }
            List<Map.Entry<String, String>> t = new ArrayList<>(top);
            t.add(Map.entry(r.nextBoolean() ? "hoursSinceOnset" : "selfCareDays", "1"));
            t.add(Map.entry(t.get(t.size() - 1).getKey(), "2"));
            return new Json(t, findings, pretty);
        }

        /** A valid change: one letter of a finding name or state written as a \\u escape. */
        Json escapeSomething(SplittableRandom r) {
            if (findings.isEmpty()) {
                return this;
            }
            List<Map.Entry<String, String>> f = new ArrayList<>(findings);
            int i = r.nextInt(f.size());
            String key = f.get(i).getKey();
            int at = r.nextInt(key.length());
            String escaped = key.substring(0, at) + String.format("\\u%04x", (int) key.charAt(at)) + key.substring(at + 1);
            f.set(i, Map.entry(escaped, f.get(i).getValue()));
            return new Json(top, f, pretty);
        }

        String text() {
            String nl = pretty ? "\n" : "";
            String ind = pretty ? "  " : "";
            StringBuilder s = new StringBuilder("{").append(nl);
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, String> e : top) {
                parts.add(ind + "\"" + e.getKey() + "\":" + (pretty ? " " : "") + e.getValue());
            }
            if (!findings.isEmpty() || pretty) {
                StringBuilder f = new StringBuilder(ind + "\"findings\":" + (pretty ? " " : "") + "{" + nl);
                List<String> fs = new ArrayList<>();
                for (Map.Entry<String, String> e : findings) {
                    fs.add(ind + ind + "\"" + e.getKey() + "\":" + (pretty ? " " : "") + e.getValue());
                }
                f.append(String.join("," + nl, fs)).append(nl).append(ind).append("}");
                parts.add(f.toString());
            }
            s.append(String.join("," + nl, parts)).append(nl).append("}");
            return s.toString();
        }

        byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }
    }
}
