package org.dorsal;

import java.util.Locale;
import java.util.Optional;

/**
 * The answer to a {@link Finding}. {@code UNKNOWN} means "not asked or not answered" and is never
 * read as {@code ABSENT}: an unknown red-flag finding keeps an assessment provisional.
 */
public enum State {
    PRESENT,
    ABSENT,
    UNKNOWN;

    /** The name used in the intake JSON: {@code "present"}, {@code "absent"} or {@code "unknown"}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state whose {@link #json()} name is exactly {@code name}, if there is one. */
    public static Optional<State> fromJson(String name) {
        for (State s : values()) {
            if (s.json().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
