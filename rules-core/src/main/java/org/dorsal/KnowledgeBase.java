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
import org.dorsal.kb.Facts;
import org.dorsal.kb.Params;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;

/**
 * The loaded, checked knowledge base: the KIE base, what each rule says, and the thresholds.
 * Everything a per-call assessment needs is computed here once, so that a call only runs rules
 * and copies results.
 */
final class KnowledgeBase {
    static final String KBASE = "dorsal";
    /** Where kie-maven-plugin lists the executable model classes of the content jar (its Maven coordinates). */
    static final String MODEL_INDEX = "META-INF/kie/org.dorsal/dorsal-rules-content/drools-model";
    private static final String KIE_BASE_BUILDER = "org.drools.modelcompiler.KieBaseBuilder";
    private static final String KIE_BASE_BUILT = "org.drools.kiesession.rulebase.InternalKnowledgeBase";
    private static final String RULE_BASE_FACTORY = "org.drools.core.impl.RuleBaseFactory";

    final KieBase kieBase;
    final Params params;
    final Thresholds thresholds;
    final String contentVersion;
    /** Rule metadata by rule ID, in the order of the specification, helpers last. */
    final Map<String, RuleInfo> rules;
    /** Rendered red flags and recommendations by rule ID (evidence is added per call). */
    private final Map<String, Entry> entries;
    private final KieSessionConfiguration sessions = sessionConfiguration();
    /** The same entries by their rank, the rule's place in the specification. */
    private final Entry[] byRank = new Entry[SpecRules.IDS.size()];
    private final Map<String, Integer> order;
    /** Every question that can be asked, by subject rank, red flag or not, and disposition it could lead to. */
    private final Question[][][] questions;

    /** What a rule says, ready to be copied into an assessment. */
    record Entry(RuleInfo rule, String text, String reason, Dose dose, int rank) {
    }

    private KnowledgeBase(KieBase kieBase, Catalogue catalogue, Thresholds thresholds, Params params, Map<String, RuleInfo> rules) {
        this.kieBase = kieBase;
        this.thresholds = thresholds;
        this.params = params;
        this.contentVersion = catalogue.contentVersion();
        this.rules = rules;
        this.order = new HashMap<>();
        List<String> facts = Facts.order();
        for (int i = 0; i < facts.size(); i++) {
            order.put(facts.get(i), i);
        }
        this.entries = new HashMap<>();
        for (RuleInfo r : rules.values()) {
            Catalogue.Entry e = catalogue.rules().get(r.id());
            if (e != null) {
                Entry entry = new Entry(r, render(e.text(), thresholds), e.reason(), e.dose(), SpecRules.IDS.indexOf(r.id()));
                entries.put(r.id(), entry);
                byRank[entry.rank()] = entry;
            }
        }
        this.questions = new Question[facts.size()][2][Disposition.values().length];
        for (int i = 0; i < facts.size(); i++) {
            for (int redFlag = 0; redFlag < 2; redFlag++) {
                for (Disposition d : Disposition.values()) {
                    questions[i][redFlag][d.ordinal()] = new Question(facts.get(i), redFlag == 1, d,
                            catalogue.questions().get(facts.get(i)));
                }
            }
        }
    }

    /**
     * Loads the {@value #KBASE} KIE base and the catalogue from {@code loader}; fails loudly if either is missing.
     * The KIE base is built straight from the executable model that {@code kie-maven-plugin} compiled
     * into the content jar (see {@link #kieBase(ClassLoader)}).
     */
    static KnowledgeBase load(ClassLoader loader, Thresholds thresholds) {
        return of(kieBase(loader), Catalogue.load(loader), thresholds);
    }

    /**
     * The KIE base of the content jar, built from the executable model classes that
     * {@value #MODEL_INDEX} names, with {@code KieBaseBuilder.createKieBaseFromModel}.
     *
     * <p>Why not {@code KieServices.newKieClasspathContainer().getKieBase("dorsal")}: the container
     * scans the whole class path for {@code kmodule.xml}, parses it with XStream and sets up Maven
     * support, which took about 60% of start-up (0.55 s of 0.95 s on a cold JVM) and needed five
     * more jars at run time (drools-xml-support, xstream, mxparser, xmlpull, kie-util-maven-support). The
     * index is written by {@code kie-maven-plugin} next to the model; {@code kmodule.xml} still
     * declares the KIE base for the plugin and for tools. The builder is looked up reflectively so
     * that the facade keeps compiling against {@code kie-api} alone.
     */
    static KieBase kieBase(ClassLoader loader) {
        List<Object> models = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new DorsalConfigurationException("the knowledge base '" + KBASE + "' is missing: no " + MODEL_INDEX
                        + " on the class path (is dorsal-rules-content, built by kie-maven-plugin, a dependency?)");
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
            throw new DorsalConfigurationException("the knowledge base '" + KBASE + "' is empty: " + MODEL_INDEX + " names no model");
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

    /** Checks {@code kieBase} against the specification and the catalogue. */
    static KnowledgeBase of(KieBase kieBase, Catalogue catalogue, Thresholds thresholds) {
        return of(kieBase, catalogue, thresholds, Params.of(thresholds), true);
    }

    /**
     * For rule-mutation tests only: as {@link #of} with the given {@code params}, but a rule of the
     * specification may be missing (a mutant knowledge base lacks one by design).
     */
    static KnowledgeBase unchecked(KieBase kieBase, Catalogue catalogue, Thresholds thresholds, Params params) {
        return of(kieBase, catalogue, thresholds, params, false);
    }

    private static KnowledgeBase of(KieBase kieBase, Catalogue catalogue, Thresholds thresholds, Params params,
                                    boolean complete) {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleInfo info = describe(r, catalogue, problems);
                if (info != null && byId.put(info.id(), info) != null) {
                    problems.add("two rules carry the ID " + info.id());
                }
            }
        }
        for (String id : SpecRules.IDS) {
            RuleInfo r = byId.get(id);
            if (r == null) {
                if (complete) {
                    problems.add("no rule for " + id);
                }
            } else if (r.kind() == null) {
                problems.add(id + " has no @kind");
            } else if (!catalogue.rules().containsKey(id)) {
                problems.add("no text for " + id + " in " + Catalogue.RESOURCE);
            } else if (id.startsWith("RF-") && catalogue.rules().get(id).reason() == null) {
                problems.add("no reason for red flag " + id + " in " + Catalogue.RESOURCE);
            }
        }
        for (String id : catalogue.rules().keySet()) {
            if (complete && !byId.containsKey(id)) {
                problems.add(Catalogue.RESOURCE + " has text for " + id + ", which no rule carries");
            }
        }
        for (String fact : Facts.order()) {
            if (!catalogue.questions().containsKey(fact)) {
                problems.add("no question text for " + fact + " in " + Catalogue.RESOURCE);
            }
        }
        if (!problems.isEmpty()) {
            throw new DorsalConfigurationException("the knowledge base is incomplete: " + String.join("; ", problems));
        }
        Map<String, RuleInfo> ordered = new LinkedHashMap<>();
        SpecRules.IDS.stream().filter(byId::containsKey).forEach(id -> ordered.put(id, byId.get(id)));
        byId.values().stream().sorted(Comparator.comparing(RuleInfo::id)).forEach(r -> ordered.putIfAbsent(r.id(), r));
        return new KnowledgeBase(kieBase, catalogue, thresholds, params, ordered);
    }

    private static RuleInfo describe(Rule rule, Catalogue catalogue, List<String> problems) {
        String id = meta(rule, "ruleId");
        String cited = meta(rule, "source");
        String kind = meta(rule, "kind");
        if (id == null || cited == null) {
            problems.add("rule '" + rule.getName() + "' lacks @ruleId or @source");
            return null;
        }
        String source = catalogue.expand(cited);
        if (source == null) {
            problems.add("rule " + id + " cites a section no source has: " + cited);
            return null;
        }
        if (!rule.getName().startsWith(id)) {
            problems.add("rule '" + rule.getName() + "' does not start with its ID " + id);
        }
        Kind k = null;
        if (kind != null) {
            try {
                k = Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                problems.add("rule " + id + " has an unknown @kind " + kind);
            }
        }
        return new RuleInfo(id, rule.getName(), source, k);
    }

    /** A metadata value as a plain string; quoted values may come back with their quotes. */
    private static String meta(Rule rule, String key) {
        Object v = rule.getMetaData().get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isBlank() ? null : s;
    }

    private static String render(String text, Thresholds t) {
        return text.replace("{spasmReferralDays}", Integer.toString(t.spasmReferralDays()))
                .replace("{stiffnessReferralDays}", Integer.toString(t.stiffnessReferralDays()));
    }

    /** The rule ID a rule's metadata carries. */
    String ruleId(Rule rule) {
        return meta(rule, "ruleId");
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

    /** The entry of the rule of the specification at {@code rank}. */
    Entry entry(int rank) {
        return byRank[rank];
    }

    /** How many rules say something in an assessment: their ranks run from 0 to this, exclusive. */
    int outputRuleCount() {
        return byRank.length;
    }

    /** The plain-language question about a finding or quantity. */
    String questionText(String subject) {
        return question(factRank(subject), false, Disposition.SELF_CARE).text();
    }

    /** The question about the fact of rank {@code rank} (see {@link #factRank}). */
    Question question(int rank, boolean redFlag, Disposition couldLeadTo) {
        return questions[rank][redFlag ? 1 : 0][couldLeadTo.ordinal()];
    }

    /** How many findings and quantities there are: the ranks run from 0 to this, exclusive. */
    int factCount() {
        return questions.length;
    }

    /** The position of a finding or quantity in the fixed output order. */
    int factRank(String fact) {
        Integer rank = order.get(fact);
        if (rank == null) {
            // Only reachable if a rule asks about something that is neither a finding nor a quantity.
            throw new IllegalStateException("a rule asks about an unknown fact: " + fact);
        }
        return rank;
    }
}
