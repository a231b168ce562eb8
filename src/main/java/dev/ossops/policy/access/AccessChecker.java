package dev.ossops.policy.access;

import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.Caller;
import dev.ossops.policy.Condition;
import dev.ossops.policy.ConditionWitnesses;
import dev.ossops.policy.Glob;
import dev.ossops.policy.GlobWitnesses;
import dev.ossops.policy.OssAction;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.Statement;
import dev.ossops.policy.SystemPolicyDocuments;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an {@link AccessQuery} against {@link AccessFacts}. The query speaks of every request it describes: every
 * key its pattern matches, every value of each condition key it does not pin, every session name of a role; the
 * facts may leave things unknown: an ACL, a Block Public Access switch, a policy document, a CDN setting. The
 * checker decides each request (through {@link Authorization}) in every world the unknown facts allow:
 * <ul>
 *   <li>requests: keys from {@link GlobWitnesses} over the query's pattern and the Resource patterns of the
 *       statements that could apply, condition values from {@link ConditionWitnesses}, so that every distinct
 *       way the policies could treat a request is tried once;</li>
 *   <li>worlds: every value an unknown ACL or switch could take; an unknown document could say anything, so a
 *       request is known only when a known document explicitly denies it.</li>
 * </ul>
 * A request whose answer is the same in every world is decided; the assertion fails on the first decided request
 * that contradicts it, is unknown when some request is undecided, and holds otherwise. The work is bounded; past
 * the bound the answer is unknown, never a guess.
 */
public final class AccessChecker {
    static final long MAX_DECISIONS = 250_000;
    private static final int MAX_KEY_STATES = 20_000;
    private static final String ACL_PRIVATE = "private";
    private static final List<String> BUCKET_ACLS = List.of(ACL_PRIVATE, "public-read", "public-read-write");
    private static final List<String> OBJECT_ACLS = List.of("default", ACL_PRIVATE, "public-read", "public-read-write");
    /** A session name no policy names, standing for all the others. */
    private static final String ANY_SESSION = "ossops-any-session";
    /** A UID no policy names, standing for a user whose UID is not known and is none of those named. */
    private static final String OTHER_UID = "ossops-unknown-uid";

    private static final String REFERER = "acs:referer";
    private static final Set<String> ALWAYS_PRESENT = Set.of("acs:sourceip", "acs:securetransport", "acs:currenttime");
    private static final Set<String> LISTING_ONLY = Set.of("oss:prefix", "oss:delimiter");

    public AccessVerdict check(AccessQuery q, AccessFacts facts) {
        try {
            return new Run(q, facts).verdict();
        } catch (Undecidable e) {
            return new AccessVerdict(
                    AccessVerdict.Status.UNKNOWN,
                    "unknown whether " + q.principal().describe() + " " + verbs(q) + " on " + q.resource() + via(q)
                            + ": " + e.getMessage(),
                    List.of(),
                    0);
        }
    }

    private static String verbs(AccessQuery q) {
        return "may "
                + String.join(", ", q.actions().stream().map(OssAction::action).toList());
    }

    private static String via(AccessQuery q) {
        return q.viaCdn().map(d -> " through CDN domain " + d).orElse("");
    }

    /** The question cannot be decided at all (a fact everything depends on is unknown, or it is too large). */
    private static final class Undecidable extends RuntimeException {
        Undecidable(String message) {
            super(message, null, false, false);
        }
    }

    /** A fact left open: each value it could take, and why it is open. */
    private record Variable(String name, List<Object> values, String reason) {}

    /** One request: the action, the key, condition values (empty = not carried), a session name, a signed CDN URL. */
    private record Context(
            OssAction action,
            Optional<String> key,
            Map<String, Optional<String>> keys,
            String session,
            boolean signed) {}

    private enum Result {
        ALLOW,
        DENY,
        OPEN
    }

    private record Answer(
            Result result,
            Authorization.@Nullable Outcome outcome,
            @Nullable String openReason) {}

    private static final class Run {
        private final AccessQuery q;
        private final AccessFacts facts;
        private final String account;
        private final BucketFacts bucket;
        private final Optional<EdgeFacts> edge;
        /** Set when the CDN domain fetches from another origin: every request through it is refused for this reason. */
        private final Optional<String> elsewhere;

        private final Fact<List<AttachedPolicy>> identity;
        private final Optional<AttachedPolicy> session;
        private final List<Variable> variables = new ArrayList<>();
        private final Map<String, Integer> variableIndex = new LinkedHashMap<>();
        private final Set<String> ranged = new LinkedHashSet<>();
        private boolean sessionRanged;
        private final boolean signedRanged;

        Run(AccessQuery q, AccessFacts facts) {
            this.q = q;
            this.facts = facts;
            this.account = known(facts.account(), "the account id");
            this.edge = q.viaCdn().map(d -> known(facts.cdnDomain(d), "CDN domain " + d));
            this.elsewhere = edge.flatMap(e -> {
                Optional<String> origin = known(e.originBucket(), "the origin of CDN domain " + e.domain());
                if (origin.isEmpty()) {
                    return Optional.of("CDN domain " + e.domain() + " does not fetch from an OSS bucket");
                }
                return origin.filter(o -> !o.equals(q.bucket()))
                        .map(o -> "CDN domain " + e.domain() + " fetches from bucket " + o + ", not " + q.bucket());
            });
            this.bucket = known(facts.bucket(q.bucket()), "bucket " + q.bucket());
            this.identity = q.principal() instanceof AccessPrincipal.User u
                    ? facts.userPolicies(u.name())
                    : q.principal() instanceof AccessPrincipal.Role r
                            ? facts.rolePolicies(r.name())
                            : Fact.known(List.of());
            this.session = q.principal() instanceof AccessPrincipal.Role r
                    ? r.sessionPolicy().map(p -> new AttachedPolicy("session policy of " + q.name(), asSession(p)))
                    : Optional.empty();
            this.signedRanged = edge.isPresent()
                    && q.signedCdnUrl().isEmpty()
                    && !edge.get().urlAuth().value().equals(Optional.of(false));
            openFacts();
        }

        private static <T> T known(Fact<T> fact, String what) {
            return fact.value()
                    .orElseThrow(() -> new Undecidable(
                            "it depends on " + what + ": " + fact.reason().orElseThrow()));
        }

        private static PolicyDocument asSession(PolicyDocument p) {
            return p.type() == PolicyType.SESSION
                    ? p
                    : new PolicyDocument(PolicyType.SESSION, p.version(), p.statements());
        }

        private void openFacts() {
            open("bucketAcl", bucket.acl(), BUCKET_ACLS);
            open("bucketBlock", bucket.blockPublicAccess(), List.of(false, true));
            open("accountBlock", facts.accountBlockPublicAccess(), List.of(false, true));
            if (q.principal() instanceof AccessPrincipal.User u
                    && !facts.userIds().containsKey(u.name())) {
                List<Object> uids = new ArrayList<>();
                uids.add(OTHER_UID);
                bucketPolicy()
                        .ifPresent(p -> p.statements()
                                .forEach(s -> s.principals()
                                        .ifPresent(pr -> pr.ram().stream()
                                                .filter(v -> v.chars().allMatch(Character::isDigit)
                                                        && !v.equals(account)
                                                        && !uids.contains(v))
                                                .forEach(uids::add))));
                if (uids.size() > 1) {
                    variable(
                            "userId",
                            uids,
                            "the UID of RAM user " + u.name() + " is not known, and the bucket policy names UIDs");
                }
            }
            edge.ifPresent(e -> {
                open("edgeServing", e.serving(), List.of(true, false));
                open("edgePrivateAuth", e.privateOssAuth(), List.of(true, false));
                if (e.referer().value().isEmpty()) {
                    variable(
                            "edgeReferer",
                            List.of(true, false),
                            "the Referer rule of CDN domain " + e.domain() + " "
                                    + e.referer().reason().orElseThrow());
                }
                open("edgeUrlAuth", e.urlAuth(), List.of(false, true));
            });
        }

        private void open(String name, Fact<?> fact, List<?> values) {
            fact.reason().ifPresent(reason -> variable(name, new ArrayList<>(values), reason));
        }

        private void variable(String name, List<Object> values, String reason) {
            variableIndex.put(name, variables.size());
            variables.add(new Variable(name, values, reason));
        }

        private Optional<PolicyDocument> bucketPolicy() {
            return bucket.policy().value().flatMap(p -> p);
        }

        /** The documents whose statements can apply, as far as they are known. */
        private List<Statement> knownStatements() {
            List<Statement> out = new ArrayList<>();
            identity.value()
                    .ifPresent(list -> list.forEach(p -> out.addAll(p.document().statements())));
            session.ifPresent(s -> out.addAll(s.document().statements()));
            bucketPolicy().ifPresent(p -> out.addAll(p.statements()));
            if (edge.isPresent()) {
                out.addAll(cdnOriginPolicy().document().statements());
            }
            return out.stream()
                    .filter(s -> q.actions().stream().anyMatch(a -> s.actions().matches(a.action(), true)))
                    .toList();
        }

        AccessVerdict verdict() {
            List<Statement> statements = knownStatements();
            List<Optional<String>> keys = keys(statements);
            Map<String, List<Optional<String>>> conditionValues = conditionValues(statements);
            List<String> sessions = sessions();
            sessionRanged = sessions.size() > 1;
            List<Boolean> signed = signedRanged
                    ? List.of(false, true)
                    : List.of(q.signedCdnUrl().orElse(false));
            long contexts = (long) q.actions().size() * keys.size() * sessions.size() * signed.size();
            for (List<Optional<String>> values : conditionValues.values()) {
                contexts *= values.size();
            }
            long worlds = 1;
            for (Variable v : variables) {
                worlds *= v.values().size();
            }
            long objectWorlds = keys.get(0).isPresent() ? OBJECT_ACLS.size() : 1;
            if (contexts * worlds * objectWorlds > MAX_DECISIONS) {
                throw new Undecidable(
                        "too many combinations to check (" + contexts + " requests in " + worlds * objectWorlds
                                + " possible states); narrow the assertion's keys or pin its conditions");
            }
            long checked = 0;
            Optional<AccessVerdict> open = Optional.empty();
            List<String> conditionNames = new ArrayList<>(conditionValues.keySet());
            for (OssAction action : q.actions()) {
                for (Optional<String> key : keys) {
                    for (String sessionName : sessions) {
                        for (boolean isSigned : signed) {
                            int[] index = new int[conditionNames.size()];
                            do {
                                Map<String, Optional<String>> values = new LinkedHashMap<>();
                                for (int i = 0; i < conditionNames.size(); i++) {
                                    values.put(
                                            conditionNames.get(i),
                                            Objects.requireNonNull(conditionValues.get(conditionNames.get(i)))
                                                    .get(index[i]));
                                }
                                Context context = new Context(action, key, values, sessionName, isSigned);
                                Answer answer = decideInEveryWorld(context);
                                checked++;
                                if (answer.result() == Result.OPEN) {
                                    if (open.isEmpty()) {
                                        open = Optional.of(new AccessVerdict(
                                                AccessVerdict.Status.UNKNOWN,
                                                "unknown whether "
                                                        + q.principal().describe() + " may " + describe(context)
                                                        + ": it depends on "
                                                        + answer.openReason(),
                                                List.of(),
                                                0));
                                    }
                                } else if ((answer.result() == Result.ALLOW) != q.expectAllowed()) {
                                    return fails(context, Objects.requireNonNull(answer.outcome()), checked);
                                }
                            } while (advance(index, conditionNames, conditionValues));
                        }
                    }
                }
            }
            if (open.isPresent()) {
                return new AccessVerdict(open.get().status(), open.get().message(), List.of(), checked);
            }
            return new AccessVerdict(
                    AccessVerdict.Status.HOLDS,
                    q.principal().describe() + " "
                            + (q.expectAllowed() ? "may" : "may not") + " "
                            + String.join(
                                    ", ",
                                    q.actions().stream().map(OssAction::action).toList())
                            + " on " + q.resource() + via(q) + " (" + checked
                            + (checked == 1 ? " request" : " requests") + " checked)",
                    List.of(),
                    checked);
        }

        private static boolean advance(int[] index, List<String> names, Map<String, List<Optional<String>>> values) {
            for (int i = index.length - 1; i >= 0; i--) {
                index[i]++;
                if (index[i] < Objects.requireNonNull(values.get(names.get(i))).size()) {
                    return true;
                }
                index[i] = 0;
            }
            return false;
        }

        private AccessVerdict fails(Context context, Authorization.Outcome outcome, long checked) {
            String verb = q.expectAllowed() ? " may not " : " may ";
            return new AccessVerdict(
                    AccessVerdict.Status.FAILS,
                    q.principal().describe() + verb + describe(context) + ": " + outcome.reason(),
                    outcome.statements(),
                    checked);
        }

        /** {@code oss:GetObject on bucket/key through CDN domain d, as session s, with acs:SourceIp=..., no acs:Referer}. */
        private String describe(Context c) {
            StringBuilder text = new StringBuilder(c.action().action())
                    .append(" on ")
                    .append(q.bucket())
                    .append(c.key().map(k -> "/" + k).orElse(""))
                    .append(via(q));
            List<String> when = new ArrayList<>();
            if (sessionRanged) {
                when.add("as session " + c.session());
            }
            if (signedRanged) {
                when.add(c.signed() ? "with a signed URL" : "without a URL signature");
            }
            c.keys()
                    .forEach((k, v) ->
                            when.add(v.map(value -> displayKey(k) + "=" + value).orElse("no " + displayKey(k))));
            if (!when.isEmpty()) {
                text.append(" (").append(String.join(", ", when)).append(")");
            }
            return text.toString();
        }

        private Answer decideInEveryWorld(Context context) {
            List<Variable> vars = new ArrayList<>(variables);
            boolean objectScoped = context.key().isPresent();
            Fact<String> objectAcl = objectScoped
                    ? facts.objectAcls().of(q.bucket(), context.key().get())
                    : Fact.known("default");
            if (objectAcl.reason().isPresent()) {
                vars.add(new Variable(
                        "objectAcl",
                        new ArrayList<>(OBJECT_ACLS),
                        objectAcl.reason().get()));
            }
            int[] index = new int[vars.size()];
            Answer first = null;
            Set<String> differing = new LinkedHashSet<>();
            do {
                Map<String, Object> world = new LinkedHashMap<>();
                for (int i = 0; i < vars.size(); i++) {
                    world.put(vars.get(i).name(), vars.get(i).values().get(index[i]));
                }
                Answer answer = decide(context, world, objectAcl);
                if (answer.result() == Result.OPEN) {
                    return answer;
                }
                if (first == null) {
                    first = answer;
                } else if (first.result() != answer.result()) {
                    for (int i = 0; i < vars.size(); i++) {
                        if (vars.get(i).values().size() > 1) {
                            differing.add(vars.get(i).reason());
                        }
                    }
                    return new Answer(Result.OPEN, null, String.join("; ", differing));
                }
            } while (advanceWorld(index, vars));
            return first;
        }

        private static boolean advanceWorld(int[] index, List<Variable> vars) {
            for (int i = index.length - 1; i >= 0; i--) {
                index[i]++;
                if (index[i] < vars.get(i).values().size()) {
                    return true;
                }
                index[i] = 0;
            }
            return false;
        }

        private Answer decide(Context c, Map<String, Object> world, Fact<String> objectAclFact) {
            Optional<String> referer = c.keys().containsKey(REFERER)
                    ? c.keys().get(REFERER)
                    : q.fixedKeys().getOrDefault(REFERER, Optional.empty());
            if (edge.isPresent()) {
                EdgeFacts e = edge.get();
                if (elsewhere.isPresent()) {
                    return deny(elsewhere.get());
                }
                if (!(boolean) valueOf(world, "edgeServing", e.serving())) {
                    return deny("CDN domain " + e.domain() + " is not online");
                }
                boolean refererPasses = e.referer()
                        .value()
                        .map(rule -> rule.map(r -> r.admits(referer)).orElse(true))
                        .orElseGet(() -> Boolean.TRUE.equals(world.get("edgeReferer")));
                if (!refererPasses) {
                    return deny("CDN domain " + e.domain() + " refuses "
                            + referer.map(r -> "the Referer " + r).orElse("requests without a Referer")
                            + " (its Referer rule)");
                }
                if ((boolean) valueOf(world, "edgeUrlAuth", e.urlAuth()) && !c.signed()) {
                    return deny(
                            "CDN domain " + e.domain() + " requires URL authentication and the request is not signed");
                }
            }
            Optional<String> identityUnknown = identity.reason();
            Optional<String> policyUnknown =
                    bucket.policy().reason().map(r -> "the bucket policy of " + q.bucket() + ": " + r);
            boolean viaOrigin = edge.isPresent();
            boolean privateAuth = viaOrigin
                    && (boolean) valueOf(world, "edgePrivateAuth", edge.get().privateOssAuth());
            Caller caller = viaOrigin
                    ? (privateAuth
                            ? new Caller.RoleSession(
                                    account,
                                    SystemPolicyDocuments.CDN_ORIGIN_ROLE,
                                    SystemPolicyDocuments.CDN_ORIGIN_SESSION)
                            : new Caller.Anonymous())
                    : caller(c, world);
            List<AttachedPolicy> identityPolicies = viaOrigin
                    ? (privateAuth ? List.of(cdnOriginPolicy()) : List.of())
                    : identity.value().orElse(List.of());
            Map<String, List<String>> keys = new LinkedHashMap<>();
            Map<String, Optional<String>> pinned = viaOrigin ? originPinned() : q.fixedKeys();
            pinned.forEach((k, v) -> v.ifPresent(value -> keys.put(k, List.of(value))));
            c.keys().forEach((k, v) -> v.ifPresent(value -> keys.put(k, List.of(value))));
            String bucketAcl = (String) valueOf(world, "bucketAcl", bucket.acl());
            boolean blocked = (boolean) valueOf(world, "bucketBlock", bucket.blockPublicAccess())
                    || (boolean) valueOf(world, "accountBlock", facts.accountBlockPublicAccess());
            Optional<String> objectAcl = c.key().map(k -> (String) valueOf(world, "objectAcl", objectAclFact));
            Authorization.Outcome outcome = Authorization.decide(new Authorization.Request(
                    caller,
                    identityPolicies,
                    viaOrigin ? Optional.empty() : session,
                    bucketPolicy(),
                    account,
                    q.bucket(),
                    c.key(),
                    c.action(),
                    keys,
                    bucketAcl,
                    objectAcl,
                    blocked));
            boolean identityMatters = !viaOrigin && identityUnknown.isPresent();
            if ((identityMatters || policyUnknown.isPresent()) && !outcome.explicitDeny()) {
                List<String> reasons = new ArrayList<>();
                if (identityMatters) {
                    reasons.add("the policies of " + q.principal().describe() + ": " + identityUnknown.get());
                }
                policyUnknown.ifPresent(reasons::add);
                return new Answer(Result.OPEN, outcome, String.join("; ", reasons));
            }
            String reason = viaOrigin
                    ? "back to origin " + (privateAuth ? "as the CDN's service role" : "without signing") + ", OSS "
                            + (outcome.allowed() ? "answers: " : "refuses: ") + outcome.reason()
                    : outcome.reason();
            return new Answer(
                    outcome.allowed() ? Result.ALLOW : Result.DENY,
                    new Authorization.Outcome(outcome.allowed(), outcome.explicitDeny(), outcome.statements(), reason),
                    null);
        }

        private static Answer deny(String reason) {
            return new Answer(Result.DENY, new Authorization.Outcome(false, false, List.of(), reason), null);
        }

        private Map<String, Optional<String>> originPinned() {
            Map<String, Optional<String>> out = new LinkedHashMap<>();
            if (q.fixedKeys().containsKey(REFERER)) {
                out.put(REFERER, q.fixedKeys().get(REFERER));
            }
            return out;
        }

        /** A known fact's value, else the world's: every world holds a value for each unknown fact. */
        private static Object valueOf(Map<String, Object> world, String name, Fact<?> fact) {
            return fact.value().isPresent() ? fact.value().get() : Objects.requireNonNull(world.get(name), name);
        }

        private Caller caller(Context c, Map<String, Object> world) {
            AccessPrincipal p = q.principal();
            if (p instanceof AccessPrincipal.User u) {
                return new Caller.RamUser(
                        account,
                        Optional.ofNullable(facts.userIds().get(u.name()))
                                .orElseGet(() -> (String) world.getOrDefault("userId", OTHER_UID)),
                        u.name());
            }
            if (p instanceof AccessPrincipal.Role r) {
                return new Caller.RoleSession(account, r.name(), r.sessionName().orElse(c.session()));
            }
            if (p instanceof AccessPrincipal.Account a) {
                return new Caller.Account(a.id().orElse(account));
            }
            return new Caller.Anonymous();
        }

        private static AttachedPolicy cdnOriginPolicy() {
            return new AttachedPolicy(
                    SystemPolicyDocuments.CDN_ORIGIN_POLICY_NAME,
                    PolicyParser.parse(SystemPolicyDocuments.CDN_ORIGIN_POLICY, PolicyType.IDENTITY));
        }

        /** The keys to try: the one key, or one per way the statements' Resource patterns can meet the query's pattern. */
        private List<Optional<String>> keys(List<Statement> statements) {
            boolean objectScoped = q.actions().get(0).scope() == OssAction.Scope.OBJECT;
            if (!objectScoped) {
                return List.of(Optional.empty());
            }
            String pattern =
                    q.keyPattern().orElseThrow(() -> new IllegalArgumentException("object actions need a key pattern"));
            if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
                return List.of(Optional.of(pattern));
            }
            String relative = q.bucket() + "/";
            String arnPrefix = "acs:oss:*:" + account + ":";
            List<Glob> resources = new ArrayList<>();
            for (Statement s : statements) {
                s.resources()
                        .ifPresent(r -> r.values()
                                .forEach(value ->
                                        resourceGlob(value, arnPrefix, relative).ifPresent(resources::add)));
            }
            Map<BitSet, String> found = GlobWitnesses.cover(Glob.pattern(pattern, false), resources, MAX_KEY_STATES)
                    .orElseThrow(() -> new Undecidable(
                            "the key pattern " + pattern + " meets too many Resource patterns to check"));
            // Objects whose own ACL is known are tried too: one of them may be the public one.
            Glob wanted = Glob.pattern(pattern, false);
            List<String> keys = new ArrayList<>(
                    found.values().stream().distinct().filter(k -> !k.isEmpty()).toList());
            facts.objectAcls().knownKeys(q.bucket()).stream()
                    .filter(wanted::matches)
                    .filter(k -> !keys.contains(k))
                    .forEach(keys::add);
            return keys.stream().map(Optional::of).toList();
        }

        /**
         * The part of a Resource pattern that depends on the key, as {@code Arns} matches it: the fifth segment against
         * {@code bucket/key} when the first four match this account's OSS ARNs, the whole pattern otherwise.
         */
        private static Optional<Glob> resourceGlob(String pattern, String arnPrefix, String relative) {
            String[] p = pattern.split(":", 5);
            if (p.length < 5) {
                return Optional.of(Glob.pattern(pattern, false).after(arnPrefix + relative));
            }
            String[] r = arnPrefix.split(":", 5);
            boolean prefixMatches = Glob.pattern(p[0], false).matches(r[0])
                    && Glob.pattern(p[1], false).matches(r[1])
                    && Glob.pattern(p[3], false).matches(r[3]);
            return prefixMatches ? Optional.of(Glob.pattern(p[4], false).after(relative)) : Optional.empty();
        }

        /** Each condition key the statements test and the query does not pin, with the values to try. */
        private Map<String, List<Optional<String>>> conditionValues(List<Statement> statements) {
            Map<String, List<Condition>> byKey = ConditionWitnesses.byKey(statements);
            Set<String> pinned =
                    edge.isPresent() ? originPinned().keySet() : q.fixedKeys().keySet();
            Map<String, List<Optional<String>>> out = new LinkedHashMap<>();
            boolean anonymous = (q.principal() instanceof AccessPrincipal.Anonymous && edge.isEmpty())
                    || (edge.isPresent()
                            && edge.get()
                                    .privateOssAuth()
                                    .value()
                                    .filter(on -> !on)
                                    .isPresent());
            boolean listing = q.actions().stream()
                    .anyMatch(a -> a == OssAction.LIST_OBJECTS || a == OssAction.LIST_OBJECT_VERSIONS);
            byKey.forEach((key, conditions) -> {
                if (pinned.contains(key)) {
                    return;
                }
                List<Optional<String>> values = new ArrayList<>();
                boolean mayBeMissing = !ALWAYS_PRESENT.contains(key) && !(key.equals("acs:accessid") && !anonymous);
                if (LISTING_ONLY.contains(key) && !listing) {
                    out.put(key, List.of(Optional.empty()));
                    return;
                }
                if (key.equals("acs:accessid") && anonymous && edge.isEmpty()) {
                    out.put(key, List.of(Optional.empty()));
                    return;
                }
                if (mayBeMissing) {
                    values.add(Optional.empty());
                }
                ConditionWitnesses.values(conditions)
                        .orElseThrow(() -> new Undecidable("the conditions on " + key + " are too many to check"))
                        .forEach(v -> values.add(Optional.of(v)));
                out.put(key, values);
            });
            edge.flatMap(e -> e.referer().value().flatMap(rule -> rule))
                    .filter(rule -> !q.fixedKeys().containsKey(REFERER))
                    .ifPresent(rule -> {
                        List<Optional<String>> values = new ArrayList<>(out.getOrDefault(REFERER, List.of()));
                        rule.witnesses().stream()
                                .filter(w -> !values.contains(w))
                                .forEach(values::add);
                        out.put(REFERER, values);
                    });
            ranged.addAll(out.keySet());
            return out;
        }

        /** Session names to try: the one given, or one per way the bucket policy's session ARNs can name a session. */
        private List<String> sessions() {
            if (!(q.principal() instanceof AccessPrincipal.Role r)) {
                return List.of(ANY_SESSION);
            }
            if (r.sessionName().isPresent()) {
                return List.of(r.sessionName().get());
            }
            String prefix = ("arn:sts::" + account + ":assumed-role/" + r.name() + "/").toLowerCase(Locale.ROOT);
            List<Glob> named = new ArrayList<>();
            bucketPolicy()
                    .ifPresent(p -> p.statements()
                            .forEach(s -> s.principals()
                                    .ifPresent(pr -> pr.ram()
                                            .forEach(v -> named.add(
                                                    Glob.pattern(v, true).after(prefix))))));
            if (named.isEmpty()) {
                return List.of(ANY_SESSION);
            }
            Map<BitSet, String> found = GlobWitnesses.cover(Glob.pattern("*", false), named, MAX_KEY_STATES)
                    .orElseThrow(() -> new Undecidable("the session names in the bucket policy are too many to check"));
            List<String> out = new ArrayList<>(
                    found.values().stream().filter(s -> !s.isEmpty()).distinct().toList());
            if (!out.contains(ANY_SESSION)) {
                out.add(0, ANY_SESSION);
            }
            return out;
        }

        private static String displayKey(String lowered) {
            return switch (lowered) {
                case "acs:sourceip" -> "acs:SourceIp";
                case "acs:sourcevpc" -> "acs:SourceVpc";
                case "acs:securetransport" -> "acs:SecureTransport";
                case "acs:referer" -> "acs:Referer";
                case "acs:useragent" -> "acs:UserAgent";
                case "acs:currenttime" -> "acs:CurrentTime";
                case "acs:accessid" -> "acs:AccessId";
                case "oss:prefix" -> "oss:Prefix";
                case "oss:delimiter" -> "oss:Delimiter";
                default -> lowered;
            };
        }
    }
}
