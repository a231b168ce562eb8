package dev.ossops.apply.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.shared.CorsRule;
import dev.ossops.spec.model.CorsConfiguration;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;
import java.util.Optional;

/** Spec-model lifecycle and CORS values as the OSS-shaped documents a profile references ({@code {"Rules": [...]}}). */
final class Documents {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String MIDNIGHT = "T00:00:00.000Z";

    private Documents() {}

    static ObjectNode lifecycle(List<LifecycleRule> rules) {
        ObjectNode doc = JSON.objectNode();
        ArrayNode out = doc.putArray("Rules");
        for (LifecycleRule r : rules) {
            ObjectNode rule = out.addObject();
            rule.put("ID", r.id());
            rule.put("Prefix", r.prefix());
            rule.put("Status", r.enabled() ? "Enabled" : "Disabled");
            if (!r.filterNot().isEmpty()) {
                ArrayNode nots = rule.putObject("Filter").putArray("Not");
                for (LifecycleRule.Not n : r.filterNot()) {
                    ObjectNode not = nots.addObject();
                    n.prefix().ifPresent(p -> not.put("Prefix", p));
                    n.tag().ifPresent(t -> not.set("Tag", tag(t)));
                }
            }
            if (!r.tags().isEmpty()) {
                ArrayNode tags = rule.putArray("Tag");
                r.tags().forEach(t -> tags.add(tag(t)));
            }
            r.expiration().ifPresent(e -> {
                ObjectNode exp = rule.putObject("Expiration");
                e.days().ifPresent(d -> exp.put("Days", d));
                e.createdBeforeDate().ifPresent(d -> exp.put("CreatedBeforeDate", day(d)));
                e.date().ifPresent(d -> exp.put("Date", day(d)));
                e.expiredObjectDeleteMarker().ifPresent(m -> exp.put("ExpiredObjectDeleteMarker", m));
            });
            if (!r.transitions().isEmpty()) {
                ArrayNode ts = rule.putArray("Transitions");
                for (LifecycleRule.Transition t : r.transitions()) {
                    ObjectNode tr = ts.addObject();
                    t.days().ifPresent(d -> tr.put("Days", d));
                    t.createdBeforeDate().ifPresent(d -> tr.put("CreatedBeforeDate", day(d)));
                    tr.put("StorageClass", t.storageClass());
                    flag(tr, "IsAccessTime", t.isAccessTime());
                    flag(tr, "ReturnToStdWhenVisit", t.returnToStdWhenVisit());
                    flag(tr, "AllowSmallFile", t.allowSmallFile());
                }
            }
            r.abortMultipartUpload().ifPresent(a -> {
                ObjectNode abort = rule.putObject("AbortMultipartUpload");
                a.days().ifPresent(d -> abort.put("Days", d));
                a.createdBeforeDate().ifPresent(d -> abort.put("CreatedBeforeDate", day(d)));
            });
            r.noncurrentExpirationDays()
                    .ifPresent(
                            d -> rule.putObject("NoncurrentVersionExpiration").put("NoncurrentDays", d));
            if (!r.noncurrentTransitions().isEmpty()) {
                ArrayNode ns = rule.putArray("NoncurrentVersionTransitions");
                for (LifecycleRule.NoncurrentTransition t : r.noncurrentTransitions()) {
                    ObjectNode n = ns.addObject();
                    n.put("NoncurrentDays", t.noncurrentDays());
                    n.put("StorageClass", t.storageClass());
                    flag(n, "IsAccessTime", t.isAccessTime());
                    flag(n, "ReturnToStdWhenVisit", t.returnToStdWhenVisit());
                }
            }
        }
        return doc;
    }

    static ObjectNode cors(CorsConfiguration cors) {
        ObjectNode doc = JSON.objectNode();
        ArrayNode rules = doc.putArray("CORSRules");
        for (CorsRule r : cors.rules()) {
            ObjectNode rule = rules.addObject();
            strings(rule, "AllowedOrigin", r.allowedOrigins());
            strings(rule, "AllowedMethod", r.allowedMethods());
            strings(rule, "AllowedHeader", r.allowedHeaders());
            strings(rule, "ExposeHeader", r.exposeHeaders());
            r.maxAgeSeconds().ifPresent(s -> rule.put("MaxAgeSeconds", s));
        }
        cors.responseVary().filter(Boolean::booleanValue).ifPresent(v -> doc.put("ResponseVary", true));
        return doc;
    }

    private static ObjectNode tag(LifecycleRule.Tag t) {
        ObjectNode tag = JSON.objectNode();
        tag.put("Key", t.key());
        tag.put("Value", t.value());
        return tag;
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }

    /** Flags are written only when on: off is the service default. */
    private static void flag(ObjectNode node, String name, boolean on) {
        if (on) {
            node.put(name, true);
        }
    }

    /** OSS returns midnight instants; the profile format takes days. */
    static String day(String date) {
        return Optional.of(date)
                .filter(d -> d.endsWith(MIDNIGHT))
                .map(d -> d.substring(0, d.length() - MIDNIGHT.length()))
                .orElse(date);
    }
}
