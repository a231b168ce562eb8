import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.UploadFileRequest;

/**
 * The official Java SDK's uploadFile with its defaults (part size, one task, no checkpoint), as
 * the benchmark's baseline. Arguments: endpoint bucket key file. Credentials from OSS_ACCESS_KEY_ID
 * and OSS_ACCESS_KEY_SECRET; region from OSS_REGION.
 */
public class SdkUploadFile {
    public static void main(String[] args) throws Throwable {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        OSS oss = OSSClientBuilder.create()
                .endpoint(args[0])
                .credentialsProvider(new DefaultCredentialProvider(
                        System.getenv("OSS_ACCESS_KEY_ID"), System.getenv("OSS_ACCESS_KEY_SECRET")))
                .clientConfiguration(conf)
                .region(System.getenv("OSS_REGION"))
                .build();
        try {
            UploadFileRequest request = new UploadFileRequest(args[1], args[2]);
            request.setUploadFile(args[3]);
            System.out.println(
                    oss.uploadFile(request).getMultipartUploadResult().getETag());
        } finally {
            oss.shutdown();
        }
    }
}
