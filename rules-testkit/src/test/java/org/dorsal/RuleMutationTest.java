package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.Finding.ACUTE_SYMPTOMS_SUBSIDED;
import static org.dorsal.Finding.IMPROVING;
import static org.dorsal.Finding.MUSCLE_SPASM;
import static org.dorsal.Finding.NECK_STIFFNESS;
import static org.dorsal.Finding.SELF_CARE_TRIED;
import static org.dorsal.Finding.UPPER_BACK_STIFFNESS;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dorsal.internal.TestAccess;
import org.dorsal.kb.Params;
import org.dorsal.testkit.Fixtures;
import org.dorsal.testkit.IntakeSpace;
import org.dorsal.testkit.PropertyCheck;
import org.dorsal.testkit.RandomIntakes;
import org.dorsal.testkit.RedFlags;
import org.dorsal.testkit.Violation;
import org.junit.jupiter.api.Test;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * Every rule is load-bearing. For each rule of the knowledge base (the specification's and the
 * Q- and PH- helpers alike) a mutant knowledge base is built without it; for each threshold (the
 * Params fact: the fixed 48 h and 72 h limits and both referral limits) mutants shift it by one
 * unit each way. Each mutant runs the suite's own checks, the invariants of §8 and agreement with
 * the independent {@code Oracle} (module rules-oracle), over a fixed generated corpus; it is caught
 * when any check fails. The build fails unless every mutant is caught.
 *
 * <p>Mutants are built from the compiled executable model with the rule left out, not with
 * {@code KieBase.removeRule}: in Drools 10.2.0 removing the onset question rule that way leaves a KIE base
 * whose sessions fail to start (ArrayIndexOutOfBoundsException in SegmentMemorySupportImpl), and a
 * base built whole is what a knowledge base without that rule would really be.
 */
class RuleMutationTest {
    static final String PACKAGE = "org.dorsal.rules";

    record Mutant(String name, Supplier<Dorsal> build) {
    }

    record Outcome(String mutant, boolean caught, String by) {
    }

    @Test
    void every_rule_and_every_threshold_is_load_bearing() throws Exception {
        Dorsal original = Fixtures.dorsal();
        Thresholds t = original.thresholds();
        Model model = compiledModel();
        List<Intake> corpus = corpus(t);
        long start = System.nanoTime();

        // The unmutated knowledge base, built the way the mutants are, passes: a catch means something.
        Dorsal control = TestAccess.buildMutant(without(model, null), t, Params.of(t));
        run(control, corpus).assertPassed();

        List<Mutant> mutants = new ArrayList<>();
        for (RuleInfo rule : original.rules()) {
            mutants.add(new Mutant("without " + rule.id(), () -> {
                KieBase kb = without(model, rule.name());
                assertThat(kb.getRule(PACKAGE, rule.name())).as("rule left out").isNull();
                assertThat(kb.getKiePackage(PACKAGE).getRules()).hasSize(original.rules().size() - 1);
                return TestAccess.buildMutant(kb, t, Params.of(t));
            }));
        }
        Params p = Params.of(t);
        for (int d : new int[]{-1, +1}) {
            mutants.add(params("coldOnlyBeforeHours " + signed(d) + " h (TH-COLD-ACUTE, TH-COLD-TRANSITION, TH-HEAT-TRANSITION)",
                    model, new Params(p.coldOnlyBeforeHours() + d, p.heatFromHours(), p.spasmReferralHours(), p.stiffnessReferralDays())));
            mutants.add(params("heatFromHours " + signed(d) + " h (TH-*-TRANSITION, TH-HEAT-SUBACUTE, TH-COLD-PERSISTENT, PH-ACUTE-PHASE)",
                    model, new Params(p.coldOnlyBeforeHours(), p.heatFromHours() + d, p.spasmReferralHours(), p.stiffnessReferralDays())));
            mutants.add(params("spasmReferralHours " + signed(d) + " h (DT-SPASM-PERSISTENT, Q-SPASM-REFERRAL, Q-SELF-CARE-TRIED, Q-IMPROVING-SPASM)",
                    model, new Params(p.coldOnlyBeforeHours(), p.heatFromHours(), p.spasmReferralHours() + d, p.stiffnessReferralDays())));
            mutants.add(params("spasmReferralHours " + signed(24 * d) + " h (one day)",
                    model, new Params(p.coldOnlyBeforeHours(), p.heatFromHours(), p.spasmReferralHours() + 24 * d, p.stiffnessReferralDays())));
            mutants.add(params("stiffnessReferralDays " + signed(d) + " d (DT-STIFFNESS-NO-IMPROVEMENT, Q-STIFFNESS-REFERRAL, Q-IMPROVING-STIFFNESS)",
                    model, new Params(p.coldOnlyBeforeHours(), p.heatFromHours(), p.spasmReferralHours(), p.stiffnessReferralDays() + d)));
        }

        List<Outcome> outcomes = new ArrayList<>();
        for (Mutant m : mutants) {
            PropertyCheck.Result result = run(m.build().get(), corpus);
            outcomes.add(result.failure()
                    .map(f -> new Outcome(m.name(), true, "corpus #" + f.index() + ": "
                            + f.violations().stream().map(Violation::invariant).distinct().collect(Collectors.joining(", "))))
                    .orElse(new Outcome(m.name(), false, "survived " + result.checked() + " intakes")));
        }
        long caught = outcomes.stream().filter(Outcome::caught).count();
        System.out.printf("Rule mutation: %d/%d mutants caught (%.0f%%) over a corpus of %,d intakes, in %s%n",
                caught, outcomes.size(), 100.0 * caught / outcomes.size(), corpus.size(), Fixtures.since(start));
        outcomes.forEach(o -> System.out.printf("  %-8s %-100s %s%n", o.caught() ? "caught" : "SURVIVED", o.mutant(), o.by()));
        assertThat(outcomes.stream().filter(o -> !o.caught()).map(Outcome::mutant).toList())
                .as("mutants the suite does not notice").isEmpty();
        assertThat(outcomes).hasSize(original.rules().size() + 10);
    }

    private static Mutant params(String name, Model model, Params shifted) {
        return new Mutant(name, () -> TestAccess.buildMutant(without(model, null), Fixtures.dorsal().thresholds(), shifted));
    }

    /** The executable model the kjar was compiled to, as listed in its META-INF/kie/.../drools-model. */
    private static Model compiledModel() throws Exception {
        String listing = "META-INF/kie/org.dorsal/dorsal-rules-content/drools-model";
        try (InputStream in = RuleMutationTest.class.getClassLoader().getResourceAsStream(listing)) {
            assertThat(in).as(listing).isNotNull();
            String className = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.contains(":")).findFirst().orElseThrow();
            return (Model) Class.forName(className).getDeclaredConstructor().newInstance();
        }
    }

    /** A fresh KIE base from {@code model} without the rule named {@code ruleName} (none left out if null). */
    private static KieBase without(Model model, String ruleName) {
        return filtered(model, name -> !name.equals(ruleName));
    }

    /** A fresh KIE base from {@code model} with only the rules whose names {@code keep} accepts. */
    static KieBase filtered(Model model, java.util.function.Predicate<String> keep) {
        List<Rule> rules = model.getRules().stream().filter(r -> keep.test(r.getName())).toList();
        // The configuration is passed in: the one-argument form asks KieServices, which the trimmed
        // runtime (no drools-compiler) does not provide.
        return KieBaseBuilder.createKieBaseFromModel(List.of(new Model() {
            @Override
            public String getName() {
                return model.getName();
            }

            @Override
            public String getPackageName() {
                return model.getPackageName();
            }

            @Override
            public List<Global> getGlobals() {
                return model.getGlobals();
            }

            @Override
            public List<Rule> getRules() {
                return rules;
            }

            @Override
            public List<Query> getQueries() {
                return model.getQueries();
            }

            @Override
            public List<TypeMetaData> getTypeMetaDatas() {
                return model.getTypeMetaDatas();
            }

            @Override
            public List<EntryPoint> getEntryPoints() {
                return model.getEntryPoints();
            }
        }), RuleBaseFactory.newKnowledgeBaseConfiguration());
    }

    private static PropertyCheck.Result run(Dorsal dorsal, List<Intake> corpus) {
        return PropertyCheck.of(dorsal).invariants(Fixtures.checks(dorsal)).shrinking(false)
                .run("mutation corpus", corpus.size(), i -> corpus.get((int) i));
    }

    /**
     * 20,000 seeded random intakes, then every state of the findings the self-care rules read, with
     * no red flag, crossed with the boundaries of both quantities (52,488 intakes).
     */
    static List<Intake> corpus(Thresholds t) {
        RandomIntakes random = RandomIntakes.seeded(Fixtures.SEED + 4, t);
        IntakeSpace selfCare = IntakeSpace.over(MUSCLE_SPASM, NECK_STIFFNESS, UPPER_BACK_STIFFNESS, ACUTE_SYMPTOMS_SUBSIDED,
                        SELF_CARE_TRIED, IMPROVING)
                .base(Intake.builder().absent(RedFlags.FINDINGS.toArray(Finding[]::new)).build())
                .boundaries(t)
                .build();
        return Stream.concat(random.stream(20_000), LongStream.range(0, selfCare.size()).mapToObj(selfCare::get)).toList();
    }

    private static String signed(int d) {
        return d > 0 ? "+" + d : Integer.toString(d);
    }
}
