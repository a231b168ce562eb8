package dev.ossops.emulator.error;

/**
 * The one error catalogue of the emulator's OSS API: code, HTTP status and default message as
 * the real service answers them (codes as the SDK's {@code OSSErrorCode} names them).
 * Services throw {@link OssException} with one of these; the HTTP layer renders it.
 */
public enum OssError {
    // --- request, authentication and signature ---
    ACCESS_DENIED("AccessDenied", 403, "You have no right to access this object because of bucket acl."),
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403, "The OSS Access Key Id you provided does not exist in our records."),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
    REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403, "The difference between the request time and the current time is too large."),
    INVALID_ARGUMENT("InvalidArgument", 400, "Invalid argument."),
    MALFORMED_XML("MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema."),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
    NOT_IMPLEMENTED("NotImplemented", 501, "A header you provided implies functionality that is not implemented."),
    INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
    SLOW_DOWN("SlowDown", 503, "Please reduce your request rate."),

    // --- buckets ---
    NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist."),
    BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409, "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again."),
    BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty."),
    INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
    TOO_MANY_BUCKETS("TooManyBuckets", 400, "You have attempted to create more buckets than allowed."),

    // --- objects ---
    NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
    NO_SUCH_VERSION("NoSuchVersion", 404, "The specified version does not exist."),
    INVALID_OBJECT_NAME("InvalidObjectName", 400, "The specified object is not valid."),
    INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified was invalid."),
    FILE_ALREADY_EXISTS("FileAlreadyExists", 409, "The object you specified already exists and can not be overwritten."),
    PRECONDITION_FAILED("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold."),
    NOT_MODIFIED("NotModified", 304, "Not Modified"),
    INVALID_RANGE("InvalidRange", 416, "The requested range cannot be satisfied."),
    ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size."),
    ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed size."),
    MISSING_CONTENT_LENGTH("MissingContentLength", 411, "You must provide the Content-Length HTTP header."),

    // --- multipart ---
    NO_SUCH_UPLOAD("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."),
    INVALID_PART("InvalidPart", 400, "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag."),
    INVALID_PART_ORDER("InvalidPartOrder", 400, "The list of parts was not in ascending order. The parts list must be specified in order by part number."),

    // --- bucket configurations ---
    NO_SUCH_CORS_CONFIGURATION("NoSuchCORSConfiguration", 404, "The CORS Configuration does not exist."),
    NO_SUCH_LIFECYCLE("NoSuchLifecycle", 404, "No Row found in Lifecycle Table."),
    NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE("NoSuchServerSideEncryptionRule", 404, "The server side encryption configuration was not found."),
    INVALID_ENCRYPTION_ALGORITHM("InvalidEncryptionAlgorithmError", 400, "The Encryption request you specified is not valid. Supported value: AES256/KMS/SM4."),
    NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist."),
    INVALID_POLICY_DOCUMENT("InvalidPolicyDocument", 400, "Invalid Policy."),
    NO_SUCH_REPLICATION_CONFIGURATION("NoSuchReplicationConfiguration", 404, "The replication configuration was not found."),
    NO_SUCH_REPLICATION_RULE("NoSuchReplicationRule", 404, "The specified replication rule does not exist.");

    private final String code;
    private final int httpStatus;
    private final String defaultMessage;

    OssError(String code, int httpStatus, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
