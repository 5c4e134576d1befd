package org.dorsal.examples.cds;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Evidence;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;
import org.dorsal.fhir.DorsalFhir;

/**
 * CDS Hooks cards for an assessment: one for the disposition, one for the open questions while
 * provisional, which links to the web interview where the patient can answer them.
 */
final class Cards {
    static final int MAX_SUMMARY = 139;
    static final String INTERVIEW_LABEL = "Open the patient interview to answer the open questions";
    static final String OVERRIDE_SYSTEM = DorsalFhir.CANONICAL_BASE + "/CodeSystem/dorsal-override-reason";

    /** A card as CDS Hooks 2.0 defines it; empty fields are left out when written. */
    record Card(String uuid, String summary, String indicator, String detail, Source source,
                List<Coding> overrideReasons, List<Link> links) {
    }

    /** A CDS Hooks link; {@code absolute}: the EHR opens the URL as it is. */
    record Link(String label, String url, String type) {
    }

    record Source(String label, Coding topic) {
    }

    record Coding(String system, String code, String display) {
    }

    /** What a card was about, kept so that feedback on it can be recorded with it. */
    record Issued(String kind, Disposition disposition, boolean provisional, List<String> rules, String contentVersion) {
    }

    record IssuedCard(Card card, Issued about) {
    }

    private static final List<Coding> OVERRIDE_REASONS = List.of(
            new Coding(OVERRIDE_SYSTEM, "already-addressed", "Already addressed with the patient"),
            new Coding(OVERRIDE_SYSTEM, "clinical-judgement", "My clinical assessment differs"),
            new Coding(OVERRIDE_SYSTEM, "intake-outdated", "The intake no longer matches what the patient reports"),
            new Coding(OVERRIDE_SYSTEM, "patient-declined", "The patient declined"));

    private Cards() {
    }

    /**
     * The web interview at {@code base}: the service's own address with {@code /interview}, and
     * nothing else. The page starts empty and keeps the answers in the browser, so the link carries
     * no patient data, and none may be added to it: no query, no fragment, no user information.
     */
    static URI interview(URI base) {
        if (!base.isAbsolute() || base.getRawQuery() != null || base.getRawFragment() != null || base.getRawUserInfo() != null
                || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the service's base URL must be an absolute http(s) URL without"
                    + " query, fragment or user information, got " + base);
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "/interview");
    }

    /** The cards for {@code a}; the questions card links to {@code interview} (see {@link #interview}). */
    static List<IssuedCard> of(Assessment a, Supplier<UUID> uuids, URI interview) {
        Source source = new Source("Dorsal (content " + a.contentVersion() + ")",
                new Coding(DorsalFhir.DISPOSITION_SYSTEM, a.disposition().name(), null));
        List<String> rules = a.recommendations().stream().map(Recommendation::id).toList();
        List<IssuedCard> cards = new ArrayList<>(2);
        cards.add(new IssuedCard(
                new Card(uuids.get().toString(), dispositionSummary(a), indicator(a.disposition()),
                        dispositionDetail(a), source, OVERRIDE_REASONS, List.of()),
                new Issued("disposition", a.disposition(), a.provisional(), rules, a.contentVersion())));
        if (a.provisional()) {
            List<Question> redFlagQuestions = a.questions().stream().filter(Question::redFlag).toList();
            cards.add(new IssuedCard(
                    new Card(uuids.get().toString(), questionsSummary(redFlagQuestions, a.disposition()), "warning",
                            questionsDetail(a), source, OVERRIDE_REASONS,
                            List.of(new Link(INTERVIEW_LABEL, interview.toString(), "absolute"))),
                    new Issued("questions", a.disposition(), true,
                            redFlagQuestions.stream().map(q -> q.subject().key()).toList(), a.contentVersion())));
        }
        return cards;
    }

    static String indicator(Disposition d) {
        return switch (d) {
            case EMERGENCY -> "critical";
            case URGENT -> "warning";
            case ROUTINE, SELF_CARE -> "info";
        };
    }

    private static String dispositionSummary(Assessment a) {
        String what = "Neck/upper back pain: " + a.disposition().text();
        String flags = a.redFlags().stream().map(RedFlag::id).collect(Collectors.joining(", "));
        String s = flags.isEmpty() ? what : what + " (" + flags + ")";
        if (a.provisional()) {
            s += "; provisional";
        }
        return fit(s);
    }

    private static String questionsSummary(List<Question> open, Disposition floor) {
        return fit("Dorsal is provisional: " + open.size() + " red-flag question" + (open.size() == 1 ? "" : "s")
                + " unanswered" + (floor == Disposition.EMERGENCY ? "; more red flags may be present" : "; the disposition may rise"));
    }

    /** CDS Hooks wants summaries under 140 characters: cut at a word, mark the cut. */
    static String fit(String s) {
        if (s.length() <= MAX_SUMMARY) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_SUMMARY - 1);
        return s.substring(0, cut > 0 ? cut : MAX_SUMMARY - 1) + "…";
    }

    private static String dispositionDetail(Assessment a) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(a.disposition()).append("**: ").append(a.disposition().text()).append(".\n\n");
        if (a.provisional()) {
            md.append("_Provisional: red-flag questions are unanswered, so this disposition is a floor, not a verdict._\n\n");
        }
        if (!a.redFlags().isEmpty()) {
            md.append("**Red flags**\n\n");
            for (RedFlag f : a.redFlags()) {
                md.append("- `").append(f.id()).append("` (").append(f.disposition()).append("): ")
                        .append(escape(f.reason())).append(evidence(f.evidence())).append(" _Source: ")
                        .append(escape(f.source())).append("_\n");
            }
            md.append('\n');
        }
        md.append("**Advice**\n\n");
        for (Recommendation r : a.recommendations()) {
            md.append("- `").append(r.id()).append("` (").append(r.kind()).append("): ").append(escape(r.text()));
            if (r.dose() != null) {
                md.append(" **Dose:** ").append(escape(r.dose().toString())).append('.');
            }
            md.append(" _Source: ").append(escape(r.source())).append("_\n");
        }
        List<Question> others = a.questions().stream().filter(q -> !q.redFlag()).toList();
        if (!others.isEmpty()) {
            md.append("\n**Also worth asking**\n\n");
            others.forEach(q -> md.append(question(q)));
        }
        md.append("\nDecision support from Dorsal content ").append(a.contentVersion())
                .append(": it escalates and advises; it does not diagnose.");
        return md.toString();
    }

    private static String questionsDetail(Assessment a) {
        StringBuilder md = new StringBuilder("Until these are answered, Dorsal cannot rule out the red flags they ask about."
                + " Most severe first:\n\n");
        a.questions().stream().filter(Question::redFlag).forEach(q -> md.append(question(q)));
        return md.toString();
    }

    private static String question(Question q) {
        return "- `" + q.subject().key() + "`: " + escape(q.text()) + " (could lead to " + q.couldLeadTo() + ")"
                + (q.help() == null ? "" : " " + escape(q.help())) + "\n";
    }

    private static String evidence(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return "";
        }
        return " Based on: " + evidence.stream().map(e -> "`" + e.subject().key() + "` = " + e.value())
                .collect(Collectors.joining(", ")) + ".";
    }

    /** The catalogue's text is plain prose; keep markdown from reading its punctuation as markup. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1");
    }
}
