package dev.ossops.emulator.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.rpc.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the trust statements the way RAM documents them: an {@code Allow} statement whose
 * Action covers {@code sts:AssumeRole} and whose {@code Principal.RAM} names the caller (its ARN,
 * or the account as {@code acs:ram::<uid>:root} or bare {@code <uid>}, which trusts every
 * identity of that account). A matching {@code Deny} wins. Conditions are not evaluated.
 */
public final class SimpleTrustPolicy implements TrustPolicy {
    private static final Set<String> ACTIONS = Set.of("sts:assumerole", "sts:*", "*");
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public boolean trusts(String trustPolicyDocument, Principal caller) {
        JsonNode root;
        try {
            root = mapper.readTree(trustPolicyDocument);
        } catch (JsonProcessingException e) {
            return false;
        }
        boolean allowed = false;
        for (JsonNode statement : root.path("Statement")) {
            if (!matchesAction(statement.path("Action")) || !matchesPrincipal(statement.path("Principal").path("RAM"), caller)) {
                continue;
            }
            String effect = statement.path("Effect").asText("");
            if ("Deny".equals(effect)) {
                return false;
            }
            allowed |= "Allow".equals(effect);
        }
        return allowed;
    }

    private static boolean matchesAction(JsonNode action) {
        return texts(action).stream().anyMatch(a -> ACTIONS.contains(a.toLowerCase(Locale.ROOT)));
    }

    private static boolean matchesPrincipal(JsonNode ram, Principal caller) {
        String account = "acs:ram::" + caller.accountId() + ":root";
        for (String entry : texts(ram)) {
            String normalized = entry.toLowerCase(Locale.ROOT);
            if (normalized.equals(account) || normalized.equals(caller.accountId())
                    || normalized.equals(identityArn(caller).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The ARN a trust policy names a caller by: users by user ARN, role sessions by their role's ARN. */
    private static String identityArn(Principal caller) {
        if (caller instanceof Principal.AssumedRole session) {
            return "acs:ram::" + session.accountId() + ":role/" + session.roleName();
        }
        return caller.arn();
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual()) {
                    out.add(item.asText());
                }
            });
        }
        return out;
    }
}
