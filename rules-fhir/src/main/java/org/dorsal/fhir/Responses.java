package org.dorsal.fhir;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.Subject;
import org.dorsal.internal.Text;
import org.hl7.fhir.r4.model.BooleanType;
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

    /**
     * Where each item sits in the form: the group of every question, the groups, the display
     * items. Taken from the Questionnaire itself, so reader and form cannot disagree.
     */
    record Layout(Map<String, String> groupOf, Set<String> groups, Set<String> displays) {
        static Layout of(Questionnaire questionnaire) {
            Map<String, String> groupOf = new HashMap<>();
            Set<String> groups = new HashSet<>();
            Set<String> displays = new HashSet<>();
            for (Questionnaire.QuestionnaireItemComponent top : questionnaire.getItem()) {
                switch (top.getType()) {
                    case GROUP -> {
                        groups.add(top.getLinkId());
                        for (Questionnaire.QuestionnaireItemComponent question : top.getItem()) {
                            groupOf.put(question.getLinkId(), top.getLinkId());
                            question.getItem().forEach(help -> displays.add(help.getLinkId()));
                        }
                    }
                    case DISPLAY -> displays.add(top.getLinkId());
                    default -> throw new IllegalStateException("the intake form has a question outside its groups: " + top.getLinkId());
                }
            }
            return new Layout(Map.copyOf(groupOf), Set.copyOf(groups), Set.copyOf(displays));
        }
    }

    /**
     * Reads a response in the form's shape, its answers inside their groups, or in the flat shape of
     * Dorsal 1.x and 2.0, every answer at the top level. A response mixing the two is refused.
     */
    static Intake read(QuestionnaireResponse response, Layout layout) {
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
        List<QuestionnaireResponseItemComponent> items = response.getItem();
        boolean grouped = items.stream().anyMatch(i -> layout.groups().contains(i.getLinkId()));
        Intake.Builder intake = Intake.builder();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String linkId = linkId(item, "item[" + i + "]");
            if (!seen.add(linkId)) {
                throw new InvalidIntakeException(linkId, (layout.groups().contains(linkId) ? "group " : "item ")
                        + Text.echo(linkId) + " is answered twice");
            }
            if (layout.groups().contains(linkId)) {
                readGroup(item, layout, seen, intake);
            } else if (grouped && layout.groupOf().containsKey(linkId)) {
                throw new InvalidIntakeException(linkId, "item " + linkId + " is outside its group; it belongs in group "
                        + layout.groupOf().get(linkId));
            } else {
                readQuestion(item, layout, intake);
            }
        }
        return intake.build();
    }

    private static void readGroup(QuestionnaireResponseItemComponent group, Layout layout, Set<String> seen,
                                  Intake.Builder intake) {
        String name = group.getLinkId();
        if (group.hasAnswer()) {
            throw new InvalidIntakeException(name, "group " + name + " has answers; only the questions in it do");
        }
        List<QuestionnaireResponseItemComponent> items = group.getItem();
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String linkId = linkId(item, name + ".item[" + i + "]");
            String home = layout.groupOf().get(linkId);
            if (home != null && !home.equals(name)) {
                throw new InvalidIntakeException(linkId, "item " + linkId + " is in group " + name
                        + "; it belongs in group " + home);
            }
            if (home == null && layout.groups().contains(linkId)) {
                throw new InvalidIntakeException(linkId, "group " + linkId + " is inside group " + name
                        + "; groups are not nested");
            }
            if (!seen.add(linkId)) {
                throw new InvalidIntakeException(linkId, "item " + Text.echo(linkId) + " is answered twice");
            }
            readQuestion(item, layout, intake);
        }
    }

    private static void readQuestion(QuestionnaireResponseItemComponent item, Layout layout, Intake.Builder intake) {
        String linkId = item.getLinkId();
        if (layout.displays().contains(linkId)) {
            throw new InvalidIntakeException(linkId, "item " + Text.echo(linkId) + " only displays text; it takes no answer");
        }
        Subject subject = subject(linkId);
        if (item.hasItem()) {
            throw new InvalidIntakeException(linkId, "item " + linkId + " has nested items; the questions of the Dorsal intake have none");
        }
        QuestionnaireResponseItemAnswerComponent answer = single(item);
        if (answer == null) {
            return;
        }
        if (subject instanceof Quantity quantity) {
            intake.quantity(quantity, OptionalInt.of(amount(linkId, quantity, answer.getValue())));
        } else {
            intake.answer((Finding) subject, state(linkId, answer.getValue()));
        }
    }

    private static String linkId(QuestionnaireResponseItemComponent item, String at) {
        String linkId = item.getLinkId();
        if (linkId == null || linkId.isBlank()) {
            throw new InvalidIntakeException(at, at + " has no linkId");
        }
        return linkId;
    }

    /**
     * The response to {@code questionnaire} that gives {@code intake}: its items in the
     * Questionnaire's order (validators check that order) and inside their groups, each duration in
     * the largest unit the item offers that it is a whole number of. An answer the form hides (a
     * follow-up whose answers it follows are all No) is left out, as a renderer leaves it out: the
     * knowledge base would not ask it, so it changes neither the disposition nor the rule IDs.
     */
    static QuestionnaireResponse write(Intake intake, Questionnaire questionnaire) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setQuestionnaire(questionnaire.getUrl() + "|" + questionnaire.getVersion());
        r.setStatus(QuestionnaireResponseStatus.COMPLETED);
        Map<String, State> given = new HashMap<>();
        for (Questionnaire.QuestionnaireItemComponent group : questionnaire.getItem()) {
            if (group.getType() != Questionnaire.QuestionnaireItemType.GROUP) {
                continue;
            }
            QuestionnaireResponseItemComponent out = new QuestionnaireResponseItemComponent().setLinkId(group.getLinkId());
            for (Questionnaire.QuestionnaireItemComponent item : group.getItem()) {
                String linkId = item.getLinkId();
                if (!enabled(item, given)) {
                    continue;
                }
                Subject subject = subject(linkId);
                if (subject instanceof Quantity q) {
                    intake.quantity(q).ifPresent(v -> out.addItem().setLinkId(linkId).addAnswer().setValue(Codes.quantity(q, v)));
                    continue;
                }
                State s = intake.state((Finding) subject);
                if (s != State.UNKNOWN) {
                    given.put(linkId, s);
                    out.addItem().setLinkId(linkId).addAnswer().setValue(Codes.option(s));
                }
            }
            if (out.hasItem()) {
                r.addItem(out);
            }
        }
        return r;
    }

    /**
     * Whether {@code item} is shown after the answers {@code given} so far, by the two kinds of
     * condition the form uses ("not answered", "answer is not this coding", the latter false when
     * unanswered, as HAPI's validator reads it), joined by any or all. An answer to a hidden item
     * is not in {@code given}, as R4 has it.
     */
    private static boolean enabled(Questionnaire.QuestionnaireItemComponent item, Map<String, State> given) {
        if (!item.hasEnableWhen()) {
            return true;
        }
        Predicate<Questionnaire.QuestionnaireItemEnableWhenComponent> holds = when -> {
            State s = given.get(when.getQuestion());
            if (when.getOperator() == Questionnaire.QuestionnaireItemOperator.EXISTS && when.getAnswer() instanceof BooleanType exists) {
                return (s != null) == exists.booleanValue();
            }
            if (when.getOperator() == Questionnaire.QuestionnaireItemOperator.NOT_EQUAL && when.getAnswer() instanceof Coding no) {
                return s != null && !(Codes.option(s).getSystem().equals(no.getSystem()) && Codes.option(s).getCode().equals(no.getCode()));
            }
            throw new IllegalStateException("the intake form's conditions are 'exists' and '!=' a coding; "
                    + item.getLinkId() + " has another");
        };
        return item.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ANY
                ? item.getEnableWhen().stream().anyMatch(holds)
                : item.getEnableWhen().stream().allMatch(holds);
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
