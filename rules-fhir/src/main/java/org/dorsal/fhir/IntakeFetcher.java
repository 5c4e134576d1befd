package org.dorsal.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.dorsal.fhir.IntakeFetchException.Failure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Fetches a patient's newest intake from an EHR's FHIR server, for a host whose caller did not send
 * it (a CDS Hooks request without prefetch, but with {@code fhirServer} and
 * {@code fhirAuthorization}). It runs {@link IntakeResponses#SEARCH_TEMPLATE} for the patient through
 * HAPI's generic client with the caller's bearer token, and picks the answer as
 * {@link IntakeResponses#newest(Bundle)} does a prefetched Bundle, so that both paths advise alike.
 *
 * <pre>{@code
 * IntakeFetcher fetcher = IntakeFetcher.builder().connectTimeout(Duration.ofSeconds(2)).build();   // one per host
 * Optional<QuestionnaireResponse> newest = fetcher.newest(URI.create("https://ehr.example.org/fhir"), accessToken, "123");
 * }</pre>
 *
 * <p>The access token is sent to the FHIR server's base URL and nowhere else: redirects are not
 * followed, a {@code next} link to another scheme, host, port or path is refused, plain
 * {@code http} is allowed to a loopback address only, and no cookie, proxy setting from system
 * properties or authentication cache is used. Nothing here logs. (HAPI's client runs on Apache
 * HttpClient 4, whose {@code org.apache.http.headers} and {@code org.apache.http.wire} loggers
 * print request headers, the token among them, at debug level: keep them above debug.)
 *
 * <p>The search asks for the newest response only ({@code _sort=-authored&_count=1}). When a page
 * holds no intake (a server that ignored {@code questionnaire} or {@code status} filled it with
 * other responses), the next page is read, up to {@link Builder#maxPages(int)}. Every response on
 * every page must be about the patient: one about anyone else fails the whole fetch, since it shows
 * the server ignored the patient in the search.
 *
 * <p>Thread-safe; holds a connection pool (no threads) for the life of the host.
 */
public final class IntakeFetcher {
    /** RFC 6750's b64token: what a bearer token may hold, so that it cannot break the header it goes in. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final ApacheRestfulClientFactory clients;
    private final int maxPages;

    private IntakeFetcher(Builder b) {
        FhirContext context = FhirContext.forR4();
        // Read as strictly as a prefetched Bundle is, so that both paths refuse the same answers.
        context.setParserErrorHandler(new StrictErrorHandler());
        int connect = Math.toIntExact(b.connectTimeout.toMillis());
        int read = Math.toIntExact(b.readTimeout.toMillis());
        long maxBytes = b.maxBytes;
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(30, TimeUnit.SECONDS);
        pool.setMaxTotal(b.maxConnections);
        pool.setDefaultMaxPerRoute(b.maxConnections);
        // Our own Apache client rather than HAPI's default one, which follows redirects (copying the
        // Authorization header to wherever they lead) and reads proxies from system properties.
        this.clients = new ApacheRestfulClientFactory(context);
        this.clients.setHttpClient(HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect)
                        .setConnectionRequestTimeout(connect)
                        .setSocketTimeout(read)
                        .setRedirectsEnabled(false)
                        .setAuthenticationEnabled(false)
                        .build())
                .disableRedirectHandling()
                // Not followed, and not passed on to HAPI either, which would report any 3xx as a 500.
                .addInterceptorFirst((HttpResponseInterceptor) (response, http) -> {
                    int status = response.getStatusLine().getStatusCode();
                    if (status >= 300 && status < 400) {
                        throw new RedirectRefused(status);
                    }
                    bound(response, maxBytes);
                })
                .disableCookieManagement()
                .disableAuthCaching()
                // A retried request after a read timeout would double the wait.
                .disableAutomaticRetries()
                .build());
        // No capability-statement check before the search: one request per page, nothing else.
        this.clients.setServerValidationMode(ServerValidationModeEnum.NEVER);
        // HAPI's requests take their HTTP client from the context's factory, not from the one that
        // made the generic client: without this they would run on HAPI's defaults. The context is
        // this fetcher's own, so no other user of HAPI is affected.
        context.setRestfulClientFactory(clients);
        this.maxPages = b.maxPages;
    }

    /**
     * Refuses an answer that says it is longer than {@code maxBytes}, and cuts one that turns out
     * longer: a cut JSON or XML document never parses, so it fails as unreadable.
     */
    private static void bound(HttpResponse response, long maxBytes) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return;
        }
        if (entity.getContentLength() > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        response.setEntity(new HttpEntityWrapper(entity) {
            @Override
            public InputStream getContent() throws IOException {
                return BoundedInputStream.builder().setInputStream(super.getContent()).setMaxCount(maxBytes).get();
            }
        });
    }

    /** Starts a fetcher with 2 s to connect, 5 s to wait for each read, 5 pages at most of 1 MiB each. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The patient's newest intake on the FHIR server at {@code fhirServer}, read with
     * {@code accessToken}.
     *
     * @param fhirServer the FHIR base URL, e.g. {@code https://ehr.example.org/fhir}: https, or http to
     *        a loopback address; no user info, query or fragment
     * @param accessToken an OAuth 2.0 bearer token; sent as {@code Authorization: Bearer ...} to
     *        {@code fhirServer} only
     * @param patientId the FHIR id of the patient, e.g. {@code 123}
     * @return empty when the server holds no intake for the patient
     * @throws IllegalArgumentException when an argument is not as described (the message never
     *         holds the token)
     * @throws IntakeFetchException when the server could not be asked or its answer cannot be
     *         trusted; {@link IntakeFetchException#failure()} says which
     */
    public Optional<QuestionnaireResponse> newest(URI fhirServer, String accessToken, String patientId) {
        Base base = Base.of(fhirServer);
        requireToken(accessToken);
        String search = IntakeResponses.search(patientId);
        IGenericClient client = clients.newGenericClient(base.url);
        client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
        Bundle page = call(() -> client.search().byUrl(search).returnBundle(Bundle.class).execute());
        for (int n = 1; ; n++) {
            requireAbout(page, patientId);
            Optional<QuestionnaireResponse> newest = IntakeResponses.newest(page);
            Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
            if (newest.isPresent() || next == null || !next.hasUrl()) {
                return newest;
            }
            if (n == maxPages) {
                throw new IntakeFetchException(Failure.TOO_MANY_PAGES, "no intake on the first " + maxPages
                        + " pages of the FHIR server's answer, and more pages remain");
            }
            String url = base.resolve(next.getUrl());
            page = call(() -> client.loadPage().byUrl(url).andReturnBundle(Bundle.class).execute());
        }
    }

    /**
     * Checks {@code fhirServer} as {@link #newest} does, so that a host can name the field at fault
     * before it fetches.
     *
     * @throws IllegalArgumentException unless it is an https base URL (http to a loopback address),
     *         with a host and no user info, query or fragment
     */
    public static void requireServer(URI fhirServer) {
        Base.of(fhirServer);
    }

    /**
     * Checks {@code accessToken} as {@link #newest} does: a bearer token as RFC 6750 defines it,
     * which cannot break the header it is sent in.
     *
     * @throws IllegalArgumentException otherwise; the message does not quote the token
     */
    public static void requireToken(String accessToken) {
        if (accessToken == null || !BEARER_TOKEN.matcher(accessToken).matches()) {
            throw new IllegalArgumentException("the access token must be a non-empty bearer token (RFC 6750 b64token)");
        }
    }

    private static void requireAbout(Bundle page, String patientId) {
        for (Bundle.BundleEntryComponent entry : page.getEntry()) {
            if (entry.getResource() instanceof QuestionnaireResponse r && !IntakeResponses.isFor(r, patientId)) {
                throw new IntakeFetchException(Failure.OTHER_PATIENT,
                        "the FHIR server answered with a QuestionnaireResponse about another patient");
            }
        }
    }

    private interface Call {
        Bundle run();
    }

    /** One request; HAPI's and Apache's exceptions become an {@link IntakeFetchException} without their messages, which may quote the server. */
    private static Bundle call(Call call) {
        Bundle bundle;
        try {
            bundle = call.run();
        } catch (NonFhirResponseException e) {
            throw new IntakeFetchException(Failure.UNREADABLE, "the FHIR server answered " + e.getStatusCode()
                    + " with something that is not FHIR");
        } catch (FhirClientConnectionException e) {
            // HAPI reports a parse failure as a connection failure too; the cause tells them apart.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InterruptedIOException) {
                    throw new IntakeFetchException(Failure.TIMEOUT, "the FHIR server did not answer in time");
                }
                if (t instanceof DataFormatException) {
                    throw unreadable();
                }
                if (t instanceof TooLarge) {
                    throw new IntakeFetchException(Failure.TOO_LARGE, "the FHIR server's answer is longer than the "
                            + t.getMessage() + " bytes accepted");
                }
                if (t instanceof RedirectRefused r) {
                    throw new IntakeFetchException(Failure.REDIRECTED, "the FHIR server redirected the search (" + r.status
                            + "); redirects are not followed, so the token goes to the base URL only");
                }
            }
            throw new IntakeFetchException(Failure.UNREACHABLE, "the FHIR server could not be reached");
        } catch (BaseServerResponseException e) {
            int status = e.getStatusCode();
            throw switch (status) {
                case 401 -> new IntakeFetchException(Failure.UNAUTHORIZED, "the FHIR server did not accept the access token (401)");
                case 403 -> new IntakeFetchException(Failure.FORBIDDEN,
                        "the access token does not allow reading the patient's QuestionnaireResponses (403)");
                default -> status >= 400 && status < 500
                        ? new IntakeFetchException(Failure.REFUSED, "the FHIR server refused the search (" + status + ")")
                        : new IntakeFetchException(Failure.SERVER_ERROR, "the FHIR server failed (" + status + ")");
            };
        } catch (DataFormatException | ClassCastException e) {
            throw unreadable();
        }
        if (bundle == null || bundle.getType() != Bundle.BundleType.SEARCHSET) {
            throw new IntakeFetchException(Failure.UNREADABLE, "the FHIR server's answer is not a search Bundle");
        }
        return bundle;
    }

    /** A 3xx answer, stopped in Apache's client; HAPI passes it on as the cause of its connection exception. */
    private static final class RedirectRefused extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        RedirectRefused(int status) {
            super("redirect refused: " + status, null);
            this.status = status;
        }
    }

    /** An answer whose Content-Length is over the bound; the message is the bound. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super(Long.toString(maxBytes), null);
        }
    }

    private static IntakeFetchException unreadable() {
        return new IntakeFetchException(Failure.UNREADABLE, "the FHIR server's answer is not a FHIR R4 Bundle that reads strictly"
                + " (or was cut at the size bound)");
    }

    /** The FHIR base URL the token may go to, and the check that a link stays under it. */
    private record Base(String url, URI uri) {
        static Base of(URI fhirServer) {
            Objects.requireNonNull(fhirServer, "fhirServer");
            String scheme = fhirServer.getScheme() == null ? "" : fhirServer.getScheme().toLowerCase(Locale.ROOT);
            if (!fhirServer.isAbsolute() || fhirServer.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("fhirServer must be an absolute https URL with a host");
            }
            if (fhirServer.getRawUserInfo() != null || fhirServer.getRawQuery() != null || fhirServer.getRawFragment() != null) {
                throw new IllegalArgumentException("fhirServer must be a base URL: no user info, query or fragment");
            }
            if (scheme.equals("http") && !isLoopback(fhirServer.getHost())) {
                throw new IllegalArgumentException("fhirServer must use https: the access token is sent over plain http to a loopback address only");
            }
            String url = fhirServer.toString().replaceAll("/+$", "");
            return new Base(url, URI.create(url + "/"));
        }

        /** {@code link} made absolute, if it stays on this base's scheme, host, port and path. */
        String resolve(String link) {
            URI target;
            try {
                target = uri.resolve(new URI(link)).normalize();
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IntakeFetchException(Failure.UNREADABLE, "the FHIR server's next link is not a URL");
            }
            boolean same = uri.getScheme().equalsIgnoreCase(target.getScheme())
                    && uri.getHost().equalsIgnoreCase(target.getHost())
                    && port(uri) == port(target)
                    && target.getRawUserInfo() == null
                    && (target.getRawPath() + "/").startsWith(uri.getRawPath());
            if (!same) {
                throw new IntakeFetchException(Failure.FOREIGN_LINK,
                        "the FHIR server's next link leads away from its base URL; the token is not sent there");
            }
            return target.toString();
        }

        private static int port(URI u) {
            return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        }

        /** By name only, never by a DNS lookup: a name that resolves to loopback today may not tomorrow. */
        private static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
        }
    }

    /** Timeouts and bounds of an {@link IntakeFetcher}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(5);
        private int maxPages = 5;
        private int maxConnections = 20;
        private long maxBytes = 1024 * 1024;

        private Builder() {
        }

        /** How long to wait for a connection (and for a free one from the pool). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** How long to wait for each read of the answer: a server that stalls fails after this. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "read timeout");
            return this;
        }

        /** How many pages to read at most while no page holds an intake. */
        public Builder maxPages(int pages) {
            if (pages < 1) {
                throw new IllegalArgumentException("max pages must be at least 1, got " + pages);
            }
            this.maxPages = pages;
            return this;
        }

        /** How long each page of the answer may be, in bytes: as much as the CDS service takes in a whole hook request by default (1 MiB). */
        public Builder maxBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("max bytes must be at least 1, got " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /** How many connections to FHIR servers may be open at once. */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("max connections must be at least 1, got " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        public IntakeFetcher build() {
            return new IntakeFetcher(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " must be positive and under 24 days, got " + d);
            }
            return d;
        }
    }
}
