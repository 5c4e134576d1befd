package org.dorsal.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.dorsal.Dorsal;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * HAPI's validator for base R4 (the chain notes/fhir.md describes), with Dorsal's Questionnaire and
 * code systems added so that responses are checked against the form and Dorsal codes against their
 * systems. Shared with the service's tests through the test jar. Building it takes seconds, so
 * there is one per JVM.
 */
public final class FhirChecks {
    public static final FhirContext FHIR = FhirContext.forR4Cached();
    /** The facade with its defaults, built once for all tests of a JVM. */
    public static final Dorsal DORSAL = Dorsal.builder().build();
    public static final DorsalFhir MAPPINGS = DorsalFhir.of(DORSAL);

    private static final FhirValidator VALIDATOR = validator();

    private FhirChecks() {
    }

    private static FhirValidator validator() {
        PrePopulatedValidationSupport dorsal = new PrePopulatedValidationSupport(FHIR);
        dorsal.addResource(MAPPINGS.questionnaire());
        MAPPINGS.codeSystems().forEach(dorsal::addResource);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                dorsal,
                new QuestionnaireSupport(MAPPINGS.questionnaire()),
                new SnapshotGeneratingValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR));
        return FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /**
     * Serves the intake Questionnaire, by its URL with or without a version, to the validator:
     * PrePopulatedValidationSupport keeps only conformance resources, and without the form a
     * QuestionnaireResponse is checked against nothing (the validator merely warns).
     */
    private record QuestionnaireSupport(Questionnaire questionnaire) implements IValidationSupport {
        @Override
        public FhirContext getFhirContext() {
            return FHIR;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            boolean ours = url != null && (url.equals(questionnaire.getUrl()) || url.startsWith(questionnaire.getUrl() + "|"));
            if (ours && (type == null || type.isAssignableFrom(Questionnaire.class))) {
                @SuppressWarnings("unchecked")
                T q = (T) questionnaire;
                return q;
            }
            return null;
        }

        @Override
        public String getName() {
            return "Dorsal intake Questionnaire";
        }
    }

    /** Every message of the validator about {@code resource}. */
    public static synchronized List<SingleValidationMessage> validate(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages();
    }

    /** The errors (and fatal errors) only, as readable lines. */
    public static List<String> errors(IBaseResource resource) {
        return validate(resource).stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    public static String json(IBaseResource resource) {
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    public static <T extends IBaseResource> T parse(Class<T> type, String json) {
        return FHIR.newJsonParser().parseResource(type, json);
    }
}
