package org.dorsal.fhir;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.Finding;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.Subject;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.dorsal.RuleInfo;
import org.dorsal.State;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

/**
 * The resources Dorsal publishes: the intake Questionnaire and the code systems its other
 * resources use. Built once per {@link DorsalFhir}; callers get copies.
 */
final class Forms {
    private Forms() {
    }

    /** The linkId of the display item that opens the form. */
    static final String ABOUT = "about";

    /**
     * The sections a patient sees, in no order of their own: the form follows the knowledge base's
     * question order, and a section starts wherever that order moves into it.
     */
    enum Section {
        WARNING_SIGNS("warning-signs", "Warning signs"),
        COMPLAINT("complaint", "Your neck and upper back"),
        TIMING_AND_SELF_CARE("timing-and-self-care", "Timing and self-care"),
        HABITS("habits", "Habits and triggers");

        final String linkId;
        final String title;

        Section(String linkId, String title) {
            this.linkId = linkId;
            this.title = title;
        }

        /**
         * The section of {@code subject}. The warning signs are the knowledge base's red-flag
         * findings; the rest is how a patient thinks of the questions, which the knowledge base
         * does not say.
         */
        static Section of(Subject subject, Dorsal dorsal) {
            if (subject instanceof Quantity) {
                return TIMING_AND_SELF_CARE;
            }
            Finding f = (Finding) subject;
            if (dorsal.redFlagFindings().containsKey(f)) {
                return WARNING_SIGNS;
            }
            return switch (f) {
                case NECK_STIFFNESS, UPPER_BACK_STIFFNESS, MUSCLE_SPASM -> COMPLAINT;
                case SELF_CARE_TRIED, IMPROVING, ACUTE_SYMPTOMS_SUBSIDED -> TIMING_AND_SELF_CARE;
                default -> HABITS;
            };
        }
    }

    /**
     * The intake form: a short note on blank answers, then one group per section, holding the
     * knowledge base's questions in its own order (§6), so that reading the questions in document
     * order gives exactly {@link Dorsal#questions()}. Should a section's questions not be
     * consecutive in that order, the section appears twice (its second group's linkId ends in
     * "-2") rather than the order being broken.
     */
    static Questionnaire questionnaire(Dorsal dorsal) {
        Questionnaire q = new Questionnaire();
        q.setId(DorsalFhir.QUESTIONNAIRE_ID);
        q.setUrl(DorsalFhir.QUESTIONNAIRE_URL);
        q.setVersion(dorsal.contentVersion());
        q.setName("DorsalIntake");
        q.setTitle("Dorsal intake: upper back and neck pain");
        q.setStatus(PublicationStatus.ACTIVE);
        q.setPublisher("Dorsal");
        q.addSubjectType("Patient");
        q.setDescription("One episode of upper back or neck pain, as Dorsal reads it. The questions are in"
                + " groups by section (warning signs, the complaint, timing and self-care, habits), in the knowledge"
                + " base's own order. Each finding is answered Yes, No or Don't know (data-absent-reason"
                + " asked-unknown); a finding left unanswered is unknown, and an unknown red-flag finding is never"
                + " read as No. A follow-up question is hidden (enableWhen) while the answers it follows are all No:"
                + " the knowledge base would not ask it then. " + durations() + " They may be left out when unknown.");
        q.addItem().setLinkId(ABOUT).setType(QuestionnaireItemType.DISPLAY)
                .setText("Answer what you can. If you are not sure, choose \u201cDon't know\u201d or leave the question"
                        + " blank: a blank answer counts as \u201cDon't know\u201d, never as \u201cNo\u201d.");
        Map<Subject, List<Finding>> gates = Gates.of(dorsal);
        Map<Section, Integer> seen = new EnumMap<>(Section.class);
        QuestionnaireItemComponent group = null;
        Section current = null;
        for (Question question : dorsal.questions()) {
            Section section = Section.of(question.subject(), dorsal);
            if (section != current) {
                int n = seen.merge(section, 1, Integer::sum);
                group = q.addItem().setLinkId(section.linkId + (n == 1 ? "" : "-" + n))
                        .setText(section.title).setType(QuestionnaireItemType.GROUP);
                current = section;
            }
            item(group.addItem(), question, gates.getOrDefault(question.subject(), List.of()));
        }
        return q;
    }

    private static void item(QuestionnaireItemComponent item, Question question, List<Finding> gate) {
        Subject subject = question.subject();
        item.setLinkId(subject.key()).setText(question.text());
        item.addCode(Codes.finding(subject.key(), label(subject.key())));
        if (subject instanceof Quantity quantity) {
            item.setType(QuestionnaireItemType.QUANTITY);
            for (Codes.Unit unit : Codes.units(quantity)) {
                item.addExtension(Codes.UNIT_OPTION, unit.coding());
            }
        } else {
            item.setType(QuestionnaireItemType.CHOICE);
            // Three short options: radio buttons show them all at once, one click each.
            item.addExtension(Codes.ITEM_CONTROL, new CodeableConcept(
                    new Coding(Codes.ITEM_CONTROL_SYSTEM, "radio-button", "Radio Button")));
            for (State s : State.values()) {
                item.addAnswerOption().setValue(Codes.option(s));
            }
        }
        // Shown while any of the answers it follows is not No: not given yet, Yes or Don't know.
        // "Not given" is said with its own condition: R4 leaves open whether "!=" holds for a
        // question not answered (HAPI's validator says it does not, some renderers say it does),
        // and with both conditions every reading shows and hides the same.
        for (Finding g : gate) {
            item.addEnableWhen().setQuestion(g.key()).setOperator(Questionnaire.QuestionnaireItemOperator.EXISTS)
                    .setAnswer(new BooleanType(false));
            item.addEnableWhen().setQuestion(g.key()).setOperator(Questionnaire.QuestionnaireItemOperator.NOT_EQUAL)
                    .setAnswer(Codes.option(State.ABSENT));
        }
        if (!gate.isEmpty()) {
            item.setEnableBehavior(Questionnaire.EnableWhenBehavior.ANY);
        }
        if (question.help() != null) {
            // SDC's way to attach help: a display item the renderer shows behind a help control.
            QuestionnaireItemComponent help = item.addItem().setLinkId(subject.key() + ".help")
                    .setText(question.help()).setType(QuestionnaireItemType.DISPLAY);
            help.addExtension(Codes.ITEM_CONTROL, new CodeableConcept(
                    new Coding(Codes.ITEM_CONTROL_SYSTEM, "help", "Help-Button")));
        }
    }

    /**
     * What the description says of the quantity items: answered in any unit they offer, read as a
     * whole number of the contract's unit within its range.
     */
    private static String durations() {
        StringBuilder b = new StringBuilder("The durations are quantities in any unit their item offers, and must come"
                + " to a whole number of the first:");
        String sep = " ";
        for (Quantity quantity : Quantity.values()) {
            List<Codes.Unit> units = Codes.units(quantity);
            b.append(sep).append(quantity.field()).append(" in ")
                    .append(String.join(" or ", units.stream().map(u -> u.display() + "s").toList()))
                    .append(", 0 to ").append(quantity.max()).append(' ').append(units.get(0).display()).append('s');
            sep = "; ";
        }
        return b.append('.').toString();
    }

    static List<CodeSystem> codeSystems(Dorsal dorsal) {
        List<CodeSystem> out = new ArrayList<>();
        CodeSystem items = codeSystem(dorsal, "dorsal-intake-item", DorsalFhir.INTAKE_ITEM_SYSTEM, "DorsalIntakeItem",
                "The findings and quantities of a Dorsal intake; each code is also the linkId of its Questionnaire item.");
        for (Question question : dorsal.questions()) {
            items.addConcept().setCode(question.subject().key()).setDisplay(label(question.subject().key()))
                    .setDefinition(question.text());
        }
        out.add(items);

        CodeSystem rules = codeSystem(dorsal, "dorsal-rule", DorsalFhir.RULE_SYSTEM, "DorsalRule",
                "The stable IDs of the rules of the Dorsal knowledge base, as its clinical specification names them.");
        for (RuleInfo rule : dorsal.rules()) {
            rules.addConcept().setCode(rule.id()).setDisplay(rule.name())
                    .setDefinition("Source: " + rule.source());
        }
        out.add(rules);

        CodeSystem dispositions = codeSystem(dorsal, "dorsal-disposition", DorsalFhir.DISPOSITION_SYSTEM,
                "DorsalDisposition", "Where Dorsal advises the person to go next, most urgent first.");
        for (Disposition d : Disposition.values()) {
            dispositions.addConcept().setCode(d.name()).setDisplay(Codes.dispositionText(d));
        }
        out.add(dispositions);
        return out;
    }

    private static CodeSystem codeSystem(Dorsal dorsal, String id, String url, String name, String description) {
        CodeSystem cs = new CodeSystem();
        cs.setId(id);
        cs.setUrl(url);
        cs.setVersion(dorsal.contentVersion());
        cs.setName(name);
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setPublisher("Dorsal");
        cs.setDescription(description);
        cs.setCaseSensitive(true);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        return cs;
    }

    /** "NUMBNESS_OR_TINGLING" reads "Numbness or tingling"; "hoursSinceOnset" reads "Hours since onset". */
    static String label(String code) {
        String words = code.contains("_")
                ? code.replace('_', ' ').toLowerCase(Locale.ROOT)
                : code.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
