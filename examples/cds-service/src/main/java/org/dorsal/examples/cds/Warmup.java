package org.dorsal.examples.cds;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.fhir.DorsalFhir;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Runs every assessing path once or a few times before the service says it is ready: the first
 * call of each pays for class loading, HAPI's parser set-up and the rule network's first firing
 * (hundreds of milliseconds), which no EHR's first hook call should. It runs the endpoints' own
 * code, without HTTP, on throwaway metrics and cards, so nothing of it is counted or remembered.
 */
final class Warmup {
    private static final String PATIENT = "warm-up";
    private static final int ROUNDS = 5;

    private Warmup() {
    }

    /** The intakes warmed with: a red flag, a self-care case, and an empty (provisional) one. */
    static List<Intake> intakes() {
        return List.of(
                Intake.builder().hoursSinceOnset(2).present(Finding.SEVERE_SUDDEN_HEADACHE).build(),
                Intake.builder().hoursSinceOnset(30).present(Finding.MUSCLE_SPASM).absent(Finding.NUMBNESS_OR_TINGLING).build(),
                Intake.builder().build());
    }

    static void run(Dorsal dorsal, DorsalFhir fhir, FhirContext context) {
        FhirJson json = new FhirJson(context);
        Assessor assessor = new Assessor(dorsal, new SimpleMeterRegistry(), null);
        PatientViewEndpoint hook = new PatientViewEndpoint(fhir, context, assessor, new IssuedCards(), Cards.interview(URI.create("http://127.0.0.1")));
        for (int round = 0; round < ROUNDS; round++) {
            for (Intake intake : intakes()) {
                DorsalJson.writeAssessment(dorsal.assess(DorsalJson.readIntake(DorsalJson.writeIntake(intake))));
                QuestionnaireResponse qr = fhir.questionnaireResponse(intake);
                qr.setSubject(new Reference("Patient/" + PATIENT));
                Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
                bundle.addEntry().setResource(qr);
                String request = "{\"hook\":\"patient-view\",\"hookInstance\":\"warm-up\",\"context\":{\"patientId\":\"" + PATIENT
                        + "\"},\"prefetch\":{\"intake\":" + json.encode(bundle) + "}}";
                hook.cards(HookRequest.of(BodyDecoder.json(request, "the warm-up request")));
                QuestionnaireResponse parsed = json.parse(QuestionnaireResponse.class, json.encode(qr));
                json.encode(fhir.guidanceResponse(dorsal.assess(fhir.intake(parsed)), parsed.getSubject()));
            }
        }
    }
}
