package org.dorsal;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.Map;
import org.dorsal.internal.TestAccess;
import org.dorsal.kb.Answer;
import org.dorsal.kb.Params;
import org.dorsal.kb.RuleIds;
import org.kie.api.KieBase;
import org.dorsal.kb.Onset;
import org.dorsal.kb.SelfCare;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: clinical decision support for upper back and neck pain. Build one, share it.
 *
 * <pre>{@code
 * Dorsal dorsal = Dorsal.builder().spasmReferralDays(7).build();   // loads and checks the rules once
 * Assessment a = dorsal.assess(Intake.builder()
 *         .hoursSinceOnset(30)
 *         .present(Finding.MUSCLE_SPASM)
 *         .absent(Finding.NUMBNESS_OR_TINGLING)
 *         .build());
 * a.disposition();       // SELF_CARE, provisional while red-flag questions are open
 * a.recommendations();   // each with id(), kind(), text(), dose(), source(), evidence()
 * a.questions();         // what to ask next, most severe first
 * }</pre>
 *
 * <p>Thread-safe: each one-shot call borrows a warm rule session for itself (at most two per core
 * are kept between calls) and each interview has its own. Building
 * fails with {@link DorsalConfigurationException} when the knowledge base is missing or incomplete
 * or a threshold is out of range, so a facade that exists is always whole.
 *
 * <p>Logging: one INFO line per assessment on the logger {@code org.dorsal.Dorsal} with the rule IDs,
 * disposition and time taken, never a finding value; switch that logger off to silence it.
 */
public final class Dorsal {
    private static final Logger LOG = LoggerFactory.getLogger(Dorsal.class);
    private static final Finding[] FINDINGS = Finding.values();

    private final KnowledgeBase kb;
    private final Results results;
    /**
     * Warm sessions for one-shot assessments. A session is not reset between calls but moved from
     * the last intake it assessed to the next one, changing only the answers that differ, so the
     * engine redoes only the work those answers touch (see {@link LiveSession}). Each is lent to one
     * thread at a time; at most {@link #keepWarm} idle ones are kept, the most recently used first.
     */
    private final Deque<LiveSession> warm = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idle = new AtomicInteger();
    private final int keepWarm = 2 * Runtime.getRuntime().availableProcessors();

    static {
        TestAccess.install(new TestAccess.Bridge() {
            @Override
            public List<Object> facts(Dorsal dorsal, Intake intake) {
                List<Object> facts = new ArrayList<>();
                dorsal.insert(facts::add, intake);
                return facts;
            }

            @Override
            public Assessment assessFacts(Dorsal dorsal, List<?> facts) {
                return dorsal.run(session -> facts.forEach(session::insert), null, true);
            }

            @Override
            public Dorsal build(KieBase kieBase, Thresholds thresholds, Params params, boolean complete, ClassLoader loader) {
                Content content = Content.load(loader);
                return Builder.checked(new Dorsal(KnowledgeBase.of(kieBase, content,
                        Catalogue.load(loader, content.catalogue()), thresholds, params, complete)));
            }
        });
    }

    private Dorsal(KnowledgeBase kb) {
        this.kb = kb;
        this.results = new Results(kb);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Assesses one intake. */
    public Assessment assess(Intake intake) {
        Objects.requireNonNull(intake, "intake");
        return assessWarm(intake, true);
    }

    /** Assesses one intake and reports which rules fired on the way. Slower than {@link #assess}. */
    public Trace trace(Intake intake) {
        List<String> fired = new ArrayList<>();
        Assessment a = run(intake, fired, true);
        return new Trace(a, fired);
    }

    /**
     * Starts an interview: answers given one at a time, changed or withdrawn, with the current
     * assessment readable at any point. Close it when the conversation ends.
     */
    public Interview newInterview() {
        return new Interview(this, new LiveSession(kb));
    }

    /** The thresholds this instance decides with. */
    public Thresholds thresholds() {
        return kb.thresholds;
    }

    /**
     * The version of the clinical content, as its manifest declares it and every assessment reports
     * it. It is versioned apart from the engine (this library's Maven version).
     */
    public String contentVersion() {
        return kb.content.version();
    }

    /**
     * Every question the knowledge base can ask, one per finding and quantity, in the order it
     * lists them, with its wording and help text: e.g. for a form that collects a whole intake.
     * Red-flag questions say so, with the disposition they could lead to; for the others
     * {@code couldLeadTo} is {@code SELF_CARE} here, since what they could change depends on the
     * other answers (an assessment's own questions say it).
     */
    public List<Question> questions() {
        return kb.content.questionOrder().stream().map(kb::question).toList();
    }

    /** The question the knowledge base asks about {@code subject}; see {@link #questions()}. */
    public Question question(Subject subject) {
        return kb.question(Objects.requireNonNull(subject, "subject"));
    }

    /** The red-flag findings the knowledge base declares, each with the disposition it could lead to. */
    public Map<Finding, Disposition> redFlagFindings() {
        return kb.content.redFlagFindings();
    }

    /** The rules of the loaded knowledge base: those that advise first, in the content's order, then helpers. */
    public List<RuleInfo> rules() {
        return List.copyOf(kb.rules.values());
    }

    private Assessment assessWarm(Intake intake, boolean log) {
        long start = System.nanoTime();
        LiveSession session = warm.pollFirst();
        if (session == null) {
            session = new LiveSession(kb);
        } else {
            idle.decrementAndGet();
        }
        Assessment a;
        try {
            session.moveTo(intake);
            a = read(session.session(), log ? start : -1);
        } catch (RuntimeException | Error e) {
            // A session that failed half-way is in no known state: never lend it again.
            session.dispose();
            throw e;
        }
        if (idle.incrementAndGet() <= keepWarm) {
            warm.offerFirst(session);
        } else {
            idle.decrementAndGet();
            session.dispose();
        }
        return a;
    }

    /**
     * A one-shot assessment in a fresh session, facts inserted as they are rather than moved to:
     * for tracing, and so that tests can hold the warm path against an independent one.
     */
    private Assessment run(Intake intake, List<String> fired, boolean log) {
        Objects.requireNonNull(intake, "intake");
        return run(session -> insert(session::insert, intake), fired, log);
    }

    private Assessment run(Consumer<KieSession> facts, List<String> fired, boolean log) {
        long start = System.nanoTime();
        KieSession session = kb.newSession();
        try {
            if (fired != null) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        fired.add(String.valueOf(RuleIds.of(event.getMatch().getRule())));
                    }
                });
            }
            facts.accept(session);
            return read(session, log ? start : -1);
        } finally {
            session.dispose();
        }
    }

    /** Hands {@code sink} the facts an assessment of {@code intake} starts from, in a fixed order. */
    private void insert(Consumer<Object> sink, Intake intake) {
        sink.accept(kb.params);
        kb.redFlagFindings.forEach(sink);
        for (Finding f : FINDINGS) {
            sink.accept(Answer.of(f, intake.state(f)));
        }
        if (intake.hoursSinceOnset().isPresent()) {
            sink.accept(new Onset(intake.hoursSinceOnset().getAsInt()));
        }
        if (intake.selfCareDays().isPresent()) {
            sink.accept(new SelfCare(intake.selfCareDays().getAsInt()));
        }
    }

    /** Fires what is pending and reads the assessment; logs it unless {@code start} is negative. */
    Assessment read(KieSession session, long start) {
        session.fireAllRules();
        Assessment a = results.read(session.getObjects());
        if (start >= 0) {
            log(a, start);
        }
        return a;
    }

    private static void log(Assessment a, long start) {
        if (LOG.isInfoEnabled()) {
            LOG.info("assessment disposition={} provisional={} rules={} questions={} micros={}",
                    a.disposition(), a.provisional(), ruleIds(a), a.questions().size(),
                    (System.nanoTime() - start) / 1_000);
        }
    }

    private static String ruleIds(Assessment a) {
        return a.recommendations().stream().map(Recommendation::id).collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * Configures a {@link Dorsal}. Thresholds may be set only within the ranges their sources allow
     * (see {@link Thresholds}); anything else fails {@link #build()}.
     */
    public static final class Builder {
        private int spasmReferralDays = Thresholds.SPASM_MIN;
        private int stiffnessReferralDays = Thresholds.STIFFNESS_MIN;
        private ClassLoader classLoader = Dorsal.class.getClassLoader();

        private Builder() {
        }

        /** Days a spasm may persist despite self-care before a referral: 7 (default) to 10. */
        public Builder spasmReferralDays(int days) {
            this.spasmReferralDays = days;
            return this;
        }

        /** Days of self-care without improvement before stiffness is referred: 14 (default) to 42. */
        public Builder stiffnessReferralDays(int days) {
            this.stiffnessReferralDays = days;
            return this;
        }

        /** Both referral thresholds at once, e.g. {@link Thresholds#defaults()}. */
        public Builder thresholds(Thresholds thresholds) {
            return spasmReferralDays(thresholds.spasmReferralDays())
                    .stiffnessReferralDays(thresholds.stiffnessReferralDays());
        }

        /** Where to find the knowledge base; by default the class loader that loaded Dorsal. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Loads and checks the knowledge base and returns a ready facade.
         *
         * @throws DorsalConfigurationException if a threshold is out of range or the knowledge base
         *                                      is missing or incomplete
         */
        public Dorsal build() {
            Thresholds t = new Thresholds(spasmReferralDays, stiffnessReferralDays);
            return checked(new Dorsal(KnowledgeBase.load(classLoader, t)));
        }

        /**
         * Runs one assessment before handing the facade out, so that a runtime missing an engine
         * module (truth maintenance, say) fails here rather than on a patient's first request.
         */
        private static Dorsal checked(Dorsal dorsal) {
            try {
                dorsal.run(Intake.empty(), null, false);
                dorsal.assessWarm(Intake.empty(), false);
            } catch (RuntimeException | LinkageError e) {
                throw new DorsalConfigurationException("the knowledge base was loaded but cannot run: " + e, e);
            }
            return dorsal;
        }
    }
}
