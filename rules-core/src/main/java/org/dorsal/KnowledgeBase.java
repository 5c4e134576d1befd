package org.dorsal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dorsal.kb.RedFlagFinding;
import org.dorsal.kb.RuleIds;
import org.dorsal.kb.Params;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;

/**
 * The loaded, checked knowledge base: the KIE base, the content manifest that describes it, its
 * text, and the thresholds. Everything a per-call assessment needs is computed here once, so that
 * a call only runs rules and copies results.
 *
 * <p>Ordering is worked out here, once, for everything an assessment lists: each red flag,
 * recommendation and question has a fixed slot, and {@link Results} fills slots and reads them
 * out in order. There is no sorting per call and no key packing, so no size limit beyond the
 * arrays', which are sized to the manifest.
 */
final class KnowledgeBase {
    static final String KBASE = "dorsal";
    private static final String KIE_BASE_BUILDER = "org.drools.modelcompiler.KieBaseBuilder";
    private static final String KIE_BASE_BUILT = "org.drools.kiesession.rulebase.InternalKnowledgeBase";
    private static final String RULE_BASE_FACTORY = "org.drools.core.impl.RuleBaseFactory";

    final KieBase kieBase;
    final Params params;
    final Thresholds thresholds;
    final Content content;
    /** Rule metadata by rule ID: the manifest's rules in its order, then helpers by ID. */
    final Map<String, RuleInfo> rules;
    /** The facts every session starts with besides the answers: the declared red-flag findings. */
    final List<RedFlagFinding> redFlagFindings;
    /** Rendered red flags and recommendations by rule ID (evidence is added per call). */
    private final Map<String, Entry> entries = new HashMap<>();
    private final KieSessionConfiguration sessions = sessionConfiguration();
    /** Every question that can be asked, by subject index, red flag or not, and the disposition it could lead to. */
    private final Question[][][] questions;
    /** The slot of each subject's question, by {@link Subject#index()}: its place in the manifest's question order. */
    private final int[] questionSlot;

    /**
     * What a rule says, ready to be copied into an assessment.
     *
     * @param flagSlot its place among red flags: most urgent first, then manifest order
     * @param adviceSlot its place among recommendations: by kind, then manifest order
     */
    record Entry(RuleInfo rule, boolean redFlag, String text, String reason, Dose dose, int flagSlot, int adviceSlot) {
    }

    private KnowledgeBase(KieBase kieBase, Content content, Catalogue catalogue, Thresholds thresholds, Params params,
                          Map<String, RuleInfo> rules) {
        this.kieBase = kieBase;
        this.thresholds = thresholds;
        this.params = params;
        this.content = content;
        this.rules = rules;
        List<Content.Rule> declared = content.rules();
        int[] flagSlots = slots(declared, Comparator.comparing((Content.Rule r) -> r.disposition() == null
                ? Disposition.values().length : r.disposition().ordinal()));
        int[] adviceSlots = slots(declared, Comparator.comparing(Content.Rule::kind));
        for (int i = 0; i < declared.size(); i++) {
            Content.Rule r = declared.get(i);
            Catalogue.Entry e = catalogue.rules().get(r.id());
            RuleInfo info = rules.get(r.id());
            if (e != null && info != null) {
                entries.put(r.id(), new Entry(info, r.redFlag(), render(e.text(), thresholds), e.reason(), e.dose(),
                        flagSlots[i], adviceSlots[i]));
            }
        }
        this.redFlagFindings = content.redFlagFindings().entrySet().stream()
                .map(e -> new RedFlagFinding(e.getKey(), e.getValue())).toList();
        List<Subject> subjects = Subject.all();
        this.questions = new Question[subjects.size()][2][Disposition.values().length];
        for (Subject s : subjects) {
            Catalogue.Wording w = catalogue.questions().get(s);
            for (int redFlag = 0; redFlag < 2; redFlag++) {
                for (Disposition d : Disposition.values()) {
                    questions[s.index()][redFlag][d.ordinal()] = new Question(s, redFlag == 1, d, w.text(), w.help());
                }
            }
        }
        this.questionSlot = new int[subjects.size()];
        for (int i = 0; i < content.questionOrder().size(); i++) {
            questionSlot[content.questionOrder().get(i).index()] = i;
        }
    }

    /** Each rule's place when the rules are ordered by {@code key}, then by their manifest order. */
    private static int[] slots(List<Content.Rule> rules, Comparator<Content.Rule> key) {
        Integer[] order = new Integer[rules.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparing((Integer i) -> rules.get(i), key).thenComparing(i -> i));
        int[] slot = new int[order.length];
        for (int place = 0; place < order.length; place++) {
            slot[order[place]] = place;
        }
        return slot;
    }

    /**
     * Loads the content manifest, the {@value #KBASE} KIE base it names and its text from
     * {@code loader}; fails loudly if any is missing or they do not agree.
     */
    static KnowledgeBase load(ClassLoader loader, Thresholds thresholds) {
        Content content = Content.load(loader);
        return of(kieBase(loader, content.modelIndex()), content, Catalogue.load(loader, content.catalogue()), thresholds,
                Params.of(thresholds), true);
    }

    /**
     * The KIE base of a content jar, built from the executable model classes that {@code modelIndex}
     * names, with {@code KieBaseBuilder.createKieBaseFromModel}.
     *
     * <p>Why not {@code KieServices.newKieClasspathContainer().getKieBase("dorsal")}: the container
     * scans the whole class path for {@code kmodule.xml}, parses it with XStream and sets up Maven
     * support, which took about 60% of start-up (0.55 s of 0.95 s on a cold JVM) and needed five
     * more jars at run time (drools-xml-support, xstream, mxparser, xmlpull, kie-util-maven-support). The
     * index is written by {@code kie-maven-plugin} next to the model; {@code kmodule.xml} still
     * declares the KIE base for the plugin and for tools. The builder is looked up reflectively so
     * that the facade keeps compiling against {@code kie-api} alone.
     */
    static KieBase kieBase(ClassLoader loader, String modelIndex) {
        List<Object> models = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(modelIndex)) {
            if (in == null) {
                throw new DorsalConfigurationException("the knowledge base '" + KBASE + "' is missing: no " + modelIndex
                        + " on the class path (was the content jar built by kie-maven-plugin?)");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("Drools-Model-Version")) {
                    models.add(Class.forName(name, true, loader).getConstructor().newInstance());
                }
            }
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            throw new DorsalConfigurationException("the knowledge base '" + KBASE + "' cannot be loaded: " + e, e);
        }
        if (models.isEmpty()) {
            throw new DorsalConfigurationException("the knowledge base '" + KBASE + "' is empty: " + modelIndex + " names no model");
        }
        try {
            // The configuration is made directly: KieServices is implemented in drools-compiler,
            // which the runtime leaves out.
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle configuration = lookup.findStatic(Class.forName(RULE_BASE_FACTORY, true, loader),
                    "newKnowledgeBaseConfiguration", MethodType.methodType(KieBaseConfiguration.class));
            MethodHandle create = lookup.findStatic(Class.forName(KIE_BASE_BUILDER, true, loader), "createKieBaseFromModel",
                    MethodType.methodType(Class.forName(KIE_BASE_BUILT, false, loader), Collection.class, KieBaseConfiguration.class));
            return (KieBase) create.invoke((Collection<?>) models, (KieBaseConfiguration) configuration.invoke());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new DorsalConfigurationException("no Drools runtime on the class path (" + KIE_BASE_BUILDER
                    + " is missing: add org.drools:drools-model-compiler)", e);
        } catch (DorsalConfigurationException e) {
            throw e;
        } catch (Throwable e) {
            throw new DorsalConfigurationException("the knowledge base '" + KBASE + "' cannot be built: " + e, e);
        }
    }

    /**
     * Checks {@code kieBase} against the manifest and the catalogue. With {@code complete} false (for
     * rule-mutation tests only) a declared rule may be missing: a mutant lacks one by design.
     */
    static KnowledgeBase of(KieBase kieBase, Content content, Catalogue catalogue, Thresholds thresholds, Params params,
                            boolean complete) {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        Map<String, Content.Rule> declared = new HashMap<>();
        content.rules().forEach(r -> declared.put(r.id(), r));
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleInfo info = describe(r, content, declared, problems);
                if (info != null && byId.put(info.id(), info) != null) {
                    problems.add("two rules carry the ID " + info.id());
                }
            }
        }
        for (Content.Rule r : content.rules()) {
            Catalogue.Entry text = catalogue.rules().get(r.id());
            if (!byId.containsKey(r.id())) {
                if (complete) {
                    problems.add("no rule for " + r.id() + ", which " + Content.RESOURCE + " declares");
                }
            } else if (text == null) {
                problems.add("no text for " + r.id() + " in " + catalogue.resource());
            } else if (r.redFlag() && text.reason() == null) {
                problems.add("no reason for red flag " + r.id() + " in " + catalogue.resource());
            }
        }
        for (String id : catalogue.rules().keySet()) {
            if (!declared.containsKey(id)) {
                problems.add(catalogue.resource() + " has text for " + id + ", which " + Content.RESOURCE + " does not declare");
            }
        }
        for (String id : content.helpers()) {
            if (complete && !byId.containsKey(id)) {
                problems.add("no rule for the helper " + id + ", which " + Content.RESOURCE + " declares");
            }
        }
        for (Subject s : Subject.all()) {
            Catalogue.Wording w = catalogue.questions().get(s);
            if (w == null) {
                problems.add("no question text for " + s.key() + " in " + catalogue.resource());
            } else if (s instanceof Finding f && content.redFlagFindings().containsKey(f) && w.help() == null) {
                problems.add("no help text for the red-flag question about " + s.key() + " in " + catalogue.resource());
            }
        }
        if (!problems.isEmpty()) {
            throw new DorsalConfigurationException("the knowledge base is incomplete: " + String.join("; ", problems));
        }
        Map<String, RuleInfo> ordered = new LinkedHashMap<>();
        content.rules().stream().map(Content.Rule::id).filter(byId::containsKey).forEach(id -> ordered.put(id, byId.get(id)));
        byId.values().stream().sorted(Comparator.comparing(RuleInfo::id)).forEach(r -> ordered.putIfAbsent(r.id(), r));
        return new KnowledgeBase(kieBase, content, catalogue, thresholds, params, ordered);
    }

    private static RuleInfo describe(Rule rule, Content content, Map<String, Content.Rule> declared, List<String> problems) {
        String id = RuleIds.of(rule);
        Object cited = rule.getMetaData().get("source");
        if (id == null || cited == null) {
            problems.add("rule '" + rule.getName() + "' lacks @ruleId or @source");
            return null;
        }
        String source = content.expand(unquote(cited.toString()));
        if (source == null) {
            problems.add("rule " + id + " cites a section no source has: " + cited);
            return null;
        }
        Content.Rule d = declared.get(id);
        if (d == null && !content.helpers().contains(id)) {
            problems.add("rule " + id + " is not declared in " + Content.RESOURCE);
            return null;
        }
        return d == null ? new RuleInfo(id, rule.getName(), source, null, null)
                : new RuleInfo(id, rule.getName(), source, d.kind(), d.disposition());
    }

    private static String unquote(String value) {
        String s = value.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String render(String text, Thresholds t) {
        return text.replace("{spasmReferralDays}", Integer.toString(t.spasmReferralDays()))
                .replace("{stiffnessReferralDays}", Integer.toString(t.stiffnessReferralDays()));
    }

    Entry entry(String ruleId) {
        Entry e = entries.get(ruleId);
        if (e == null) {
            // Only reachable if the rules produce an ID the checks at load time did not see.
            throw new IllegalStateException("no content for rule " + ruleId);
        }
        return e;
    }

    /**
     * A new rule session. Sessions are not registered with the KIE base
     * ({@link KeepReferenceOption#NO}): an interview a host forgets to close is then collected with
     * the host's own reference to it, instead of living as long as the facade.
     */
    KieSession newSession() {
        return kieBase.newKieSession(sessions, null);
    }

    private static KieSessionConfiguration sessionConfiguration() {
        try {
            MethodHandle factory = MethodHandles.publicLookup().findStatic(
                    Class.forName(RULE_BASE_FACTORY, true, KnowledgeBase.class.getClassLoader()),
                    "newKnowledgeSessionConfiguration", MethodType.methodType(KieSessionConfiguration.class));
            KieSessionConfiguration conf = (KieSessionConfiguration) factory.invoke();
            conf.setOption(KeepReferenceOption.NO);
            return conf;
        } catch (Throwable e) {
            throw new DorsalConfigurationException("no Drools runtime on the class path: " + e, e);
        }
    }

    /** How many rules the manifest declares: the slots of red flags and recommendations run from 0 to this. */
    int ruleCount() {
        return content.rules().size();
    }

    /** The question about {@code subject}, as a red-flag question or not, that could lead to {@code couldLeadTo}. */
    Question question(Subject subject, boolean redFlag, Disposition couldLeadTo) {
        return questions[subject.index()][redFlag ? 1 : 0][couldLeadTo.ordinal()];
    }

    /** The question about {@code subject} as a form would show it: wording only, red flag or not as declared. */
    Question question(Subject subject) {
        Disposition level = subject instanceof Finding f ? content.redFlagFindings().get(f) : null;
        return question(subject, level != null, level == null ? Disposition.SELF_CARE : level);
    }

    /** The slot of questions about {@code subject}: its place in the manifest's question order. */
    int questionSlot(Subject subject) {
        return questionSlot[subject.index()];
    }
}
