import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import java.io.File;
import java.util.Arrays;

/**
 * The official Java SDK with its defaults on a directory of small files: one putObject after
 * another (the SDK has no directory upload; uploadFile is one file's multipart). Arguments:
 * endpoint bucket prefix dir. Credentials from OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET; region
 * from OSS_REGION.
 */
public class SdkPutDirectory {
    public static void main(String[] args) {
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
            File[] files = new File(args[3]).listFiles();
            Arrays.sort(files);
            for (File f : files) {
                oss.putObject(args[1], args[2] + "/" + f.getName(), f);
            }
        } finally {
            oss.shutdown();
        }
    }
}
