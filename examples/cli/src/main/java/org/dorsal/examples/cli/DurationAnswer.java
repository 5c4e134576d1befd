package org.dorsal.examples.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dorsal.Quantity;

/**
 * Reads a typed duration as the whole number of hours or days the intake holds, so that nobody
 * has to turn "since Tuesday" into hours.
 *
 * <p>An answer is a number, then optionally a unit: {@code 36 hours}, {@code 36h}, {@code 3 days},
 * {@code 1 day}, {@code 3d}, {@code 2 weeks}, {@code 1 wk}. A number without a unit is in the
 * unit the prompt names ({@link #hint()}). Any unit may be used for either question, and a
 * decimal too, as long as the answer comes to a whole number of the intake's unit: {@code 1.5 days}
 * of onset is 36 hours, {@code 48 hours} of self-care is 2 days, but {@code 1.5 weeks} of
 * self-care (10.5 days) and {@code 30 hours} of it are refused, with the nearest whole numbers
 * offered. Refused as well: a negative number, words instead of digits, any other unit (months
 * and years have no fixed length), more than one number, and more than the intake allows.
 *
 * <pre>{@code
 * DurationAnswer onset = DurationAnswer.of(Quantity.HOURS_SINCE_ONSET);
 * onset.hint();            // "a number of hours, or e.g. 3 days"
 * onset.read("3 days");    // Reading[value=72]
 * onset.read("soon");      // refused, with a message to show before asking again
 * }</pre>
 */
final class DurationAnswer {
    /** A unit a person may type: its length in hours and the words for it, singular first. */
    enum Unit {
        HOUR(1, "hour", "hours", "h", "hr", "hrs"),
        DAY(24, "day", "days", "d"),
        WEEK(168, "week", "weeks", "w", "wk", "wks");

        final int hours;
        final List<String> names;

        Unit(int hours, String... names) {
            this.hours = hours;
            this.names = List.of(names);
        }

        String singular() {
            return names.get(0);
        }

        String plural() {
            return names.get(1);
        }

        String of(BigDecimal amount) {
            return amount.toPlainString() + " " + (amount.compareTo(BigDecimal.ONE) == 0 ? singular() : plural());
        }

        static Optional<Unit> named(String word) {
            return Arrays.stream(values()).filter(u -> u.names.contains(word)).findFirst();
        }
    }

    /** What an answer came to: a value in the intake's unit, or the reason it was refused. */
    record Reading(OptionalInt value, String refusal) {
        static Reading of(int value) {
            return new Reading(OptionalInt.of(value), null);
        }

        static Reading refused(String refusal) {
            return new Reading(OptionalInt.empty(), refusal);
        }

        boolean accepted() {
            return value.isPresent();
        }
    }

    /** Optional sign, digits with an optional decimal part, optional unit word: nothing else. */
    private static final Pattern ANSWER = Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?)\\s*(\\p{L}*)");

    private final Quantity quantity;
    private final Unit contract;
    private final Unit plain;
    private final String example;

    /**
     * @param contract the unit the intake counts {@code quantity} in
     * @param plain    the unit of a number typed without one; the prompt names it
     * @param example  an answer in another unit, for the prompt
     */
    DurationAnswer(Quantity quantity, Unit contract, Unit plain, String example) {
        if (plain.hours % contract.hours != 0) {
            throw new IllegalArgumentException("a plain number must be a whole number of " + contract.plural()
                    + ", so its unit cannot be " + plain.plural());
        }
        this.quantity = quantity;
        this.contract = contract;
        this.plain = plain;
        this.example = example;
    }

    /** Hours since onset, a plain number in hours; days of self-care, a plain number in days. */
    static DurationAnswer of(Quantity quantity) {
        return switch (quantity) {
            case HOURS_SINCE_ONSET -> new DurationAnswer(quantity, Unit.HOUR, Unit.HOUR, "3 days");
            case SELF_CARE_DAYS -> new DurationAnswer(quantity, Unit.DAY, Unit.DAY, "2 weeks");
        };
    }

    /** What the prompt says an answer looks like, e.g. "a number of hours, or e.g. 3 days". */
    String hint() {
        return "a number of " + plain.plural() + ", or e.g. " + example;
    }

    Reading read(String typed) {
        String answer = typed.strip().toLowerCase(Locale.ROOT);
        Matcher m = ANSWER.matcher(answer);
        if (!m.matches()) {
            return Reading.refused("Please give one number in digits, then hours, days or weeks (such as "
                    + example + "), or ? if you don't know.");
        }
        Optional<Unit> named = m.group(3).isEmpty() ? Optional.of(plain) : Unit.named(m.group(3));
        if (named.isEmpty()) {
            return Reading.refused("Please give it in " + units() + " (such as " + example
                    + "), or ? if you don't know.");
        }
        if (m.group(1).equals("-")) {
            return Reading.refused("A time cannot be negative: please give " + hint() + ".");
        }
        Unit unit = named.get();
        BigDecimal given = new BigDecimal(m.group(2)).stripTrailingZeros();
        BigDecimal[] whole = given.multiply(BigDecimal.valueOf(unit.hours))
                .divideAndRemainder(BigDecimal.valueOf(contract.hours));
        if (whole[0].compareTo(BigDecimal.valueOf(quantity.max())) > 0
                || whole[0].compareTo(BigDecimal.valueOf(quantity.max())) == 0 && whole[1].signum() > 0) {
            return Reading.refused("That is more than " + quantity.max() + " " + contract.plural()
                    + ", the most this accepts: please check the number and the unit.");
        }
        if (whole[1].signum() != 0) {
            BigDecimal down = whole[0].setScale(0, RoundingMode.DOWN);
            return Reading.refused(unit.of(given) + (unit == contract ? " is not" : " is " + exactly(given, unit) + ", not")
                    + " a whole number of " + contract.plural() + ": please give one, such as "
                    + contract.of(down) + " or " + contract.of(down.add(BigDecimal.ONE)) + ".");
        }
        return Reading.of(whole[0].intValueExact());
    }

    /** {@code given} of {@code unit} in the contract's unit, where a short decimal says it exactly. */
    private String exactly(BigDecimal given, Unit unit) {
        BigDecimal value = given.multiply(BigDecimal.valueOf(unit.hours))
                .divide(BigDecimal.valueOf(contract.hours), 3, RoundingMode.HALF_UP).stripTrailingZeros();
        boolean exact = value.multiply(BigDecimal.valueOf(contract.hours))
                .compareTo(given.multiply(BigDecimal.valueOf(unit.hours))) == 0;
        return (exact ? "" : "about ") + contract.of(value);
    }

    /** The units the prompt suggests: the plain number's and any larger. */
    private String units() {
        List<String> names = Arrays.stream(Unit.values()).filter(u -> u.hours >= plain.hours).map(Unit::plural).toList();
        return names.size() == 1 ? names.get(0)
                : names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                        + " or " + names.get(names.size() - 1);
    }
}
