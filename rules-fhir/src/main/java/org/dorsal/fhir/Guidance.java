package org.dorsal.fhir;

import java.util.HashMap;
import java.util.Map;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Evidence;
import org.dorsal.Finding;
import org.dorsal.Question;
import org.dorsal.Quantity;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;
import org.dorsal.State;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.RequestGroup.RequestPriority;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.GuidanceResponse.GuidanceResponseStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.RequestGroup.RequestGroupActionComponent;
import org.hl7.fhir.r4.model.RequestGroup.RequestIntent;
import org.hl7.fhir.r4.model.RequestGroup.RequestStatus;

/**
 * An assessment as a GuidanceResponse. Everything it refers to is contained, so the resource
 * stands alone: the RequestGroup of actions, one CommunicationRequest per action (invariant
 * rqg-1 wants a resource on every leaf action), and one Observation per red flag.
 */
final class Guidance {
    private static final String ACTIONS = "actions";

    private Guidance() {
    }

    static GuidanceResponse of(Assessment a, Reference subject) {
        GuidanceResponse g = new GuidanceResponse();
        g.setModule(new org.hl7.fhir.r4.model.UriType(DorsalFhir.KNOWLEDGE_BASE_URI + "|" + a.contentVersion()));
        g.setStatus(a.provisional() ? GuidanceResponseStatus.DATAREQUIRED : GuidanceResponseStatus.SUCCESS);
        if (subject != null) {
            g.setSubject(subject.copy());
        }
        g.setResult(new Reference("#" + ACTIONS));
        g.addNote(new Annotation().setText(summary(a)));
        for (Question q : a.questions()) {
            g.addDataRequirement(requirement(q));
        }

        Map<String, RedFlag> flags = new HashMap<>();
        for (RedFlag flag : a.redFlags()) {
            flags.put(flag.id(), flag);
            g.addContained(observation(flag, subject));
        }

        RequestGroup group = new RequestGroup();
        group.setId(ACTIONS);
        group.setStatus(RequestStatus.DRAFT);
        group.setIntent(RequestIntent.PROPOSAL);
        group.setPriority(priority(a.disposition()));
        group.setCode(new CodeableConcept(Codes.disposition(a.disposition())).setText(Codes.dispositionText(a.disposition())));
        if (subject != null) {
            group.setSubject(subject.copy());
        }
        for (Recommendation r : a.recommendations()) {
            RedFlag flag = flags.get(r.id());
            RequestPriority priority = r.disposition() == null ? null : priority(r.disposition());
            CommunicationRequest request = communication(r, flag, priority, subject);
            g.addContained(request);
            RequestGroupActionComponent action = group.addAction()
                    .setTitle(r.id())
                    .setDescription(describe(r))
                    .setResource(new Reference("#" + request.getIdElement().getIdPart()));
            action.addCode(new CodeableConcept(Codes.rule(r.id())).setText(r.kind().name()));
            action.addDocumentation(new RelatedArtifact()
                    .setType(RelatedArtifact.RelatedArtifactType.CITATION)
                    .setLabel(r.id())
                    .setCitation(citation(r.source())));
            if (priority != null) {
                action.setPriority(priority);
            }
        }
        // The group comes first among the contained resources: the one the result points at.
        g.getContained().add(0, group);
        return g;
    }

    private static String summary(Assessment a) {
        String s = "Disposition " + a.disposition() + ": " + Codes.dispositionText(a.disposition()) + ".";
        if (a.provisional()) {
            long open = a.questions().stream().filter(Question::redFlag).count();
            s += " Provisional: " + open + " red-flag question" + (open == 1 ? " is" : "s are")
                    + " unanswered, so this disposition is a floor, not a verdict.";
        }
        return s + " Decided by Dorsal content " + a.contentVersion() + ".";
    }

    private static DataRequirement requirement(Question q) {
        DataRequirement d = new DataRequirement();
        d.setType("QuestionnaireResponse");
        d.addCodeFilter().setPath("item.linkId")
                .addCode(Codes.finding(q.subject().key(), q.text()));
        return d;
    }

    private static Observation observation(RedFlag flag, Reference subject) {
        Observation o = new Observation();
        o.setId(observationId(flag.id()));
        // Reported by the person, screened by rules: not a clinician's confirmed finding.
        o.setStatus(Observation.ObservationStatus.PRELIMINARY);
        o.addCategory(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(Codes.OBSERVATION_CATEGORY, "survey", "Survey")));
        o.setCode(new CodeableConcept(Codes.rule(flag.id())).setText(flag.reason()));
        o.setValue(new CodeableConcept(Codes.disposition(flag.disposition())).setText(Codes.dispositionText(flag.disposition())));
        if (subject != null) {
            o.setSubject(subject.copy());
        }
        boolean snomed = false;
        for (Evidence e : flag.evidence()) {
            Observation.ObservationComponentComponent c = o.addComponent();
            if (e.subject() instanceof Quantity quantity) {
                c.setCode(new CodeableConcept(Codes.finding(quantity.field(), Forms.label(quantity.field())))
                        .setText(Forms.label(quantity.field())));
                c.setValue(Codes.quantity(quantity, Long.parseLong(e.value())));
                continue;
            }
            Finding finding = (Finding) e.subject();
            snomed |= Codes.hasSnomed(finding);
            c.setCode(Codes.findingConcept(finding, Forms.label(finding.name())));
            c.setValue(new CodeableConcept(Codes.answer(State.fromJson(e.value()).orElseThrow())));
        }
        if (snomed) {
            o.addNote(new Annotation().setText("The SNOMED CT codes in this resource were " + Codes.UNVERIFIED_NOTE
                    + "; each is marked with the extension " + DorsalFhir.UNVERIFIED_CODE_EXTENSION + "."));
        }
        return o;
    }

    private static CommunicationRequest communication(Recommendation r, RedFlag flag, RequestPriority priority,
                                                      Reference subject) {
        CommunicationRequest c = new CommunicationRequest();
        c.setId("cr-" + r.id());
        c.setStatus(CommunicationRequest.CommunicationRequestStatus.DRAFT);
        if (priority != null) {
            c.setPriority(CommunicationRequest.CommunicationPriority.fromCode(priority.toCode()));
        }
        if (subject != null) {
            c.setSubject(subject.copy());
        }
        c.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(describe(r)));
        for (Evidence e : r.evidence()) {
            c.addReasonCode(new CodeableConcept().setText(e.subject().key() + " = " + e.value()));
        }
        if (flag != null) {
            c.addReasonReference(new Reference("#" + observationId(flag.id())));
        }
        return c;
    }

    private static String observationId(String ruleId) {
        return "rf-" + ruleId;
    }

    private static String describe(Recommendation r) {
        return r.dose() == null ? r.text() : r.text() + " Dose: " + r.dose() + ".";
    }

    private static String citation(String source) {
        return source.equals("policy")
                ? "Dorsal clinical specification (policy: not stated by the clinical sources)"
                : source;
    }

    private static RequestPriority priority(Disposition d) {
        return switch (d) {
            case EMERGENCY -> RequestPriority.STAT;
            case URGENT -> RequestPriority.URGENT;
            case ROUTINE, SELF_CARE -> RequestPriority.ROUTINE;
        };
    }
}
