package org.dorsal.examples.cds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.dorsal.fhir.IntakeResponses;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Every refusal the service sends, in the format of its route: an {@code OperationOutcome} under
 * {@code /fhir}, a JSON error {@code {"error", "field", "message"}} elsewhere. Never advice.
 */
final class ErrorRenderer {
    private final FhirJson fhir;

    ErrorRenderer(FhirJson fhir) {
        this.fhir = fhir;
    }

    void send(HttpExchange ex, HttpProblem p, boolean fhirFormat) throws IOException {
        p.headers.forEach((name, value) -> ex.getResponseHeaders().set(name, value));
        if (fhirFormat) {
            Exchanges.send(ex, p.status, Exchanges.FHIR_JSON, fhir.encode(outcome(p)));
        } else {
            Exchanges.send(ex, p.status, Exchanges.JSON, json(p));
        }
    }

    static String json(HttpProblem p) {
        ObjectNode error = Json.object();
        error.put("error", p.code);
        if (p.field != null) {
            error.put("field", p.field);
        }
        error.put("message", p.getMessage());
        return Json.write(error);
    }

    static OperationOutcome outcome(HttpProblem p) {
        OperationOutcome o = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = o.addIssue()
                .setSeverity(p.status >= 500 && p.status != 503 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                .setCode(switch (p.status) {
                    case 401 -> OperationOutcome.IssueType.LOGIN;
                    case 404 -> OperationOutcome.IssueType.NOTFOUND;
                    case 405, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
                    case 413 -> OperationOutcome.IssueType.TOOLONG;
                    case 503 -> OperationOutcome.IssueType.TRANSIENT;
                    case 500 -> OperationOutcome.IssueType.EXCEPTION;
                    default -> p.code.equals("invalid-fhir") ? OperationOutcome.IssueType.STRUCTURE : OperationOutcome.IssueType.INVALID;
                })
                .setDiagnostics(p.getMessage());
        if (p.code.equals("invalid-intake") && p.field != null) {
            issue.addExpression(IntakeResponses.expression(p.field));
        }
        return o;
    }
}
