package dev.ossops.emulator.error;

/**
 * The one error catalogue of the emulator's OSS API: code, HTTP status and default message as
 * the real service answers them (codes as the SDK's {@code OSSErrorCode} names them).
 * Services throw {@link OssException} with one of these; the HTTP layer renders it.
 */
public enum OssError {
    // --- request, authentication and signature ---
    ACCESS_DENIED(
            "AccessDenied", 403, "You have no right to access this object because of bucket acl.", "0099-00000001"),

    // --- denials, one entry per cause, with the messages of OSS's "HTTP 403" page and the ECs of its 0003-* pages ---
    /**
     * No policy allows and no ACL grants, on an object: signed callers, and unsigned reads (page 0003-00000001 names
     * missing permissions with a non-public ACL; this is the message OSS answers a browser fetching a private object).
     */
    NO_PERMISSION(
            "AccessDenied", 403, "You have no right to access this object because of bucket acl.", "0003-00000001"),
    /** The same on a bucket (its listing, ACL, configurations, deletion), for a signed caller: page 0003-00000001 shows it. */
    BUCKET_NOT_OWNED("AccessDenied", 403, "The bucket you access does not belong to you.", "0003-00000001"),
    /** An unsigned request for a bucket-level operation that nothing grants ("HTTP 403" page). */
    ANONYMOUS_BUCKET_DENIED("AccessDenied", 403, "Anonymous user has no right to access this bucket.", "0099-00000202"),
    /** An unsigned write or administration of an object that nothing grants ("HTTP 403" page). */
    ANONYMOUS_OBJECT_DENIED("AccessDenied", 403, "Anonymous user has no right to access this object.", "0099-00000203"),
    /** ListBuckets without oss:ListBuckets (OSS's "OSS errors 403" table). */
    LIST_BUCKETS_DENIED("AccessDenied", 403, "You are forbidden to list buckets.", "0099-00000204"),
    /** An explicit Deny in the caller's RAM policy (page 0003-00000201 shows this message, bucket policy or not). */
    POLICY_DENIED("AccessDenied", 403, "Access denied by bucket policy.", "0003-00000201"),
    /** A pay-by-requester bucket refuses anonymous requests (troubleshooting page 0003-00000701; the wording is the emulator's). */
    REQUESTER_PAYS_ANONYMOUS(
            "AccessDenied",
            403,
            "Anonymous access to a bucket with pay-by-requester enabled is not allowed.",
            "0003-00000701"),
    /**
     * A pay-by-requester bucket refuses another account's request without {@code x-oss-request-payer: requester}
     * (troubleshooting page 0003-00000702, which gives no wording; the message is the one the official SDK's own
     * integration tests expect from OSS).
     */
    REQUEST_PAYER_MISSING("AccessDenied", 403, "Access denied for requester pay bucket.", "0003-00000702"),
    /** An explicit Deny in the bucket policy (page 0003-00000101). */
    BUCKET_POLICY_DENIED("AccessDenied", 403, "Access denied by bucket policy.", "0003-00000101"),
    /** Explicit Denies in both the bucket policy and the caller's RAM policy (page 0003-00000203). */
    BUCKET_AND_RAM_POLICY_DENIED("AccessDenied", 403, "Access denied by bucket policy.", "0003-00000203"),
    /** An STS token's session policy does not allow, or denies (page 0003-00000301; "HTTP 403" page for the message). */
    SESSION_POLICY_DENIED("AccessDenied", 403, "Access denied by authorizer's policy.", "0003-00000301"),
    /**
     * Block Public Access refuses a public bucket ACL. OSS documents the refusal, not its wording: the messages of
     * this entry and the next two are those OSS's answers show in public reports; their ECs are the emulator's.
     */
    PUBLIC_BUCKET_ACL_BLOCKED("AccessDenied", 403, "Put public bucket acl is not allowed", "0099-00000060"),
    PUBLIC_OBJECT_ACL_BLOCKED("AccessDenied", 403, "Put public object acl is not allowed", "0099-00000205"),
    PUBLIC_BUCKET_POLICY_BLOCKED("AccessDenied", 403, "Put public bucket policy is not allowed", "0099-00000206"),
    INVALID_ACCESS_KEY_ID(
            "InvalidAccessKeyId",
            403,
            "The OSS Access Key Id you provided does not exist in our records.",
            "0002-00000902"),
    ACCESS_KEY_DISABLED("InvalidAccessKeyId", 403, "The OSS Access Key Id you provided is disabled.", "0099-00000059"),
    SIGNATURE_DOES_NOT_MATCH(
            "SignatureDoesNotMatch",
            403,
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            "0002-00000040"),
    /** A header-signed request whose time is more than 15 minutes off (page 0002-00000504). */
    REQUEST_TIME_TOO_SKEWED(
            "RequestTimeTooSkewed",
            403,
            "The difference between the request time and the current time is too large.",
            "0002-00000504"),
    INVALID_ARGUMENT("InvalidArgument", 400, "Invalid argument.", "0099-00000005"),
    MALFORMED_XML(
            "MalformedXML",
            400,
            "The XML you provided was not well-formed or did not validate against our published schema.",
            "0099-00000006"),
    METHOD_NOT_ALLOWED(
            "MethodNotAllowed", 405, "The specified method is not allowed against this resource.", "0099-00000007"),
    DELETE_MARKER_NOT_ALLOWED(
            "MethodNotAllowed", 405, "The specified method is not allowed against this resource.", "0017-00000002"),
    NOT_IMPLEMENTED(
            "NotImplemented",
            501,
            "A header you provided implies functionality that is not implemented.",
            "0099-00000008"),
    INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again.", "0099-00000009"),
    SLOW_DOWN("SlowDown", 503, "Please reduce your request rate.", "0099-00000010"),
    REQUEST_EXPIRED("AccessDenied", 403, "Request has expired.", "0099-00000030"),
    ANONYMOUS_DENIED("AccessDenied", 403, "Anonymous access is forbidden for this operation.", "0099-00000031"),
    INVALID_SECURITY_TOKEN("InvalidSecurityToken", 403, "The security token you provided is invalid.", "0099-00000032"),
    SECURITY_TOKEN_EXPIRED(
            "SecurityTokenExpired", 403, "The security token you provided has expired.", "0099-00000033"),
    INVALID_AUTHORIZATION("InvalidArgument", 400, "Authorization header is invalid.", "0099-00000034"),
    /**
     * A V4 credential scope naming another product than {@code oss} (OSS on CloudBox signs for {@code oss-cloudbox}):
     * code, message and EC as the official Java SDK's integration tests assert them against OSS.
     */
    V4_SIGNING_PRODUCT_INVALID(
            "InvalidArgument", 400, "Invalid signing product in Authorization header.", "0002-00000227"),
    MISSING_ARGUMENT("MissingArgument", 411, "Missing Some Required Arguments.", "0016-00000502"),
    // --- signature V2: OSS's troubleshooting pages name each malformation of an OSS2 header or URL by its own EC ---
    /** An OSS2 Authorization header without key:value pairs, or with a key OSS does not know. */
    V2_AUTHORIZATION_MALFORMED("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000102"),
    /** A pair of the OSS2 Authorization header without its colon. */
    V2_AUTHORIZATION_PAIR_MALFORMED("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000103"),
    V2_ACCESS_KEY_ID_MISSING("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000105"),
    V2_ACCESS_KEY_ID_EMPTY("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000106"),
    V2_SIGNATURE_MISSING("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000108"),
    V2_SIGNATURE_EMPTY("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000109"),
    V2_ADDITIONAL_HEADERS_EMPTY("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000110"),
    /** AdditionalHeaders with an empty name ({@code host;}). */
    V2_ADDITIONAL_HEADER_NAME_EMPTY("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000111"),
    /** AdditionalHeaders (header or URL) names a header the request does not carry. */
    V2_ADDITIONAL_HEADER_ABSENT("InvalidArgument", 400, "Authorization header is invalid.", "0002-00000112"),
    V2_QUERY_EXPIRES_MISSING("AccessDenied", 403, V2Messages.QUERY_PARAMETERS, "0002-00000113"),
    V2_QUERY_ACCESS_KEY_ID_MISSING("AccessDenied", 403, V2Messages.QUERY_PARAMETERS, "0099-00000201"),
    V2_QUERY_ACCESS_KEY_ID_EMPTY("AccessDenied", 403, V2Messages.QUERY_PARAMETERS, "0002-00000116"),
    V2_QUERY_SIGNATURE_MISSING("AccessDenied", 403, V2Messages.QUERY_PARAMETERS, "0002-00000117"),
    V2_QUERY_SIGNATURE_EMPTY("AccessDenied", 403, V2Messages.QUERY_PARAMETERS, "0002-00000118"),
    /** x-oss-expires (and V1's Expires) not a number of seconds: OSS's "HTTP 403" page gives this message, page 0002-00000070 the EC. */
    V2_QUERY_EXPIRES_INVALID("AccessDenied", 403, "Invalid date (should be seconds since epoch).", "0002-00000070"),

    INVALID_ENCODING_TYPE("InvalidArgument", 400, "The Encoding-Type you specified is invalid.", "0099-00000036"),
    /** V1 {@code Expires} that is not a number of seconds (OSS troubleshooting page 0002-00000070). */
    INVALID_EXPIRES(
            "InvalidArgument", 400, "Expires is not a valid number of seconds since the epoch.", "0002-00000070"),
    /** V4 {@code x-oss-expires} outside 1..604800 seconds (page 0002-00000232). */
    INVALID_V4_EXPIRES(
            "InvalidArgument", 400, "x-oss-expires must be a number of seconds from 1 to 604800.", "0002-00000232"),
    /** A V4 presigned URL used more than 15 minutes before its x-oss-date (page 0002-00000235). */
    REQUEST_NOT_YET_VALID(
            "AccessDenied",
            403,
            "Request is not valid yet: x-oss-date is later than the server time allows.",
            "0002-00000235"),
    /** The region of a V4 Authorization header's Credential is not a region id (page 0002-00000228; message of page 0002-00000715). */
    INVALID_SIGNING_REGION("InvalidArgument", 400, "The signing region in credential is invalid.", "0002-00000228"),
    /** The region of a V4 presigned URL's x-oss-credential is not a region id (page 0002-00000226). */
    INVALID_PRESIGNED_SIGNING_REGION(
            "InvalidArgument", 400, "The signing region in credential is invalid.", "0002-00000226"),

    // --- request bodies ---
    /** The body ended before its Content-Length (page 0017-00000505: Content-Length and body size disagree). */
    INCOMPLETE_BODY(
            "IncompleteBody",
            400,
            "The request body ended before the length its Content-Length declared.",
            "0017-00000505"),
    /** The body stopped arriving; OSS waits for the missing bytes until it times out (page 0017-00000704). */
    REQUEST_TIMEOUT(
            "RequestTimeout", 400, "The request body was not received within the timeout period.", "0017-00000704"),
    /** A PostObject form that is not multipart/form-data, or was cut short (page 0006-00000104; OSS's PostObject error list). */
    MALFORMED_POST_REQUEST(
            "MalformedPOSTRequest",
            400,
            "The body of your POST request is not well-formed multipart/form-data.",
            "0006-00000104"),

    // --- header values a request asks to store or to have echoed ---
    /** A user metadata name or value a header cannot carry (page 0011-00000005). */
    INVALID_USER_METADATA(
            "InvalidArgument", 400, "User metadata contains characters a header cannot carry.", "0011-00000005"),
    /** A control character such as CR or LF in Content-Encoding (page 0011-00000008). */
    INVALID_CONTENT_ENCODING(
            "InvalidArgument", 400, "Content-Encoding contains characters a header cannot carry.", "0011-00000008"),
    /** A control character such as CR or LF in Cache-Control (page 0011-00000009). */
    INVALID_CACHE_CONTROL(
            "InvalidArgument", 400, "Cache-Control contains characters a header cannot carry.", "0011-00000009"),
    /** A control character such as CR or LF in Expires (page 0011-00000010). */
    INVALID_EXPIRES_HEADER(
            "InvalidArgument", 400, "Expires contains characters a header cannot carry.", "0011-00000010"),
    /**
     * Any other value that would become a response header (Content-Type, Content-Disposition,
     * Content-Language, response-* overrides, success_action_redirect) with a control character:
     * OSS documents the refusal for its metadata fields (0011 pages above), not a code for these.
     */
    INVALID_HEADER_VALUE(
            "InvalidArgument", 400, "The value contains characters a header cannot carry.", "0099-00000400"),

    // --- buckets ---
    NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist.", "0015-00000101"),
    BUCKET_ALREADY_EXISTS(
            "BucketAlreadyExists",
            409,
            "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
            "0099-00000012"),
    BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket has objects. Please delete them first.", "0015-00000301"),
    /**
     * DeleteBucket while multipart uploads are pending. The official Java SDK's UploadPartTest pins
     * the message's beginning, which is all of it that is attested; the EC is not documented.
     */
    BUCKET_HAS_MULTIPART_UPLOADS("BucketNotEmpty", 409, "The bucket has Multipart Uploads.", "0099-00000110"),
    INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid.", "0099-00000014"),
    TOO_MANY_BUCKETS("TooManyBuckets", 400, "You have attempted to create more buckets than allowed.", "0099-00000015"),

    // --- objects ---
    NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist.", "0026-00000001"),
    NO_SUCH_VERSION("NoSuchVersion", 404, "The specified version does not exist.", "0099-00000017"),
    INVALID_OBJECT_NAME("InvalidObjectName", 400, "The specified object is not valid.", "0099-00000018"),
    INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified was invalid.", "0099-00000019"),
    FILE_ALREADY_EXISTS(
            "FileAlreadyExists",
            409,
            "The object you specified already exists and can not be overwritten.",
            "0099-00000020"),
    PRECONDITION_FAILED(
            "PreconditionFailed",
            412,
            "At least one of the pre-conditions you specified did not hold.",
            "0099-00000021"),
    NOT_MODIFIED("NotModified", 304, "Not Modified", "0099-00000022"),
    INVALID_RANGE("InvalidRange", 416, "The requested range cannot be satisfied.", "0099-00000023"),
    ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size.", "0099-00000024"),
    /** OSS's wording, as its error reference (PostObject) and the official SDK's tests spell it. */
    ENTITY_TOO_SMALL(
            "EntityTooSmall", 400, "Your proposed upload smaller than the minimum allowed size.", "0099-00000025"),
    MISSING_CONTENT_LENGTH(
            "MissingContentLength", 411, "You must provide the Content-Length HTTP header.", "0099-00000026"),
    INVALID_TAG("InvalidTag", 400, "The tag provided was not a valid tag.", "0099-00000037"),
    NO_SUCH_TAG_SET("NoSuchTagSet", 404, "There is no tag set associated with the bucket.", "0099-00000038"),

    // --- appendable objects, symlinks, archived objects ---
    /** AppendObject without {@code position} (OSS's troubleshooting page 0016-00000501). */
    MISSING_POSITION("MissingArgument", 411, "Missing Some Required Arguments.", "0016-00000501"),
    /** AppendObject or SealAppendObject at a position other than the object's length (page 0026-00000016). */
    POSITION_NOT_EQUAL_TO_LENGTH(
            "PositionNotEqualToLength", 409, "Position is not equal to file length", "0026-00000016"),
    /** AppendObject on an object that is not Appendable, or is sealed (page 0026-00000017). */
    OBJECT_NOT_APPENDABLE("ObjectNotAppendable", 409, "The object is not appendable", "0026-00000017"),
    /** Reading an Archive, Cold Archive or Deep Cold Archive object that is not restored. */
    INVALID_OBJECT_STATE(
            "InvalidObjectState", 403, "The operation is not valid for the object's state", "0099-00000100"),
    /** RestoreObject while a restore of the object is still running (page 0016-00000701). */
    RESTORE_ALREADY_IN_PROGRESS(
            "RestoreAlreadyInProgress", 409, "The restore operation is in progress.", "0016-00000701"),
    /** RestoreObject on an object whose storage class needs no restore. */
    OPERATION_NOT_SUPPORTED(
            "OperationNotSupported", 400, "The operation is not supported for this resource", "0099-00000101"),
    /** Reading through a symlink whose target does not exist (page 0026-00000012). */
    SYMLINK_TARGET_NOT_EXIST("SymlinkTargetNotExist", 404, "The symlink target object does not exist", "0026-00000012"),
    /** Reading through a symlink whose target is itself a symlink. */
    INVALID_TARGET_TYPE("InvalidTargetType", 400, "The symbolic's target file type is invalid", "0099-00000102"),
    /** GetSymlink on an object that is not a symlink (page 0043-00000101). */
    NOT_SYMLINK("NotSymlink", 400, "The specified key is not a symlink.", "0043-00000101"),
    /** x-oss-traffic-limit not a number of bit/s in 819200..838860800 (page 0004-00000502). */
    INVALID_TRAFFIC_LIMIT(
            "InvalidArgument",
            400,
            "The x-oss-traffic-limit must be between 819200 and 838860800 bit/s.",
            "0004-00000502"),
    /** x-oss-traffic-limit both as a header and as a query parameter (page 0004-00000501). */
    TRAFFIC_LIMIT_TWICE(
            "InvalidArgument",
            400,
            "The x-oss-traffic-limit cannot be both a header and a query parameter.",
            "0004-00000501"),

    // --- multipart ---
    NO_SUCH_UPLOAD(
            "NoSuchUpload",
            404,
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            "0099-00000027"),
    INVALID_PART(
            "InvalidPart",
            400,
            "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.",
            "0099-00000028"),
    /** OSS's wording as the official Java SDK's tests record it (TestConstants.INVALID_PART_ORDER_ERR). */
    INVALID_PART_ORDER(
            "InvalidPartOrder",
            400,
            "The list of parts was not in ascending order. Parts list must specified in order by part number.",
            "0099-00000029"),
    /**
     * CompleteMultipartUpload with {@code x-oss-complete-all: yes} and a part list (OSS error page
     * 0042-00000216 documents the cause; the code and wording here are the emulator's).
     */
    COMPLETE_ALL_WITH_BODY(
            "InvalidArgument",
            400,
            "A CompleteMultipartUpload request with x-oss-complete-all: yes must not carry a part list.",
            "0042-00000216"),

    // --- bucket configurations ---
    NO_SUCH_CORS_CONFIGURATION(
            "NoSuchCORSConfiguration", 404, "The CORS Configuration does not exist.", "0099-00000051"),
    NO_SUCH_LIFECYCLE("NoSuchLifecycle", 404, "No Row found in Lifecycle Table.", "0099-00000052"),
    NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE(
            "NoSuchServerSideEncryptionRule",
            404,
            "The server side encryption configuration was not found.",
            "0099-00000053"),
    /**
     * x-oss-server-side-encryption: KMS with an empty x-oss-server-side-encryption-key-id (OSS error
     * page 0005-00000205 documents the cause; the code and wording here are the emulator's).
     */
    SSE_KEY_ID_EMPTY("InvalidArgument", 400, "x-oss-server-side-encryption-key-id must not be empty.", "0005-00000205"),
    INVALID_ENCRYPTION_ALGORITHM(
            "InvalidEncryptionAlgorithmError",
            400,
            "The Encryption request you specified is not valid. Supported value: AES256/KMS/SM4.",
            "0099-00000054"),
    /** PutBucketPolicy refuses a statement conditioning on acs:SourceIp without acs:SourceVpc (page 0030-00000008). */
    SOURCE_IP_WITHOUT_SOURCE_VPC(
            "InvalidPolicyDocument",
            400,
            "A statement that conditions on acs:SourceIp must also condition on acs:SourceVpc.",
            "0030-00000008"),
    NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist.", "0099-00000055"),
    INVALID_POLICY_DOCUMENT("InvalidPolicyDocument", 400, "Invalid Policy.", "0099-00000056"),
    NO_SUCH_REPLICATION_CONFIGURATION(
            "NoSuchReplicationConfiguration", 404, "The replication configuration was not found.", "0099-00000057"),
    NO_SUCH_REPLICATION_RULE(
            "NoSuchReplicationRule", 404, "The specified replication rule does not exist.", "0099-00000058"),
    /**
     * PutBucketLogging naming a target bucket that does not exist (troubleshooting page 0032-00000008);
     * the message is the one OSS answers, as the official SDK's integration tests expect it.
     */
    INVALID_TARGET_BUCKET_FOR_LOGGING(
            "InvalidTargetBucketForLogging",
            400,
            "put bucket log requester is not target bucket owner.",
            "0032-00000008"),
    /** PutBucketLogging with a TargetPrefix starting with '/' or '\' (page 0032-00000005; the wording is the emulator's). */
    INVALID_LOGGING_PREFIX("InvalidArgument", 400, "TargetPrefix must not start with '/' or '\\'.", "0032-00000005"),
    /** PutBucketLogging with a TargetPrefix over 256 characters (page 0032-00000006; the wording is the emulator's). */
    LOGGING_PREFIX_TOO_LONG(
            "InvalidArgument", 400, "TargetPrefix can be at most 256 characters long.", "0032-00000006"),
    /**
     * PutBucketAccessMonitor Disabled while lifecycle rules use the last access time: the API reference allows
     * disabling only without such rules; the code is the one the official SDK's tests expect, status and wording
     * are the emulator's.
     */
    ACCESS_MONITOR_DISABLE_NOT_ALLOWED(
            "AccessMonitorDisableNotAllowed",
            400,
            "Access tracking cannot be disabled while lifecycle rules are based on the last access time.",
            "0099-00000074"),
    /** An x-oss-resource-group-id or ResourceGroupId not starting with rg- (troubleshooting page 0017-00000138; the wording is the emulator's). */
    INVALID_RESOURCE_GROUP_ID(
            "InvalidArgument",
            400,
            "The resource group id must start with rg- followed by letters, digits and hyphens.",
            "0017-00000138"),
    /** A preflight no CORS rule admits, or a bucket without CORS rules (OSS's message, its spelling kept). */
    CORS_FORBIDDEN(
            "AccessForbidden",
            403,
            "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
            "0099-00000071"),

    // --- the emulator's own guards against web pages (no OSS counterpart: OSS is not on the caller's loopback) ---
    /** A Host the emulator does not answer to: DNS rebinding, or a name the operator has not allowed. */
    HOST_NOT_ALLOWED(
            "AccessDenied",
            403,
            "This emulator answers only to the Host names 127.0.0.1, localhost and [::1], their bucket"
                    + " subdomains, names allowed with --allow-host, and CDN domains that are online.",
            "0099-00000072"),
    /** A browser request from another site for the RPC APIs or the control endpoint. */
    CROSS_SITE_REFUSED(
            "AccessDenied",
            403,
            "Requests from other web sites may not call the RAM, STS and CDN APIs or the control"
                    + " endpoint of this emulator; allow an origin with --allow-origin.",
            "0099-00000073");

    /** Prefix of the EC values the emulator assigns where OSS documents none. */
    public static final String EMULATOR_EC_PREFIX = "0099-";

    private final String code;
    private final int httpStatus;
    private final String defaultMessage;
    private final String ec;

    /**
     * @param ec the {@code EC} OSS sends with this error. Values OSS documents are used as is (the 0002-* signature,
     *           0003-* authorization, 0004-*, 0005-*, 0006-*, 0011-*, 0015-*, 0016-*, 0017-*, 0026-*, 0030-*, 0032-*, 0042-*
     *           and 0043-* pages of OSS's API reference and troubleshooting guide), and one of them may stand for several
     *           messages, as OSS's pages show; the others are stable emulator-assigned values in the
     *           {@value #EMULATOR_EC_PREFIX} range, each used once and never reused.
     */
    OssError(String code, int httpStatus, String defaultMessage, String ec) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
        this.ec = ec;
    }

    public String ec() {
        return ec;
    }

    /** Whether {@link #ec()} is OSS's own value, so OSS's troubleshooting page for it exists. */
    public boolean documentedEc() {
        return !ec.startsWith(EMULATOR_EC_PREFIX);
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

    /** Texts several entries share; enum constants cannot read the enum's own static fields. */
    private static final class V2Messages {
        static final String QUERY_PARAMETERS =
                "Query-string authentication requires the x-oss-signature-version, x-oss-access-key-id, x-oss-expires and x-oss-signature parameters.";
    }
}
