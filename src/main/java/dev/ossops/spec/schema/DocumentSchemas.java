package dev.ossops.spec.schema;

import dev.ossops.shared.PolicyGrammar;

import java.util.List;

/** Shapes of the OSS and RAM JSON documents a profile references: lifecycle, CORS and policies. */
public final class DocumentSchemas {

    public static final List<String> STORAGE_CLASSES =
            List.of("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive");
    /** Lifecycle transitions never go back to Standard; OSS offers the colder classes only. */
    public static final List<String> TRANSITION_CLASSES = List.of("IA", "Archive", "ColdArchive", "DeepColdArchive");

    public static final List<String> CORS_METHODS = List.of("GET", "PUT", "POST", "DELETE", "HEAD");
    public static final int MAX_LIFECYCLE_RULES = 1000;
    public static final int MAX_CORS_RULES = 10;

    private DocumentSchemas() {}

    private static IntegerShape days(String description) {
        return IntegerShape.atLeast(description, 1);
    }

    private static StringShape date(String description) {
        return StringShape.formatted(description, Formats.ISO_DATE);
    }

    private static BooleanShape bool(String description) {
        return new BooleanShape(description);
    }

    private static StringShape text(String description) {
        return StringShape.text(description);
    }

    private static final ObjectShape TAG = ObjectShape.builder("ObjectTag", "An object tag a lifecycle rule matches.")
            .required("Key", text("Tag key."))
            .required("Value", text("Tag value."))
            .build();

    private static final ObjectShape TRANSITION = ObjectShape.builder(
                    "LifecycleTransition", "Moves objects to a colder storage class (Days or CreatedBeforeDate).")
            .optional("Days", days("Days after the last modification (or last access with IsAccessTime)."))
            .optional("CreatedBeforeDate", date("Objects created before this date."))
            .required(
                    "StorageClass",
                    StringShape.oneOf("Target storage class.", "transition storage class", TRANSITION_CLASSES))
            .optional("IsAccessTime", bool("Count days from the last access instead of the last modification."))
            .optional("ReturnToStdWhenVisit", bool("Move back to Standard when accessed (with IsAccessTime)."))
            .optional("AllowSmallFile", bool("Also transition objects smaller than 64 KB."))
            .build();

    private static final ObjectShape NONCURRENT_TRANSITION = ObjectShape.builder(
                    "LifecycleNoncurrentTransition", "Moves previous versions to a colder storage class.")
            .required("NoncurrentDays", days("Days after the version became noncurrent."))
            .required(
                    "StorageClass",
                    StringShape.oneOf("Target storage class.", "transition storage class", TRANSITION_CLASSES))
            .optional("IsAccessTime", bool("Count days from the last access."))
            .optional("ReturnToStdWhenVisit", bool("Move back to Standard when accessed."))
            .build();

    private static final ObjectShape LIFECYCLE_RULE = ObjectShape.builder(
                    "LifecycleRule", "One OSS lifecycle rule, in the shape of ossutil's lifecycle JSON.")
            .required(
                    "ID",
                    StringShape.formatted(
                            "Rule ID, unique within the bucket (up to 255 characters).", Formats.LIFECYCLE_RULE_ID))
            .optional("Prefix", text("Object key prefix the rule applies to; empty for the whole bucket."))
            .required(
                    "Status",
                    StringShape.oneOf("Whether the rule is in force.", "rule status", List.of("Enabled", "Disabled")))
            .optional(
                    "Filter",
                    ObjectShape.builder("LifecycleFilter", "Objects excluded from the rule.")
                            .optional(
                                    "Not",
                                    ListShape.oneOrMany(
                                            "Exclusions.",
                                            ObjectShape.builder(
                                                            "LifecycleNot",
                                                            "Excludes objects with this prefix and/or tag.")
                                                    .optional("Prefix", text("Excluded prefix."))
                                                    .optional("Tag", TAG)
                                                    .build()))
                            .build())
            .optional("Tag", ListShape.oneOrMany("Only objects with all these tags.", TAG))
            .optional(
                    "Expiration",
                    ObjectShape.builder(
                                    "LifecycleExpiration",
                                    "Deletes current versions: exactly one of Days, CreatedBeforeDate, Date or ExpiredObjectDeleteMarker.")
                            .optional("Days", days("Days after the last modification."))
                            .optional("CreatedBeforeDate", date("Objects created before this date."))
                            .optional("Date", date("Deprecated form of CreatedBeforeDate."))
                            .optional(
                                    "ExpiredObjectDeleteMarker",
                                    bool("Remove delete markers that have no noncurrent versions left."))
                            .build())
            .optional("Transitions", ListShape.oneOrMany("Storage class transitions of current versions.", TRANSITION))
            .optional(
                    "AbortMultipartUpload",
                    ObjectShape.builder(
                                    "LifecycleAbortMultipartUpload",
                                    "Aborts incomplete multipart uploads: Days or CreatedBeforeDate.")
                            .optional("Days", days("Days after the upload was initiated."))
                            .optional("CreatedBeforeDate", date("Uploads initiated before this date."))
                            .build())
            .optional(
                    "NoncurrentVersionExpiration",
                    ObjectShape.builder("LifecycleNoncurrentExpiration", "Deletes previous versions.")
                            .required("NoncurrentDays", days("Days after the version became noncurrent."))
                            .build())
            .optional(
                    "NoncurrentVersionTransitions",
                    ListShape.oneOrMany("Transitions of previous versions.", NONCURRENT_TRANSITION))
            .build();

    public static final ObjectShape LIFECYCLE = ObjectShape.builder(
                    "LifecycleDocument", "An OSS lifecycle configuration: {\"Rules\": [...]}.")
            .required("Rules", ListShape.of("Lifecycle rules.", LIFECYCLE_RULE).withItemLimits(1, MAX_LIFECYCLE_RULES))
            .build();

    private static final ObjectShape CORS_RULE = ObjectShape.builder("CorsRule", "One OSS CORS rule.")
            .required(
                    "AllowedOrigin",
                    ListShape.oneOrMany("Origins allowed, e.g. https://app.example.com or *.", text("An origin.")))
            .required(
                    "AllowedMethod",
                    ListShape.oneOrMany(
                            "HTTP methods allowed.", StringShape.oneOf("An HTTP method.", "CORS method", CORS_METHODS)))
            .optional(
                    "AllowedHeader",
                    ListShape.oneOrMany("Request headers allowed in preflight requests.", text("A header name or *.")))
            .optional(
                    "ExposeHeader", ListShape.oneOrMany("Response headers browsers may read.", text("A header name.")))
            .optional("MaxAgeSeconds", IntegerShape.atLeast("How long browsers cache the preflight answer.", 0))
            .build();

    public static final ObjectShape CORS = ObjectShape.builder(
                    "CorsDocument", "An OSS CORS configuration: {\"CORSRules\": [...]}.")
            .required(
                    "CORSRules",
                    ListShape.of("CORS rules, matched in order.", CORS_RULE).withItemLimits(1, MAX_CORS_RULES))
            .optional("ResponseVary", bool("Return Vary: Origin."))
            .build();

    private static final AnyOfShape CONDITION_VALUE = new AnyOfShape(
            "A condition value or list of values.",
            List.of(
                    text("A string value."),
                    IntegerShape.atLeast("A number value.", Long.MIN_VALUE),
                    bool("A boolean value."),
                    ListShape.of(
                            "Several values.",
                            new AnyOfShape(
                                    "A value.",
                                    List.of(
                                            text("A string value."),
                                            IntegerShape.atLeast("A number value.", Long.MIN_VALUE),
                                            bool("A boolean value."))))));

    private static final Shape PRINCIPAL = new AnyOfShape(
            "Who the statement applies to: \"*\", account ids, or "
                    + "{\"RAM\": ..., \"Service\": ..., \"Federated\": ...}.",
            List.of(
                    StringShape.text("\"*\" or an account id."),
                    ListShape.of("Account ids.", text("An account id.")),
                    ObjectShape.builder("Principal", "Principals by type.")
                            .optional(
                                    "RAM",
                                    ListShape.oneOrMany(
                                            "Accounts, RAM users or roles (acs:ram::ACCOUNT:root ...).",
                                            text("A RAM principal.")))
                            .optional(
                                    "Service",
                                    ListShape.oneOrMany(
                                            "Alibaba Cloud services, e.g. ecs.aliyuncs.com.", text("A service.")))
                            .optional(
                                    "Federated",
                                    ListShape.oneOrMany(
                                            "Identity providers (acs:ram::ACCOUNT:saml-provider/NAME).",
                                            text("A provider.")))
                            .build()));

    private static final Shape ACTIONS =
            ListShape.oneOrMany("Actions, e.g. oss:GetObject.", StringShape.formatted("An action.", Formats.ACTION));
    private static final Shape RESOURCES =
            ListShape.oneOrMany("Resources, e.g. acs:oss:*:*:bucket/*.", StringShape.formatted("An ARN.", Formats.ARN));

    /** Every element of {@link PolicyGrammar} and no other: the switch makes a new element a compile error here. */
    private static final ObjectShape STATEMENT = statement();

    private static ObjectShape statement() {
        ObjectShape.Builder builder =
                ObjectShape.builder("PolicyStatement", "One statement of a RAM or bucket policy.");
        for (PolicyGrammar.Element element : PolicyGrammar.Element.values()) {
            String name = element.json();
            switch (element) {
                case EFFECT ->
                    builder.required(
                            name,
                            StringShape.oneOf(
                                    "Allow or Deny.", "effect", List.of(PolicyGrammar.ALLOW, PolicyGrammar.DENY)));
                case ACTION -> builder.optional(name, ACTIONS);
                case NOT_ACTION ->
                    builder.optional(
                            name,
                            ListShape.oneOrMany(
                                    "Every action except these.", StringShape.formatted("An action.", Formats.ACTION)));
                case RESOURCE -> builder.optional(name, RESOURCES);
                case NOT_RESOURCE ->
                    builder.optional(
                            name,
                            ListShape.oneOrMany(
                                    "Every resource except these.", StringShape.formatted("An ARN.", Formats.ARN)));
                case PRINCIPAL -> builder.optional(name, PRINCIPAL);
                case CONDITION ->
                    builder.optional(
                            name,
                            MapShape.of(
                                    "Conditions: {Operator: {Key: value}}.",
                                    text("A condition operator, e.g. IpAddress."),
                                    MapShape.of(
                                            "Condition keys and values.",
                                            text("A condition key, e.g. acs:SourceIp."),
                                            CONDITION_VALUE)));
            }
        }
        for (String foreign : PolicyGrammar.FOREIGN_ELEMENTS) {
            builder.refused(foreign, PolicyGrammar.foreignElement(foreign).orElseThrow());
        }
        return builder.build();
    }

    public static final ObjectShape POLICY = ObjectShape.builder(
                    "PolicyDocument", "A RAM or OSS bucket policy: {\"Version\": \"1\", \"Statement\": [...]}.")
            .required(
                    PolicyGrammar.VERSION,
                    StringShape.oneOf("Policy language version.", "policy version", List.of(PolicyGrammar.VERSION_1)))
            .required(
                    PolicyGrammar.STATEMENT,
                    ListShape.oneOrMany("Statements.", STATEMENT).withItemLimits(1, Integer.MAX_VALUE))
            .build();
}
