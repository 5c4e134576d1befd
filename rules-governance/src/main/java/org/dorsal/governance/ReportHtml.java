package org.dorsal.governance;

import static org.dorsal.governance.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SortedSet;
import org.dorsal.Disposition;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.State;

/**
 * The report as one HTML page for clinicians and content reviewers. Everything is inline (CSS,
 * SVG), and a Content-Security-Policy forbids the page to fetch anything at all, so it reads the
 * same from a file, a mail attachment or an archive, with no network.
 */
final class ReportHtml {
    private static final String CSS = """
            :root { color-scheme: light; }
            body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: #1b1f24; background: #fff; max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
            h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; border-bottom: 1px solid #d0d5dd; padding-bottom: .2rem; }
            h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
            h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
            p.sub { color: #475467; margin: 0 0 1rem; }
            .notice { border: 1px solid #d0d5dd; background: #f8f9fb; padding: .6rem .9rem; border-radius: 6px; }
            .banner { padding: .8rem 1rem; border-radius: 6px; margin: 1rem 0; border: 2px solid; }
            .banner h2 { border: 0; margin: 0 0 .3rem; padding: 0; font-size: 1.2rem; }
            .banner.alert { background: #fef3f2; border-color: #b42318; color: #7a271a; }
            .banner.ok { background: #ecfdf3; border-color: #067647; color: #054f31; }
            .banner ul { margin: .3rem 0 0; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
            caption { text-align: left; font-weight: 600; padding-bottom: .3rem; caption-side: top; }
            th, td { border: 1px solid #d0d5dd; padding: .3rem .55rem; text-align: left; vertical-align: top; }
            th { background: #f2f4f7; }
            td.num { text-align: right; white-space: nowrap; }
            td.down { background: #fde2e1; color: #7a271a; font-weight: 700; }
            td.same { background: #f8f9fb; }
            th code, td.key code { white-space: nowrap; }
            tr.changed th, tr.changed td { font-weight: 700; }
            code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .92em; }
            figure { margin: .5rem 0 1.2rem; }
            figcaption { color: #475467; font-size: .92rem; max-width: 48rem; }
            svg { max-width: 100%; height: auto; display: block; }
            svg text { font-family: inherit; font-size: 13px; fill: #1b1f24; }
            svg text.axis { font-weight: 600; fill: #475467; }
            svg text.label { font-weight: 600; }
            svg text.mono { font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; font-weight: 400; }
            svg text.count { font-size: 16px; font-weight: 700; }
            svg text.light { fill: #ffffff; }
            svg text.changed { font-weight: 700; fill: #1d4f91; }
            svg text.share, svg text.value, svg text.legend { font-size: 12px; }
            svg rect.cell { stroke: #98a2b3; stroke-width: 1; }
            svg rect.down { stroke: #7a271a; stroke-width: 3; }
            svg rect.before { fill: #98a2b3; }
            svg rect.after { fill: #1d4f91; }
            svg line.axis-line { stroke: #475467; }
            .example { border: 1px solid #d0d5dd; border-radius: 6px; padding: .4rem .9rem .6rem; margin: .8rem 0; }
            .example.downgrade { border-color: #b42318; border-width: 2px; }
            .cols { display: flex; flex-wrap: wrap; gap: 0 2rem; }
            .cols > div { flex: 1 1 22rem; }
            dl.answers { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .2rem 0; }
            dl.answers dt { font-weight: 600; }
            dl.answers dd { margin: 0; }
            ins { background: #d1fadf; text-decoration: none; padding: 0 .2em; }
            del { background: #fee4e2; padding: 0 .2em; }
            ul.ids { list-style: none; padding: 0; margin: 0; }
            .muted { color: #475467; }
            footer { margin-top: 2.5rem; color: #475467; font-size: .9rem; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; }
              .banner, td.down, svg, ins, del { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
              table, figure, .example, .banner { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    private final ImpactReport r;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private ReportHtml(ImpactReport r) {
        this.r = r;
    }

    static String write(ImpactReport r) {
        return new ReportHtml(r).page();
    }

    private String page() {
        String title = "Dorsal impact report: " + r.before().description() + " \u2192 " + r.after().description();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // The page may fetch nothing at all: a report read offline, or years later, reads the same.
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header();
        banner();
        summary();
        transitions();
        provisional();
        rules();
        kinds();
        configurations();
        howToRead();
        out.append("<footer><p>Made by Dorsal's content governance (<code>org.dorsal.governance.ImpactReport</code>);"
                + " the same numbers are in <code>impact.json</code> beside this page.</p></footer>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void header() {
        out.append("<header>\n<h1>Impact of a change to Dorsal's rules</h1>\n");
        out.append("<p class=\"sub\">From <strong>").append(escape(r.before().description())).append("</strong> to <strong>")
                .append(escape(r.after().description())).append("</strong>, over ")
                .append(escape(r.population())).append(".</p>\n");
        out.append("<p class=\"notice\" id=\"notice\"><strong>Clinical decision support content governance.</strong>"
                + " This page compares what two configurations of Dorsal's rules advise for the same intakes,"
                + " before the change reaches patients. It holds no patient data: the intakes are synthetic, or"
                + " the host's own, and appear only as answers to Dorsal's questions, with no name, date or"
                + " identifier.</p>\n</header>\n");
    }

    private void banner() {
        List<ImpactReport.Downgrade> downgrades = r.downgrades();
        if (downgrades.isEmpty()) {
            out.append("<section class=\"banner ok\" id=\"downgrades\" aria-labelledby=\"downgrades-h\">\n")
                    .append("<h2 id=\"downgrades-h\">No downgrades</h2>\n")
                    .append("<p>No intake is sent to less urgent care by the new configuration.</p>\n</section>\n");
            return;
        }
        out.append("<section class=\"banner alert\" id=\"downgrades\" aria-labelledby=\"downgrades-h\">\n")
                .append("<h2 id=\"downgrades-h\">Downgrades: read these first</h2>\n<p><strong>")
                .append(Format.count(r.downgraded())).append(" of ").append(Format.count(r.intakes(), "intake", "intakes"))
                .append(" (").append(Format.percent(r.share(r.downgraded())))
                .append(")</strong> are sent to less urgent care by the new configuration:</p>\n<ul>\n");
        for (ImpactReport.Downgrade d : downgrades) {
            String anchor = anchor(Comparison.dispositionKind(d.from(), d.to()));
            out.append("<li><a href=\"#").append(anchor).append("\">").append(d.from()).append(" \u2192 ").append(d.to())
                    .append("</a>: ").append(Format.count(d.count(), "intake", "intakes")).append(" (")
                    .append(Format.percent(r.share(d.count()))).append(")</li>\n");
        }
        out.append("</ul>\n<p>The configuration in use sends each of these intakes to more urgent care. Read the")
                .append(" examples below and find the reason for each in the content changelog before approving.</p>\n")
                .append("</section>\n");
    }

    private void summary() {
        out.append("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">In short</h2>\n<ul>\n");
        out.append("<li>").append(Format.count(r.intakes(), "intake", "intakes")).append(" assessed by both configurations.");
        if (r.badLines() > 0) {
            out.append(" <strong>").append(Format.count(r.badLines(), "input line", "input lines"))
                    .append(" could not be read</strong> and not counted.");
        } else {
            out.append(" No input line was refused.");
        }
        out.append("</li>\n<li>Both say exactly the same (disposition, provisional, every rule) for ")
                .append(Format.count(r.agreements())).append(" (").append(Format.percent(r.share(r.agreements())))
                .append("); ").append(Format.count(r.changed())).append(" (").append(Format.percent(r.share(r.changed())))
                .append(") differ in some way.</li>\n");
        long moved = 0;
        long upgraded = 0;
        for (Disposition from : ImpactReport.ORDER) {
            for (Disposition to : ImpactReport.ORDER) {
                if (from != to) {
                    moved += r.transitions(from, to);
                    if (to.isMoreUrgentThan(from)) {
                        upgraded += r.transitions(from, to);
                    }
                }
            }
        }
        if (moved == 0) {
            out.append("<li>No intake changes disposition.</li>\n");
        } else {
            out.append("<li>The disposition changes for ").append(Format.count(moved, "intake", "intakes")).append(": ")
                    .append(Format.count(r.downgraded())).append(" sent to less urgent care, ")
                    .append(Format.count(upgraded)).append(" to more urgent care.</li>\n");
        }
        out.append("<li>").append(Format.count(r.provisional(true, false), "intake is", "intakes are"))
                .append(" no longer provisional, and ").append(Format.count(r.provisional(false, true), "becomes", "become"))
                .append(" provisional.</li>\n");
        List<ImpactReport.RuleRate> changedRules = r.rules().stream().filter(x -> x.firesBefore() != x.firesAfter()).toList();
        if (changedRules.isEmpty()) {
            out.append("<li>Every rule fires on exactly as many intakes as before.</li>\n");
        } else {
            ImpactReport.RuleRate top = changedRules.get(0);
            out.append("<li>").append(Format.count(changedRules.size(), "rule fires", "rules fire"))
                    .append(" on a different number of intakes; the largest change is <code>")
                    .append(escape(top.id())).append("</code>, from ").append(Format.percent(top.rateBefore())).append(" to ")
                    .append(Format.percent(top.rateAfter())).append(" of intakes.</li>\n");
        }
        out.append("</ul>\n</section>\n");
    }

    private void configurations() {
        out.append("<section id=\"configurations\" aria-labelledby=\"configurations-h\">\n")
                .append("<h2 id=\"configurations-h\">Configurations and totals</h2>\n<div class=\"cols\">\n<div>\n<table id=\"configurations-table\">\n")
                .append("<caption>The two configurations: the one in use (before) and the candidate (after)</caption>\n")
                .append("<thead><tr><th scope=\"col\"></th><th scope=\"col\">before</th><th scope=\"col\">after</th></tr></thead>\n<tbody>\n");
        row("content version", r.before().contentVersion(), r.after().contentVersion());
        row("spasm referral after (days)", String.valueOf(r.before().thresholds().spasmReferralDays()),
                String.valueOf(r.after().thresholds().spasmReferralDays()));
        row("stiffness referral after (self-care days)", String.valueOf(r.before().thresholds().stiffnessReferralDays()),
                String.valueOf(r.after().thresholds().stiffnessReferralDays()));
        out.append("</tbody>\n</table>\n</div>\n<div>\n<table id=\"totals-table\">\n<caption>The population and the totals</caption>\n<tbody>\n");
        out.append("<tr><th scope=\"row\">population</th><td>").append(escape(r.population())).append("</td></tr>\n");
        total("intakes", Format.count(r.intakes()));
        total("bad lines (refused)", Format.count(r.badLines()));
        total("agree on everything", Format.count(r.agreements()));
        total("any change", Format.count(r.changed()));
        total("downgrades", Format.count(r.downgraded()));
        out.append("</tbody>\n</table>\n</div>\n</div>\n</section>\n");
    }

    private void row(String what, String before, String after) {
        out.append("<tr><th scope=\"row\">").append(escape(what)).append("</th><td>").append(escape(before))
                .append("</td><td>").append(escape(after)).append("</td></tr>\n");
    }

    private void total(String what, String escapedValue) {
        out.append("<tr><th scope=\"row\">").append(escape(what)).append("</th><td class=\"num\">").append(escapedValue)
                .append("</td></tr>\n");
    }

    private void transitions() {
        out.append("<section id=\"transitions\" aria-labelledby=\"transitions-h\">\n")
                .append("<h2 id=\"transitions-h\">Dispositions before and after</h2>\n")
                .append("<p>Each row is what the configuration in use says, each column what the candidate says."
                        + " The diagonal is unchanged. A cell to the right of the diagonal is a <strong>downgrade</strong>:"
                        + " the person is sent to less urgent care than before. A cell to the left is an upgrade.</p>\n")
                .append("<figure>\n").append(Charts.transitionHeatMap(r))
                .append("<figcaption>Transition matrix as a heat map; darker means more intakes (log scale);"
                        + " red cells marked \u25bc are downgrades.</figcaption>\n</figure>\n")
                .append("<table id=\"transition-matrix\">\n<caption>Transition matrix: intakes by disposition before (rows)"
                        + " and after (columns), with their share of all intakes</caption>\n<thead><tr><th scope=\"col\">before \\ after</th>");
        for (Disposition to : ImpactReport.ORDER) {
            out.append("<th scope=\"col\">").append(to).append("</th>");
        }
        out.append("<th scope=\"col\">total before</th></tr></thead>\n<tbody>\n");
        for (Disposition from : ImpactReport.ORDER) {
            out.append("<tr><th scope=\"row\">").append(from).append("</th>");
            long rowTotal = 0;
            for (Disposition to : ImpactReport.ORDER) {
                long n = r.transitions(from, to);
                rowTotal += n;
                String cls = from.isMoreUrgentThan(to) && n > 0 ? "num down" : from == to ? "num same" : "num";
                out.append("<td class=\"").append(cls).append("\">").append(Format.count(n)).append("<br><span class=\"muted\">")
                        .append(escape(Format.percent(r.share(n)))).append("</span></td>");
            }
            out.append("<td class=\"num\">").append(Format.count(rowTotal)).append("</td></tr>\n");
        }
        out.append("<tr><th scope=\"row\">total after</th>");
        for (Disposition to : ImpactReport.ORDER) {
            long colTotal = 0;
            for (Disposition from : ImpactReport.ORDER) {
                colTotal += r.transitions(from, to);
            }
            out.append("<td class=\"num\">").append(Format.count(colTotal)).append("</td>");
        }
        out.append("<td class=\"num\">").append(Format.count(r.intakes())).append("</td></tr>\n</tbody>\n</table>\n");
        out.append("<p class=\"muted\">");
        for (Disposition d : ImpactReport.ORDER) {
            out.append("<strong>").append(d).append("</strong>: ").append(escape(d.text())).append(". ");
        }
        out.append("</p>\n</section>\n");
    }

    private void provisional() {
        out.append("<section id=\"provisional\" aria-labelledby=\"provisional-h\">\n")
                .append("<h2 id=\"provisional-h\">Provisional assessments</h2>\n")
                .append("<p>An assessment is <em>provisional</em> while a red-flag question that could still matter is"
                        + " unanswered: its disposition is then a floor, not a verdict. An intake that stops being"
                        + " provisional is one where the candidate considers every open red-flag question moot.</p>\n")
                .append("<table id=\"provisional-table\">\n<caption>Intakes by provisional before (rows) and after (columns)</caption>\n")
                .append("<thead><tr><th scope=\"col\">before \\ after</th><th scope=\"col\">provisional</th>"
                        + "<th scope=\"col\">final</th></tr></thead>\n<tbody>\n");
        provisionalRow("provisional", true);
        provisionalRow("final", false);
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void provisionalRow(String label, boolean before) {
        out.append("<tr><th scope=\"row\">").append(label).append("</th>");
        for (boolean after : new boolean[] {true, false}) {
            long n = r.provisional(before, after);
            out.append("<td class=\"num").append(before == after ? " same" : "").append("\">").append(Format.count(n))
                    .append(" <span class=\"muted\">(").append(escape(Format.percent(r.share(n)))).append(")</span></td>");
        }
        out.append("</tr>\n");
    }

    private void rules() {
        out.append("<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">How often each rule fires</h2>\n")
                .append("<p>The share of intakes whose assessment holds each rule ID (a red flag or a recommendation),"
                        + " before and after, the largest change first.</p>\n<figure>\n").append(Charts.fireRateBars(r))
                .append("<figcaption>Fire rate per rule ID: grey before, blue after.</figcaption>\n</figure>\n")
                .append("<table id=\"fire-rates\">\n<caption>Fire rate of each rule ID before and after, as a share of"
                        + " intakes, largest change first; the change is in percentage points</caption>\n<thead><tr><th scope=\"col\">rule ID</th><th scope=\"col\">rule</th>"
                        + "<th scope=\"col\">intakes before</th><th scope=\"col\">rate before</th>"
                        + "<th scope=\"col\">intakes after</th><th scope=\"col\">rate after</th>"
                        + "<th scope=\"col\">change, points</th></tr></thead>\n<tbody>\n");
        for (ImpactReport.RuleRate rule : r.rules()) {
            out.append(rule.firesBefore() != rule.firesAfter() ? "<tr class=\"changed\">" : "<tr>")
                    .append("<th scope=\"row\"><code>").append(escape(rule.id())).append("</code></th><td>")
                    .append(rule.name() == null ? "<span class=\"muted\">(name not given)</span>" : escape(rule.name()))
                    .append("</td><td class=\"num\">").append(Format.count(rule.firesBefore()))
                    .append("</td><td class=\"num\">").append(escape(Format.percent(rule.rateBefore())))
                    .append("</td><td class=\"num\">").append(Format.count(rule.firesAfter()))
                    .append("</td><td class=\"num\">").append(escape(Format.percent(rule.rateAfter())))
                    .append("</td><td class=\"num\">").append(escape(Format.points(rule.delta()))).append("</td></tr>\n");
        }
        if (r.rules().isEmpty()) {
            out.append("<tr><td colspan=\"7\">No rule fired on any intake.</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void kinds() {
        out.append("<section id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">Kinds of change, with examples</h2>\n");
        if (r.kinds().isEmpty()) {
            out.append("<p>None: both configurations say exactly the same for every intake.</p>\n</section>\n");
            return;
        }
        out.append("<p>One intake can show several kinds of change. Downgrades come first. Each example was"
                        + " shrunk: answers were taken away, and numbers moved toward the thresholds, for as long as"
                        + " the change still showed. What is left is what the change depends on.</p>\n")
                .append("<table id=\"kinds-table\">\n<caption>Kinds of change and how many intakes show each</caption>\n"
                        + "<thead><tr><th scope=\"col\">change</th><th scope=\"col\">key</th><th scope=\"col\">intakes</th>"
                        + "<th scope=\"col\">share</th></tr></thead>\n<tbody>\n");
        for (ImpactReport.KindSection k : r.kinds()) {
            out.append("<tr><td").append(k.kind().downgrade() ? " class=\"down\"" : "").append("><a href=\"#")
                    .append(anchor(k.kind().key())).append("\">").append(escape(k.plain())).append("</a></td><td class=\"key\"><code>")
                    .append(escape(k.kind().key())).append("</code></td><td class=\"num\">").append(Format.count(k.count()))
                    .append("</td><td class=\"num\">").append(escape(Format.percent(r.share(k.count())))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        for (ImpactReport.KindSection k : r.kinds()) {
            out.append("<section class=\"kind\" id=\"").append(anchor(k.kind().key())).append("\">\n<h3>")
                    .append(escape(k.plain())).append("</h3>\n<p class=\"muted\"><code>").append(escape(k.kind().key()))
                    .append("</code>: ").append(Format.count(k.count(), "intake", "intakes")).append(" (")
                    .append(escape(Format.percent(r.share(k.count())))).append(")</p>\n");
            int n = 0;
            for (ShrunkExample e : k.examples()) {
                example(++n, k, e);
            }
            if (k.examples().isEmpty()) {
                out.append("<p class=\"muted\">No example was kept for this kind.</p>\n");
            }
            out.append("</section>\n");
        }
        out.append("</section>\n");
    }

    private void example(int n, ImpactReport.KindSection k, ShrunkExample e) {
        out.append("<article class=\"example").append(k.kind().downgrade() ? " downgrade" : "").append("\">\n<h4>Example ")
                .append(n).append(" <span class=\"muted\">(intake ").append(e.key()).append(" of the population)</span></h4>\n");
        if (!e.reproduced()) {
            out.append("<p><strong>Assessed again, this intake did not show the change</strong> (the tally came from"
                    + " other engines than this report's), so it is shown as it came, unshrunk.</p>\n");
        }
        out.append("<div class=\"cols\">\n<div>\n<h5>What the change depends on (shrunk)</h5>\n");
        answers(e.shrunk());
        out.append("</div>\n<div>\n<h5>The intake as it came</h5>\n");
        answers(e.original());
        out.append("</div>\n</div>\n");
        Outcome before = e.comparison().before();
        Outcome after = e.comparison().after();
        out.append("<table class=\"outcome\">\n<caption>What each configuration says about the shrunk intake</caption>\n")
                .append("<thead><tr><th scope=\"col\"></th><th scope=\"col\">before (").append(escape(before.contentVersion()))
                .append(")</th><th scope=\"col\">after (").append(escape(after.contentVersion())).append(")</th></tr></thead>\n<tbody>\n")
                .append("<tr><th scope=\"row\">disposition</th><td>").append(before.disposition()).append("</td><td")
                .append(before.disposition().isMoreUrgentThan(after.disposition()) ? " class=\"down\"" : "").append(">")
                .append(after.disposition()).append("</td></tr>\n")
                .append("<tr><th scope=\"row\">provisional</th><td>").append(yesNo(before.provisional())).append("</td><td>")
                .append(yesNo(after.provisional())).append("</td></tr>\n")
                .append("<tr><th scope=\"row\">rule IDs</th><td>");
        ids(before.ruleIds(), after.ruleIds(), "del");
        out.append("</td><td>");
        ids(after.ruleIds(), before.ruleIds(), "ins");
        out.append("</td></tr>\n</tbody>\n</table>\n</article>\n");
    }

    /** The IDs of one side; those the other side lacks are marked (deleted before, inserted after). */
    private void ids(SortedSet<String> these, SortedSet<String> other, String mark) {
        if (these.isEmpty()) {
            out.append("<span class=\"muted\">none</span>");
            return;
        }
        out.append("<ul class=\"ids\">");
        for (String id : these) {
            out.append("<li><code>");
            if (other.contains(id)) {
                out.append(escape(id));
            } else {
                out.append('<').append(mark).append('>').append(escape(id)).append("</").append(mark).append('>');
            }
            out.append("</code></li>");
        }
        out.append("</ul>");
    }

    /** An intake as a reader takes it in: what was answered yes, what no, the numbers; nothing else. */
    private void answers(Intake intake) {
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        for (Finding f : Finding.values()) {
            if (intake.state(f) == State.PRESENT) {
                yes.add(plain(f));
            } else if (intake.state(f) == State.ABSENT) {
                no.add(plain(f));
            }
        }
        out.append("<dl class=\"answers\">\n");
        out.append("<dt>yes</dt><dd>").append(yes.isEmpty() ? "\u2014" : escape(String.join("; ", yes))).append("</dd>\n");
        out.append("<dt>no</dt><dd>").append(no.isEmpty() ? "\u2014" : escape(String.join("; ", no))).append("</dd>\n");
        out.append("<dt>since onset</dt><dd>").append(hours(intake.hoursSinceOnset())).append("</dd>\n");
        out.append("<dt>days of self-care</dt><dd>").append(intake.selfCareDays().isPresent()
                ? String.valueOf(intake.selfCareDays().getAsInt()) : "not given").append("</dd>\n");
        out.append("</dl>\n<p class=\"muted\">Every other question: not answered.</p>\n");
    }

    private static String hours(OptionalInt hours) {
        if (hours.isEmpty()) {
            return "not given";
        }
        int h = hours.getAsInt();
        if (h < 48) {
            return h + " hours";
        }
        String days = h % 24 == 0 ? String.valueOf(h / 24) : String.format(Locale.ROOT, "%.1f", h / 24.0);
        return h + " hours (" + days + " days)";
    }

    /** MUSCLE_SPASM → "muscle spasm": the finding's own name, read aloud. */
    private static String plain(Finding f) {
        return f.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String yesNo(boolean b) {
        return b ? "yes (a floor)" : "no (final)";
    }

    /** A fragment ID from a kind's key: letters, digits and dashes only, so it needs no escaping. */
    static String anchor(String kindKey) {
        return "kind-" + kindKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private void howToRead() {
        out.append("<section id=\"how-to-read\" aria-labelledby=\"how-to-read-h\">\n<h2 id=\"how-to-read-h\">How to read this report</h2>\n<ul>\n")
                .append("<li><strong>Before</strong> is the configuration in use; <strong>after</strong> the candidate."
                        + " A configuration is a content version with its two referral thresholds.</li>\n")
                .append("<li>A <strong>downgrade</strong> is an intake the candidate sends to less urgent care than the"
                        + " configuration in use does (say URGENT before, SELF_CARE after). Each needs a reason in the"
                        + " content changelog before the change is approved.</li>\n")
                .append("<li>A <strong>rule ID</strong> fires on an intake when the assessment holds it: a red flag, an"
                        + " escalation or a piece of advice. Its rate is the share of all intakes on which it fired.</li>\n")
                .append("<li><strong>Examples</strong> are the intakes with the smallest keys (line numbers, or indexes"
                        + " of a synthetic population) that show each kind of change, then shrunk. A shrunk intake is"
                        + " not a real person: it is the smallest set of answers that still shows the change.</li>\n")
                .append("<li>Intakes are shown as answers only. Findings not listed were not answered.</li>\n")
                .append("</ul>\n</section>\n");
    }
}
