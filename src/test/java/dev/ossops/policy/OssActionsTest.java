package dev.ossops.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OssActionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ListBuckets             | oss:ListBuckets                 | oss:ListBuckets
            PutBucket               | oss:PutBucket                   | oss:PutBucket
            GetBucket               | oss:ListObjects                 | oss:ListObjects
            ListObjectsV2           | oss:ListObjects                 | oss:ListObjects
            GetBucketInfo           | oss:GetBucketInfo               | oss:GetBucketInfo
            PutBucketAcl            | oss:PutBucketAcl                | oss:PutBucketAcl
            PutBucketLifecycle      | oss:PutBucketLifecycle          | oss:PutBucketLifecycle
            PutBucketTags           | oss:PutBucketTagging            | oss:PutBucketTagging
            ListObjectVersions      | oss:ListObjectVersions          | oss:ListObjectVersions
            PutObject               | oss:PutObject                   | oss:PutObject
            InitiateMultipartUpload | oss:PutObject                   | oss:PutObject
            UploadPart              | oss:PutObject                   | oss:PutObject
            CompleteMultipartUpload | oss:PutObject                   | oss:PutObject
            AppendObject            | oss:PutObject                   | oss:PutObject
            SealAppendObject        | oss:SealAppendObject            | oss:SealAppendObject
            PutSymlink              | oss:PutObject                   | oss:PutObject
            GetSymlink              | oss:GetObject                   | oss:GetObjectVersion
            RestoreObject           | oss:RestoreObject               | oss:RestoreObject
            CopyObject              | oss:GetObject oss:PutObject     | oss:GetObjectVersion oss:PutObject
            UploadPartCopy          | oss:GetObject oss:PutObject     | oss:GetObjectVersion oss:PutObject
            GetObject               | oss:GetObject                   | oss:GetObjectVersion
            HeadObject              | oss:GetObject                   | oss:GetObjectVersion
            DeleteObject            | oss:DeleteObject                | oss:DeleteObjectVersion
            DeleteMultipleObjects   | oss:DeleteObject                | oss:DeleteObjectVersion
            AbortMultipartUpload    | oss:AbortMultipartUpload        | oss:AbortMultipartUpload
            ListParts               | oss:ListParts                   | oss:ListParts
            ListMultipartUploads    | oss:ListMultipartUploads        | oss:ListMultipartUploads
            PutObjectAcl            | oss:PutObjectAcl                | oss:PutObjectVersionAcl
            PutObjectTagging        | oss:PutObjectTagging            | oss:PutObjectVersionTagging
            """)
    void actions_perApi(String api, String plain, String versioned) {
        OssApi operation = OssApi.of(api).orElseThrow();
        assertEquals(
                List.of(plain.split(" ")),
                operation.actions(false).stream().map(OssAction::action).toList());
        assertEquals(
                List.of(versioned.split(" ")),
                operation.actions(true).stream().map(OssAction::action).toList());
    }

    @ParameterizedTest(name = "{0} is {1} on {2}")
    @CsvSource({
        "oss:ListBuckets, LIST, SERVICE",
        "oss:ListObjects, LIST, BUCKET",
        "oss:GetBucketInfo, READ, BUCKET",
        "oss:PutBucket, WRITE, BUCKET",
        "oss:PutBucketAcl, PERMISSIONS_MANAGEMENT, BUCKET",
        "oss:PutBucketPolicy, PERMISSIONS_MANAGEMENT, BUCKET",
        "oss:PutBucketLifecycle, CONFIGURATION, BUCKET",
        "oss:PutBucketCors, CONFIGURATION, BUCKET",
        "oss:PutObject, WRITE, OBJECT",
        "oss:GetObject, READ, OBJECT",
        "oss:DeleteObject, WRITE, OBJECT",
        "oss:ListParts, LIST, OBJECT",
        "oss:SealAppendObject, WRITE, OBJECT",
        "oss:RestoreObject, WRITE, OBJECT",
        "oss:PutObjectAcl, PERMISSIONS_MANAGEMENT, OBJECT",
        "oss:GetObjectAcl, READ, OBJECT",
    })
    void of_levelAndScope(String action, AccessLevel level, OssAction.Scope scope) {
        OssAction entry = OssAction.of(action).orElseThrow();
        assertEquals(level, entry.level());
        assertEquals(scope, entry.scope());
    }

    @Test
    void of_ignoresCaseLikeRam() {
        assertEquals(Optional.of(OssAction.PUT_OBJECT), OssAction.of("OSS:putobject"));
        assertEquals(Optional.empty(), OssAction.of("oss:PutObjects"));
        assertEquals(Optional.empty(), OssApi.of("putObject"));
    }

    @Test
    void catalogue_everyActionIsUsedByAnApiAndSpelledOnce() {
        Set<OssAction> used = new HashSet<>();
        for (OssApi api : OssApi.values()) {
            used.addAll(api.actions(false));
            used.addAll(api.actions(true));
        }
        assertEquals(Set.of(OssAction.values()), used);
        assertEquals(
                OssAction.values().length,
                Arrays.stream(OssAction.values())
                        .map(a -> a.action().toLowerCase())
                        .distinct()
                        .count());
        assertTrue(Arrays.stream(OssAction.values()).allMatch(a -> a.action().startsWith("oss:")));
    }
}
