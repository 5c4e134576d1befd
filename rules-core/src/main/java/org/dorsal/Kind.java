package org.dorsal;

/** What kind of advice a {@link Recommendation} is; declared in the order a reader should see them. */
public enum Kind {
    ESCALATION,
    WARNING,
    THERMAL,
    EXERCISE,
    PREVENTION,
    EDUCATION,
    SAFETY_NET
}
