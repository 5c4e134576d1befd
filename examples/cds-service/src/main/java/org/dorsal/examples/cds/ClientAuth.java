package org.dorsal.examples.cds;

/**
 * The check of the EHR's bearer JWT on every CDS Hooks call (CDS Hooks 2.0, "Trusting CDS
 * Clients"). Implemented by {@link JwtClientAuth}; absent when client authentication is off.
 */
interface ClientAuth {
    /**
     * Returns when {@code authorization} carries a token a trusted EHR signed for {@code path};
     * otherwise throws {@link Refused} naming the check that failed.
     *
     * @param authorization the Authorization header, or null
     * @param path the path called; the token's {@code aud} must be the audience base URL plus it
     * @param route the route's name, for the log
     */
    void check(String authorization, String path, String route);

    /** A refused token: 401, with the check that failed and nothing else about the token. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String check;

        Refused(String check, String message) {
            super(message, null, false, false);
            this.check = check;
        }

        String check() {
            return check;
        }

        HttpProblem problem() {
            HttpProblem p = new HttpProblem(401, "unauthorized", check, getMessage());
            return p.withHeader("WWW-Authenticate", check.equals("token")
                    ? "Bearer realm=\"cds-services\""
                    : "Bearer realm=\"cds-services\", error=\"invalid_token\"");
        }
    }
}
