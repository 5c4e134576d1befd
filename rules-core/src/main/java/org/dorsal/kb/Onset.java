package org.dorsal.kb;

/** Hours since the episode began; absent from the session when unknown. */
public record Onset(int hours) {
}
