package org.dorsal.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.dorsal.Assessment;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;

/** {@link Oracle#difference}: decisions first (what the rules chose), then what they say. */
final class Differences {
    private Differences() {
    }

    static Optional<String> first(Assessment expected, Assessment actual) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        String decisions = decisions(expected, actual);
        if (decisions != null) {
            return Optional.of(decisions);
        }
        // Same rules, same order: compare item by item.
        for (int i = 0; i < expected.redFlags().size(); i++) {
            RedFlag e = expected.redFlags().get(i);
            RedFlag a = actual.redFlags().get(i);
            String d = field(e.id() + " reason", e.reason(), a.reason());
            d = d != null ? d : field(e.id() + " source", e.source(), a.source());
            d = d != null ? d : field(e.id() + " evidence", e.evidence(), a.evidence());
            if (d != null) {
                return Optional.of("red flag " + d);
            }
        }
        for (int i = 0; i < expected.recommendations().size(); i++) {
            Recommendation e = expected.recommendations().get(i);
            Recommendation a = actual.recommendations().get(i);
            String d = field(e.id() + " kind", e.kind(), a.kind());
            d = d != null ? d : field(e.id() + " disposition", e.disposition(), a.disposition());
            d = d != null ? d : field(e.id() + " evidence", e.evidence(), a.evidence());
            d = d != null ? d : field(e.id() + " dose", e.dose(), a.dose());
            d = d != null ? d : field(e.id() + " source", e.source(), a.source());
            d = d != null ? d : field(e.id() + " text", e.text(), a.text());
            if (d != null) {
                return Optional.of(d);
            }
        }
        for (int i = 0; i < expected.questions().size(); i++) {
            Question e = expected.questions().get(i);
            String d = field("question " + e.subject().key() + " text", e.text(), actual.questions().get(i).text());
            d = d != null ? d : field("question " + e.subject().key() + " help", e.help(), actual.questions().get(i).help());
            if (d != null) {
                return Optional.of(d);
            }
        }
        String d = field("contentVersion", expected.contentVersion(), actual.contentVersion());
        return Optional.of(d != null ? d : "assessment " + actual + ", expected " + expected);
    }

    /** The first difference in what the rules decided, or null when they decided alike. */
    private static String decisions(Assessment expected, Assessment actual) {
        String d = field("disposition", expected.disposition(), actual.disposition());
        d = d != null ? d : field("red flags", list(expected.redFlags(), r -> r.id() + " " + r.disposition()),
                list(actual.redFlags(), r -> r.id() + " " + r.disposition()));
        if (d != null) {
            return d;
        }
        List<String> e = list(expected.recommendations(), Recommendation::id);
        List<String> a = list(actual.recommendations(), Recommendation::id);
        if (!e.equals(a)) {
            return "recommendations " + a + ", expected " + e + " (missing " + minus(e, a) + ", extra " + minus(a, e) + ")";
        }
        d = field("provisional", expected.provisional(), actual.provisional());
        return d != null ? d : field("questions", list(expected.questions(), Differences::question),
                list(actual.questions(), Differences::question));
    }

    private static String question(Question q) {
        return q.subject().key() + (q.redFlag() ? " (red flag)" : "") + " → " + q.couldLeadTo();
    }

    private static String field(String what, Object expected, Object actual) {
        return Objects.equals(expected, actual) ? null : what + " " + actual + ", expected " + expected;
    }

    private static <T> List<String> list(List<T> items, Function<T, String> show) {
        return items.stream().map(show).toList();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }
}
