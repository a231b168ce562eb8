package dev.ossops.spec.schema;

import dev.ossops.spec.Regions;

import java.util.List;

/** The shape of an ossops/v1 profile: the single definition behind validation and {@code ossops schema}. */
public final class ProfileSchema {

    public static final String API_VERSION = "ossops/v1";
    public static final String KIND = "Profile";
    public static final List<String> ACLS = List.of("private", "public-read", "public-read-write");
    public static final List<String> CREDENTIAL_SOURCES = List.of("env", "aliyun-cli", "ecs-ram-role");
    public static final List<String> KEY_LAYOUT_PLACEHOLDERS =
            List.of("{prefix}", "{date}", "{year}", "{month}", "{day}", "{uuid}", "{filename}", "{timestamp}");
    public static final int MAX_BUCKET_TAGS = 20;
    /** PutBucketTags limits, in UTF-8 bytes. */
    public static final int MAX_TAG_KEY_BYTES = 64;

    public static final int MAX_TAG_VALUE_BYTES = 128;
    /** V1 signed URLs and STS-backed uploads are limited to 7 days. */
    public static final long MAX_URL_EXPIRES_SECONDS = 604_800;
    /** CDN cache rules accept up to three years. */
    public static final long MAX_CDN_TTL_SECONDS = 94_608_000;

    private ProfileSchema() {}

    private static StringShape region(String description) {
        return StringShape.oneOf(description, "region id", Regions.ALL);
    }

    private static StringShape bucketName(String description) {
        return StringShape.formatted(description, Formats.BUCKET_NAME);
    }

    private static StringShape text(String description) {
        return StringShape.text(description);
    }

    /** A map of {@code value} by name, each name in {@code nameFormat}. */
    private static MapShape byName(
            String description, String nameDescription, StringShape.Format nameFormat, Shape value) {
        return MapShape.of(description, StringShape.formatted(nameDescription, nameFormat), value);
    }

    private static BooleanShape bool(String description) {
        return new BooleanShape(description);
    }

    private static final ObjectShape CREDENTIALS = ObjectShape.builder(
                    "Credentials", "Where ossops finds credentials: a named source, never a literal secret.")
            .required(
                    "source",
                    StringShape.oneOf(
                            "env (ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET and friends), aliyun-cli "
                                    + "(~/.aliyun/config.json) or ecs-ram-role (instance metadata).",
                            "credential source",
                            CREDENTIAL_SOURCES))
            .optional("profile", text("The aliyun-cli profile name (aliyun-cli only)."))
            .optional(
                    "roleName",
                    StringShape.formatted("The ECS instance RAM role (ecs-ram-role only).", Formats.RAM_ROLE_NAME))
            .build();

    private static final ObjectShape REPLICATION_RULE = ObjectShape.builder(
                    "ReplicationRule", "A cross-region replication rule of the bucket.")
            .required(
                    "destination",
                    ObjectShape.builder("ReplicationDestination", "Where objects are copied.")
                            .required("bucket", bucketName("Destination bucket."))
                            .required("region", region("Destination bucket's region."))
                            .optional(
                                    "transferType",
                                    StringShape.oneOf(
                                            "internal (default) or oss_acc (transfer acceleration).",
                                            "transfer type",
                                            List.of("internal", "oss_acc")))
                            .build())
            .optional(
                    "prefixes",
                    ListShape.of(
                                    "Replicate only keys with these prefixes (up to 10).",
                                    StringShape.formatted("A key prefix.", Formats.RELATIVE_PREFIX))
                            .withItemLimits(0, 10))
            .optional("action", text("ALL, or a comma-separated combination of PUT, DELETE and ABORT."))
            .optional("historicalObjectReplication", bool("Also copy objects that existed before the rule."))
            .optional(
                    "syncRole",
                    StringShape.formatted(
                            "RAM role OSS assumes to replicate (for KMS-encrypted objects).", Formats.RAM_ROLE_NAME))
            .build();

    private static final ObjectShape BUCKET = ObjectShape.builder(
                    "Bucket", "One OSS bucket and the configuration ossops manages.")
            .optional("region", region("Region of this bucket, if not the profile's."))
            .optional(
                    "storageClass",
                    StringShape.oneOf(
                            "Storage class; set at creation only.", "storage class", DocumentSchemas.STORAGE_CLASSES))
            .optional(
                    "redundancy",
                    StringShape.oneOf("LRS or ZRS; set at creation only.", "redundancy type", List.of("LRS", "ZRS")))
            .optional("acl", StringShape.oneOf("Bucket ACL.", "ACL", ACLS))
            .optional(
                    "allowPublicWrite",
                    ObjectShape.builder(
                                    "AllowPublicWrite",
                                    "Required with acl public-read-write: why anyone may write to this bucket.")
                            .required("reason", text("The justification, e.g. a ticket."))
                            .build())
            .optional(
                    "versioning",
                    StringShape.oneOf("Enabled or Suspended.", "versioning status", List.of("Enabled", "Suspended")))
            .optional(
                    "encryption",
                    new ManagedShape(ObjectShape.builder("Encryption", "Default server-side encryption.")
                            .required(
                                    "algorithm",
                                    StringShape.oneOf(
                                            "AES256, KMS or SM4.",
                                            "encryption algorithm",
                                            List.of("AES256", "KMS", "SM4")))
                            .optional("kmsKeyId", text("KMS key id (KMS only)."))
                            .build()))
            .optional("blockPublicAccess", bool("Block public access to the bucket."))
            .optional("cors", new ManagedShape(new DocumentShape("CORS", DocumentSchemas.CORS)))
            .optional(
                    "lifecycle",
                    new ManagedShape(ListShape.oneOrMany(
                            "Lifecycle documents, merged into one configuration.",
                            new DocumentShape("lifecycle", DocumentSchemas.LIFECYCLE))))
            .optional("policy", new ManagedShape(new DocumentShape("policy", DocumentSchemas.POLICY)))
            .optional(
                    "tags",
                    new ManagedShape(new MapShape(
                            "Bucket tags (up to 20).",
                            StringShape.text(
                                    "Tag key: 1-64 bytes, not starting with http://, https://, aliyun or acs."),
                            text("Tag value: up to 128 bytes, may be empty."),
                            MAX_BUCKET_TAGS)))
            .optional(
                    "logging",
                    new ManagedShape(ObjectShape.builder("Logging", "Access logging.")
                            .required("targetBucket", bucketName("Bucket that receives the logs."))
                            .optional(
                                    "prefix",
                                    StringShape.formatted("Key prefix of log objects.", Formats.RELATIVE_PREFIX))
                            .build()))
            .optional(
                    "referer",
                    new ManagedShape(ObjectShape.builder("Referer", "Hotlink protection (OSS referer configuration).")
                            .optional("allowEmpty", bool("Allow requests without a Referer header."))
                            .optional("allowTruncateQueryString", bool("Ignore query strings when matching."))
                            .optional("list", ListShape.of("Allowed referers (* and ? wildcards).", text("A referer.")))
                            .optional(
                                    "blacklist",
                                    ListShape.of("Refused referers (* and ? wildcards).", text("A referer.")))
                            .build()))
            .optional(
                    "replication",
                    new ManagedShape(MapShape.of(
                            "Cross-region replication rules by name.",
                            StringShape.text("Rule name."),
                            REPLICATION_RULE)))
            .build();

    /** The policies a role or user has attached, custom or system. */
    private static final ListShape ATTACHED_POLICIES = ListShape.of(
            "Attached policies (custom or system).", StringShape.formatted("A policy name.", Formats.RAM_POLICY_NAME));

    private static final ObjectShape RAM_POLICY = ObjectShape.builder(
                    "RamPolicy", "A custom policy: exactly one of document or generate.")
            .optional("description", text("Policy description."))
            .optional("document", new DocumentShape("policy", DocumentSchemas.POLICY))
            .optional(
                    "generate",
                    StringShape.oneOf(
                            "Derive the least-privilege policy of a section.", "generator", List.of("uploader")))
            .build();

    private static final ObjectShape RAM_ROLE = ObjectShape.builder("RamRole", "A RAM role.")
            .optional("description", text("Role description."))
            .required("trust", new DocumentShape("trust policy", DocumentSchemas.POLICY))
            .optional("maxSessionDuration", IntegerShape.between("Longest STS session, seconds.", 3600, 43200))
            .optional("policies", ATTACHED_POLICIES)
            .build();

    private static final ObjectShape RAM_USER = ObjectShape.builder(
                    "RamUser", "A RAM user (AccessKeys are never managed here).")
            .optional("displayName", text("Display name."))
            .optional("policies", ATTACHED_POLICIES)
            .build();

    private static final ObjectShape RAM = ObjectShape.builder("Ram", "RAM policies, roles and users.")
            .optional(
                    "policies", byName("Custom policies by name.", "Policy name.", Formats.RAM_POLICY_NAME, RAM_POLICY))
            .optional("roles", byName("Roles by name.", "Role name.", Formats.RAM_ROLE_NAME, RAM_ROLE))
            .optional("users", byName("Users by name.", "User name.", Formats.RAM_USER_NAME, RAM_USER))
            .build();

    private static final ObjectShape CDN = ObjectShape.builder("Cdn", "Alibaba Cloud CDN.")
            .optional(
                    "domains",
                    byName(
                            "Accelerated domains by name.",
                            "Domain name.",
                            Formats.DOMAIN_NAME,
                            ObjectShape.builder("CdnDomain", "An accelerated domain.")
                                    .required(
                                            "type",
                                            StringShape.oneOf(
                                                    "Business type.", "CDN type", List.of("web", "download", "video")))
                                    .required(
                                            "origin",
                                            ObjectShape.builder("CdnOrigin", "Exactly one of ossBucket, domain or ip.")
                                                    .optional("ossBucket", bucketName("An OSS bucket origin."))
                                                    .optional(
                                                            "domain",
                                                            StringShape.formatted(
                                                                    "A domain origin.", Formats.DOMAIN_NAME))
                                                    .optional(
                                                            "ip", StringShape.formatted("An IP origin.", Formats.IPV4))
                                                    .build())
                                    .optional(
                                            "privateOssAuth",
                                            bool("Let CDN read a private bucket (ossBucket origins only)."))
                                    .optional(
                                            "https",
                                            ObjectShape.builder("CdnHttps", "HTTPS.")
                                                    .required(
                                                            "certificate",
                                                            StringShape.oneOf(
                                                                    "free: a CDN-managed DV certificate.",
                                                                    "certificate",
                                                                    List.of("free")))
                                                    .build())
                                    .optional(
                                            "cacheTtl",
                                            ListShape.of(
                                                    "Cache expiry rules.",
                                                    ObjectShape.builder(
                                                                    "CdnCacheTtl",
                                                                    "Cache expiry for file types or paths (exactly one).")
                                                            .optional(
                                                                    "fileTypes",
                                                                    ListShape.of(
                                                                            "File extensions without dots.",
                                                                            text("An extension.")))
                                                            .optional(
                                                                    "paths",
                                                                    ListShape.of(
                                                                            "Directories, e.g. /static/.",
                                                                            text("A path.")))
                                                            .required(
                                                                    "ttlSeconds",
                                                                    IntegerShape.between(
                                                                                    "Cache time.",
                                                                                    0,
                                                                                    MAX_CDN_TTL_SECONDS)
                                                                            .because("3 years"))
                                                            .build()))
                                    .build()))
            .build();

    private static final ObjectShape UPLOADER = ObjectShape.builder("Uploader", "How ossops upload stores files.")
            .required("bucket", bucketName("Bucket that receives uploads."))
            .optional("prefix", StringShape.formatted("Key prefix, without a leading /.", Formats.RELATIVE_PREFIX))
            .optional(
                    "keyLayout",
                    text("Object key template of {prefix} {date} {year} {month} {day} {uuid} {filename} {timestamp}"
                            + " (default {prefix}/{date}/{uuid}_{filename}); not with dirMode."))
            .optional(
                    "urlExpiresSeconds",
                    IntegerShape.between("Lifetime of signed URLs.", 1, MAX_URL_EXPIRES_SECONDS)
                            .because("7 days, the V1 signed URL limit"))
            .optional(
                    "allowedContentTypes",
                    ListShape.of(
                            "Accepted content types.", StringShape.formatted("type/subtype.", Formats.CONTENT_TYPE)))
            .optional("maxSizeBytes", IntegerShape.atLeast("Largest accepted file.", 1))
            .optional(
                    "dirMode",
                    StringShape.oneOf(
                            "Shorthand for a keyLayout: {prefix}/{filename}, {prefix}/{year}/{month}/{day}/{filename}"
                                    + " or {prefix}/{year}{month}{day}/{filename}; not with keyLayout.",
                            "dirMode",
                            List.of("no_subdirectory", "yyyy_mm_dd_hierarchy", "yyyy_mm_dd_combined")))
            .optional(
                    "filenameMode",
                    StringShape.oneOf(
                            "How {filename} is written: as it is, or with _<yyyyMMddHHmmssSSS> before the extension"
                                    + " (default filename).",
                            "filenameMode",
                            List.of("filename", "filename_timestamp")))
            // Not public-read-write: a browser form would let anyone who uploads also let everyone overwrite.
            .optional(
                    "postObjectAcl",
                    StringShape.oneOf(
                            "ACL that post-policy forms give their objects (default private).",
                            "ACL",
                            List.of("private", "default", "public-read")))
            // An error, not a warning: each names the whole key template, neither was ever documented as the other's
            // fallback, and the one that silently lost would surprise whoever wrote it (as Terraform's ConflictsWith).
            // filenameMode is not exclusive: it shapes the {filename} of either.
            .exclusive(
                    "keyLayout",
                    "dirMode",
                    "both set the key template (dirMode is shorthand for a keyLayout); keep one")
            .build();

    /** How long a lock holds when its holder never releases it (15 minutes) and the longest allowed (1 day). */
    public static final int DEFAULT_LOCK_TTL_SECONDS = 900;

    private static final int MAX_LOCK_TTL_SECONDS = 86_400;

    private static final ObjectShape LOCK = ObjectShape.builder(
                    "Lock",
                    "An object that apply creates (refusing to overwrite) while it runs, so two applies never interleave.")
            .required("bucket", bucketName("Bucket that holds the lock object; it must exist."))
            .required("key", StringShape.formatted("Object key of the lock.", Formats.OBJECT_KEY))
            .optional(
                    "ttlSeconds",
                    IntegerShape.between(
                                    "After this a lock left behind may be taken over (default 900).",
                                    60,
                                    MAX_LOCK_TTL_SECONDS)
                            .because("1 day"))
            .build();

    /** AssumeRole's DurationSeconds range. */
    public static final long MIN_STS_DURATION_SECONDS = 900;

    public static final long MAX_STS_DURATION_SECONDS = 43_200;

    private static final ObjectShape SERVE = ObjectShape.builder(
                    "Serve",
                    "ossops serve: the upload coordinator. Uses the uploader's bucket, content types and size limit.")
            .optional(
                    "apiKeys",
                    MapShape.of(
                            "Principals by name, each with where its API key is read; never the key itself.",
                            StringShape.formatted(
                                    "Principal: uploads land under <keyPrefix>/<principal>/.", Formats.PRINCIPAL),
                            ObjectShape.builder("ServeApiKey", "Where the principal's API key comes from.")
                                    .required(
                                            "env",
                                            StringShape.formatted(
                                                    "Environment variable holding the key.", Formats.ENV_VARIABLE))
                                    .build()))
            .optional("apiKeysFile", text("File of '<principal> sha256:<hex>' lines, relative to the profile."))
            .optional(
                    "allowedOrigins",
                    ListShape.of(
                            "Front-end origins that get CORS answers.",
                            StringShape.formatted("An origin.", Formats.ORIGIN)))
            .optional(
                    "keyPrefix",
                    StringShape.formatted(
                            "Objects land under <keyPrefix>/<principal>/ (default uploads).", Formats.RELATIVE_PREFIX))
            .optional(
                    "presignExpiresSeconds",
                    IntegerShape.between(
                                    "Lifetime of presigned PUT URLs and upload forms (default 600).",
                                    1,
                                    MAX_URL_EXPIRES_SECONDS)
                            .because("7 days, the V1 signed URL limit"))
            .optional(
                    "publicUrlExpiresSeconds",
                    IntegerShape.between("Lifetime of signed download URLs (default 3600).", 1, MAX_URL_EXPIRES_SECONDS)
                            .because("7 days, the V1 signed URL limit"))
            .optional(
                    "cdnDomain",
                    StringShape.formatted(
                            "Public URLs on https://<cdnDomain>/ instead of signed bucket URLs.", Formats.DOMAIN_NAME))
            .optional(
                    "rateLimit",
                    ObjectShape.builder("ServeRateLimit", "Requests each API key may make.")
                            .optional(
                                    "requestsPerMinute",
                                    IntegerShape.between("Beyond this, 429 with Retry-After (default 60).", 1, 100_000))
                            .build())
            .optional(
                    "sts",
                    ObjectShape.builder("ServeSts", "The STS endpoints (sts-token, sts/upload/init).")
                            .required(
                                    "role",
                                    StringShape.formatted(
                                            "Role to assume: a name in the caller's account or an ARN.", Formats.ROLE))
                            .optional(
                                    "durationSeconds",
                                    IntegerShape.between(
                                                    "Lifetime of the credentials (default 900).",
                                                    MIN_STS_DURATION_SECONDS,
                                                    MAX_STS_DURATION_SECONDS)
                                            .because("AssumeRole's DurationSeconds range"))
                            .build())
            .build();

    public static final List<String> ACCESS_OUTCOMES = List.of("allowed", "denied");
    /** Request values an assertion may pin; every other key ranges over all values. */
    public static final List<String> ACCESS_CONDITION_KEYS =
            List.of("acs:SourceIp", "acs:SourceVpc", "acs:SecureTransport", "acs:Referer", "acs:UserAgent");

    private static final ObjectShape ACCESS_ASSERTION = ObjectShape.builder(
                    "AccessAssertion",
                    "An intent about access that every plan proves before apply and audit checks live.")
            .required(
                    "principal",
                    ObjectShape.builder("AccessPrincipal", "Exactly one of anonymous, ramUser, role or account.")
                            .optional("anonymous", bool("An unsigned request from anywhere (true)."))
                            .optional(
                                    "ramUser",
                                    StringShape.formatted("A RAM user of the account.", Formats.RAM_USER_NAME))
                            .optional(
                                    "role",
                                    StringShape.formatted(
                                            "Any session of a RAM role of the account.", Formats.RAM_ROLE_NAME))
                            .optional("sessionPolicy", new DocumentShape("policy", DocumentSchemas.POLICY))
                            .optional(
                                    "sessionName",
                                    text("Only this role session name (role only; default: any session)."))
                            .optional(
                                    "account",
                                    text("An account's root identity by id, or 'self' for the profile's own account."))
                            .build())
            .required(
                    "actions",
                    ListShape.of(
                                    "OSS actions, all on objects or all on the bucket.",
                                    StringShape.formatted("An OSS action, e.g. oss:GetObject.", Formats.ACTION))
                            .withItemLimits(1, 50))
            .required(
                    "resource",
                    StringShape.formatted(
                            "bucket (bucket actions) or bucket/key-pattern (object actions; * and ?).",
                            Formats.ACCESS_RESOURCE))
            .optional(
                    "viaCdnDomain",
                    StringShape.formatted("Through this CDN domain instead of directly to OSS.", Formats.DOMAIN_NAME))
            .optional(
                    "signedUrl",
                    bool("Through the CDN: whether the URL carries a valid URL-authentication signature "
                            + "(default: either)."))
            .optional(
                    "conditions",
                    new MapShape(
                            "Request values to assume; keys left out range over every value.",
                            StringShape.oneOf("A condition key.", "condition key", ACCESS_CONDITION_KEYS),
                            text("Its value."),
                            10))
            .required("expect", StringShape.oneOf("allowed or denied.", "outcome", ACCESS_OUTCOMES))
            .build();

    public static final ObjectShape PROFILE = ObjectShape.builder(
                    null, "An ossops profile: one environment's buckets, RAM, CDN and uploader.")
            .required("apiVersion", StringShape.oneOf("Format version.", "apiVersion", List.of(API_VERSION)))
            .required("kind", StringShape.oneOf("Document kind.", "kind", List.of(KIND)))
            .required("name", text("Environment name."))
            .required("region", region("Default region of buckets and services."))
            .optional(
                    "endpoint",
                    StringShape.formatted(
                            "An http(s) URL serving OSS, RAM, STS and CDN (e.g. an emulator), or "
                                    + "'embedded' for the in-process emulator; omit for the region's public endpoints.",
                            Formats.HTTP_URL))
            .optional(
                    "emulator",
                    ObjectShape.builder("Emulator", "Settings of the embedded emulator.")
                            .optional(
                                    "dataDir",
                                    text("Data directory, relative to the profile (default .ossops/emulator)."))
                            .build())
            .optional("credentials", CREDENTIALS)
            .optional("buckets", MapShape.of("Buckets by name.", bucketName("Bucket name."), BUCKET))
            .optional("ram", RAM)
            .optional("cdn", CDN)
            .optional("uploader", UPLOADER)
            .optional("lock", LOCK)
            .optional("serve", SERVE)
            .optional(
                    "access",
                    byName("Access assertions by name.", "Assertion name.", Formats.ASSERTION_NAME, ACCESS_ASSERTION))
            .build();
}
