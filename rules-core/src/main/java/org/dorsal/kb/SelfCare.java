package org.dorsal.kb;

/** Days of consistent self-care; absent from the session when unknown. */
public record SelfCare(int days) {
}
