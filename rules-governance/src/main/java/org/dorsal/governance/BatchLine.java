package org.dorsal.governance;

import java.util.Objects;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;

/**
 * One line of a batch input, read: either an intake or the reason it was refused, never both.
 *
 * @param number the line's number, from 1
 * @param id the line's own id ({@code "id"} of an intake line, or the {@code QuestionnaireResponse}'s
 *        id); null when it has none
 * @param intake the intake read; null when the line was refused
 * @param error why the line was refused; null when it was read
 */
public record BatchLine(long number, String id, Intake intake, InvalidIntakeException error) {
    public BatchLine {
        if ((intake == null) == (error == null)) {
            throw new IllegalArgumentException("a line holds an intake or an error, exactly one");
        }
    }

    static BatchLine read(long number, String id, Intake intake) {
        return new BatchLine(number, id, Objects.requireNonNull(intake, "intake"), null);
    }

    static BatchLine refused(long number, String id, InvalidIntakeException error) {
        return new BatchLine(number, id, null, Objects.requireNonNull(error, "error"));
    }

    public boolean ok() {
        return error == null;
    }

    /** What the output is keyed by: the line's id if it has one, otherwise its number. */
    public String key() {
        return id != null ? id : Long.toString(number);
    }
}
