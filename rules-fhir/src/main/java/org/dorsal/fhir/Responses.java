package org.dorsal.fhir;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.internal.Text;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Type;

/**
 * QuestionnaireResponse to intake and back. Reading is as strict as the intake JSON: anything
 * that does not fit the Questionnaire refuses the whole response, naming the item's linkId.
 */
final class Responses {
    private Responses() {
    }

    static Intake read(QuestionnaireResponse response) {
        Objects.requireNonNull(response, "response");
        String questionnaire = response.getQuestionnaire();
        if (questionnaire == null || questionnaire.isBlank()) {
            throw new InvalidIntakeException("questionnaire", "the QuestionnaireResponse names no questionnaire;"
                    + " expected " + DorsalFhir.QUESTIONNAIRE_URL);
        }
        // Any version is read: the linkIds are checked one by one below, so a response to a
        // version with items this one lacks is refused, and one that lacks items leaves them unknown.
        String url = questionnaire.split("\\|", 2)[0];
        if (!url.equals(DorsalFhir.QUESTIONNAIRE_URL)) {
            throw new InvalidIntakeException("questionnaire", "the QuestionnaireResponse answers "
                    + Text.echo(url) + ", not " + DorsalFhir.QUESTIONNAIRE_URL);
        }
        QuestionnaireResponseStatus status = response.getStatus();
        if (status == null || status == QuestionnaireResponseStatus.NULL) {
            throw new InvalidIntakeException("status", "the QuestionnaireResponse has no status");
        }
        if (status == QuestionnaireResponseStatus.ENTEREDINERROR) {
            throw new InvalidIntakeException("status", "the QuestionnaireResponse was entered in error;"
                    + " nothing is advised on it");
        }
        Intake.Builder intake = Intake.builder();
        Set<String> seen = new HashSet<>();
        List<QuestionnaireResponseItemComponent> items = response.getItem();
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String linkId = item.getLinkId();
            if (linkId == null || linkId.isBlank()) {
                throw new InvalidIntakeException("item[" + i + "]", "item[" + i + "] has no linkId");
            }
            if (!seen.add(linkId)) {
                throw new InvalidIntakeException(linkId, "item " + Text.echo(linkId) + " is answered twice");
            }
            if (item.hasItem()) {
                throw new InvalidIntakeException(linkId, "item " + Text.echo(linkId) + " has nested items; the Dorsal intake has none");
            }
            QuestionnaireResponseItemAnswerComponent answer = single(item);
            Quantity quantity = Forms.quantity(linkId);
            if (quantity != null) {
                if (answer != null) {
                    intake.quantity(quantity, OptionalInt.of(integer(linkId, quantity, answer.getValue())));
                }
                continue;
            }
            Finding finding = finding(linkId);
            if (answer != null) {
                intake.answer(finding, state(linkId, answer.getValue()));
            }
        }
        return intake.build();
    }

    static QuestionnaireResponse write(Intake intake, String questionnaireVersion) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setQuestionnaire(DorsalFhir.QUESTIONNAIRE_URL + "|" + questionnaireVersion);
        r.setStatus(QuestionnaireResponseStatus.COMPLETED);
        for (Quantity q : Quantity.values()) {
            intake.quantity(q).ifPresent(v -> r.addItem().setLinkId(q.field()).addAnswer().setValue(new IntegerType(v)));
        }
        for (Finding f : Finding.values()) {
            State s = intake.state(f);
            if (s != State.UNKNOWN) {
                r.addItem().setLinkId(f.name()).addAnswer().setValue(Codes.answer(s));
            }
        }
        return r;
    }

    private static QuestionnaireResponseItemAnswerComponent single(QuestionnaireResponseItemComponent item) {
        List<QuestionnaireResponseItemAnswerComponent> answers = item.getAnswer();
        if (answers.isEmpty()) {
            return null;
        }
        if (answers.size() > 1) {
            throw new InvalidIntakeException(item.getLinkId(), "item " + item.getLinkId() + " has "
                    + answers.size() + " answers; it takes one");
        }
        QuestionnaireResponseItemAnswerComponent answer = answers.get(0);
        if (answer.hasItem()) {
            throw new InvalidIntakeException(item.getLinkId(), "the answer to item " + item.getLinkId()
                    + " has nested items; the Dorsal intake has none");
        }
        if (!answer.hasValue()) {
            throw new InvalidIntakeException(item.getLinkId(), "the answer to item " + item.getLinkId() + " has no value");
        }
        return answer;
    }

    private static int integer(String linkId, Quantity quantity, Type value) {
        if (!(value instanceof IntegerType n) || n.getValue() == null) {
            throw new InvalidIntakeException(linkId, "item " + linkId + " must be answered with a valueInteger from 0 to "
                    + quantity.max() + ", got " + describe(value));
        }
        return quantity.check(n.getValue());
    }

    private static State state(String linkId, Type value) {
        if (value instanceof Coding c && c.hasSystem() && c.hasCode()) {
            State s = Codes.state(c).orElse(null);
            if (s != null) {
                return s;
            }
        }
        throw new InvalidIntakeException(linkId, "item " + linkId + " must be answered with a valueCoding "
                + options() + ", got " + describe(value));
    }

    private static String options() {
        StringBuilder b = new StringBuilder();
        for (State s : State.values()) {
            Coding c = Codes.answer(s);
            b.append(b.length() == 0 ? "" : ", ").append(c.getSystem()).append('|').append(c.getCode());
        }
        return "(one of " + b + ")";
    }

    private static Finding finding(String linkId) {
        try {
            return Finding.valueOf(linkId);
        } catch (IllegalArgumentException e) {
            throw new InvalidIntakeException(linkId, "item " + Text.echo(linkId) + " is not an item of "
                    + DorsalFhir.QUESTIONNAIRE_URL);
        }
    }

    private static String describe(Type value) {
        if (value instanceof Coding c) {
            return "the coding " + Text.echo(c.getSystem() + "|" + c.getCode());
        }
        if (value != null && value.isPrimitive()) {
            return value.fhirType() + " " + Text.echo(String.valueOf(value.primitiveValue()));
        }
        return value == null ? "nothing" : "a " + value.fhirType();
    }
}
