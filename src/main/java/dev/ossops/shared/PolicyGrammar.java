package dev.ossops.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one policy document of RAM and OSS, as every part of ossops reads and writes it: the profile validator, the
 * policy parser behind plan, audit and the evaluator, the emulator's RAM and PutBucketPolicy, and every generator
 * (policy minimal, export, audit --fix, session policies).
 * <p>Checked against the documentation: RAM "Policy structure and syntax"
 * (https://www.alibabacloud.com/help/en/ram/policy-structure-and-syntax, document 93739) gives a document of
 * {@code Version} ("1") and {@code Statement}, each statement {@code Effect}, {@code Action} or {@code NotAction},
 * {@code Resource} or {@code NotResource} and an optional {@code Condition}; RAM "Policy elements" (document 93738)
 * adds {@code Principal} for resource-based policies (a role's trust policy); OSS "Authorization syntax and
 * elements" (https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements) has the same
 * statement with {@code Principal} required in bucket policies. {@code Sid} is in none of them (it is an AWS IAM
 * element), nor are {@code Id} and {@code NotPrincipal}: ossops never writes them and refuses them, so a document
 * ossops accepts is one both services document.
 */
public final class PolicyGrammar {
    /** The document's elements, in the order ossops writes them. */
    public static final String VERSION = "Version";

    public static final String STATEMENT = "Statement";
    public static final List<String> DOCUMENT_ELEMENTS = List.of(VERSION, STATEMENT);
    /** The only policy language version. */
    public static final String VERSION_1 = "1";
    /** The values of {@code Effect}. */
    public static final String ALLOW = "Allow";

    public static final String DENY = "Deny";
    /** The keys of a trust policy's {@code Principal}: accounts, users and roles; cloud services; identity providers. */
    public static final List<String> TRUST_PRINCIPAL_TYPES = List.of("RAM", "Service", "Federated");

    /** Elements of other policy languages that people copy in. */
    public static final List<String> FOREIGN_ELEMENTS = List.of("Sid", "Id", "NotPrincipal");
    /** Why each of {@link #FOREIGN_ELEMENTS} is refused, by its lower-case name. */
    private static final Map<String, String> FOREIGN = Map.of(
            "sid", "Sid is not part of the RAM and OSS policy grammar (statements have no ids there): remove it",
            "id", "Id is not part of the RAM and OSS policy grammar: remove it",
            "notprincipal",
                    "NotPrincipal is not part of the RAM and OSS policy grammar: name the principals in Principal");

    /** The elements of a statement, in the order ossops writes them. */
    public enum Element {
        EFFECT("Effect"),
        PRINCIPAL("Principal"),
        ACTION("Action"),
        NOT_ACTION("NotAction"),
        RESOURCE("Resource"),
        NOT_RESOURCE("NotResource"),
        CONDITION("Condition");

        private final String json;

        Element(String json) {
            this.json = json;
        }

        /** The element's name in a document. */
        public String json() {
            return json;
        }

        public static Optional<Element> of(String json) {
            return Arrays.stream(values()).filter(e -> e.json.equals(json)).findFirst();
        }
    }

    private PolicyGrammar() {}

    /** The names of a statement's elements. */
    public static List<String> statementElements() {
        return Arrays.stream(Element.values()).map(Element::json).toList();
    }

    /**
     * Why {@code name} is refused, when it is an element of another policy language (Sid, Id, NotPrincipal, in any
     * case); empty for a name that is simply unknown.
     */
    public static Optional<String> foreignElement(String name) {
        return Optional.ofNullable(FOREIGN.get(name.toLowerCase(Locale.ROOT)));
    }
}
