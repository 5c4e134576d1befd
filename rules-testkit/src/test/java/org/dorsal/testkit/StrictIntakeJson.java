package org.dorsal.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;

/**
 * The fuzz oracle: decides from the specification alone (§1, RFC 8259) whether a document is a
 * valid intake, with its own strict UTF-8 decoding and its own JSON parser, so that it shares no
 * code and no leniency with the reader under test.
 *
 * <p>Two limits of the reader are mirrored on purpose, because the specification leaves room for
 * them: a document over 64 KiB is refused (a valid intake is a few hundred bytes), and a UTF-8 byte
 * order mark at the start is ignored (RFC 8259 §8.1 lets a parser do so).
 */
final class StrictIntakeJson {
    static final int MAX_BYTES = 64 * 1024;
    /** Deeper than any intake can be; stops the oracle's own recursion on hostile nesting. */
    private static final int MAX_DEPTH = 64;

    private final String s;
    private int pos;
    private int depth;

    private StrictIntakeJson(String s) {
        this.s = s;
    }

    /** The intake {@code document} holds, or empty when it is not a valid intake. */
    static Optional<Intake> parse(byte[] document) {
        if (document.length > MAX_BYTES) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            StrictIntakeJson p = new StrictIntakeJson(text);
            p.ws();
            Object root = p.value();
            p.ws();
            if (p.pos != text.length()) {
                return Optional.empty();
            }
            return intake(root);
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    private static Optional<Intake> intake(Object root) {
        if (!(root instanceof Map<?, ?> top)) {
            return Optional.empty();
        }
        Intake.Builder b = Intake.builder();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            Object v = e.getValue();
            switch ((String) e.getKey()) {
                case "hoursSinceOnset" -> {
                    OptionalInt n = wholeNumber(v, Quantity.HOURS_SINCE_ONSET.max());
                    if (n.isEmpty()) {
                        return Optional.empty();
                    }
                    b.hoursSinceOnset(n.getAsInt());
                }
                case "selfCareDays" -> {
                    OptionalInt n = wholeNumber(v, Quantity.SELF_CARE_DAYS.max());
                    if (n.isEmpty()) {
                        return Optional.empty();
                    }
                    b.selfCareDays(n.getAsInt());
                }
                case "findings" -> {
                    if (!(v instanceof Map<?, ?> findings)) {
                        return Optional.empty();
                    }
                    for (Map.Entry<?, ?> f : findings.entrySet()) {
                        Finding finding = finding((String) f.getKey());
                        State state = f.getValue() instanceof String str ? state(str) : null;
                        if (finding == null || state == null) {
                            return Optional.empty();
                        }
                        b.answer(finding, state);
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(b.build());
    }

    /** A number token with neither fraction nor exponent, within 0..max ("-0" is zero). */
    private static OptionalInt wholeNumber(Object v, int max) {
        if (!(v instanceof Num n) || n.text.contains(".") || n.text.contains("e") || n.text.contains("E")) {
            return OptionalInt.empty();
        }
        String digits = n.text.startsWith("-") ? n.text.substring(1) : n.text;
        if (n.text.startsWith("-") && !digits.equals("0")) {
            return OptionalInt.empty();
        }
        if (digits.length() > 6) {
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(digits);
        return value <= max ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private static Finding finding(String name) {
        for (Finding f : Finding.values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static State state(String name) {
        return switch (name) {
            case "present" -> State.PRESENT;
            case "absent" -> State.ABSENT;
            case "unknown" -> State.UNKNOWN;
            default -> null;
        };
    }

    private record Num(String text) {
    }

    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private Object value() {
        if (pos >= s.length()) {
            throw new Invalid();
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", "null-literal");
            default -> number();
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        ws();
        if (peek() == '}') {
            pos++;
            depth--;
            return out;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw new Invalid();
            }
            String key = string();
            if (!keys.add(key)) {
                throw new Invalid();
            }
            ws();
            expect(':');
            ws();
            out.put(key, value());
            ws();
            char c = next();
            if (c == '}') {
                depth--;
                return out;
            }
            if (c != ',') {
                throw new Invalid();
            }
        }
    }

    private Object array() {
        enter();
        pos++;
        ws();
        if (peek() == ']') {
            pos++;
            depth--;
            return new Object[0];
        }
        while (true) {
            ws();
            value();
            ws();
            char c = next();
            if (c == ']') {
                depth--;
                return new Object[0];
            }
            if (c != ',') {
                throw new Invalid();
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new Invalid();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw new Invalid();
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(pos++), 16);
                        if (d < 0) {
                            throw new Invalid();
                        }
                        code = code * 16 + d;
                    }
                    out.append((char) code);
                }
                default -> throw new Invalid();
            }
        }
    }

    private Num number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        } else {
            throw new Invalid();
        }
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        return new Num(s.substring(start, pos));
    }

    private void digits() {
        if (!(peek() >= '0' && peek() <= '9')) {
            throw new Invalid();
        }
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, pos)) {
            throw new Invalid();
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new Invalid();
        }
    }

    private void ws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= s.length()) {
            throw new Invalid();
        }
        return s.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw new Invalid();
        }
    }
}
