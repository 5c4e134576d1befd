package org.dorsal.examples.cds;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Date;
import org.dorsal.Assessment;
import org.dorsal.InvalidIntakeException;
import org.dorsal.fhir.DorsalFhir;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** The FHIR R4 endpoints under {@code /fhir}: the form, the code systems, and {@code $assess}. */
final class FhirEndpoints {
    static final String CODE_SYSTEM = "/fhir/CodeSystem";

    private FhirEndpoints() {
    }

    /** {@code GET /fhir/Questionnaire/dorsal-intake}: the intake form, encoded once. */
    static Endpoint questionnaire(DorsalFhir fhir, FhirJson json) {
        Reply reply = Reply.fhir(json.encode(fhir.questionnaire()));
        return ex -> reply;
    }

    /** {@code GET /fhir/CodeSystem/{id}}: one of Dorsal's code systems. */
    static Endpoint codeSystem(DorsalFhir fhir, FhirJson json) {
        return ex -> {
            String id = ex.getRequestURI().getPath().substring(CODE_SYSTEM.length() + 1);
            CodeSystem cs = fhir.codeSystems().stream().filter(c -> c.getIdElement().getIdPart().equals(id)).findFirst()
                    .orElseThrow(() -> new HttpProblem(404, "not-found", "id", "no such CodeSystem"));
            return Reply.fhir(json.encode(cs));
        };
    }

    /** {@code POST /fhir/QuestionnaireResponse/$assess}: a response assessed into a GuidanceResponse. */
    static final class Assess implements Endpoint {
        private final BodyDecoder decoder = new BodyDecoder(Exchanges.FHIR_JSON, CdsLimits.FHIR);
        private final DorsalFhir fhir;
        private final FhirJson json;
        private final Assessor assessor;

        Assess(DorsalFhir fhir, FhirJson json, Assessor assessor) {
            this.fhir = fhir;
            this.json = json;
            this.assessor = assessor;
        }

        @Override
        public Reply answer(HttpExchange ex) throws IOException {
            QuestionnaireResponse response = json.parse(QuestionnaireResponse.class, decoder.text(ex));
            Assessment a;
            try {
                a = assessor.assess(Assessor.FHIR_ASSESS, fhir.intake(response));
            } catch (InvalidIntakeException e) {
                throw HttpProblem.badRequest("invalid-intake", e.field(), e.getMessage());
            }
            GuidanceResponse g = fhir.guidanceResponse(a, response.hasSubject() ? response.getSubject() : null);
            g.setOccurrenceDateTime(new Date());
            return Reply.fhir(json.encode(g));
        }
    }
}
