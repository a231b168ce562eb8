package dev.ossops.spec.schema;

import java.util.regex.Pattern;

/** The string syntaxes of OSS, RAM and CDN names, each with the text a message shows when a value breaks it. */
public final class Formats {

    private Formats() {}

    private static StringShape.Format regex(String noun, String regex, String accepted) {
        Pattern pattern = Pattern.compile(regex);
        return new StringShape.Format(noun, s -> pattern.matcher(s).matches(), accepted, regex);
    }

    public static final StringShape.Format BUCKET_NAME = regex(
            "bucket name",
            "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
            "use 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit");

    public static final StringShape.Format RAM_USER_NAME = regex(
            "RAM user name", "^[A-Za-z0-9._-]{1,64}$", "use 1-64 letters, digits, periods, hyphens and underscores");

    public static final StringShape.Format RAM_ROLE_NAME =
            regex("RAM role name", "^[A-Za-z0-9.-]{1,64}$", "use 1-64 letters, digits, periods and hyphens");

    public static final StringShape.Format RAM_POLICY_NAME =
            regex("RAM policy name", "^[A-Za-z0-9-]{1,128}$", "use 1-128 letters, digits and hyphens");

    public static final StringShape.Format DOMAIN_NAME = regex(
            "domain name",
            "^(?=.{1,253}$)(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$",
            "use lowercase DNS labels of letters, digits and hyphens separated by dots, e.g. media.example.com");

    public static final StringShape.Format IPV4 = regex(
            "IPv4 address",
            "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$",
            "use a dotted IPv4 address such as 203.0.113.10");

    public static final StringShape.Format CONTENT_TYPE = regex(
            "content type",
            "^[a-z0-9][a-z0-9!#$&^_.+-]*/([a-z0-9][a-z0-9!#$&^_.+-]*|\\*)$",
            "use type/subtype in lowercase, e.g. image/png or image/*");

    public static final StringShape.Format RELATIVE_PREFIX =
            regex("prefix", "^(?!/).*$", "an object key prefix must not start with '/'");

    public static final StringShape.Format HTTP_URL = regex(
            "endpoint",
            "^(embedded|https?://[^\\s/?#]+(:[0-9]{1,5})?/?)$",
            "use an http:// or https:// URL (scheme, host and optional port) or 'embedded'");

    public static final StringShape.Format OBJECT_KEY =
            regex("object key", "^(?!/).{1,1023}$", "use 1-1023 characters, not starting with '/'");

    public static final StringShape.Format LIFECYCLE_RULE_ID = regex("rule ID", "^.{1,255}$", "use 1-255 characters");

    public static final StringShape.Format ISO_DATE = regex(
            "date",
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T00:00:00(\\.000)?Z)?$",
            "use an ISO 8601 date at midnight UTC, e.g. 2026-01-01 or 2026-01-01T00:00:00.000Z");

    /** {@code acs:<service>:<region>:<account>:<resource>}, {@code *} wildcards allowed in every part. */
    public static final StringShape.Format ARN = regex(
            "resource ARN",
            "^(\\*|acs:[a-z0-9*-]+:[a-z0-9*-]*:[0-9*]*:.+)$",
            "use acs:<service>:<region>:<account>:<resource> (each part may use * wildcards) or *");

    /** {@code service:Action}, {@code *} wildcards allowed. */
    public static final StringShape.Format ACTION = regex(
            "action",
            "^(\\*|[a-z0-9-]+:[A-Za-z0-9*]+)$",
            "use <service>:<Action> such as oss:GetObject (* wildcards allowed) or *");

    /** A serve principal: it becomes a key segment and part of a RAM resource, so no wildcard, slash or dot. */
    public static final StringShape.Format PRINCIPAL = regex(
            "principal",
            "^[a-z0-9][a-z0-9_-]{0,47}$",
            "use 1-48 lowercase letters, digits, hyphens and underscores, starting with a letter or digit");

    public static final StringShape.Format ENV_VARIABLE = regex(
            "environment variable name",
            "^[A-Za-z_][A-Za-z0-9_]{0,127}$",
            "use letters, digits and underscores, not starting with a digit");

    /** A browser origin as the Origin header sends it: scheme, host and optional port, nothing after. */
    public static final StringShape.Format ORIGIN = regex(
            "origin",
            "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^https?://\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?$",
            "use scheme://host[:port] with no path or trailing slash, e.g. https://app.example.com");

    /** A role name in the caller's account or a role ARN. */
    public static final StringShape.Format ROLE = regex(
            "role",
            "^(acs:ram::[0-9]+:role/)?[A-Za-z0-9.-]{1,64}$",
            "use a role name (1-64 letters, digits, periods and hyphens) or acs:ram::<account>:role/<name>");

    /** An access assertion's name: it names findings and SARIF results. */
    public static final StringShape.Format ASSERTION_NAME = regex(
            "assertion name",
            "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
            "use 1-64 letters, digits, periods, hyphens and underscores, starting with a letter or digit");

    /** {@code bucket} or {@code bucket/key-pattern}: what an access assertion is about. */
    public static final StringShape.Format ACCESS_RESOURCE = regex(
            "resource",
            "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9](/.{1,1023})?$",
            "use a bucket name, or bucket/key-pattern such as media/invoices/* (* and ? wildcards)");
}
