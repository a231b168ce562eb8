package dev.ossops.emulator.ram;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** RAM's documented name rules (character sets and lengths per entity). */
final class RamNames {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9-]+");

    private RamNames() {
    }

    static String userName(String name) {
        return check("UserName", name, USER, 64);
    }

    static String roleName(String name) {
        return check("RoleName", name, ROLE, 64);
    }

    static String policyName(String name) {
        return check("PolicyName", name, POLICY, 128);
    }

    static String displayName(String name) {
        if (name.length() > 128) {
            throw RamErrors.length("DisplayName");
        }
        return name;
    }

    static String description(String text) {
        if (text.length() > 1024) {
            throw RamErrors.length("Description");
        }
        return text;
    }

    private static String check(String parameter, String value, Pattern allowed, int maxLength) {
        if (value.getBytes(StandardCharsets.UTF_8).length > maxLength) {
            throw RamErrors.length(parameter);
        }
        if (!allowed.matcher(value).matches()) {
            throw RamErrors.invalidChars(parameter);
        }
        return value;
    }
}
