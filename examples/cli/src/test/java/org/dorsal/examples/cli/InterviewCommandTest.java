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
    void yes_to_everything_reaches_emergency_and_stops_asking() {
        Cli.Run run = Cli.piped("y\n".repeat(30), "interview");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(Report.headline(Disposition.EMERGENCY));
        // Three complaint questions, then at most the dizziness question and its link to neck movement.
        assertThat(prompts(run.out())).isBetween(4, 5);
    }

    @Test
    void a_sudden_severe_headache_ends_the_interview_at_emergency() {
        Cli.Run run = Cli.piped("y\nn\nn\ny\n" + NINE_NOES, "interview", "--json");

        Assessment a = DorsalJson.readAssessment(run.out());
        assertThat(run.status()).isZero();
        assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(a.has("RF-THUNDERCLAP-HEADACHE")).isTrue();
        assertThat(prompts(run.err())).isEqualTo(4);
        assertThat(a).isEqualTo(dorsal.assess(Intake.builder()
                .present(Finding.NECK_STIFFNESS, Finding.SEVERE_SUDDEN_HEADACHE)
                .absent(Finding.UPPER_BACK_STIFFNESS, Finding.MUSCLE_SPASM)
                .build()));
    }

    @Test
    void a_stiff_neck_that_is_improving_is_self_care() {
        // Neck stiff; no to every warning sign; yes, it is getting better.
        Cli.Run run = Cli.piped("y\nn\nn\n" + NINE_NOES + "y\n", "interview");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(Report.headline(Disposition.SELF_CARE))
                .contains("No warning signs reported.")
                .contains("[SAFETY_NET] SN-WATCH-FOR")
                .doesNotContain("PROVISIONAL");
        assertThat(prompts(run.out())).isEqualTo(13);
    }

    @Test
    void a_fresh_spasm_is_asked_its_onset_for_the_cold_advice() {
        // Spasm; no warning signs; self-care not tried yet; started 30 hours ago.
        Cli.Run run = Cli.piped("n\nn\ny\n" + NINE_NOES + "n\n30\n", "interview", "--json");

        Assessment a = DorsalJson.readAssessment(run.out());
        assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
        assertThat(a.provisional()).isFalse();
        assertThat(a.has("TH-COLD-ACUTE")).isTrue();
        assertThat(run.err()).contains("How long ago did this pain start?");
    }

    @Test
    void an_invalid_answer_is_asked_again() {
        Cli.Run run = Cli.piped("n\nn\ny\n" + NINE_NOES + "maybe\nn\n-5\n4000000\nsoon\n3 months\n1.01 days\n1.25 days\n",
                "interview", "--json");

        // Messages are wrapped to the terminal's width: compare them as running text.
        assertThat(run.err().replaceAll("\\s+", " "))
                .contains("Please answer y (yes), n (no) or ? (don't know).")
                .contains("A time cannot be negative: please give a number of hours, or e.g. 3 days.")
                .contains("That is more than 87600 hours, the most this accepts")
                .contains("Please give one number in digits, then hours, days or weeks (such as 3 days)")
                .contains("Please give it in hours, days or weeks")
                .contains("1.01 days is 24.24 hours, not a whole number of hours");
        Assessment a = DorsalJson.readAssessment(run.out());
        assertThat(a.has("TH-COLD-ACUTE")).isTrue();
        assertThat(a.questions()).extracting(Question::finding).doesNotContain("hoursSinceOnset");
    }

    /**
     * A person who gives every duration in the larger unit the prompt offers ends with the intake
     * holding it in the contract's unit. The person answers each prompt as it comes, so the test
     * holds whatever order the questions are asked in.
     */
    @Test
    void durations_given_in_days_and_weeks_are_converted() {
        String spasm = dorsal.questionText(Finding.MUSCLE_SPASM);
        String stiffness = dorsal.questionText(Finding.NECK_STIFFNESS);
        StringWriter prompts = new StringWriter();
        Reader person = new Reader() {
            private int heard;
            private int answered;
            private String pending = "";

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (pending.isEmpty()) {
                    String prompt = prompts.toString().substring(heard).replaceAll("\\s+", " ");
                    heard = prompts.toString().length();
                    if (answered++ > 100) {
                        return -1;
                    }
                    pending = (prompt.contains("[a number of hours") ? "3 days"
                            : prompt.contains("[a number of days") ? "2 weeks"
                            : prompt.contains(spasm) || prompt.contains(stiffness) ? "y"
                            : "n") + "\n";
                }
                int n = Math.min(length, pending.length());
                pending.getChars(0, n, buffer, offset);
                pending = pending.substring(n);
                return n;
            }

            @Override
            public void close() {
            }
        };

        Interviewer.Outcome outcome = new Interviewer(dorsal, new BufferedReader(person, 1), new PrintWriter(prompts)).run();

        String transcript = prompts.toString().replaceAll("\\s+", " ");
        assertThat(transcript).contains("[a number of hours, or e.g. 3 days; ? if you don't know]");
        assertThat(outcome.intake().hoursSinceOnset()).hasValue(72);
        if (transcript.contains("[a number of days")) {
            assertThat(outcome.intake().selfCareDays()).hasValue(14);
        }
        assertThat(outcome.assessment()).isEqualTo(dorsal.assess(outcome.intake()));
    }

    @Test
    void dont_know_is_not_asked_again_and_keeps_the_assessment_provisional() {
        Cli.Run run = Cli.piped("?\n".repeat(40), "interview", "--json");

        Assessment a = DorsalJson.readAssessment(run.out());
        assertThat(a.provisional()).isTrue();
        assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
        // Each question once: the three complaints and the nine warning signs.
        assertThat(prompts(run.err())).isEqualTo(12);
        assertThat(a.questions()).filteredOn(Question::redFlag).hasSize(9);
    }

    @Test
    void end_of_input_prints_the_assessment_so_far() {
        Cli.Run run = Cli.piped("y\n", "interview");

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
     * and it only stops early when nothing left could make the disposition more urgent.
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
            if (inputLeft) {
                assertThat(a.questions())
                        .as("seed %d: stopped with a question that could raise %s unasked", seed, a.disposition())
                        .filteredOn(q -> q.couldLeadTo().isMoreUrgentThan(a.disposition()))
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
}
