package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Question;
import org.dorsal.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dorsal interview}, driven by answers piped into standard input. */
class InterviewCommandTest {
    private static final String NINE_NOES = "n\n".repeat(9);
    private static final Pattern PROMPT = Pattern.compile("\\[(y/n/\\?|a number of (hours|days), or e\\.g\\. [^;]+; \\? if you don't know)]");

    private static Dorsal dorsal;

    @BeforeAll
    static void build() {
        dorsal = Dorsal.builder().build();
    }

    @Test
    void an_emergency_answer_ends_the_interview_at_once() {
        Cli.Run run = Cli.piped("y\n".repeat(30), "interview");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(Report.headline(Disposition.EMERGENCY));
        // The first question is the sudden severe headache; a yes settles it.
        assertThat(prompts(run.out())).isEqualTo(1);
        assertThat(run.out()).contains("call emergency services now");
    }

    @Test
    void dizziness_after_a_neck_movement_stops_at_the_link_question() {
        Person person = new Person(java.util.Map.of(Finding.DIZZINESS_OR_VERTIGO, "y",
                Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA, "y"));

        Interviewer.Outcome outcome = person.interview();

        assertThat(outcome.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(outcome.assessment().has("RF-VASCULAR-AFTER-NECK-MOVEMENT")).isTrue();
        // Headache, dizziness, then the link: vision no longer matters once dizziness is present.
        assertThat(person.asked).containsExactly(Finding.SEVERE_SUDDEN_HEADACHE, Finding.DIZZINESS_OR_VERTIGO,
                Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA);
        assertThat(person.heard()).contains(dorsal.question(Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA).help());
    }

    /**
     * The interview asks exactly what the knowledge base lists, so every piece of advice the
     * answers call for is reached: the warning about forcing the neck, the education on cracking,
     * and each prevention tip.
     */
    @Test
    void the_interview_reaches_the_warning_the_education_and_every_prevention_tip() {
        Person person = new Person(java.util.Map.of(Finding.NECK_STIFFNESS, "y", Finding.SELF_MANIPULATION, "y",
                Finding.HABITUAL_CRACKING, "y", Finding.PROLONGED_SITTING_OR_SCREEN, "y", Finding.DEHYDRATION, "y",
                Finding.STRESS_OR_TENSION, "y", Finding.AWKWARD_LIFT_OR_TWIST, "y",
                org.dorsal.Quantity.SELF_CARE_DAYS, "1 week"));

        Assessment a = person.interview().assessment();

        assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
        assertThat(a.provisional()).isFalse();
        assertThat(a.recommendations()).extracting(r -> r.id()).contains("WARN-SELF-MANIPULATION", "EDU-CAVITATION",
                "PREV-ERGONOMICS", "PREV-HYDRATION", "PREV-STRESS", "PREV-LIFTING", "EX-NECK-ROTATION");
        assertThat(a.questions()).isEmpty();
    }

    @Test
    void a_fresh_spasm_is_asked_its_onset_in_days_for_the_thermal_advice() {
        Person person = new Person(java.util.Map.of(Finding.MUSCLE_SPASM, "y", org.dorsal.Quantity.HOURS_SINCE_ONSET, "3 days",
                Finding.ACUTE_SYMPTOMS_SUBSIDED, "y"));

        Interviewer.Outcome outcome = person.interview();

        assertThat(outcome.intake().hoursSinceOnset()).hasValue(72);
        assertThat(outcome.assessment().has("TH-HEAT-SUBACUTE")).isTrue();
        assertThat(person.heard()).contains("[a number of hours, or e.g. 3 days; ? if you don't know]");
        // The onset comes before the questions it decides: a spasm of 3 days is under the referral threshold.
        assertThat(person.asked).doesNotContain(Finding.SELF_CARE_TRIED);
    }

    @Test
    void an_invalid_answer_is_asked_again() {
        Person person = new Person(java.util.Map.of(Finding.MUSCLE_SPASM, "y", org.dorsal.Quantity.HOURS_SINCE_ONSET,
                "-5\n4000000\nsoon\n3 months\n1.01 days\n1.25 days", Finding.SEVERE_SUDDEN_HEADACHE, "maybe\nn"));

        Interviewer.Outcome outcome = person.interview();

        // Messages are wrapped to the terminal's width: compare them as running text.
        assertThat(person.heard())
                .contains("Please answer y (yes), n (no) or ? (don't know).")
                .contains("A time cannot be negative: please give a number of hours, or e.g. 3 days.")
                .contains("That is more than 87600 hours, the most this accepts")
                .contains("Please give one number in digits, then hours, days or weeks (such as 3 days)")
                .contains("Please give it in hours, days or weeks")
                .contains("1.01 days is 24.24 hours, not a whole number of hours");
        assertThat(outcome.intake().hoursSinceOnset()).hasValue(30);
        assertThat(outcome.assessment().has("TH-COLD-ACUTE")).isTrue();
    }

    /**
     * A person who gives every duration in the larger unit the prompt offers ends with the intake
     * holding it in the contract's unit.
     */
    @Test
    void durations_given_in_days_and_weeks_are_converted() {
        Person person = new Person(java.util.Map.of(Finding.MUSCLE_SPASM, "y", Finding.NECK_STIFFNESS, "y",
                org.dorsal.Quantity.HOURS_SINCE_ONSET, "3 days", org.dorsal.Quantity.SELF_CARE_DAYS, "2 weeks"));

        Interviewer.Outcome outcome = person.interview();

        assertThat(outcome.intake().hoursSinceOnset()).hasValue(72);
        assertThat(outcome.intake().selfCareDays()).hasValue(14);
        assertThat(outcome.assessment()).isEqualTo(dorsal.assess(outcome.intake()));
    }

    @Test
    void dont_know_is_not_asked_again_and_keeps_the_assessment_provisional() {
        Cli.Run run = Cli.piped("?\n".repeat(40), "interview", "--json");

        Assessment a = DorsalJson.readAssessment(run.out());
        assertThat(a.provisional()).isTrue();
        assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
        // Each question once: every finding and quantity the knowledge base lists for an empty intake.
        assertThat(prompts(run.err().replaceAll("\\s+", " "))).isEqualTo(dorsal.assess(Intake.empty()).questions().size());
        assertThat(a.questions()).filteredOn(Question::redFlag).hasSize(10);
    }

    @Test
    void end_of_input_prints_the_assessment_so_far() {
        Cli.Run run = Cli.piped("n\n", "interview");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(Report.headline(Disposition.SELF_CARE)).contains("PROVISIONAL");
    }

    @Test
    void interview_thresholds_are_checked_like_assess() {
        Cli.Run run = Cli.piped("y\n", "interview", "--spasm-referral-days", "6");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("spasmReferralDays");
    }

    /**
     * Whatever is typed, the interview ends with the assessment a fresh facade gives its answers,
     * and, unless input ran out or an emergency stopped it, with no question left unasked.
     */
    @Test
    void the_final_assessment_equals_a_fresh_assessment_of_the_answers() throws IOException {
        List<String> vocabulary = List.of("y", "n", "n", "n", "?", "0", "30", "60", "100", "400", "-1", "x", "",
                "3 days", "2 weeks", "36h", "1.5 days", "1.5 weeks", "3 months");
        for (int round = 0; round < 200; round++) {
            long seed = 20_251_121L + round;
            Random random = new Random(seed);
            String typed = IntStream.range(0, 40)
                    .mapToObj(i -> vocabulary.get(random.nextInt(vocabulary.size())))
                    .collect(Collectors.joining("\n", "", "\n"));
            StringWriter prompts = new StringWriter();
            BufferedReader in = new BufferedReader(new StringReader(typed));

            Interviewer.Outcome outcome = new Interviewer(dorsal, in, new PrintWriter(prompts)).run();

            Assessment a = outcome.assessment();
            assertThat(a).as("seed %d, typed %s", seed, typed).isEqualTo(dorsal.assess(outcome.intake()));
            boolean inputLeft = in.readLine() != null;
            if (inputLeft && a.disposition() != Disposition.EMERGENCY) {
                assertThat(a.questions()).as("seed %d: stopped with a question unasked", seed)
                        .allSatisfy(q -> assertThat(prompts.toString().replaceAll("\\s+", " ")).contains(q.text()));
            }
            outcome.intake().findings().forEach((finding, state) -> assertThat(state).isNotEqualTo(State.UNKNOWN));
        }
    }

    private static int prompts(String transcript) {
        Matcher m = PROMPT.matcher(transcript);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * A person who answers each prompt as it comes, by which question it is: the answer given for
     * its subject (lines are typed one by one, so a wrong answer can be followed by a right one),
     * else "n". Independent of the order the questions come in.
     */
    private static final class Person extends Reader {
        private final java.util.Map<org.dorsal.Subject, String> answers;
        private final StringWriter prompts = new StringWriter();
        private final List<org.dorsal.Subject> asked = new java.util.ArrayList<>();
        private final java.util.Map<org.dorsal.Subject, java.util.Deque<String>> lines = new java.util.HashMap<>();
        private int heard;
        private int turns;
        private String pending = "";

        Person(java.util.Map<? extends org.dorsal.Subject, String> answers) {
            this.answers = java.util.Map.copyOf(answers);
        }

        Interviewer.Outcome interview() {
            return new Interviewer(dorsal, new BufferedReader(this, 1), new PrintWriter(prompts)).run();
        }

        String heard() {
            return prompts.toString().replaceAll("\\s+", " ");
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pending.isEmpty()) {
                String prompt = prompts.toString().substring(heard).replaceAll("\\s+", " ");
                heard = prompts.toString().length();
                if (turns++ > 200) {
                    return -1;
                }
                org.dorsal.Subject subject = dorsal.questions().stream()
                        .filter(q -> prompt.contains(q.text().replaceAll("\\s+", " "))).map(Question::subject)
                        .findFirst().orElse(asked.isEmpty() ? null : asked.get(asked.size() - 1));
                if (subject != null && (asked.isEmpty() || asked.get(asked.size() - 1) != subject)) {
                    asked.add(subject);
                }
                java.util.Deque<String> queue = lines.computeIfAbsent(subject, s -> new java.util.ArrayDeque<>(
                        List.of(answers.getOrDefault(s, "n").split("\n"))));
                pending = (queue.size() > 1 ? queue.poll() : queue.peek()) + "\n";
            }
            int n = Math.min(length, pending.length());
            pending.getChars(0, n, buffer, offset);
            pending = pending.substring(n);
            return n;
        }

        @Override
        public void close() {
        }
    }
}
