package org.dorsal.examples.cds;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;

/** {@code POST /assess}: intake JSON in, the facade's assessment JSON out. */
final class AssessEndpoint implements Endpoint {
    private final BodyDecoder decoder = new BodyDecoder(Exchanges.JSON, CdsLimits.INTAKE);
    private final Assessor assessor;

    AssessEndpoint(Assessor assessor) {
        this.assessor = assessor;
    }

    @Override
    public Reply answer(HttpExchange ex) throws IOException {
        String body = decoder.text(ex);
        Intake intake;
        try {
            // The intake contract reads the JSON itself, naming the position or field of a fault.
            intake = DorsalJson.readIntake(body);
        } catch (InvalidIntakeException e) {
            throw HttpProblem.badRequest("invalid-intake", e.field(), e.getMessage());
        }
        return Reply.json(DorsalJson.writeAssessment(assessor.assess(Assessor.ASSESS, intake)));
    }
}
