package org.dorsal.examples.cds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /cds-services/dorsal-patient-view/feedback}: clinicians' feedback on cards, checked
 * whole and then appended to the log, forced to disk before the 200.
 */
final class FeedbackEndpoint implements Endpoint {
    static final String STORED = "dorsal.feedback.stored";

    private final BodyDecoder decoder = new BodyDecoder(Exchanges.JSON, CdsLimits.FEEDBACK);
    private final FeedbackLog log;
    private final IssuedCards issued;
    private final Counter stored;

    FeedbackEndpoint(FeedbackLog log, IssuedCards issued, MeterRegistry metrics) {
        this.log = log;
        this.issued = issued;
        this.stored = Counter.builder(STORED).description("Feedback items appended to the feedback log and forced to disk")
                .register(metrics);
    }

    @Override
    public Reply answer(HttpExchange ex) throws IOException {
        List<FeedbackItem> items = FeedbackItem.listOf(decoder.json(ex, "the feedback"));
        String received = Instant.now().toString();
        List<String> lines = items.stream()
                .map(i -> Json.write(i.record(received, CdsService.SERVICE_ID, issued.recall(i.card()))))
                .toList();
        // Every item was checked before any is written: a request is stored whole or not at all.
        log.append(lines);
        stored.increment(lines.size());
        ObjectNode answer = Json.object();
        answer.put("stored", lines.size());
        return Reply.json(Json.write(answer));
    }
}
