package org.dorsal.governance;

import static org.dorsal.governance.Html.escape;

import java.util.List;
import java.util.Locale;
import org.dorsal.Disposition;

/**
 * The report's two charts, as inline SVG written here: a chart library would be a script to load
 * (and so something fetched, or a large inline blob) for two simple pictures. Each chart has a
 * title and a description for screen readers, and the same numbers are in a table beside it.
 */
final class Charts {
    private static final int[] ZERO = {0xff, 0xff, 0xff};
    // Light and dark ends of each ramp; text is white on fills dark enough that black would fade.
    private static final int[][] SAME = {{0xf2, 0xf4, 0xf7}, {0x5b, 0x67, 0x76}};
    private static final int[][] DOWN = {{0xfd, 0xe2, 0xe1}, {0xa3, 0x1f, 0x14}};
    private static final int[][] UP = {{0xe0, 0xec, 0xfa}, {0x1d, 0x5f, 0xa8}};

    private Charts() {
    }

    /**
     * A heat map of the transition matrix: rows are the disposition before, columns after. The
     * diagonal is grey, downgrades (above it) red, upgrades (below it) blue; darker is more intakes,
     * on a log scale so that a handful of downgrades still shows beside tens of thousands unchanged.
     */
    static String transitionHeatMap(ImpactReport r) {
        List<Disposition> order = ImpactReport.ORDER;
        int label = 130;
        int top = 64;
        int cw = 120;
        int ch = 58;
        int width = label + cw * order.size() + 10;
        int height = top + ch * order.size() + 10;
        long max = 1;
        for (Disposition from : order) {
            for (Disposition to : order) {
                max = Math.max(max, r.transitions(from, to));
            }
        }
        StringBuilder svg = new StringBuilder();
        open(svg, "transition-chart", width, height, "Dispositions before and after",
                "Heat map of the transition matrix: rows are the disposition before, columns after;"
                        + " red cells above the diagonal are downgrades, blue cells below it are upgrades.");
        text(svg, label + cw * order.size() / 2.0, 18, "middle", "axis", "after (candidate) \u2192");
        text(svg, 8, top - 10, "start", "axis", "before \u2193");
        for (int j = 0; j < order.size(); j++) {
            text(svg, label + cw * j + cw / 2.0, top - 12, "middle", "label", order.get(j).name());
        }
        for (int i = 0; i < order.size(); i++) {
            Disposition from = order.get(i);
            text(svg, label - 10, top + ch * i + ch / 2.0 + 5, "end", "label", from.name());
            for (int j = 0; j < order.size(); j++) {
                Disposition to = order.get(j);
                long n = r.transitions(from, to);
                double t = n == 0 ? 0 : Math.log1p(n) / Math.log1p(max);
                int[] fill = n == 0 ? ZERO : mix(i == j ? SAME : i < j ? DOWN : UP, 0.15 + 0.85 * t);
                // Below 0.21 white text has more contrast than the page's dark ink, above it less.
                boolean dark = luminance(fill) < 0.21;
                int x = label + cw * j;
                int y = top + ch * i;
                svg.append("<rect class=\"cell").append(i < j && n > 0 ? " down" : "").append("\" x=\"").append(x)
                        .append("\" y=\"").append(y).append("\" width=\"").append(cw).append("\" height=\"").append(ch)
                        .append("\" fill=\"").append(hex(fill)).append("\"><title>")
                        .append(escape(from + " \u2192 " + to + ": " + n + " intakes")).append("</title></rect>\n");
                String ink = dark ? " light" : "";
                text(svg, x + cw / 2.0, y + 25, "middle", "count" + ink, (i < j && n > 0 ? "\u25bc " : "") + Format.count(n));
                text(svg, x + cw / 2.0, y + 44, "middle", "share" + ink, Format.percent(r.share(n)));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Bars of each rule ID's fire rate, before (grey) and after (dark blue), in the order of the
     * table beside it: the largest change first.
     */
    static String fireRateBars(ImpactReport r) {
        List<ImpactReport.RuleRate> rules = r.rules();
        // Rule IDs are set in a monospace font: about 8 px a character at 13 px.
        int label = 24 + 8 * rules.stream().mapToInt(x -> x.id().length()).max().orElse(10);
        int barWidth = 400;
        int top = 46;
        int row = 34;
        int width = label + barWidth + 230;
        int height = top + row * Math.max(1, rules.size()) + 10;
        StringBuilder svg = new StringBuilder();
        open(svg, "fire-rate-chart", width, height, "Fire rate of each rule ID, before and after",
                "For each rule ID, the share of intakes on which it fired before (grey bar) and after (blue bar),"
                        + " largest change first.");
        svg.append("<rect x=\"").append(label).append("\" y=\"8\" width=\"14\" height=\"10\" class=\"before\"/>\n");
        text(svg, label - 8, 33, "end", "legend", "bold: changed");
        text(svg, label + 20, 17, "start", "legend", "before: " + r.before().description());
        svg.append("<rect x=\"").append(label).append("\" y=\"24\" width=\"14\" height=\"10\" class=\"after\"/>\n");
        text(svg, label + 20, 33, "start", "legend", "after: " + r.after().description());
        if (rules.isEmpty()) {
            text(svg, label, top + 20, "start", "label", "No rule fired on any intake.");
            return svg.append("</svg>\n").toString();
        }
        double max = rules.stream().mapToDouble(x -> Math.max(x.rateBefore(), x.rateAfter())).max().orElse(0);
        double scale = max == 0 ? 0 : barWidth / max;
        for (int i = 0; i < rules.size(); i++) {
            ImpactReport.RuleRate rule = rules.get(i);
            int y = top + row * i;
            boolean changed = rule.firesBefore() != rule.firesAfter();
            text(svg, label - 8, y + 19, "end", changed ? "label mono changed" : "label mono", rule.id());
            svg.append("<rect x=\"").append(label).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(Format.svgNumber(rule.rateBefore() * scale)).append("\" height=\"12\" class=\"before\"><title>")
                    .append(escape(rule.id() + " before: " + Format.percent(rule.rateBefore()))).append("</title></rect>\n");
            svg.append("<rect x=\"").append(label).append("\" y=\"").append(y + 17).append("\" width=\"")
                    .append(Format.svgNumber(rule.rateAfter() * scale)).append("\" height=\"12\" class=\"after\"><title>")
                    .append(escape(rule.id() + " after: " + Format.percent(rule.rateAfter()))).append("</title></rect>\n");
            double end = label + Math.max(rule.rateBefore(), rule.rateAfter()) * scale + 8;
            text(svg, end, y + 21, "start", changed ? "value changed" : "value",
                    Format.percent(rule.rateBefore()) + " \u2192 " + Format.percent(rule.rateAfter())
                            + (changed ? " (" + Format.points(rule.delta()) + " points)" : ""));
        }
        svg.append("<line x1=\"").append(label).append("\" y1=\"").append(top).append("\" x2=\"").append(label)
                .append("\" y2=\"").append(top + row * rules.size()).append("\" class=\"axis-line\"/>\n");
        return svg.append("</svg>\n").toString();
    }

    private static void open(StringBuilder svg, String id, int width, int height, String title, String desc) {
        // Width and height as well as the viewBox: the chart has a size before any CSS applies.
        svg.append("<svg id=\"").append(id).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>\n");
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String cls, String text) {
        svg.append("<text x=\"").append(Format.svgNumber(x)).append("\" y=\"").append(Format.svgNumber(y))
                .append("\" text-anchor=\"").append(anchor).append("\" class=\"").append(cls).append("\">")
                .append(escape(text)).append("</text>\n");
    }

    private static int[] mix(int[][] ramp, double t) {
        int[] out = new int[3];
        for (int k = 0; k < 3; k++) {
            out[k] = (int) Math.round(ramp[0][k] + (ramp[1][k] - ramp[0][k]) * t);
        }
        return out;
    }

    /** WCAG relative luminance, 0 for black to 1 for white. */
    static double luminance(int[] rgb) {
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int k = 0; k < 3; k++) {
            double c = rgb[k] / 255.0;
            l += weights[k] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }

    private static String hex(int[] rgb) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
