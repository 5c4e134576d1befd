package org.dorsal.examples.cds;

/**
 * How one path is served: its name in logs and metrics, its method, the format of its refusals,
 * whether it is a CDS Hooks call (which must carry a trusted EHR's JWT), and whether it is an
 * operational route (health, metrics) that is answered even past the workers' bounds.
 *
 * @param name a short, fixed name: logs and metric labels never carry the request's path
 * @param path the path served
 * @param method the one method allowed, or null for any (the not-found routes)
 * @param fhirErrors refusals as a FHIR OperationOutcome, not a JSON error
 * @param cdsHooks a CDS Hooks call: the EHR's bearer JWT is checked before anything else
 * @param operational health and metrics: cheap, never shed, no patient data
 */
record Route(String name, String path, String method, boolean fhirErrors, boolean cdsHooks, boolean operational) {
    static final String CDS_SERVICES = "/cds-services";

    Route {
        if (name == null || name.isBlank() || path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a route needs a name and an absolute path, got " + name + " " + path);
        }
        if (method != null && !method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("a route is GET or POST, got " + method);
        }
        if (cdsHooks != (path.equals(CDS_SERVICES) || path.startsWith(CDS_SERVICES + "/"))) {
            throw new IllegalArgumentException("exactly the paths under " + CDS_SERVICES + " are CDS Hooks calls: " + path);
        }
    }

    static Route of(String name, String method, String path) {
        boolean cdsHooks = path.equals(CDS_SERVICES) || path.startsWith(CDS_SERVICES + "/");
        return new Route(name, path, method, path.startsWith("/fhir/"), cdsHooks,
                path.startsWith("/health/") || path.equals("/metrics"));
    }
}
