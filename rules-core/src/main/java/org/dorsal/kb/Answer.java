package org.dorsal.kb;

import org.dorsal.Finding;
import org.dorsal.State;

/** The state of one finding. Every finding has exactly one Answer in a session, unknown ones too. */
public record Answer(Finding finding, State state) {
}
