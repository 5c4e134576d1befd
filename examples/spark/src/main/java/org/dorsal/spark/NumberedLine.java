package org.dorsal.spark;

import java.io.Serializable;

/**
 * One input line with the number the command line would give it: 1-based, counted across the whole
 * input as if its files were one.
 *
 * @param number the line's number, from 1
 * @param text the line: an intake or a QuestionnaireResponse, as JSON
 */
public record NumberedLine(long number, String text) implements Serializable {
    private static final long serialVersionUID = 1L;
}
