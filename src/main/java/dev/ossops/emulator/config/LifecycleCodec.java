package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** {@code ?lifecycle}: PutBucketLifecycle / GetBucketLifecycle / DeleteBucketLifecycle. */
public final class LifecycleCodec extends XmlConfigCodec<LifecycleConfiguration> {
    private static final Pattern MIDNIGHT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T00:00:00\\.000Z");
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Supplier<String> idGenerator;

    /** IDs for rules that arrive without one are random UUIDs. */
    public LifecycleCodec() {
        this(() -> UUID.randomUUID().toString());
    }

    /** For tests that pin the generated rule IDs. */
    public LifecycleCodec(Supplier<String> idGenerator) {
        super("lifecycle");
        this.idGenerator = idGenerator;
    }

    @Override
    public StoredConfig whenUnset(String bucket) {
        throw new OssException(OssError.NO_SUCH_LIFECYCLE).with("BucketName", bucket);
    }

    /** Parses and validates a {@code LifecycleConfiguration} document. */
    @Override
    public LifecycleConfiguration parse(byte[] body) {
        Element root = XmlReader.parse(body, "LifecycleConfiguration");
        ConfigXml.onlyChildren(root, Set.of("Rule"));
        List<Element> elements = XmlReader.children(root, "Rule");
        if (elements.isEmpty()) {
            throw ConfigXml.malformed();
        }
        if (elements.size() > LifecycleValidator.MAX_RULES) {
            throw ConfigXml.invalid(
                    "The number of lifecycle rules exceeds the limit of " + LifecycleValidator.MAX_RULES + ".",
                    "Rule",
                    Integer.toString(elements.size()));
        }
        List<LifecycleRule> rules = new ArrayList<>();
        for (Element e : elements) {
            rules.add(rule(e));
        }
        LifecycleConfiguration config = new LifecycleConfiguration(rules);
        LifecycleValidator.validate(config);
        return config;
    }

    private LifecycleRule rule(Element e) {
        ConfigXml.onlyChildren(
                e,
                Set.of(
                        "ID",
                        "Prefix",
                        "Tag",
                        "Filter",
                        "Status",
                        "Expiration",
                        "Transition",
                        "AbortMultipartUpload",
                        "NoncurrentVersionExpiration",
                        "NoncurrentVersionTransition",
                        "Days",
                        "Date"));
        String id = XmlReader.text(e, "ID").filter(s -> !s.isEmpty()).orElseGet(idGenerator);
        String prefix =
                XmlReader.child(e, "Prefix").map(Element::getTextContent).orElse("");
        boolean enabled = switch (ConfigXml.required(e, "Status")) {
            case "Enabled" -> true;
            case "Disabled" -> false;
            default -> throw ConfigXml.malformed();
        };
        Map<String, String> tags = new LinkedHashMap<>();
        for (Element tag : XmlReader.children(e, "Tag")) {
            Map.Entry<String, String> kv = tag(tag);
            if (tags.put(kv.getKey(), kv.getValue()) != null) {
                throw ConfigXml.invalid("Tag keys in a lifecycle rule must be unique.", "Tag", kv.getKey());
            }
        }
        List<LifecycleRule.Transition> transitions = new ArrayList<>();
        for (Element t : XmlReader.children(e, "Transition")) {
            transitions.add(transition(t));
        }
        List<LifecycleRule.NoncurrentTransition> noncurrent = new ArrayList<>();
        for (Element t : XmlReader.children(e, "NoncurrentVersionTransition")) {
            noncurrent.add(noncurrentTransition(t));
        }
        return new LifecycleRule(
                id,
                prefix,
                enabled,
                tags,
                XmlReader.child(e, "Filter").map(LifecycleCodec::filter),
                ruleExpiration(e),
                transitions,
                XmlReader.child(e, "AbortMultipartUpload").map(LifecycleCodec::abort),
                XmlReader.child(e, "NoncurrentVersionExpiration").map(n -> {
                    ConfigXml.onlyChildren(n, Set.of("NoncurrentDays"));
                    return days(n, "NoncurrentDays").orElseThrow(ConfigXml::malformed);
                }),
                noncurrent);
    }

    /**
     * A rule's expiration: its {@code Expiration} element, else the older form with {@code Days}
     * or {@code Date} directly under {@code Rule}. OSS accepts the older form: ali-oss still sends
     * it for rules given as {days} or {date}, beside an Expiration with the same value, and its
     * tests expect OSS to take the document. The older elements are checked like Expiration's;
     * with an Expiration present they add nothing, and the rule is stored and answered in the
     * Expiration form (what OSS answers for them is not documented).
     */
    private static Optional<LifecycleRule.Expiration> ruleExpiration(Element rule) {
        Optional<Long> days = days(rule, "Days");
        Optional<Instant> date = date(rule, "Date");
        Optional<LifecycleRule.Expiration> expiration =
                XmlReader.child(rule, "Expiration").map(LifecycleCodec::expiration);
        if (expiration.isPresent() || (days.isEmpty() && date.isEmpty())) {
            return expiration;
        }
        return Optional.of(new LifecycleRule.Expiration(days, date, Optional.empty(), Optional.empty()));
    }

    private static Map.Entry<String, String> tag(Element tag) {
        ConfigXml.onlyChildren(tag, Set.of("Key", "Value"));
        return Map.entry(
                ConfigXml.required(tag, "Key"), XmlReader.text(tag, "Value").orElse(""));
    }

    private static LifecycleRule.Filter filter(Element f) {
        ConfigXml.onlyChildren(f, Set.of("ObjectSizeGreaterThan", "ObjectSizeLessThan", "Not"));
        List<LifecycleRule.Not> nots = new ArrayList<>();
        for (Element n : XmlReader.children(f, "Not")) {
            ConfigXml.onlyChildren(n, Set.of("Prefix", "Tag"));
            nots.add(new LifecycleRule.Not(
                    XmlReader.child(n, "Prefix").map(Element::getTextContent).orElse(""),
                    XmlReader.child(n, "Tag").map(LifecycleCodec::tag)));
        }
        return new LifecycleRule.Filter(
                ConfigXml.number(f, "ObjectSizeGreaterThan"), ConfigXml.number(f, "ObjectSizeLessThan"), nots);
    }

    private static LifecycleRule.Expiration expiration(Element e) {
        ConfigXml.onlyChildren(e, Set.of("Days", "Date", "CreatedBeforeDate", "ExpiredObjectDeleteMarker"));
        return new LifecycleRule.Expiration(
                days(e, "Days"),
                date(e, "Date"),
                date(e, "CreatedBeforeDate"),
                ConfigXml.bool(e, "ExpiredObjectDeleteMarker"));
    }

    private static LifecycleRule.Transition transition(Element t) {
        ConfigXml.onlyChildren(
                t,
                Set.of(
                        "Days",
                        "CreatedBeforeDate",
                        "StorageClass",
                        "IsAccessTime",
                        "ReturnToStdWhenVisit",
                        "AllowSmallFile"));
        return new LifecycleRule.Transition(
                days(t, "Days"),
                date(t, "CreatedBeforeDate"),
                storageClass(t),
                ConfigXml.bool(t, "IsAccessTime"),
                ConfigXml.bool(t, "ReturnToStdWhenVisit"),
                ConfigXml.bool(t, "AllowSmallFile"));
    }

    private static LifecycleRule.NoncurrentTransition noncurrentTransition(Element t) {
        ConfigXml.onlyChildren(
                t, Set.of("NoncurrentDays", "StorageClass", "IsAccessTime", "ReturnToStdWhenVisit", "AllowSmallFile"));
        return new LifecycleRule.NoncurrentTransition(
                days(t, "NoncurrentDays").orElseThrow(ConfigXml::malformed),
                storageClass(t),
                ConfigXml.bool(t, "IsAccessTime"),
                ConfigXml.bool(t, "ReturnToStdWhenVisit"),
                ConfigXml.bool(t, "AllowSmallFile"));
    }

    private static LifecycleRule.AbortMultipartUpload abort(Element a) {
        ConfigXml.onlyChildren(a, Set.of("Days", "CreatedBeforeDate"));
        LifecycleRule.AbortMultipartUpload abort =
                new LifecycleRule.AbortMultipartUpload(days(a, "Days"), date(a, "CreatedBeforeDate"));
        if (abort.days().isPresent() == abort.createdBeforeDate().isPresent()) {
            throw ConfigXml.invalid(
                    "AbortMultipartUpload must contain exactly one of Days and CreatedBeforeDate.",
                    "AbortMultipartUpload",
                    "");
        }
        return abort;
    }

    private static LifecycleRule.StorageClass storageClass(Element t) {
        String value = ConfigXml.required(t, "StorageClass");
        for (LifecycleRule.StorageClass c : LifecycleRule.StorageClass.values()) {
            if (c.name().equals(value)) {
                return c;
            }
        }
        throw ConfigXml.invalid(
                "Unsupported StorageClass, valid values are IA, Archive, ColdArchive and DeepColdArchive.",
                "StorageClass",
                value);
    }

    /** Day counts are positive integers. */
    private static Optional<Long> days(Element parent, String name) {
        return XmlReader.text(parent, name).map(text -> {
            if (text.isEmpty()
                    || !text.chars().allMatch(Character::isDigit)
                    || text.length() > 9
                    || Long.parseLong(text) < 1) {
                throw ConfigXml.invalid(name + " must be a positive integer.", name, text);
            }
            return Long.parseLong(text);
        });
    }

    /** Dates must be ISO8601 at midnight UTC, for example {@code 2026-01-01T00:00:00.000Z}. */
    private static Optional<Instant> date(Element parent, String name) {
        return XmlReader.text(parent, name).map(text -> {
            if (!MIDNIGHT.matcher(text).matches()) {
                throw ConfigXml.invalid(
                        name + " must be ISO8601 at midnight UTC, such as 2026-01-01T00:00:00.000Z.", name, text);
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ConfigXml.invalid(
                        name + " must be ISO8601 at midnight UTC, such as 2026-01-01T00:00:00.000Z.", name, text);
            }
        });
    }

    static String format(Instant instant) {
        return ISO.format(instant);
    }

    /** The canonical GetBucketLifecycle document. */
    @Override
    public String render(LifecycleConfiguration config) {
        XmlWriter w = new XmlWriter().start("LifecycleConfiguration");
        for (LifecycleRule r : config.rules()) {
            w.start("Rule").element("ID", r.id()).element("Prefix", r.prefix());
            r.tags()
                    .forEach((k, v) ->
                            w.start("Tag").element("Key", k).element("Value", v).end());
            r.filter().ifPresent(f -> {
                w.start("Filter");
                f.objectSizeGreaterThan().ifPresent(n -> w.element("ObjectSizeGreaterThan", n));
                f.objectSizeLessThan().ifPresent(n -> w.element("ObjectSizeLessThan", n));
                for (LifecycleRule.Not n : f.nots()) {
                    w.start("Not").element("Prefix", n.prefix());
                    n.tag()
                            .ifPresent(t -> w.start("Tag")
                                    .element("Key", t.getKey())
                                    .element("Value", t.getValue())
                                    .end());
                    w.end();
                }
                w.end();
            });
            w.element("Status", r.enabled() ? "Enabled" : "Disabled");
            r.expiration().ifPresent(e -> {
                w.start("Expiration");
                e.days().ifPresent(d -> w.element("Days", d));
                e.date().ifPresent(d -> w.element("Date", format(d)));
                e.createdBeforeDate().ifPresent(d -> w.element("CreatedBeforeDate", format(d)));
                e.expiredObjectDeleteMarker().ifPresent(b -> w.element("ExpiredObjectDeleteMarker", b));
                w.end();
            });
            for (LifecycleRule.Transition t : r.transitions()) {
                w.start("Transition");
                t.days().ifPresent(d -> w.element("Days", d));
                t.createdBeforeDate().ifPresent(d -> w.element("CreatedBeforeDate", format(d)));
                w.element("StorageClass", t.storageClass().name());
                t.isAccessTime().ifPresent(b -> w.element("IsAccessTime", b));
                t.returnToStdWhenVisit().ifPresent(b -> w.element("ReturnToStdWhenVisit", b));
                t.allowSmallFile().ifPresent(b -> w.element("AllowSmallFile", b));
                w.end();
            }
            r.abortMultipartUpload().ifPresent(a -> {
                w.start("AbortMultipartUpload");
                a.days().ifPresent(d -> w.element("Days", d));
                a.createdBeforeDate().ifPresent(d -> w.element("CreatedBeforeDate", format(d)));
                w.end();
            });
            r.noncurrentExpirationDays()
                    .ifPresent(d -> w.start("NoncurrentVersionExpiration")
                            .element("NoncurrentDays", d)
                            .end());
            for (LifecycleRule.NoncurrentTransition t : r.noncurrentTransitions()) {
                w.start("NoncurrentVersionTransition")
                        .element("NoncurrentDays", t.noncurrentDays())
                        .element("StorageClass", t.storageClass().name());
                t.isAccessTime().ifPresent(b -> w.element("IsAccessTime", b));
                t.returnToStdWhenVisit().ifPresent(b -> w.element("ReturnToStdWhenVisit", b));
                t.allowSmallFile().ifPresent(b -> w.element("AllowSmallFile", b));
                w.end();
            }
            w.end();
        }
        return w.end().toXml();
    }
}
