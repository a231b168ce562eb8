package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The replication API, which does not fit the single-document codec: PutBucketReplication
 * ({@code POST ?replication&comp=add}, one {@code Rule}), DeleteBucketReplication
 * ({@code POST ?replication&comp=delete}, {@code ReplicationRules/ID}), GetBucketReplication,
 * GetBucketReplicationLocation and GetBucketReplicationProgress. Checks follow PutBucketReplication
 * and the 0031-* error pages.
 */
public final class ReplicationCodec {
    static final int MAX_PREFIXES = 10;
    private static final Set<String> ACTIONS = Set.of("ALL", "PUT", "DELETE", "ABORT");
    private static final Set<String> TRANSFER_TYPES = Set.of("internal", "oss_acc");

    private final Supplier<String> idGenerator;

    public ReplicationCodec() {
        this(() -> UUID.randomUUID().toString());
    }

    /** For tests that pin the generated rule IDs. */
    public ReplicationCodec(Supplier<String> idGenerator) {
        this.idGenerator = idGenerator;
    }

    /** Parses the body of {@code comp=add} for {@code sourceBucket}; the new rule is {@code starting}. */
    public ReplicationRule parseAdd(String sourceBucket, byte[] body) {
        Element root = XmlReader.parse(body, "ReplicationConfiguration");
        ConfigXml.onlyChildren(root, Set.of("Rule"));
        List<Element> rules = XmlReader.children(root, "Rule");
        if (rules.size() != 1) {
            throw ConfigXml.malformed();
        }
        Element rule = rules.get(0);
        ConfigXml.onlyChildren(
                rule,
                Set.of(
                        "ID",
                        "RTC",
                        "PrefixSet",
                        "Action",
                        "Destination",
                        "HistoricalObjectReplication",
                        "SyncRole",
                        "SourceSelectionCriteria",
                        "EncryptionConfiguration",
                        "Source"));
        String id = XmlReader.text(rule, "ID").filter(s -> !s.isEmpty()).orElseGet(idGenerator);
        List<String> prefixes = prefixes(rule);
        List<String> actions = actions(rule);
        ReplicationRule.Destination destination = destination(rule, sourceBucket);
        String historical = XmlReader.text(rule, "HistoricalObjectReplication").orElse("enabled");
        if (!historical.equals("enabled") && !historical.equals("disabled")) {
            throw ConfigXml.invalid(
                    "HistoricalObjectReplication must be enabled or disabled.",
                    "HistoricalObjectReplication",
                    historical);
        }
        Optional<Boolean> sseKms = XmlReader.child(rule, "SourceSelectionCriteria")
                .map(c -> {
                    ConfigXml.onlyChildren(c, Set.of("SseKmsEncryptedObjects"));
                    Element objects =
                            XmlReader.child(c, "SseKmsEncryptedObjects").orElseThrow(ConfigXml::malformed);
                    ConfigXml.onlyChildren(objects, Set.of("Status"));
                    return enabledFlag(ConfigXml.required(objects, "Status"), "Enabled", "Disabled", "Status");
                });
        Optional<String> kmsKey = XmlReader.child(rule, "EncryptionConfiguration")
                .map(c -> {
                    ConfigXml.onlyChildren(c, Set.of("ReplicaKmsKeyID"));
                    return ConfigXml.required(c, "ReplicaKmsKeyID");
                });
        if (sseKms.orElse(false) && kmsKey.isEmpty()) {
            throw ConfigXml.invalid(
                    "ReplicaKmsKeyID is required when SseKmsEncryptedObjects is Enabled.", "ReplicaKmsKeyID", "");
        }
        Optional<Boolean> rtc = XmlReader.child(rule, "RTC").map(c -> {
            ConfigXml.onlyChildren(c, Set.of("Status"));
            return enabledFlag(ConfigXml.required(c, "Status"), "enabled", "disabled", "RTC");
        });
        Optional<String> sourceLocation = XmlReader.child(rule, "Source").map(c -> {
            ConfigXml.onlyChildren(c, Set.of("Location"));
            return ConfigXml.required(c, "Location");
        });
        return new ReplicationRule(
                id,
                prefixes,
                actions,
                destination,
                historical.equals("enabled"),
                XmlReader.text(rule, "SyncRole").filter(s -> !s.isEmpty()),
                sseKms,
                kmsKey,
                rtc,
                sourceLocation,
                ReplicationRule.Status.STARTING);
    }

    private static List<String> prefixes(Element rule) {
        List<String> prefixes = XmlReader.child(rule, "PrefixSet")
                .map(set -> {
                    ConfigXml.onlyChildren(set, Set.of("Prefix"));
                    return ConfigXml.texts(set, "Prefix");
                })
                .orElse(List.of());
        if (prefixes.size() > MAX_PREFIXES) {
            throw ConfigXml.invalid(
                    "A replication rule can have at most " + MAX_PREFIXES + " prefixes.",
                    "Prefix",
                    Integer.toString(prefixes.size()));
        }
        for (int i = 0; i < prefixes.size(); i++) {
            for (int j = 0; j < prefixes.size(); j++) {
                if (i != j && prefixes.get(i).startsWith(prefixes.get(j))) {
                    throw ConfigXml.invalid(
                            "The prefixes of a replication rule cannot overlap.", "Prefix", prefixes.get(i));
                }
            }
        }
        return prefixes;
    }

    private static List<String> actions(Element rule) {
        String text = XmlReader.text(rule, "Action").orElse("ALL");
        List<String> actions =
                Arrays.stream(text.split(",", -1)).map(String::trim).toList();
        for (String action : actions) {
            if (!ACTIONS.contains(action)) {
                throw ConfigXml.invalid("Action must be ALL or a list of PUT, DELETE and ABORT.", "Action", text);
            }
        }
        if (actions.contains("ALL") && actions.size() > 1) {
            throw ConfigXml.invalid("Action ALL cannot be combined with other actions.", "Action", text);
        }
        return actions;
    }

    private static ReplicationRule.Destination destination(Element rule, String sourceBucket) {
        Element d = XmlReader.child(rule, "Destination").orElseThrow(ConfigXml::malformed);
        ConfigXml.onlyChildren(d, Set.of("Bucket", "Location", "TransferType"));
        String bucket = ConfigXml.required(d, "Bucket");
        String location = ConfigXml.required(d, "Location");
        if (bucket.equals(sourceBucket)) {
            throw ConfigXml.invalid("The destination bucket must differ from the source bucket.", "Bucket", bucket);
        }
        Optional<String> transfer = XmlReader.text(d, "TransferType");
        if (transfer.isPresent() && !TRANSFER_TYPES.contains(transfer.get())) {
            throw ConfigXml.invalid("TransferType must be internal or oss_acc.", "TransferType", transfer.get());
        }
        return new ReplicationRule.Destination(bucket, location, transfer);
    }

    private static boolean enabledFlag(String text, String on, String off, String name) {
        if (text.equals(on)) {
            return true;
        }
        if (text.equals(off)) {
            return false;
        }
        throw ConfigXml.invalid(name + " must be " + on + " or " + off + ".", name, text);
    }

    /** Parses the body of {@code comp=delete}: the ID of the rule to delete. */
    public String parseDelete(byte[] body) {
        Element root = XmlReader.parse(body, "ReplicationRules");
        ConfigXml.onlyChildren(root, Set.of("ID"));
        return ConfigXml.required(root, "ID");
    }

    /** GetBucketReplication: all rules with their status; a bucket without rules has no configuration. */
    public BucketConfigCodec.StoredConfig render(String bucket, ReplicationConfiguration config) {
        if (config.rules().isEmpty()) {
            throw new OssException(OssError.NO_SUCH_REPLICATION_CONFIGURATION).with("BucketName", bucket);
        }
        XmlWriter w = new XmlWriter().start("ReplicationConfiguration");
        for (ReplicationRule r : config.rules()) {
            rule(w, r);
        }
        return ConfigXml.xml(w.end().toXml());
    }

    private static void rule(XmlWriter w, ReplicationRule r) {
        w.start("Rule").element("ID", r.id());
        r.rtc()
                .ifPresent(on -> w.start("RTC")
                        .element("Status", on ? "enabled" : "disabled")
                        .end());
        w.start("PrefixSet");
        r.prefixes().forEach(p -> w.element("Prefix", p));
        w.end().element("Action", String.join(",", r.actions()));
        w.start("Destination")
                .element("Bucket", r.destination().bucket())
                .element("Location", r.destination().location());
        r.destination().transferType().ifPresent(t -> w.element("TransferType", t));
        w.end()
                .element("Status", r.status().wire())
                .element("HistoricalObjectReplication", r.historicalObjectReplication() ? "enabled" : "disabled");
        r.syncRole().ifPresent(s -> w.element("SyncRole", s));
        r.sseKmsEncryptedObjects()
                .ifPresent(on -> w.start("SourceSelectionCriteria")
                        .start("SseKmsEncryptedObjects")
                        .element("Status", on ? "Enabled" : "Disabled")
                        .end()
                        .end());
        r.replicaKmsKeyId()
                .ifPresent(k -> w.start("EncryptionConfiguration")
                        .element("ReplicaKmsKeyID", k)
                        .end());
        r.sourceLocation()
                .ifPresent(l -> w.start("Source").element("Location", l).end());
        w.end();
    }

    /**
     * GetBucketReplicationProgress for one rule: {@code historicalFraction} of the existing objects
     * copied (0..1, only shown when historical replication is on) and the time up to which new
     * objects have been replicated.
     */
    public BucketConfigCodec.StoredConfig renderProgress(
            ReplicationConfiguration config, String ruleId, double historicalFraction, Instant newObjectsUntil) {
        ReplicationRule r = config.rule(ruleId).orElseThrow(() -> new OssException(OssError.NO_SUCH_REPLICATION_RULE));
        XmlWriter w = new XmlWriter()
                .start("ReplicationProgress")
                .start("Rule")
                .element("ID", r.id())
                .start("PrefixSet");
        r.prefixes().forEach(p -> w.element("Prefix", p));
        w.end().element("Action", String.join(",", r.actions()));
        w.start("Destination")
                .element("Bucket", r.destination().bucket())
                .element("Location", r.destination().location());
        r.destination().transferType().ifPresent(t -> w.element("TransferType", t));
        w.end()
                .element("Status", r.status().wire())
                .element("HistoricalObjectReplication", r.historicalObjectReplication() ? "enabled" : "disabled")
                .start("Progress");
        if (r.historicalObjectReplication()) {
            w.element("HistoricalObject", String.format(Locale.ROOT, "%.2f", historicalFraction));
        }
        w.element("NewObject", LifecycleCodec.format(newObjectsUntil.truncatedTo(ChronoUnit.MILLIS)));
        return ConfigXml.xml(w.end().end().end().toXml());
    }

    /**
     * GetBucketReplicationLocation: the regions a bucket can replicate to, and for regions that need
     * it the transfer types they allow ({@code LocationTransferTypeConstraint}).
     */
    public BucketConfigCodec.StoredConfig renderLocations(
            List<String> locations, Map<String, List<String>> transferTypes) {
        XmlWriter w = new XmlWriter().start("ReplicationLocation");
        locations.forEach(l -> w.element("Location", l));
        if (!transferTypes.isEmpty()) {
            w.start("LocationTransferTypeConstraint");
            new TreeMap<>(transferTypes).forEach((location, types) -> {
                w.start("LocationTransferType").element("Location", location).start("TransferTypes");
                types.forEach(t -> w.element("Type", t));
                w.end().end();
            });
            w.end();
        }
        return ConfigXml.xml(w.end().toXml());
    }
}
