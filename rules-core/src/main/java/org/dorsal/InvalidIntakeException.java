package org.dorsal;

/**
 * An intake that cannot be read or is not valid. Nothing is advised on it: the whole report is
 * refused. {@link #field()} names the offending field (e.g. {@code findings.MUSCLE_SPASM},
 * {@code hoursSinceOnset}) or, for JSON that cannot be parsed, the position ({@code line 3, column 7}).
 */
public final class InvalidIntakeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidIntakeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field, or the position in the document, that made the intake invalid. */
    public String field() {
        return field;
    }
}
