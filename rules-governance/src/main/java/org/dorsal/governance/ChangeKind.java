package org.dorsal.governance;

import java.util.Comparator;
import java.util.Map;
import org.dorsal.Disposition;

/**
 * One kind of change, read back from its stable key (see {@link Comparison#kinds()}), so that the
 * report can order kinds by what matters to a patient and word them plainly.
 */
record ChangeKind(String key, Type type, Disposition from, Disposition to, String ruleId) {
    enum Type { DISPOSITION, PROVISIONAL, DROPS, ADDS, OTHER }

    /**
     * Downgrades first, the most urgent "from" first and from each the largest drop first; then
     * other disposition changes; then provisional changes; then rules dropped and added; within
     * each, the most frequent first.
     */
    static final Comparator<Map.Entry<ChangeKind, Long>> IMPORTANCE = Comparator
            .<Map.Entry<ChangeKind, Long>>comparingInt(e -> e.getKey().rank())
            .thenComparingInt(e -> e.getKey().from() == null ? 0 : e.getKey().from().ordinal())
            .thenComparingInt(e -> e.getKey().to() == null ? 0 : -e.getKey().to().ordinal())
            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().key());

    static ChangeKind parse(String key) {
        String[] words = key.split(" ");
        if (words.length == 4 && words[0].equals("disposition") && words[2].equals("->")) {
            try {
                return new ChangeKind(key, Type.DISPOSITION, Disposition.valueOf(words[1]), Disposition.valueOf(words[3]), null);
            } catch (IllegalArgumentException notADisposition) {
                return new ChangeKind(key, Type.OTHER, null, null, null);
            }
        }
        if (words.length == 4 && words[0].equals("provisional")) {
            return new ChangeKind(key, Type.PROVISIONAL, null, null, null);
        }
        if (words.length == 2 && words[0].equals("drops")) {
            return new ChangeKind(key, Type.DROPS, null, null, words[1]);
        }
        if (words.length == 2 && words[0].equals("adds")) {
            return new ChangeKind(key, Type.ADDS, null, null, words[1]);
        }
        return new ChangeKind(key, Type.OTHER, null, null, null);
    }

    /** True when the candidate sends the person to less urgent care. */
    boolean downgrade() {
        return type == Type.DISPOSITION && from.isMoreUrgentThan(to);
    }

    private int rank() {
        if (downgrade()) {
            return 0;
        }
        return switch (type) {
            case DISPOSITION -> 1;
            case PROVISIONAL -> 2;
            case DROPS -> 3;
            case ADDS -> 4;
            case OTHER -> 5;
        };
    }

    /** The kind in plain words, with the rule's name where the engines know it. */
    String plain(Map<String, String> ruleNames) {
        return switch (type) {
            case DISPOSITION -> (downgrade() ? "Sent to less urgent care: " : "Sent to more urgent care: ")
                    + from + " before, " + to + " after";
            case PROVISIONAL -> key.endsWith("true -> false")
                    ? "No longer provisional: the disposition is final after, where it was a floor before"
                    : "Now provisional: the disposition is a floor after, where it was final before";
            case DROPS -> "Drops from the assessment: " + ruleId + named(ruleNames);
            case ADDS -> "Added to the assessment: " + ruleId + named(ruleNames);
            case OTHER -> key;
        };
    }

    private String named(Map<String, String> ruleNames) {
        String name = ruleNames.get(ruleId);
        return name == null ? "" : " (" + name + ")";
    }
}
