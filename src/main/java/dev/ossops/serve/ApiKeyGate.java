package dev.ossops.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a request comes from: the principal of its bearer API key (401 without a known key), within that key's rate
 * limit (429). Failed attempts are limited by address as well, so keys cannot be guessed at the full request rate.
 */
final class ApiKeyGate {
    private static final Pattern BEARER = Pattern.compile("Bearer ([\\x21-\\x7e]{1,512})", Pattern.CASE_INSENSITIVE);

    private final ApiKeys keys;
    private final RateLimiter callers;
    private final RateLimiter failedLogins;

    ApiKeyGate(ApiKeys keys, RateLimiter callers, RateLimiter failedLogins) {
        this.keys = keys;
        this.callers = callers;
        this.failedLogins = failedLogins;
    }

    /** The principal of the request's API key, also left on the request for the access log. */
    String authenticate(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        Optional<String> principal = Optional.ofNullable(header)
                .map(BEARER::matcher)
                .filter(Matcher::matches)
                .flatMap(m -> keys.principal(m.group(1)));
        if (principal.isEmpty()) {
            failedLogins.acquire("address " + Request.getRemoteAddr(request)).ifPresent(wait -> {
                throw ServeException.tooManyRequests(
                        "too many requests without a valid API key from this address", wait);
            });
            throw new ServeException(
                    401,
                    header == null
                            ? "an API key is required: Authorization: Bearer <key>"
                            : "the API key is not valid");
        }
        request.setAttribute(ServeHandler.PRINCIPAL, principal.get());
        callers.acquire(principal.get()).ifPresent(wait -> {
            throw ServeException.tooManyRequests("rate limit of API key '" + principal.get() + "' reached", wait);
        });
        return principal.get();
    }
}
