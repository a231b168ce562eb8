package dev.ossops.cloud;

import com.aliyuncs.exceptions.ClientException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloudErrorsTest {
    @Test
    void describe_popAnswerThatIsNotPop_saysWhatTheSdkSaw() {
        ClientException e = new ClientException(
                "Server response has a bad format type: RAW;\nThe original return is: <html>It works</html>");

        assertEquals("Server response has a bad format type: RAW", CloudErrors.describe(e));
    }

    @Test
    void describe_popErrorWithCode_codeAndMessage() {
        assertEquals(
                "InvalidAccessKeyId.NotFound: Specified access key is not found.",
                CloudErrors.describe(
                        new ClientException("InvalidAccessKeyId.NotFound", "Specified access key is not found.")));
    }
}
