package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dorsal.Disposition;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.dorsal.testkit.RandomIntakes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("\\b(src|href|xlink:href|action|poster|data)\\s*=\\s*[\"']?([^\"'\\s>]*)",
            Pattern.CASE_INSENSITIVE);

    /** Longer referral thresholds: a change with downgrades (ROUTINE → SELF_CARE), as a host could make. */
    static final Thresholds LENIENT = new Thresholds(10, 28);

    private static Engine before;
    private static Engine after;
    private static ImpactTally tally;
    private static ImpactReport report;
    private static JsonNode json;

    @BeforeAll
    static void report() throws Exception {
        before = EngineConfig.host(Thresholds.defaults()).open();
        after = EngineConfig.host(LENIENT).open();
        tally = tally(before, after, 4_000, 3);
        tally.addBadLine();
        tally.addBadLine();
        report = ImpactReport.of(tally, before, after, "synthetic, 4000 intakes, seed 3");
        json = JSON.readTree(report.json());
    }

    static ImpactTally tally(Engine before, Engine after, int count, long seed) {
        ImpactTally tally = new ImpactTally();
        RandomIntakes intakes = RandomIntakes.seeded(seed, before.thresholds());
        for (long i = 0; i < count; i++) {
            Intake intake = intakes.get(i);
            tally.add(i, intake, Comparison.of(before, after, intake));
        }
        return tally;
    }

    @Test
    void the_fixture_has_downgrades_and_other_changes_to_show() {
        assertThat(tally.transitions(Disposition.ROUTINE, Disposition.SELF_CARE)).isPositive();
        assertThat(tally.kinds()).containsKeys("drops DT-SPASM-PERSISTENT", "drops DT-STIFFNESS-NO-IMPROVEMENT");
    }

    @Test
    void every_number_is_the_tallys() {
        JsonNode totals = json.get("totals");
        assertThat(totals.get("intakes").asLong()).isEqualTo(tally.intakes()).isEqualTo(4_000);
        assertThat(totals.get("badLines").asLong()).isEqualTo(tally.badLines()).isEqualTo(2);
        assertThat(totals.get("agreements").asLong()).isEqualTo(tally.agreements());
        assertThat(totals.get("changed").asLong()).isEqualTo(tally.intakes() - tally.agreements());

        Disposition[] order = Disposition.values();
        long downgraded = 0;
        for (int i = 0; i < order.length; i++) {
            assertThat(json.at("/transitions/order/" + i).asText()).isEqualTo(order[i].name());
            for (int j = 0; j < order.length; j++) {
                long n = tally.transitions(order[i], order[j]);
                assertThat(json.at("/transitions/counts/" + i + "/" + j).asLong()).as("%s -> %s", order[i], order[j]).isEqualTo(n);
                assertThat(json.at("/transitions/shares/" + i + "/" + j).asDouble()).isCloseTo((double) n / tally.intakes(), within(1e-8));
                downgraded += i < j ? n : 0;
            }
        }
        assertThat(totals.get("downgraded").asLong()).isEqualTo(downgraded);

        assertThat(json.at("/provisional/trueToTrue").asLong()).isEqualTo(tally.provisional(true, true));
        assertThat(json.at("/provisional/trueToFalse").asLong()).isEqualTo(tally.provisional(true, false));
        assertThat(json.at("/provisional/falseToTrue").asLong()).isEqualTo(tally.provisional(false, true));
        assertThat(json.at("/provisional/falseToFalse").asLong()).isEqualTo(tally.provisional(false, false));

        Set<String> ids = new HashSet<>(tally.firesBefore().keySet());
        ids.addAll(tally.firesAfter().keySet());
        assertThat(json.get("rules")).hasSize(ids.size());
        for (JsonNode rule : json.get("rules")) {
            String id = rule.get("id").asText();
            long b = tally.firesBefore().getOrDefault(id, 0L);
            long a = tally.firesAfter().getOrDefault(id, 0L);
            assertThat(rule.get("firesBefore").asLong()).as(id).isEqualTo(b);
            assertThat(rule.get("firesAfter").asLong()).as(id).isEqualTo(a);
            assertThat(rule.get("rateBefore").asDouble()).isCloseTo((double) b / tally.intakes(), within(1e-8));
            assertThat(rule.get("rateAfter").asDouble()).isCloseTo((double) a / tally.intakes(), within(1e-8));
            assertThat(rule.get("delta").asDouble()).isCloseTo((double) (a - b) / tally.intakes(), within(1e-8));
        }

        assertThat(json.get("kinds")).hasSize(tally.kinds().size());
        for (JsonNode kind : json.get("kinds")) {
            assertThat(kind.get("count").asLong()).isEqualTo(tally.kinds().get(kind.get("kind").asText()));
        }
    }

    @Test
    void rules_are_sorted_by_the_size_of_their_change() {
        List<Double> changes = new ArrayList<>();
        json.get("rules").forEach(r -> changes.add(Math.abs(r.get("delta").asDouble())));
        assertThat(changes).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(json.at("/rules/0/id").asText()).isEqualTo("DT-STIFFNESS-NO-IMPROVEMENT");
    }

    @Test
    void downgrades_come_first_everywhere() {
        JsonNode downgrades = json.get("downgrades");
        assertThat(downgrades).isNotEmpty();
        for (JsonNode d : downgrades) {
            Disposition from = Disposition.valueOf(d.get("from").asText());
            Disposition to = Disposition.valueOf(d.get("to").asText());
            assertThat(from.isMoreUrgentThan(to)).isTrue();
            assertThat(d.get("count").asLong()).isEqualTo(tally.transitions(from, to)).isPositive();
        }
        List<String> fieldOrder = new ArrayList<>();
        json.fieldNames().forEachRemaining(fieldOrder::add);
        assertThat(fieldOrder.indexOf("downgrades")).isLessThan(fieldOrder.indexOf("transitions"));

        List<Boolean> kindIsDowngrade = new ArrayList<>();
        json.get("kinds").forEach(k -> kindIsDowngrade.add(k.get("downgrade").asBoolean()));
        assertThat(kindIsDowngrade.get(0)).isTrue();
        assertThat(kindIsDowngrade).isSortedAccordingTo((x, y) -> Boolean.compare(y, x));
        assertThat(json.at("/kinds/0/kind").asText()).isEqualTo("disposition ROUTINE -> SELF_CARE");

        String html = report.html();
        assertThat(html).contains("class=\"banner alert\"").contains("Downgrades: read these first");
        assertThat(html.indexOf("id=\"downgrades\"")).isLessThan(html.indexOf("id=\"summary\""))
                .isLessThan(html.indexOf("id=\"transition-matrix\""));
        assertThat(html.indexOf("id=\"kind-disposition-routine-self-care\""))
                .isLessThan(html.indexOf("id=\"kind-drops-dt-stiffness-no-improvement\""));
    }

    @Test
    void no_downgrade_is_said_plainly() {
        Engine same = EngineConfig.host(Thresholds.defaults()).open();
        ImpactReport none = ImpactReport.of(tally(before, same, 300, 5), before, same, "synthetic, 300 intakes, seed 5");
        assertThat(none.html()).contains("class=\"banner ok\"").contains("No downgrades")
                .contains("No intake is sent to less urgent care").doesNotContain("banner alert");
        assertThat(none.json()).contains("\"downgrades\" : [ ]").contains("\"kinds\" : [ ]");
    }

    @Test
    void json_round_trips_with_its_field_names_pinned() throws Exception {
        assertThat(JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(JSON.readTree(report.json())) + "\n")
                .isEqualTo(report.json().replace("\r\n", "\n"));
        assertThat(fields(json)).containsExactly("report", "format", "population", "before", "after", "totals",
                "downgrades", "transitions", "provisional", "rules", "kinds");
        assertThat(json.get("report").asText()).isEqualTo("dorsal-impact");
        assertThat(json.get("format").asInt()).isEqualTo(1);
        assertThat(fields(json.get("before"))).containsExactly("contentVersion", "spasmReferralDays", "stiffnessReferralDays",
                "description");
        assertThat(json.at("/after/spasmReferralDays").asInt()).isEqualTo(10);
        assertThat(json.at("/after/stiffnessReferralDays").asInt()).isEqualTo(28);
        assertThat(fields(json.get("totals"))).containsExactly("intakes", "badLines", "agreements", "changed", "downgraded");
        assertThat(fields(json.at("/downgrades/0"))).containsExactly("from", "to", "count", "share");
        assertThat(fields(json.get("transitions"))).containsExactly("order", "counts", "shares");
        assertThat(fields(json.get("provisional"))).containsExactly("trueToTrue", "trueToFalse", "falseToTrue", "falseToFalse");
        assertThat(fields(json.at("/rules/0"))).containsExactly("id", "name", "firesBefore", "firesAfter", "rateBefore",
                "rateAfter", "delta");
        assertThat(fields(json.at("/kinds/0"))).containsExactly("kind", "description", "downgrade", "count", "share", "examples");
        assertThat(fields(json.at("/kinds/0/examples/0"))).containsExactly("key", "reproduced", "original", "shrunk", "before",
                "after");
        assertThat(fields(json.at("/kinds/0/examples/0/after"))).containsExactly("disposition", "provisional", "ruleIds",
                "contentVersion");
        // The intakes are the JSON contract itself, readable by DorsalJson.
        DorsalJson.readIntake(json.at("/kinds/0/examples/0/shrunk").toString());
    }

    @Test
    void numbers_are_json_numbers() {
        assertThat(json.at("/totals/intakes").isIntegralNumber()).isTrue();
        assertThat(json.at("/transitions/counts/2/3").isIntegralNumber()).isTrue();
        assertThat(json.at("/transitions/shares/3/3").isNumber()).isTrue();
        assertThat(json.at("/downgrades/0/share").isNumber()).isTrue();
        assertThat(json.at("/rules/0/delta").isNumber()).isTrue();
        assertThat(json.at("/rules/0/delta").asDouble()).isNegative();
        assertThat(report.json()).doesNotContainPattern("\\d[eE][-+]?\\d").doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void the_html_fetches_nothing_from_anywhere() {
        String html = report.html();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@font-face");
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) {
            assertThat(m.group(2)).as("%s=%s", m.group(1), m.group(2)).startsWith("#");
        }
        assertThat(html).contains("<svg id=\"transition-chart\"").contains("<svg id=\"fire-rate-chart\"");
        assertThat(html).contains("<table id=\"transition-matrix\">").contains("<caption>");
        assertThat(html.split("<table", -1).length - 1).isEqualTo(html.split("<caption>", -1).length - 1);
    }

    @Test
    void it_says_what_it_is_and_that_it_holds_no_patient_data() {
        assertThat(report.html()).contains("Clinical decision support content governance")
                .contains("It holds no patient data").contains("synthetic, 4000 intakes, seed 3");
    }

    @Test
    void odd_content_is_escaped_in_the_page_and_kept_in_the_json() throws Exception {
        String odd = "<script>alert('x')</script> & \"quoted\" <b>bold</b> https://example.org/x.png \u0007";
        ImpactReport r = ImpactReport.of(tally, before, after, odd);
        String html = r.html();
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;");
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) {
            assertThat(m.group(2)).startsWith("#");
        }
        assertThat(JSON.readTree(r.json()).get("population").asText()).isEqualTo(odd);
        assertThat(Html.escape("a&b<c>d\"e'f\u0000g\th\ni")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f\uFFFDg\th\ni");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void examples_are_shrunk_still_show_their_kind_and_are_no_larger() {
        int shrank = 0;
        for (ImpactReport.KindSection k : report.kinds()) {
            assertThat(k.examples()).as(k.kind().key()).isNotEmpty().hasSizeLessThanOrEqualTo(ImpactTally.EXAMPLES_PER_KIND);
            Set<Intake> distinct = new HashSet<>();
            for (ShrunkExample e : k.examples()) {
                assertThat(e.reproduced()).isTrue();
                assertThat(Comparison.of(before, after, e.shrunk()).kinds()).as(k.kind().key()).contains(k.kind().key());
                assertThat(e.comparison()).isEqualTo(Comparison.of(before, after, e.shrunk()));
                assertThat(ExampleShrinker.size(e.shrunk())).isLessThanOrEqualTo(ExampleShrinker.size(e.original()));
                assertThat(distinct.add(e.shrunk())).as("shrunk examples of %s are distinct", k.kind().key()).isTrue();
                assertThat(tally.examples().get(k.kind().key()).stream().map(ImpactTally.Example::key)).contains(e.key());
                shrank += ExampleShrinker.size(e.shrunk()) < ExampleShrinker.size(e.original()) ? 1 : 0;
            }
        }
        assertThat(shrank).isPositive();
    }

    @Test
    void a_threshold_change_shrinks_to_the_edge_a_clinician_knows() {
        ImpactReport.KindSection spasm = report.kinds().stream()
                .filter(k -> k.kind().key().equals("drops DT-SPASM-PERSISTENT")).findFirst().orElseThrow();
        for (ShrunkExample e : spasm.examples()) {
            // 7 days is 168 hours: the smallest onset at which the configuration in use refers and the candidate does not.
            assertThat(e.shrunk().hoursSinceOnset()).hasValue(168);
            assertThat(e.shrunk().state(Finding.MUSCLE_SPASM)).isEqualTo(org.dorsal.State.PRESENT);
            assertThat(ExampleShrinker.size(e.shrunk())).isEqualTo(4);
        }
    }

    @Test
    void an_example_the_engines_do_not_reproduce_is_shown_as_it_came() {
        Engine same = EngineConfig.host(Thresholds.defaults()).open();
        ImpactReport r = ImpactReport.of(tally, before, same, "a tally from other engines");
        ShrunkExample e = r.kinds().get(0).examples().get(0);
        assertThat(e.reproduced()).isFalse();
        assertThat(e.shrunk()).isEqualTo(e.original());
        assertThat(r.html()).contains("did not show the change");
    }

    @Test
    void rule_names_show_where_the_engine_tells_them_and_are_optional() throws Exception {
        assertThat(json.at("/rules/0/name").asText()).isEqualTo("stiffness not improving after self-care");
        assertThat(report.html()).contains("stiffness not improving after self-care");

        Engine isolated = EngineConfig.jars(Thresholds.defaults(), EngineConfigTest.builtJars()).open();
        assertThat(RuleNames.of(isolated)).containsEntry("DT-STIFFNESS-NO-IMPROVEMENT", "stiffness not improving after self-care");

        Engine anonymous = new Engine() {
            @Override
            public String contentVersion() {
                return before.contentVersion();
            }

            @Override
            public Thresholds thresholds() {
                return before.thresholds();
            }

            @Override
            public Outcome assess(Intake intake) {
                return before.assess(intake);
            }
        };
        ImpactReport nameless = ImpactReport.of(tally(anonymous, anonymous, 200, 9), anonymous, anonymous, "no names");
        JsonNode rules = JSON.readTree(nameless.json()).get("rules");
        assertThat(rules).isNotEmpty();
        rules.forEach(r -> assertThat(r.has("name")).isFalse());
        assertThat(nameless.html()).contains("(name not given)");
        assertThat(RuleNames.readable("TH-COLD-ACUTE", "TH-COLD-ACUTE cold in the first hours")).isEqualTo("cold in the first hours");
        assertThat(RuleNames.readable("X", "X")).isNull();
    }

    @Test
    void partitions_merged_make_the_same_report_as_one_pass() {
        List<ImpactTally> parts = new ArrayList<>();
        RandomIntakes intakes = RandomIntakes.seeded(3, before.thresholds());
        for (int p = 0; p < 4; p++) {
            parts.add(new ImpactTally());
        }
        // Interleaved, as a Spark job or a thread pool would split the population.
        for (long i = 0; i < 4_000; i++) {
            Intake intake = intakes.get(i);
            parts.get((int) (i * 7 % 4)).add(i, intake, Comparison.of(before, after, intake));
        }
        ImpactTally merged = parts.get(3).merge(parts.get(1)).merge(parts.get(0)).merge(parts.get(2));
        merged.addBadLine();
        merged.addBadLine();
        ImpactReport again = ImpactReport.of(merged, before, after, "synthetic, 4000 intakes, seed 3");
        assertThat(again.json()).isEqualTo(report.json());
        assertThat(again.html()).isEqualTo(report.html());
    }

    @Test
    void an_empty_population_still_makes_a_report() throws Exception {
        ImpactReport empty = ImpactReport.of(new ImpactTally(), before, after, "nothing");
        JsonNode j = JSON.readTree(empty.json());
        assertThat(j.at("/totals/intakes").asLong()).isZero();
        assertThat(j.at("/transitions/shares/0/0").asDouble()).isZero();
        assertThat(empty.html()).contains("No rule fired on any intake").contains("No downgrades").doesNotContain("NaN");
    }

    @Test
    void write_creates_the_directory_and_both_files(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a/b");
        report.write(target);
        assertThat(Files.readString(target.resolve("impact.json"), StandardCharsets.UTF_8)).isEqualTo(report.json());
        assertThat(Files.readString(target.resolve("impact.html"), StandardCharsets.UTF_8)).isEqualTo(report.html());
        report.write(target);
        try (var files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("impact.json", "impact.html");
        }
    }

    @Test
    void the_committed_example_is_in_the_documented_format() throws Exception {
        // Made by docs/impact/make-1.0.0-vs-1.1.0, which needs content 1.0.0 built: CI checks only its form.
        Path example = Path.of("..", "docs", "impact", "1.0.0-vs-1.1.0");
        JsonNode committed = JSON.readTree(Files.readString(example.resolve("impact.json")));
        assertThat(fields(committed)).isEqualTo(fields(json));
        assertThat(committed.at("/before/contentVersion").asText()).isEqualTo("1.0.0");
        assertThat(committed.at("/after/contentVersion").asText()).isEqualTo(before.contentVersion());
        long intakes = committed.at("/totals/intakes").asLong();
        long sum = 0;
        for (JsonNode row : committed.at("/transitions/counts")) {
            for (JsonNode n : row) {
                sum += n.asLong();
            }
        }
        assertThat(sum).isEqualTo(intakes).isPositive();
        assertThat(committed.at("/totals/changed").asLong()).isEqualTo(intakes - committed.at("/totals/agreements").asLong());
        String html = Files.readString(example.resolve("impact.html"));
        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContainIgnoringCase("<script").contains("<svg id=\"transition-chart\"");
        assertThat(Files.size(example.resolve("report.png"))).isBetween(10_000L, 300_000L);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
