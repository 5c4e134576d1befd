package org.dorsal.examples.cds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.dorsal.internal.Text;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** FHIR R4 JSON in and out: strict reading (an unknown element is an error), pretty writing. */
final class FhirJson {
    private final FhirContext context;

    FhirJson(FhirContext context) {
        this.context = context;
    }

    FhirContext context() {
        return context;
    }

    /** {@code text} as a {@code type}, or a 400 {@code invalid-fhir} naming what it is not. */
    <T extends IBaseResource> T parse(Class<T> type, String text) {
        try {
            return context.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(type, text);
        } catch (DataFormatException e) {
            throw HttpProblem.badRequest("invalid-fhir", "body", "the body is not a valid FHIR R4 " + type.getSimpleName() + ": "
                    + Text.clip(e.getMessage(), 200));
        }
    }

    String encode(IBaseResource resource) {
        return context.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }
}
