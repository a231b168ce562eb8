package dev.ossops.emulator.http;

/**
 * How large a request document (the XML or JSON body of a configuration or list API) may be. It
 * is held in memory whole and parsed, so every API has a cap: OSS's where it documents one, else
 * a generous bound for what the API can hold.
 */
final class DocumentLimits {
    /**
     * A handful of fields: CreateBucketConfiguration, versioning, tagging (bucket: 20 tags, object:
     * 10), logging, Block Public Access, CORS (10 rules) and other short settings.
     */
    static final int SETTINGS = 64 * 1024;
    /** Lists of rules: lifecycle (1,000 rules), replication, referer lists. */
    static final int RULES = 1024 * 1024;
    /** OSS: a bucket policy must be smaller than 16 KB (troubleshooting page 0030-00000001). */
    static final int BUCKET_POLICY = 16 * 1024;
    /** CompleteMultipartUpload (10,000 parts) and DeleteMultipleObjects (1,000 keys of up to 1,023 bytes). */
    static final int PART_OR_KEY_LIST = 2 * 1024 * 1024;

    private DocumentLimits() {}

    /** The cap for a bucket sub-configuration's document. */
    static int configuration(String subresource) {
        return switch (subresource) {
            case "policy" -> BUCKET_POLICY;
            case "lifecycle", "replication", "referer", "website", "inventory" -> RULES;
            default -> SETTINGS;
        };
    }
}
