package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.util.function.Consumer;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.Subject;
import org.dorsal.InvalidIntakeException;
import org.dorsal.State;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A response that does not fit the Questionnaire is refused whole, naming the item's linkId. */
class StrictResponseTest {
    private static final Coding YES = new Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "Y", "Yes");

    private static QuestionnaireResponse response(Consumer<QuestionnaireResponse> change) {
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(
                Intake.builder().hoursSinceOnset(30).present(Finding.MUSCLE_SPASM).build());
        change.accept(r);
        return r;
    }

    /** A new item {@code linkId} in its own group, which is added if the response lacks it. */
    private static QuestionnaireResponseItemComponent add(QuestionnaireResponse r, String linkId) {
        String group = MAPPINGS.questionnaire().getItem().stream()
                .filter(g -> g.getItem().stream().anyMatch(i -> i.getLinkId().equals(linkId)))
                .findFirst().orElseThrow().getLinkId();
        return in(r, group).addItem().setLinkId(linkId);
    }

    /** The response's group {@code linkId}, added if it lacks it. */
    private static QuestionnaireResponseItemComponent in(QuestionnaireResponse r, String linkId) {
        return r.getItem().stream().filter(g -> g.getLinkId().equals(linkId)).findFirst()
                .orElseGet(() -> r.addItem().setLinkId(linkId));
    }

    private static void refused(QuestionnaireResponse r, String field, String messagePart) {
        assertThatThrownBy(() -> MAPPINGS.intake(r))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(messagePart);
    }

    @Test
    void a_fitting_response_is_read() {
        Intake intake = MAPPINGS.intake(response(r -> { }));
        assertThat(intake.state(Finding.MUSCLE_SPASM)).isEqualTo(State.PRESENT);
        assertThat(intake.hoursSinceOnset()).hasValue(30);
    }

    @Test
    void an_item_without_answers_and_asked_unknown_are_both_unknown() {
        Intake intake = MAPPINGS.intake(response(r -> {
            add(r, "FEVER_OR_CHILLS");
            add(r, "DEHYDRATION").addAnswer()
                    .setValue(new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "asked-unknown", null));
        }));
        assertThat(intake.state(Finding.FEVER_OR_CHILLS)).isEqualTo(State.UNKNOWN);
        assertThat(intake.state(Finding.DEHYDRATION)).isEqualTo(State.UNKNOWN);
    }

    @Test
    void an_unknown_link_id_is_refused_at_the_top_or_in_a_group() {
        refused(response(r -> r.addItem().setLinkId("BACK_PAIN").addAnswer().setValue(YES)), "BACK_PAIN", "not an item");
        refused(response(r -> in(r, "complaint").addItem().setLinkId("BACK_PAIN").addAnswer().setValue(YES)), "BACK_PAIN", "not an item");
    }

    /**
     * The flat shape of the form of Dorsal 1.x and 2.0, every answer at the top level, is still
     * read: the reader promises any version of the form.
     */
    @Test
    void a_flat_response_as_the_earlier_form_took_is_read_the_same() {
        QuestionnaireResponse grouped = response(r -> add(r, "FEVER_OR_CHILLS").addAnswer().setValue(YES));
        QuestionnaireResponse flat = grouped.copy();
        flat.getItem().clear();
        grouped.getItem().forEach(g -> g.getItem().forEach(i -> flat.addItem(i.copy())));
        assertThat(flat.getItem()).hasSize(3);
        assertThat(MAPPINGS.intake(flat)).isEqualTo(MAPPINGS.intake(grouped));
        assertThat(MAPPINGS.intake(flat).state(Finding.FEVER_OR_CHILLS)).isEqualTo(State.PRESENT);
    }

    @Test
    void a_response_mixing_the_flat_and_the_grouped_shape_is_refused() {
        refused(response(r -> r.addItem().setLinkId("FEVER_OR_CHILLS").addAnswer().setValue(YES)),
                "FEVER_OR_CHILLS", "item FEVER_OR_CHILLS is outside its group; it belongs in group warning-signs");
    }

    @Test
    void an_answer_in_a_group_not_its_own_is_refused() {
        refused(response(r -> in(r, "habits").addItem().setLinkId("FEVER_OR_CHILLS").addAnswer().setValue(YES)),
                "FEVER_OR_CHILLS", "item FEVER_OR_CHILLS is in group habits; it belongs in group warning-signs");
        refused(response(r -> in(r, "complaint").addItem().setLinkId("hoursSinceOnset")),
                "hoursSinceOnset", "belongs in group timing-and-self-care");
    }

    @Test
    void a_group_answered_twice_with_an_answer_or_inside_a_group_is_refused() {
        refused(response(r -> r.addItem().setLinkId("complaint")), "complaint", "group complaint is answered twice");
        refused(response(r -> in(r, "habits").addAnswer().setValue(YES)), "habits", "group habits has answers");
        refused(response(r -> in(r, "complaint").addItem().setLinkId("habits")), "habits", "groups are not nested");
    }

    @Test
    void an_answer_to_a_display_item_is_refused() {
        refused(response(r -> r.addItem().setLinkId("about").addAnswer().setValue(YES)), "about", "takes no answer");
        refused(response(r -> in(r, "warning-signs").addItem().setLinkId("FEVER_OR_CHILLS.help")), "FEVER_OR_CHILLS.help",
                "takes no answer");
    }

    @Test
    void an_item_in_a_group_without_a_link_id_is_refused() {
        refused(response(r -> in(r, "complaint").addItem().addAnswer().setValue(YES)), "complaint.item[1]", "no linkId");
    }

    @Test
    void a_finding_answered_twice_is_refused() {
        refused(response(r -> add(r, "MUSCLE_SPASM").addAnswer().setValue(YES)), "MUSCLE_SPASM", "answered twice");
    }

    @Test
    void two_answers_to_one_item_are_refused() {
        refused(response(r -> {
            var item = add(r, "DEHYDRATION");
            item.addAnswer().setValue(YES);
            item.addAnswer().setValue(YES);
        }), "DEHYDRATION", "2 answers");
    }

    @Test
    void a_finding_answered_with_a_boolean_or_a_string_is_refused() {
        refused(response(r -> add(r, "DEHYDRATION").addAnswer().setValue(new BooleanType(true))),
                "DEHYDRATION", "valueCoding");
        refused(response(r -> add(r, "DEHYDRATION").addAnswer().setValue(new StringType("present"))),
                "DEHYDRATION", "valueCoding");
    }

    @Test
    void a_coding_outside_the_answer_options_is_refused() {
        refused(response(r -> add(r, "FEVER_OR_CHILLS").addAnswer()
                .setValue(new Coding("http://snomed.info/sct", "373066001", "Yes"))), "FEVER_OR_CHILLS", "one of");
        refused(response(r -> add(r, "FEVER_OR_CHILLS").addAnswer().setValue(new Coding(null, "Y", "Yes"))),
                "FEVER_OR_CHILLS", "one of");
    }

    /** The sample response with {@code linkId} answered {@code value} instead. */
    private static QuestionnaireResponse duration(String linkId, Type value) {
        return response(r -> {
            r.getItem().forEach(group -> group.getItem().removeIf(i -> i.getLinkId().equals(linkId)));
            add(r, linkId).addAnswer().setValue(value);
        });
    }

    private static org.hl7.fhir.r4.model.Quantity ucum(String value, String code) {
        return new org.hl7.fhir.r4.model.Quantity().setValueElement(new DecimalType(value))
                .setSystem("http://unitsofmeasure.org").setCode(code);
    }

    /** linkId, amount and UCUM unit given, and what the intake holds in the contract's unit. */
    @ParameterizedTest(name = "{0}: {1} {2} reads as {3}")
    @CsvSource({
            "hoursSinceOnset, 36,    h,  36",
            "hoursSinceOnset, 3,     d,  72",
            "hoursSinceOnset, 1.5,   d,  36",
            "hoursSinceOnset, 4.00,  d,  96",
            "hoursSinceOnset, 0,     d,  0",
            "hoursSinceOnset, 3650,  d,  87600",
            "hoursSinceOnset, 87600, h,  87600",
            "selfCareDays,    10,    d,  10",
            "selfCareDays,    2,     wk, 14",
            "selfCareDays,    0,     wk, 0",
            "hoursSinceOnset, 0.5,   d,  12",
    })
    void a_duration_is_read_in_any_unit_its_item_offers(String linkId, String value, String code, int expected) {
        Intake intake = MAPPINGS.intake(duration(linkId, ucum(value, code)));
        assertThat(intake.quantity((Quantity) Subject.parse(linkId).orElseThrow())).hasValue(expected);
    }

    /** linkId, amount and unit given (system|code), and the part of the refusal that says why. */
    @ParameterizedTest(name = "{0}: {1} {2} is refused: {3}")
    @CsvSource({
            "hoursSinceOnset, 2,      http://unitsofmeasure.org|wk,  'a unit it offers (http://unitsofmeasure.org|h, http://unitsofmeasure.org|d), got 2 wk'",
            "hoursSinceOnset, 90,     http://unitsofmeasure.org|min, 'a unit it offers'",
            "hoursSinceOnset, 3,      http://example.org/units|d,    'in system http://example.org/units'",
            "hoursSinceOnset, 3,      |d,                            'got 3 d without a system'",
            "hoursSinceOnset, 3,      http://unitsofmeasure.org|,    'got 3 (no unit code)'",
            "selfCareDays,    48,     http://unitsofmeasure.org|h,   'a unit it offers (http://unitsofmeasure.org|d, http://unitsofmeasure.org|wk)'",
            "hoursSinceOnset, 30.5,   http://unitsofmeasure.org|h,   'whole number of hours, got 30.5 h = 30.5 hours'",
            "hoursSinceOnset, 1.01,   http://unitsofmeasure.org|d,   'whole number of hours, got 1.01 d = 24.24 hours'",
            "selfCareDays,    1.5,    http://unitsofmeasure.org|wk,  'whole number of days, got 1.5 wk = 10.5 days'",
            "hoursSinceOnset, 3651,   http://unitsofmeasure.org|d,   'from 0 to 87600 hours, got 3651 d'",
            "hoursSinceOnset, 87601,  http://unitsofmeasure.org|h,   'from 0 to 87600 hours, got 87601 h'",
            "hoursSinceOnset, -1,     http://unitsofmeasure.org|h,   'from 0 to 87600 hours, got -1 h'",
            "selfCareDays,    522,    http://unitsofmeasure.org|wk,  'from 0 to 3650 days, got 522 wk'",
            "selfCareDays,    1E+400, http://unitsofmeasure.org|d,   'from 0 to 3650 days'",
    })
    void a_duration_not_in_an_offered_unit_not_whole_or_out_of_range_is_refused(String linkId, String value,
                                                                                String unit, String why) {
        String[] systemCode = unit.split("\\|", -1);
        org.hl7.fhir.r4.model.Quantity q = new org.hl7.fhir.r4.model.Quantity().setValueElement(new DecimalType(value));
        if (!systemCode[0].isEmpty()) {
            q.setSystem(systemCode[0]);
        }
        if (!systemCode[1].isEmpty()) {
            q.setCode(systemCode[1]);
        }
        refused(duration(linkId, q), linkId, why);
    }

    @Test
    void a_duration_that_is_not_exact_is_refused() {
        refused(duration("hoursSinceOnset", ucum("3", "d").setComparator(QuantityComparator.GREATER_THAN)),
                "hoursSinceOnset", "an exact amount, got > 3 d");
    }

    @Test
    void an_integer_answer_as_earlier_versions_of_the_form_took_is_read_in_the_contract_unit() {
        assertThat(MAPPINGS.intake(duration("hoursSinceOnset", new IntegerType(30))).hoursSinceOnset()).hasValue(30);
        assertThat(MAPPINGS.intake(duration("selfCareDays", new IntegerType(14))).selfCareDays()).hasValue(14);
        refused(duration("hoursSinceOnset", new IntegerType(87_601)), "hoursSinceOnset",
                "from 0 to 87600 hours, got 87601 (a valueInteger, in hours)");
        refused(duration("selfCareDays", new IntegerType(-1)), "selfCareDays", "from 0 to 3650 days");
    }

    @Test
    void a_duration_answered_with_a_decimal_a_string_or_a_quantity_without_a_value_is_refused() {
        refused(duration("selfCareDays", new DecimalType("2.5")), "selfCareDays",
                "valueQuantity in http://unitsofmeasure.org|d, http://unitsofmeasure.org|wk, got decimal 2.5");
        refused(duration("hoursSinceOnset", new StringType("3 days")), "hoursSinceOnset", "valueQuantity");
        refused(duration("hoursSinceOnset", new org.hl7.fhir.r4.model.Quantity().setSystem("http://unitsofmeasure.org")
                .setCode("d")), "hoursSinceOnset", "valueQuantity");
    }

    @Test
    void nested_items_are_refused() {
        refused(response(r -> add(r, "DEHYDRATION").addItem().setLinkId("x")), "DEHYDRATION", "nested");
        refused(response(r -> add(r, "DEHYDRATION").addAnswer().setValue(YES).addItem().setLinkId("x")),
                "DEHYDRATION", "nested");
    }

    @Test
    void an_answer_without_a_value_is_refused() {
        refused(response(r -> add(r, "DEHYDRATION").addAnswer()), "DEHYDRATION", "no value");
    }

    @Test
    void an_item_without_a_link_id_is_refused() {
        refused(response(r -> r.addItem().addAnswer().setValue(YES)), "item[2]", "no linkId");
    }

    @Test
    void a_response_to_another_questionnaire_or_to_none_is_refused() {
        refused(response(r -> r.setQuestionnaire("http://example.org/Questionnaire/phq-9")), "questionnaire", "phq-9");
        refused(response(r -> r.setQuestionnaireElement(null)), "questionnaire", "names no questionnaire");
    }

    @Test
    void any_version_of_the_questionnaire_is_read_item_by_item() {
        Intake intake = MAPPINGS.intake(response(r -> r.setQuestionnaire(DorsalFhir.QUESTIONNAIRE_URL + "|0.9.0")));
        assertThat(intake.state(Finding.MUSCLE_SPASM)).isEqualTo(State.PRESENT);
        assertThat(MAPPINGS.intake(response(r -> r.setQuestionnaire(DorsalFhir.QUESTIONNAIRE_URL)))).isEqualTo(intake);
    }

    @Test
    void a_response_entered_in_error_or_without_status_is_refused() {
        refused(response(r -> r.setStatus(QuestionnaireResponseStatus.ENTEREDINERROR)), "status", "entered in error");
        refused(response(r -> r.setStatusElement(null)), "status", "no status");
    }

    @Test
    void an_in_progress_response_is_read_as_far_as_it_goes() {
        Intake intake = MAPPINGS.intake(response(r -> r.setStatus(QuestionnaireResponseStatus.INPROGRESS)));
        assertThat(intake.state(Finding.MUSCLE_SPASM)).isEqualTo(State.PRESENT);
    }
}
