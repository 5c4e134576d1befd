package org.dorsal.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.Subject;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * A form filler's view of a Questionnaire, written from the R4 specification rather than from the
 * mapping's code: its questions in document order, and which of them {@code enableWhen} shows
 * after given answers. Shared with the service's tests through the test jar.
 */
public final class FormFill {
    private FormFill() {
    }

    /** Every item that takes an answer, in document order, whatever group it is in. */
    public static List<QuestionnaireItemComponent> questions(Questionnaire form) {
        List<QuestionnaireItemComponent> out = new ArrayList<>();
        collect(form.getItem(), out);
        return out;
    }

    private static void collect(List<QuestionnaireItemComponent> items, List<QuestionnaireItemComponent> out) {
        for (QuestionnaireItemComponent item : items) {
            if (item.getType() == QuestionnaireItemType.GROUP) {
                collect(item.getItem(), out);
            } else if (item.getType() != QuestionnaireItemType.DISPLAY) {
                out.add(item);
            }
        }
    }

    /** The items of a response that are not groups, in document order. */
    public static List<QuestionnaireResponse.QuestionnaireResponseItemComponent> answered(QuestionnaireResponse response) {
        List<QuestionnaireResponse.QuestionnaireResponseItemComponent> out = new ArrayList<>();
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : response.getItem()) {
            if (item.hasAnswer() || !item.hasItem()) {
                out.add(item);
            } else {
                out.addAll(item.getItem());
            }
        }
        return out;
    }

    public static QuestionnaireItemComponent question(Questionnaire form, String linkId) {
        return questions(form).stream().filter(i -> i.getLinkId().equals(linkId)).findFirst().orElseThrow();
    }

    /** How a reader of R4 takes {@code !=} on a question not answered, which R4 leaves open. */
    public enum NotEqual {
        /** False: there is no answer to differ (HAPI's validator). */
        NEEDS_AN_ANSWER,
        /** True: no answer equals the value. */
        HOLDS_WHEN_UNANSWERED
    }

    /** {@link #enabled(QuestionnaireItemComponent, Map, NotEqual)} as HAPI's validator reads {@code !=}. */
    public static boolean enabled(QuestionnaireItemComponent item, Map<String, Coding> given) {
        return enabled(item, given, NotEqual.NEEDS_AN_ANSWER);
    }

    /**
     * R4's enableWhen over coded answers: {@code exists}, {@code =} and {@code !=}, joined by
     * enableBehavior. {@code given} holds the answers of enabled items only: a disabled item counts
     * as unanswered.
     */
    public static boolean enabled(QuestionnaireItemComponent item, Map<String, Coding> given, NotEqual notEqual) {
        if (!item.hasEnableWhen()) {
            return true;
        }
        Predicate<QuestionnaireItemEnableWhenComponent> holds = when -> {
            Coding answer = given.get(when.getQuestion());
            return switch (when.getOperator()) {
                case EXISTS -> (answer != null) == when.getAnswerBooleanType().booleanValue();
                case EQUAL -> answer != null && same(answer, when.getAnswerCoding());
                case NOT_EQUAL -> answer == null ? notEqual == NotEqual.HOLDS_WHEN_UNANSWERED : !same(answer, when.getAnswerCoding());
                default -> throw new UnsupportedOperationException("operator " + when.getOperator() + " on " + item.getLinkId());
            };
        };
        if (item.getEnableWhen().size() > 1 && !item.hasEnableBehavior()) {
            throw new IllegalStateException(item.getLinkId() + ": several enableWhen need an enableBehavior (que-12)");
        }
        return item.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ANY
                ? item.getEnableWhen().stream().anyMatch(holds)
                : item.getEnableWhen().stream().allMatch(holds);
    }

    private static boolean same(Coding a, Coding b) {
        return a.getSystem().equals(b.getSystem()) && a.getCode().equals(b.getCode());
    }

    /** The coded option of {@code item} that means {@code state}, found by its code alone. */
    public static Coding option(QuestionnaireItemComponent item, State state) {
        String code = switch (state) {
            case PRESENT -> "Y";
            case ABSENT -> "N";
            case UNKNOWN -> "asked-unknown";
        };
        return item.getAnswerOption().stream().map(o -> (Coding) o.getValue())
                .filter(c -> c.getCode().equals(code)).findFirst().orElseThrow();
    }

    /**
     * {@code intake} as the form takes it: the answers to the items the form shows after the
     * answers before them; what it hides is left unknown.
     */
    public static Intake visible(Questionnaire form, Intake intake) {
        Intake.Builder out = Intake.builder();
        Map<String, Coding> given = new HashMap<>();
        for (QuestionnaireItemComponent item : questions(form)) {
            if (!enabled(item, given)) {
                continue;
            }
            Subject subject = Subject.parse(item.getLinkId()).orElseThrow();
            if (subject instanceof Quantity q) {
                out.quantity(q, intake.quantity(q));
            } else {
                State s = intake.state((Finding) subject);
                out.answer((Finding) subject, s);
                if (s != State.UNKNOWN) {
                    given.put(item.getLinkId(), option(item, s));
                }
            }
        }
        return out.build();
    }
}
