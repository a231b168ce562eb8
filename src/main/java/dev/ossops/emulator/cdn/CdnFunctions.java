package dev.ossops.emulator.cdn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domain config functions the emulator accepts, their argument rules, and what the real
 * service adds or rewrites when it stores them, so that tools comparing desired and live args
 * meet the same differences as against Alibaba Cloud: {@code l2_oss_key} gains
 * {@code perm_private_oss_tbl} and {@code private_oss_ram_unauthorized} (the extra args seen in
 * terraform-provider-alicloud #2024 and #9833); TTL rules gain {@code weight}; {@code https_force}
 * gains {@code https_rewrite}; referer lists gain {@code allow_empty} and are trimmed and
 * de-duplicated; {@code aliauth} gains {@code ali_auth_delta}.
 */
final class CdnFunctions {
    private static final Set<String> ON_OFF = Set.of("on", "off");
    private static final Set<String> AUTH_TYPES = Set.of("no_auth", "type_a", "type_b", "type_c", "type_f");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    /** Functions a domain may carry several of (one per path or file type); the rest replace each other. */
    private static final Set<String> MULTI = Set.of("filetype_based_ttl_set", "path_based_ttl_set");

    private final String accountId;

    CdnFunctions(String accountId) {
        this.accountId = accountId;
    }

    static boolean multiInstance(String functionName) {
        return MULTI.contains(functionName);
    }

    /** Validates one function's arguments and returns them as the service stores them. */
    List<CdnFunctionArg> normalise(String functionName, List<CdnFunctionArg> given) {
        Map<String, String> args = new LinkedHashMap<>();
        for (CdnFunctionArg arg : given) {
            if (args.put(arg.argName(), arg.argValue().trim()) != null) {
                throw CdnErrors.malformed("Functions");
            }
        }
        switch (functionName) {
            case "l2_oss_key" -> {
                allowed(args, "private_oss_auth", "private_oss_ram_unauthorized", "perm_private_oss_tbl");
                oneOf(args, "private_oss_auth", ON_OFF);
                if ("on".equals(args.get("private_oss_auth"))) {
                    args.putIfAbsent("private_oss_ram_unauthorized", "off");
                    oneOf(args, "private_oss_ram_unauthorized", ON_OFF);
                    // The service records which account's buckets the CDN may read, never a key.
                    args.put("perm_private_oss_tbl", accountId);
                } else {
                    args.remove("perm_private_oss_tbl");
                    args.remove("private_oss_ram_unauthorized");
                }
            }
            case "filetype_based_ttl_set" -> {
                allowed(args, "ttl", "file_type", "weight");
                ttl(args);
                args.put("file_type", String.join(",", new LinkedHashSet<>(split(required(args, "file_type")))));
                weight(args);
            }
            case "path_based_ttl_set" -> {
                allowed(args, "ttl", "path", "weight");
                ttl(args);
                if (!required(args, "path").startsWith("/")) {
                    throw CdnErrors.argValue();
                }
                weight(args);
            }
            case "https_force" -> {
                allowed(args, "enable", "https_rewrite");
                oneOf(args, "enable", ON_OFF);
                args.putIfAbsent("https_rewrite", "301");
                oneOf(args, "https_rewrite", Set.of("301", "308"));
            }
            case "referer_white_list_set" -> referer(args, "refer_domain_allow_list");
            case "referer_black_list_set" -> referer(args, "refer_domain_deny_list");
            case "aliauth" -> {
                allowed(args, "auth_type", "auth_key1", "auth_key2", "ali_auth_delta");
                oneOf(args, "auth_type", AUTH_TYPES);
                if (!"no_auth".equals(args.get("auth_type"))) {
                    required(args, "auth_key1");
                }
                args.putIfAbsent("ali_auth_delta", "1800");
                number(args, "ali_auth_delta");
            }
            default -> throw CdnErrors.functionNotSupported(functionName);
        }
        return args.entrySet().stream()
                .map(e -> new CdnFunctionArg(e.getKey(), e.getValue()))
                .toList();
    }

    private static void referer(Map<String, String> args, String listArg) {
        allowed(args, listArg, "allow_empty", "redirect_url", "disable_ast");
        List<String> domains = split(required(args, listArg));
        args.put(listArg, String.join(",", new LinkedHashSet<>(domains)));
        args.putIfAbsent("allow_empty", "off");
        oneOf(args, "allow_empty", ON_OFF);
    }

    private static void ttl(Map<String, String> args) {
        required(args, "ttl");
        number(args, "ttl");
    }

    private static void weight(Map<String, String> args) {
        args.putIfAbsent("weight", "1");
        number(args, "weight");
        int weight = Integer.parseInt(args.get("weight"));
        if (weight < 1 || weight > 99) {
            throw CdnErrors.argValue();
        }
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
        return out;
    }

    private static void allowed(Map<String, String> args, String... names) {
        Set<String> known = Set.of(names);
        args.keySet().stream()
                .filter(n -> !known.contains(n))
                .sorted()
                .findFirst()
                .ifPresent(unknown -> {
                    throw CdnErrors.argNotSupported(unknown);
                });
    }

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isEmpty()) {
            throw CdnErrors.argValue();
        }
        return value;
    }

    private static void oneOf(Map<String, String> args, String name, Set<String> values) {
        if (!values.contains(required(args, name))) {
            throw CdnErrors.argValue();
        }
    }

    private static void number(Map<String, String> args, String name) {
        if (!DIGITS.matcher(required(args, name)).matches()) {
            throw CdnErrors.argValue();
        }
    }
}
