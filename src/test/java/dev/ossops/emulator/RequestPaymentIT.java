package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.Payer;
import com.aliyun.oss.model.SetBucketRequestPaymentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PutBucketRequestPayment / GetBucketRequestPayment through the official SDK, and the
 * pay-by-requester access rule as the API reference states it: anonymous requests are refused
 * (troubleshooting page 0003-00000701) and the owner's account pays its own requests without
 * {@code x-oss-request-payer}. (Requests from another account need the header: the emulator serves
 * one account here, so that half is pinned by AccessControlTest.)
 */
@ExtendWith(EmulatorExtension.class)
class RequestPaymentIT {

    @Test
    void getBucketRequestPayment_neverSet_isBucketOwner(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("payer-default");
        oss.createBucket(bucket);

        assertEquals(Payer.BucketOwner, oss.getBucketRequestPayment(bucket).getPayer());
    }

    @Test
    void setBucketRequestPayment_requester_isReturnedAndCanBeReset(EmulatorClients clients) {
        OSS oss = clients.v1();
        String bucket = clients.bucketName("payer-set");
        oss.createBucket(bucket);

        oss.setBucketRequestPayment(bucket, Payer.Requester);
        assertEquals(Payer.Requester, oss.getBucketRequestPayment(bucket).getPayer());

        oss.setBucketRequestPayment(new SetBucketRequestPaymentRequest(bucket, Payer.BucketOwner));
        assertEquals(Payer.BucketOwner, oss.getBucketRequestPayment(bucket).getPayer());
    }

    @Test
    void setBucketRequestPayment_missingBucket_isNoSuchBucket(EmulatorClients clients) {
        OSS oss = clients.v4();

        OSSException e = assertThrows(
                OSSException.class, () -> oss.setBucketRequestPayment("payer-missing-bucket", Payer.Requester));

        assertEquals("NoSuchBucket", e.getErrorCode());
        assertEquals("The specified bucket does not exist.", e.getErrorMessage());
        assertEquals(
                "NoSuchBucket",
                assertThrows(OSSException.class, () -> oss.getBucketRequestPayment("payer-missing-bucket"))
                        .getErrorCode());
    }

    @Test
    void requesterPays_anonymousReadOfAPublicObject_isAccessDenied(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("payer-anon");
        oss.createBucket(bucket);
        oss.setBucketAcl(bucket, CannedAccessControlList.PublicRead);
        oss.putObject(bucket, "k", new ByteArrayInputStream("paid".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                200,
                RawRequests.sendSigned(clients.endpoint(), "GET", bucket, "k", Map.of(), Map.of(), null)
                        .status());

        oss.setBucketRequestPayment(bucket, Payer.Requester);

        RawRequests.Response anonymous =
                RawRequests.sendSigned(clients.endpoint(), "GET", bucket, "k", Map.of(), Map.of(), null);
        assertEquals(403, anonymous.status());
        assertEquals("AccessDenied", anonymous.element("Code"));
        assertEquals(
                "Anonymous access to a bucket with pay-by-requester enabled is not allowed.",
                anonymous.element("Message"));
        assertEquals("0003-00000701", anonymous.element("EC"));
        // Declaring to pay does not help an anonymous caller: there is no one to charge.
        assertEquals(
                403,
                RawRequests.sendSigned(
                                clients.endpoint(),
                                "GET",
                                bucket,
                                "k",
                                Map.of(),
                                Map.of("x-oss-request-payer", "requester"),
                                null)
                        .status());
    }

    @Test
    void requesterPays_ownerReadsWithAndWithoutTheHeader(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("payer-owner");
        oss.createBucket(bucket);
        oss.putObject(bucket, "k", new ByteArrayInputStream("paid".getBytes(StandardCharsets.UTF_8)));
        oss.setBucketRequestPayment(bucket, Payer.Requester);

        assertEquals("paid", new String(ObjectApiIT.read(oss.getObject(bucket, "k")), StandardCharsets.UTF_8));
        GetObjectRequest declared = new GetObjectRequest(bucket, "k");
        declared.setRequestPayer(Payer.Requester);
        assertEquals("paid", new String(ObjectApiIT.read(oss.getObject(declared)), StandardCharsets.UTF_8));
    }
}
