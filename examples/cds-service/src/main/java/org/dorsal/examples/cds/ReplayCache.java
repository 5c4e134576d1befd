package org.dorsal.examples.cds;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code jti}s of the tokens accepted lately, each kept until its token expires, so that a
 * token is accepted once. Bounded: when it holds {@code capacity} unexpired entries, it refuses
 * further tokens until some expire rather than forgetting one, which would let that token be
 * replayed (an evicting cache such as Caffeine's size bound would do exactly that).
 */
final class ReplayCache {
    private final int capacity;
    /** In order of first use; with lifetimes of at most a few minutes, nearly in order of expiry too. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    ReplayCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the replay cache needs room for at least one jti, got " + capacity);
        }
        this.capacity = capacity;
    }

    enum Use { FIRST, REPLAYED, FULL }

    /**
     * Records {@code jti} of {@code issuer} as used until {@code expiresAtMillis}.
     *
     * @return FIRST when it was not in use, REPLAYED when it was, FULL when there is no room to remember it
     */
    synchronized Use use(String issuer, String jti, long expiresAtMillis, long nowMillis) {
        String key = issuer + '\u0000' + jti;
        evictExpired(nowMillis);
        Long until = seen.get(key);
        if (until != null && until > nowMillis) {
            return Use.REPLAYED;
        }
        if (seen.size() >= capacity) {
            sweep(nowMillis);
            if (seen.size() >= capacity) {
                return Use.FULL;
            }
        }
        seen.put(key, expiresAtMillis);
        return Use.FIRST;
    }

    synchronized int size() {
        return seen.size();
    }

    /** Drops expired entries from the oldest end: O(1) per request, amortised. */
    private void evictExpired(long now) {
        Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() > now) {
                return;
            }
            it.remove();
        }
    }

    /** Drops every expired entry, wherever it is: only when full, where the oldest end may still be live. */
    private void sweep(long now) {
        seen.values().removeIf(until -> until <= now);
    }
}
