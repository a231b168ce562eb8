package dev.ossops.emulator.ram;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** RAM's documented name rules (character sets and lengths per entity). */
final class RamNames {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9-]+");
    static final int MAX_DESCRIPTION = 1024;

    private RamNames() {}

    static String userName(String name) {
        return userName("UserName", name);
    }

    /** {@code parameter} names the field in the error, e.g. {@code NewUserName}. */
    static String userName(String parameter, String name) {
        return check(parameter, name, USER, 64);
    }

    static String roleName(String name) {
        return check("RoleName", name, ROLE, 64);
    }

    static String policyName(String name) {
        return check("PolicyName", name, POLICY, 128);
    }

    static String displayName(String parameter, String name) {
        return maxLength(parameter, name, 128);
    }

    static String comments(String parameter, String text) {
        return maxLength(parameter, text, 128);
    }

    private static String maxLength(String parameter, String text, int max) {
        if (text.length() > max) {
            throw RamErrors.length(parameter);
        }
        return text;
    }

    static String description(String text) {
        return description("Description", text);
    }

    /** RAM documents descriptions as 1 to 1,024 characters; {@code parameter} names the field, e.g. {@code NewDescription}. */
    static String description(String parameter, String text) {
        if (text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
            throw RamErrors.length(parameter);
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
