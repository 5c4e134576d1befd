package org.dorsal.kb;

import org.dorsal.Finding;
import org.dorsal.State;

/** The state of one finding. Every finding has exactly one Answer in a session, unknown ones too. */
public record Answer(Finding finding, State state) {
    private static final Answer[][] ALL = new Answer[Finding.values().length][State.values().length];

    static {
        for (Finding f : Finding.values()) {
            for (State s : State.values()) {
                ALL[f.ordinal()][s.ordinal()] = new Answer(f, s);
            }
        }
    }

    /** The answer for {@code finding} in {@code state}; values are shared, since an Answer never changes. */
    public static Answer of(Finding finding, State state) {
        return ALL[finding.ordinal()][state.ordinal()];
    }
}
