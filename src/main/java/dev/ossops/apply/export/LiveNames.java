package dev.ossops.apply.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ossops.spec.schema.Formats;
import dev.ossops.spec.schema.StringShape;

import java.util.List;

/**
 * Names read from live state (buckets, RAM policies, roles, users) become profile keys and, for buckets, policies and
 * roles, file names of the export. The service constrains them, but a hostile or broken endpoint may send anything
 * ({@code ../../x}, separators, control characters): each is checked against the service's own naming rule (the one
 * the profile validator uses) before it is used, and one that breaks it is an error, so nothing is written.
 */
final class LiveNames {
    private LiveNames() {}

    static boolean bucket(String name, List<String> errors) {
        return check(Formats.BUCKET_NAME, name, errors);
    }

    static boolean ramPolicy(String name, List<String> errors) {
        return check(Formats.RAM_POLICY_NAME, name, errors);
    }

    static boolean ramRole(String name, List<String> errors) {
        return check(Formats.RAM_ROLE_NAME, name, errors);
    }

    static boolean ramUser(String name, List<String> errors) {
        return check(Formats.RAM_USER_NAME, name, errors);
    }

    private static boolean check(StringShape.Format format, String name, List<String> errors) {
        if (format.test().test(name)) {
            return true;
        }
        // Quoted as JSON: control characters are escaped, so the message cannot forge output lines.
        errors.add("the service returned an invalid " + format.noun() + " " + JsonNodeFactory.instance.textNode(name)
                + " (" + format.accepted() + "); it was not exported");
        return false;
    }
}
