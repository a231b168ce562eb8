package dev.ossops.upload.dashscope;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.upload.UploadException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploadGrantTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA =
            "{\"policy\":\"cG9s\",\"signature\":\"c2ln\",\"upload_dir\":\"dashscope-instant/x/2024-07-18/y\","
                    + "\"upload_host\":\"https://dashscope-file-x.oss-cn-beijing.aliyuncs.com\",\"expire_in_seconds\":%s,"
                    + "\"max_file_size_mb\":%s,\"capacity_limit_mb\":999999999,\"oss_access_key_id\":\"LTAIabcd\","
                    + "\"x_oss_object_acl\":\"private\",\"x_oss_forbid_overwrite\":\"true\"}";

    @Test
    void of_numbersOrStrings_bothRead() throws Exception {
        UploadGrant numbers = UploadGrant.of(JSON.readTree(DATA.formatted("300", "100")));
        UploadGrant strings = UploadGrant.of(JSON.readTree(DATA.formatted("\"300\"", "\"100\"")));

        assertEquals(numbers, strings);
        assertEquals(104_857_600L, numbers.maxFileSizeBytes());
        assertEquals(
                "UploadGrant[dashscope-instant/x/2024-07-18/y at https://dashscope-file-x.oss-cn-beijing.aliyuncs.com,"
                        + " 100 MB, 300 s]",
                numbers.toString());
    }

    @Test
    void of_missingField_namesIt() throws Exception {
        UploadException e = assertThrows(
                UploadException.class,
                () -> UploadGrant.of(
                        JSON.readTree(DATA.formatted("300", "100").replace("\"upload_host\"", "\"other\""))));
        assertEquals("DashScope's getPolicy answer lacks data.upload_host", e.getMessage());
    }

    @Test
    void of_nonNumericLimit_refused() throws Exception {
        UploadException e = assertThrows(
                UploadException.class, () -> UploadGrant.of(JSON.readTree(DATA.formatted("300", "\"lots\""))));
        assertEquals("DashScope's getPolicy answer has a non-numeric data.max_file_size_mb: lots", e.getMessage());
    }
}
