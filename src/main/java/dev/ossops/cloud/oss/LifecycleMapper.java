package dev.ossops.cloud.oss;

import com.aliyun.oss.model.LifecycleFilter;
import com.aliyun.oss.model.LifecycleNot;
import com.aliyun.oss.model.StorageClass;
import com.aliyun.oss.model.Tag;
import dev.ossops.spec.model.LifecycleRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lifecycle rules between the SDK and the spec model. */
final class LifecycleMapper {
    private LifecycleMapper() {}

    static com.aliyun.oss.model.LifecycleRule toSdk(LifecycleRule rule) {
        com.aliyun.oss.model.LifecycleRule out = new com.aliyun.oss.model.LifecycleRule();
        out.setId(rule.id());
        out.setPrefix(rule.prefix());
        out.setStatus(
                rule.enabled()
                        ? com.aliyun.oss.model.LifecycleRule.RuleStatus.Enabled
                        : com.aliyun.oss.model.LifecycleRule.RuleStatus.Disabled);
        if (!rule.filterNot().isEmpty()) {
            LifecycleFilter filter = new LifecycleFilter();
            List<LifecycleNot> nots = new ArrayList<>();
            for (LifecycleRule.Not not : rule.filterNot()) {
                LifecycleNot n = new LifecycleNot();
                not.prefix().ifPresent(n::setPrefix);
                not.tag().ifPresent(t -> n.setTag(new Tag(t.key(), t.value())));
                nots.add(n);
            }
            filter.setNotList(nots);
            out.setFilter(filter);
        }
        if (!rule.tags().isEmpty()) {
            Map<String, String> tags = new LinkedHashMap<>();
            rule.tags().forEach(t -> tags.put(t.key(), t.value()));
            out.setTags(tags);
        }
        rule.expiration().ifPresent(e -> {
            e.days().ifPresent(d -> out.setExpirationDays(Math.toIntExact(d)));
            e.createdBeforeDate().ifPresent(d -> out.setCreatedBeforeDate(Dates.parse(d)));
            e.date().ifPresent(d -> out.setExpirationTime(Dates.parse(d)));
            e.expiredObjectDeleteMarker().ifPresent(out::setExpiredDeleteMarker);
        });
        if (!rule.transitions().isEmpty()) {
            List<com.aliyun.oss.model.LifecycleRule.StorageTransition> ts = new ArrayList<>();
            for (LifecycleRule.Transition t : rule.transitions()) {
                com.aliyun.oss.model.LifecycleRule.StorageTransition st =
                        new com.aliyun.oss.model.LifecycleRule.StorageTransition();
                t.days().ifPresent(d -> st.setExpirationDays(Math.toIntExact(d)));
                t.createdBeforeDate().ifPresent(d -> st.setCreatedBeforeDate(Dates.parse(d)));
                st.setStorageClass(StorageClass.parse(t.storageClass()));
                // Flags are sent only when on: false is the service default and the planner treats it as absent.
                if (t.isAccessTime()) {
                    st.setIsAccessTime(true);
                }
                if (t.returnToStdWhenVisit()) {
                    st.setReturnToStdWhenVisit(true);
                }
                if (t.allowSmallFile()) {
                    st.setAllowSmallFile(true);
                }
                ts.add(st);
            }
            out.setStorageTransition(ts);
        }
        rule.abortMultipartUpload().ifPresent(a -> {
            com.aliyun.oss.model.LifecycleRule.AbortMultipartUpload amu =
                    new com.aliyun.oss.model.LifecycleRule.AbortMultipartUpload();
            a.days().ifPresent(d -> amu.setExpirationDays(Math.toIntExact(d)));
            a.createdBeforeDate().ifPresent(d -> amu.setCreatedBeforeDate(Dates.parse(d)));
            out.setAbortMultipartUpload(amu);
        });
        rule.noncurrentExpirationDays()
                .ifPresent(d -> out.setNoncurrentVersionExpiration(
                        new com.aliyun.oss.model.LifecycleRule.NoncurrentVersionExpiration(Math.toIntExact(d))));
        if (!rule.noncurrentTransitions().isEmpty()) {
            List<com.aliyun.oss.model.LifecycleRule.NoncurrentVersionStorageTransition> ns = new ArrayList<>();
            for (LifecycleRule.NoncurrentTransition t : rule.noncurrentTransitions()) {
                com.aliyun.oss.model.LifecycleRule.NoncurrentVersionStorageTransition n =
                        new com.aliyun.oss.model.LifecycleRule.NoncurrentVersionStorageTransition(
                                Math.toIntExact(t.noncurrentDays()), StorageClass.parse(t.storageClass()));
                if (t.isAccessTime()) {
                    n.setIsAccessTime(true);
                }
                if (t.returnToStdWhenVisit()) {
                    n.setReturnToStdWhenVisit(true);
                }
                ns.add(n);
            }
            out.setNoncurrentVersionStorageTransitions(ns);
        }
        return out;
    }

    static LifecycleRule fromSdk(com.aliyun.oss.model.LifecycleRule rule) {
        String id = rule.getId();
        LifecycleFilter filter = rule.getFilter();
        if (filter != null && (filter.getObjectSizeGreaterThan() != null || filter.getObjectSizeLessThan() != null)) {
            throw new UnrepresentableException(
                    "lifecycle rule " + id + " filters by object size, which a profile cannot express");
        }
        if (rule.getaTimeBase() != null && !rule.getaTimeBase().isEmpty()) {
            throw new UnrepresentableException(
                    "lifecycle rule " + id + " has AtimeBase, which a profile cannot express");
        }
        List<LifecycleRule.Not> nots = new ArrayList<>();
        if (filter != null && filter.getNotList() != null) {
            for (LifecycleNot n : filter.getNotList()) {
                nots.add(new LifecycleRule.Not(
                        blankToEmpty(n.getPrefix()),
                        Optional.ofNullable(n.getTag()).map(t -> new LifecycleRule.Tag(t.getKey(), t.getValue()))));
            }
        }
        List<LifecycleRule.Tag> tags = new ArrayList<>();
        if (rule.hasTags()) {
            rule.getTags().forEach((k, v) -> tags.add(new LifecycleRule.Tag(k, v)));
        }
        Optional<LifecycleRule.Expiration> expiration = Optional.empty();
        if (rule.hasExpirationDays()
                || rule.hasCreatedBeforeDate()
                || rule.hasExpirationTime()
                || rule.hasExpiredDeleteMarker()) {
            expiration = Optional.of(new LifecycleRule.Expiration(
                    rule.hasExpirationDays() ? Optional.of((long) rule.getExpirationDays()) : Optional.empty(),
                    rule.hasCreatedBeforeDate()
                            ? Optional.of(Dates.format(rule.getCreatedBeforeDate()))
                            : Optional.empty(),
                    rule.hasExpirationTime() ? Optional.of(Dates.format(rule.getExpirationTime())) : Optional.empty(),
                    rule.hasExpiredDeleteMarker() ? Optional.of(rule.getExpiredDeleteMarker()) : Optional.empty()));
        }
        List<LifecycleRule.Transition> transitions = new ArrayList<>();
        if (rule.hasStorageTransition()) {
            for (com.aliyun.oss.model.LifecycleRule.StorageTransition t : rule.getStorageTransition()) {
                transitions.add(new LifecycleRule.Transition(
                        t.hasExpirationDays() ? Optional.of((long) t.getExpirationDays()) : Optional.empty(),
                        t.hasCreatedBeforeDate()
                                ? Optional.of(Dates.format(t.getCreatedBeforeDate()))
                                : Optional.empty(),
                        t.getStorageClass().toString(),
                        Boolean.TRUE.equals(t.getIsAccessTime()),
                        Boolean.TRUE.equals(t.getReturnToStdWhenVisit()),
                        Boolean.TRUE.equals(t.getAllowSmallFile())));
            }
        }
        Optional<LifecycleRule.AbortMultipartUpload> abort = Optional.empty();
        if (rule.hasAbortMultipartUpload()) {
            com.aliyun.oss.model.LifecycleRule.AbortMultipartUpload a = rule.getAbortMultipartUpload();
            abort = Optional.of(new LifecycleRule.AbortMultipartUpload(
                    a.hasExpirationDays() ? Optional.of((long) a.getExpirationDays()) : Optional.empty(),
                    a.hasCreatedBeforeDate() ? Optional.of(Dates.format(a.getCreatedBeforeDate())) : Optional.empty()));
        }
        Optional<Long> noncurrentDays = rule.hasNoncurrentVersionExpiration()
                ? Optional.of((long) rule.getNoncurrentVersionExpiration().getNoncurrentDays())
                : Optional.empty();
        List<LifecycleRule.NoncurrentTransition> noncurrent = new ArrayList<>();
        if (rule.hasNoncurrentVersionStorageTransitions()) {
            for (com.aliyun.oss.model.LifecycleRule.NoncurrentVersionStorageTransition t :
                    rule.getNoncurrentVersionStorageTransitions()) {
                noncurrent.add(new LifecycleRule.NoncurrentTransition(
                        t.getNoncurrentDays(),
                        t.getStorageClass().toString(),
                        Boolean.TRUE.equals(t.getIsAccessTime()),
                        Boolean.TRUE.equals(t.getReturnToStdWhenVisit())));
            }
        }
        return new LifecycleRule(
                id,
                rule.getPrefix() == null ? "" : rule.getPrefix(),
                rule.getStatus() == com.aliyun.oss.model.LifecycleRule.RuleStatus.Enabled,
                nots,
                tags,
                expiration,
                transitions,
                abort,
                noncurrentDays,
                noncurrent);
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
