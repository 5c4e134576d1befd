package org.dorsal.examples.cds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cards issued lately, by uuid, so that feedback on a card is stored with what it said. Bounded:
 * the oldest are forgotten first, and feedback on a forgotten card is stored without it.
 */
final class IssuedCards {
    static final int REMEMBERED = 10_000;

    private final Map<String, Cards.Issued> issued = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cards.Issued> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void remember(String uuid, Cards.Issued about) {
        issued.put(uuid, about);
    }

    synchronized Cards.Issued recall(String uuid) {
        return issued.get(uuid);
    }
}
