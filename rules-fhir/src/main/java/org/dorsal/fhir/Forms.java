package org.dorsal.fhir;

import java.util.ArrayList;
import java.util.List;
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
        q.setDescription("One episode of upper back or neck pain, as Dorsal reads it. Each finding is answered"
                + " Yes, No or Asked But Unknown; a finding left unanswered is unknown, and an unknown red-flag"
                + " finding is never read as No. " + durations() + " They may be left out when unknown.");
        // In the knowledge base's own question order (§6), with its wording and help text.
        for (Question question : dorsal.questions()) {
            Subject subject = question.subject();
            QuestionnaireItemComponent item = q.addItem().setLinkId(subject.key()).setText(question.text());
            item.addCode(Codes.finding(subject.key(), label(subject.key())));
            if (subject instanceof Quantity quantity) {
                item.setType(QuestionnaireItemType.QUANTITY);
                for (Codes.Unit unit : Codes.units(quantity)) {
                    item.addExtension(Codes.UNIT_OPTION, unit.coding());
                }
            } else {
                item.setType(QuestionnaireItemType.CHOICE);
                for (State s : State.values()) {
                    item.addAnswerOption().setValue(Codes.answer(s));
                }
            }
            if (question.help() != null) {
                // SDC's way to attach help: a display item the renderer shows behind a help control.
                QuestionnaireItemComponent help = item.addItem().setLinkId(subject.key() + ".help")
                        .setText(question.help()).setType(QuestionnaireItemType.DISPLAY);
                help.addExtension(Codes.ITEM_CONTROL, new CodeableConcept(
                        new Coding(Codes.ITEM_CONTROL_SYSTEM, "help", "Help-Button")));
            }
        }
        return q;
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
