package org.dorsal.fhir;

import java.math.BigDecimal;
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
import org.dorsal.Subject;
import org.dorsal.internal.Text;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
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
            Subject subject = subject(linkId);
            if (answer == null) {
                continue;
            }
            if (subject instanceof Quantity quantity) {
                intake.quantity(quantity, OptionalInt.of(amount(linkId, quantity, answer.getValue())));
            } else {
                intake.answer((Finding) subject, state(linkId, answer.getValue()));
            }
        }
        return intake.build();
    }

    /**
     * The response to {@code questionnaire} that gives {@code intake}: its items in the
     * Questionnaire's order (validators check that order), each duration in the largest unit the
     * item offers that it is a whole number of.
     */
    static QuestionnaireResponse write(Intake intake, Questionnaire questionnaire) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setQuestionnaire(questionnaire.getUrl() + "|" + questionnaire.getVersion());
        r.setStatus(QuestionnaireResponseStatus.COMPLETED);
        for (Questionnaire.QuestionnaireItemComponent item : questionnaire.getItem()) {
            String linkId = item.getLinkId();
            Subject subject = subject(linkId);
            if (subject instanceof Quantity q) {
                intake.quantity(q).ifPresent(v -> r.addItem().setLinkId(linkId).addAnswer().setValue(Codes.quantity(q, v)));
                continue;
            }
            State s = intake.state((Finding) subject);
            if (s != State.UNKNOWN) {
                r.addItem().setLinkId(linkId).addAnswer().setValue(Codes.answer(s));
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

    /**
     * A duration in the contract's unit. A valueQuantity must be exact (no comparator), in UCUM and
     * in one of the units the item offers, and come to a whole number of the contract's unit within
     * its range. A valueInteger, what the Questionnaire asked for before it offered units, is read
     * in the contract's unit, so responses stored then still read the same.
     */
    private static int amount(String linkId, Quantity quantity, Type value) {
        List<Codes.Unit> units = Codes.units(quantity);
        String contract = units.get(0).display() + "s";
        BigDecimal amount;
        String given;
        if (value instanceof IntegerType n && n.getValue() != null) {
            amount = BigDecimal.valueOf(n.getValue());
            given = n.getValue() + " (a valueInteger, in " + contract + ")";
        } else if (value instanceof org.hl7.fhir.r4.model.Quantity q && q.getValue() != null) {
            given = Text.echo(q.getValueElement().getValueAsString()) + " "
                    + (q.hasCode() ? Text.echo(q.getCode()) : "(no unit code)");
            if (q.hasComparator()) {
                throw new InvalidIntakeException(linkId, "item " + linkId + " must be an exact amount, got "
                        + q.getComparatorElement().getValueAsString() + " " + given);
            }
            Codes.Unit unit = units.stream()
                    .filter(u -> Codes.UCUM.equals(q.getSystem()) && u.code().equals(q.getCode()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidIntakeException(linkId, "item " + linkId + " must be in a unit it offers ("
                            + unitList(units) + "), got " + given
                            + (!q.hasSystem() ? " without a system"
                            : Codes.UCUM.equals(q.getSystem()) ? "" : " in system " + Text.echo(q.getSystem()))));
            amount = q.getValue().multiply(BigDecimal.valueOf(unit.factor()));
        } else {
            throw new InvalidIntakeException(linkId, "item " + linkId + " must be answered with a valueQuantity in "
                    + unitList(units) + ", got " + describe(value));
        }
        if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(quantity.max())) > 0) {
            throw new InvalidIntakeException(linkId, "item " + linkId + " must be from 0 to " + quantity.max() + " "
                    + contract + ", got " + given);
        }
        if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > 0) {
            throw new InvalidIntakeException(linkId, "item " + linkId + " must come to a whole number of " + contract
                    + ", got " + given + " = " + Text.echo(amount.stripTrailingZeros().toPlainString()) + " " + contract);
        }
        return amount.intValueExact();
    }

    private static String unitList(List<Codes.Unit> units) {
        return String.join(", ", units.stream().map(u -> Codes.UCUM + "|" + u.code()).toList());
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

    private static Subject subject(String linkId) {
        return Subject.parse(linkId).orElseThrow(() -> new InvalidIntakeException(linkId, "item " + Text.echo(linkId)
                + " is not an item of " + DorsalFhir.QUESTIONNAIRE_URL));
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
