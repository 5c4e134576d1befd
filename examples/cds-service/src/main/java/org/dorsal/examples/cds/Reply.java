package org.dorsal.examples.cds;

/**
 * A successful answer, before it is sent: status, media type (without charset) and body.
 *
 * <pre>
 * return Reply.json(Json.write(root));
 * </pre>
 */
record Reply(int status, String contentType, String body) {
    Reply {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a reply is a 2xx answer; refusals are HttpProblems, got " + status);
        }
        if (contentType == null || body == null) {
            throw new IllegalArgumentException("a reply needs a content type and a body");
        }
    }

    static Reply json(String body) {
        return new Reply(200, Exchanges.JSON, body);
    }

    static Reply fhir(String body) {
        return new Reply(200, Exchanges.FHIR_JSON, body);
    }
}
