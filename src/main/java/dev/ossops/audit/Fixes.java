package dev.ossops.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ossops audit --fix}: the profile changes that remediate findings, as files for review and
 * {@code ossops plan}: {@value #PROFILE_FRAGMENT}, a YAML fragment with the same keys as the profile, and the
 * documents it references (lifecycle rules, an HTTPS-only bucket policy). Only fully determined changes are
 * written; findings whose remediation needs a decision (which bucket receives logs, how to narrow a RAM policy)
 * are returned as {@link FixSet#manual()} and listed at the end of the fragment.
 */
public final class Fixes {
    public static final String PROFILE_FRAGMENT = "ossops-fixes.yaml";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private Fixes() {}

    /** File name to content (the fragment first, then documents by name), and the findings left to a human. */
    public record FixSet(Map<String, String> files, List<Finding> fixed, List<Finding> manual) {
        public FixSet {
            files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
            fixed = List.copyOf(fixed);
            manual = List.copyOf(manual);
        }
    }

    public static FixSet from(List<Finding> findings) {
        Map<String, Object> fragment = new LinkedHashMap<>();
        Map<String, String> documents = new TreeMap<>();
        List<Finding> fixed = new ArrayList<>();
        List<Finding> manual = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.changes().isEmpty()
                    && finding.changes().stream().allMatch(c -> fits(fragment, documents, c))) {
                finding.changes().forEach(c -> apply(fragment, documents, c));
                fixed.add(finding);
            } else {
                manual.add(finding);
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (fixed.isEmpty() && manual.isEmpty()) {
            return new FixSet(files, fixed, manual);
        }
        files.put(PROFILE_FRAGMENT, header(fixed.size()) + (fragment.isEmpty() ? "" : yaml(fragment)) + footer(manual));
        files.putAll(documents);
        return new FixSet(files, fixed, manual);
    }

    /** Whether the change agrees with what earlier findings already set (the first, more severe, one wins). */
    private static boolean fits(Map<String, Object> fragment, Map<String, String> documents, ProfileChange change) {
        if (change instanceof ProfileChange.SetValue set) {
            Object existing = lookup(fragment, set.path());
            return existing == null || existing.equals(set.value());
        }
        ProfileChange.Document document = (ProfileChange.Document) change;
        String existingContent = documents.get(document.file());
        if (existingContent != null && !existingContent.equals(document.content())) {
            return false;
        }
        Object existing = lookup(fragment, document.path());
        return existing == null || (document.append() ? existing instanceof List : existing.equals(document.file()));
    }

    private static void apply(Map<String, Object> fragment, Map<String, String> documents, ProfileChange change) {
        if (change instanceof ProfileChange.SetValue set) {
            parent(fragment, set.path()).put(last(set.path()), set.value());
            return;
        }
        ProfileChange.Document document = (ProfileChange.Document) change;
        documents.put(document.file(), document.content());
        Map<String, Object> parent = parent(fragment, document.path());
        if (!document.append()) {
            parent.put(last(document.path()), document.file());
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) parent.computeIfAbsent(last(document.path()), k -> new ArrayList<>());
        if (!list.contains(document.file())) {
            list.add(document.file());
        }
    }

    private static @Nullable Object lookup(Map<String, Object> fragment, List<String> path) {
        Object node = fragment;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(Map<String, Object> fragment, List<String> path) {
        Map<String, Object> node = fragment;
        for (String key : path.subList(0, path.size() - 1)) {
            node = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        return node;
    }

    private static String last(List<String> path) {
        return path.get(path.size() - 1);
    }

    private static String header(int fixed) {
        return "# ossops audit --fix: profile changes remediating " + fixed + " finding" + (fixed == 1 ? "" : "s")
                + ".\n"
                + "# Review them, merge them into the profile under the same keys, then run ossops plan.\n"
                + "# lifecycle lists name documents to ADD to the bucket's lifecycle documents: a bucket whose\n"
                + "# lifecycle the profile does not manage yet must also list its live rules, or plan deletes them.\n";
    }

    private static String footer(List<Finding> manual) {
        if (manual.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n# No automatic fix (needs a decision):\n");
        for (Finding f : manual) {
            text.append("# - ")
                    .append(f.rule().id())
                    .append(' ')
                    .append(f.resource())
                    .append(": ")
                    .append(f.remediation())
                    .append('\n');
        }
        return text.toString();
    }

    private static String yaml(Map<String, Object> fragment) {
        try {
            return YAML.writeValueAsString(fragment);
        } catch (JsonProcessingException e) {
            // Maps of strings, booleans, numbers and lists always serialise; failing here is a bug.
            throw new IllegalStateException("writing the fix fragment failed", e);
        }
    }
}
