package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.List;
import org.dorsal.internal.TestAccess;
import org.dorsal.kb.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieBase;

/** A facade is whole or it is not built: every way of failing is loud and names the cause. */
class FacadeBuildTest {
    private static final Content CONTENT = Content.load(FacadeBuildTest.class.getClassLoader());
    private static final String MODEL_INDEX = CONTENT.modelIndex();
    private static final String CATALOGUE = CONTENT.catalogue();
    private static final Catalogue FULL = Catalogue.load(FacadeBuildTest.class.getClassLoader(), CATALOGUE);


    @ParameterizedTest
    @CsvSource({"6, 14, spasmReferralDays", "11, 14, spasmReferralDays", "7, 13, stiffnessReferralDays",
            "7, 43, stiffnessReferralDays", "-1, 14, spasmReferralDays"})
    void a_threshold_outside_its_range_is_refused_when_building(int spasm, int stiffness, String field) {
        assertThatThrownBy(() -> Dorsal.builder().spasmReferralDays(spasm).stiffnessReferralDays(stiffness).build())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining(field);
    }

    @Test
    void every_threshold_inside_its_range_builds() {
        assertThat(Dorsal.builder().spasmReferralDays(10).stiffnessReferralDays(42).build().thresholds())
                .isEqualTo(new Thresholds(10, 42));
    }

    @Test
    void missing_knowledge_base_fails_at_build() {
        ClassLoader hiding = hiding(Set.of("META-INF/kmodule.xml", MODEL_INDEX, CATALOGUE, Content.RESOURCE));
        assertThatThrownBy(() -> Dorsal.builder().classLoader(hiding).build())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("knowledge base is missing")
                .hasMessageContaining(Content.RESOURCE);
    }

    @Test
    void missing_executable_model_fails_at_build_naming_it() {
        ClassLoader hiding = hiding(Set.of(MODEL_INDEX));
        assertThatThrownBy(() -> Dorsal.builder().classLoader(hiding).build())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("knowledge base 'dorsal' is missing")
                .hasMessageContaining(MODEL_INDEX);
    }

    @Test
    void missing_catalogue_fails_at_build() {
        ClassLoader hiding = hiding(Set.of(CATALOGUE));
        assertThatThrownBy(() -> Dorsal.builder().classLoader(hiding).build())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining(CATALOGUE);
    }

    @Test
    void a_knowledge_base_missing_a_rule_is_refused_with_the_rule_named() {
        KieBase kieBase = KnowledgeBase.kieBase(getClass().getClassLoader(), MODEL_INDEX);
        String name = Facades.defaults().rules().stream().filter(r -> r.id().equals("RF-RADICULOPATHY"))
                .findFirst().orElseThrow().name();
        kieBase.removeRule("org.dorsal.rules", name);
        assertThatThrownBy(() -> TestAccess.build(kieBase, Thresholds.defaults()))
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("incomplete")
                .hasMessageContaining("no rule for RF-RADICULOPATHY");
    }

    @Test
    void the_catalogue_must_cover_every_rule() {
        var rules = new java.util.HashMap<>(FULL.rules());
        rules.remove("EX-CAT-COW");
        Catalogue lacking = new Catalogue(FULL.resource(), rules, FULL.questions());
        assertThatThrownBy(() -> check(CONTENT, lacking))
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("no text for EX-CAT-COW");
    }

    @Test
    void every_red_flag_question_needs_help_text() {
        var questions = new java.util.HashMap<>(FULL.questions());
        questions.put(Finding.NUMBNESS_OR_TINGLING, new Catalogue.Wording("Any numbness?", null));
        assertThatThrownBy(() -> check(CONTENT, new Catalogue(FULL.resource(), FULL.rules(), questions)))
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("no help text for the red-flag question about NUMBNESS_OR_TINGLING");
    }

    @Test
    void a_rule_the_manifest_does_not_declare_is_refused() {
        List<Content.Rule> rules = CONTENT.rules().stream().filter(r -> !r.id().equals("PREV-STRESS")).toList();
        Content lacking = new Content(CONTENT.version(), CONTENT.modelIndex(), CONTENT.catalogue(), rules, CONTENT.helpers(),
                CONTENT.redFlagFindings(), CONTENT.questionOrder(), CONTENT.sources());
        assertThatThrownBy(() -> check(lacking, FULL))
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("rule PREV-STRESS is not declared in " + Content.RESOURCE);
    }

    @Test
    void a_red_flag_raised_by_a_rule_not_declared_one_is_refused_when_it_fires() {
        List<Content.Rule> rules = CONTENT.rules().stream()
                .map(r -> r.id().equals("RF-SYSTEMIC") ? new Content.Rule(r.id(), r.kind(), r.disposition(), false) : r)
                .toList();
        Content wrong = new Content(CONTENT.version(), CONTENT.modelIndex(), CONTENT.catalogue(), rules, CONTENT.helpers(),
                CONTENT.redFlagFindings(), CONTENT.questionOrder(), CONTENT.sources());
        KnowledgeBase kb = check(wrong, FULL);
        assertThatThrownBy(() -> new Results(kb).read(List.of(new org.dorsal.kb.Flag("RF-SYSTEMIC", List.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not declared one");
    }

    private static KnowledgeBase check(Content content, Catalogue catalogue) {
        KieBase kieBase = KnowledgeBase.kieBase(FacadeBuildTest.class.getClassLoader(), MODEL_INDEX);
        return KnowledgeBase.of(kieBase, content, catalogue, Thresholds.defaults(), Params.of(Thresholds.defaults()), true);
    }

    @Test
    void a_citation_of_an_unknown_section_is_refused() {
        Content full = CONTENT;
        assertThat(full.expand("SPASM §Ergonomic Adjustments and Strengthening…"))
                .isEqualTo("SPASM §" + full.sources().get("SPASM").sections().get(3))
                .endsWith("for Recurrence Prevention");
        assertThat(full.expand("NECK §Cat-Cow Sequence; SPASM §Immediate…"))
                .isEqualTo("NECK §Cat-Cow Sequence; SPASM §Immediate Non-Invasive Techniques for Relief");
        assertThat(full.expand("policy")).isEqualTo("policy");
        assertThat(full.expand("NECK §Cat-Cow")).isNull();
        assertThat(full.expand("SPINE §Cat-Cow Sequence")).isNull();
        assertThat(full.expand("NECK §…")).as("ambiguous").isNull();
        assertThat(full.expand("NECK")).as("a source with sections is cited by section").isNull();
    }

    /** A class loader that cannot see the named resources, as if the content jar were absent. */
    private static ClassLoader hiding(Set<String> hidden) {
        return new ClassLoader(FacadeBuildTest.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return hidden.contains(name) ? null : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return hidden.contains(name) ? Collections.emptyEnumeration() : super.getResources(name);
            }

            @Override
            public InputStream getResourceAsStream(String name) {
                return hidden.contains(name) ? null : super.getResourceAsStream(name);
            }
        };
    }
}
