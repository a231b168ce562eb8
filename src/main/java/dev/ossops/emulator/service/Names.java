package dev.ossops.emulator.service;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Bucket and object naming rules as OSS documents them. */
public final class Names {
    public static final Set<String> ACLS = Set.of("private", "public-read", "public-read-write");
    public static final Set<String> STORAGE_CLASSES =
            Set.of("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive");

    private Names() {}

    /** 3-63 characters, lower-case letters, digits and hyphens, starting and ending with a letter or digit. */
    public static void checkBucket(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")) {
            throw new OssException(
                    OssError.INVALID_BUCKET_NAME,
                    OssError.INVALID_BUCKET_NAME.defaultMessage(),
                    Map.of("BucketName", name == null ? "" : name));
        }
    }

    /** 1-1023 bytes of UTF-8, not starting with '/' or '\\' (OSS's documented object naming rules). */
    public static void checkKey(String key) {
        int length = key.getBytes(StandardCharsets.UTF_8).length;
        if (length < 1 || length > 1023 || key.startsWith("/") || key.startsWith("\\")) {
            throw new OssException(OssError.INVALID_OBJECT_NAME);
        }
    }

    public static String checkAcl(String acl, boolean objectLevel) {
        if (ACLS.contains(acl) || (objectLevel && "default".equals(acl))) {
            return acl;
        }
        throw new OssException(OssError.INVALID_ARGUMENT, "no such bucket access control exists");
    }

    public static String checkStorageClass(String storageClass) {
        if (STORAGE_CLASSES.contains(storageClass)) {
            return storageClass;
        }
        throw new OssException(OssError.INVALID_ARGUMENT, "Invalid storage class: " + storageClass);
    }
}
