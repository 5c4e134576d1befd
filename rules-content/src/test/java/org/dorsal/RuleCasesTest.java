package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per rule of the knowledge base, named by its rule ID, made of the case files filed
 * under it. Each case asserts that the rule fired and the whole of what the assessment says.
 */
class RuleCasesTest {
    private static final List<Case> CASES = Case.all();

    @TestFactory
    Stream<DynamicNode> every_rule_has_cases_that_pass() {
        return Facades.defaults().rules().stream().map(rule -> {
            List<Case> mine = CASES.stream().filter(c -> c.rule().equals(rule.id())).toList();
            Stream<DynamicTest> tests = mine.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
            DynamicTest hasCases = DynamicTest.dynamicTest(rule.id() + " has a case", () ->
                    assertThat(mine).as("case files for %s", rule.id()).isNotEmpty());
            return DynamicContainer.dynamicContainer(rule.id(), Stream.concat(Stream.of(hasCases), tests));
        });
    }

    @Test
    void every_case_is_filed_under_a_rule_of_the_knowledge_base() {
        List<String> ids = Facades.defaults().rules().stream().map(RuleInfo::id).toList();
        assertThat(CASES).allSatisfy(c -> assertThat(ids).as(c.file()).contains(c.rule()));
    }

    static void check(Case c) {
        Dorsal dorsal = Facades.with(c.thresholds());
        Trace trace = dorsal.trace(c.intake());
        Assessment a = trace.assessment();
        Case.Expect e = c.expect();
        assertThat(trace.firedRules()).as("fired rules").containsAll(e.fired());
        assertThat(a.disposition()).as("disposition").isEqualTo(e.disposition());
        assertThat(a.provisional()).as("provisional").isEqualTo(e.provisional());
        assertThat(a.redFlags()).extracting(RedFlag::id).as("red flags").containsExactlyElementsOf(e.redFlags());
        assertThat(a.recommendations()).extracting(Recommendation::id).as("recommendations")
                .containsExactlyElementsOf(e.recommendations());
        assertThat(a.questions()).extracting(q -> q.subject().key()).as("questions").containsExactlyElementsOf(e.questions());
        assertThat(a.contentVersion()).isEqualTo(dorsal.contentVersion());
        e.textContains().forEach((id, parts) -> assertThat(a.recommendations())
                .filteredOn(r -> r.id().equals(id)).singleElement()
                .satisfies(r -> assertThat(r.text()).contains(parts)));
        // Explainability: every recommendation and red flag says which rule, which source, and why.
        assertThat(a.recommendations()).allSatisfy(r -> {
            assertThat(r.source()).isNotBlank();
            assertThat(r.text()).isNotBlank();
            if (!r.id().equals("SN-WATCH-FOR")) {
                assertThat(r.evidence()).as("evidence of %s", r.id()).isNotEmpty();
            }
        });
        // Spec §5: every exercise is gentle and controlled, stops at pain, never bounces or forces.
        assertThat(a.recommendations()).filteredOn(r -> r.kind() == Kind.EXERCISE)
                .allSatisfy(r -> assertThat(r.text()).contains("gently and with control", "stop if it hurts",
                        "never bounce or force"));
        // An escalation says what it demands; nothing else does.
        assertThat(a.recommendations()).allSatisfy(r -> assertThat(r.disposition() != null)
                .as("disposition of %s", r.id()).isEqualTo(r.kind() == Kind.ESCALATION));
        assertThat(a.redFlags()).allSatisfy(r -> {
            assertThat(r.reason()).isNotBlank();
            assertThat(r.evidence()).extracting(Evidence::value).as("evidence of %s", r.id()).contains("present");
        });
    }
}
