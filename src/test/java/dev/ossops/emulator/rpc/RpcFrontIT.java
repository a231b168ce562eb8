package dev.ossops.emulator.rpc;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RPC front as the official core SDK sees it: signatures, formats and routing errors. */
class RpcFrontIT {
    @TempDir
    Path dir;

    private RpcFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new RpcFixture(dir, MutableClock.system());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void wrongSecret_sdkRecognisesItsOwnStringToSign() {
        // DefaultAcsClient compares the server string to sign with its own; equal means the secret is wrong.
        ClientException e = f.failure(f.client(RpcFixture.ROOT_ID, "wrong-secret"), new ListUsersRequest());
        assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode());
        assertEquals("Specified Access Key Secret is not valid.", e.getErrMsg());
    }

    @Test
    void unknownAccessKey_isNotFound() {
        ClientException e = f.failure(f.client("LTAI5tNobodyKnowsMe01", "x"), new ListUsersRequest());
        assertEquals("InvalidAccessKeyId.NotFound", e.getErrCode());
        assertEquals("Specified access key is not found.", e.getErrMsg());
    }

    @Test
    void xmlFormat_listsParseIntoTheSameModel() throws Exception {
        for (String name : List.of("alice", "bob")) {
            CreateUserRequest create = new CreateUserRequest();
            create.setUserName(name);
            f.call(create);
        }
        ListUsersRequest list = new ListUsersRequest();
        list.setSysAcceptFormat(FormatType.XML);
        ListUsersResponse users = f.call(list);
        assertEquals(
                List.of("alice", "bob"),
                users.getUsers().stream()
                        .map(ListUsersResponse.User::getUserName)
                        .toList());
        assertEquals(false, users.getIsTruncated());
    }

    private CommonRequest common(String version, String action) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysDomain("127.0.0.1:" + endpointPort());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion(version);
        request.setSysAction(action);
        return request;
    }

    private int endpointPort() {
        return f.port();
    }

    @Test
    void commonRequest_routesByVersionAndAction() throws Exception {
        IAcsClient root = f.root();
        CommonResponse identity = root.getCommonResponse(common("2015-04-01", "GetCallerIdentity"));
        assertEquals(200, identity.getHttpStatus());
        assertTrue(
                identity.getData().contains("\"Arn\":\"acs:ram::" + RpcFixture.ACCOUNT + ":root\""),
                identity.getData());

        ClientException action =
                assertThrows(ClientException.class, () -> root.getCommonResponse(common("2015-04-01", "AssumeRoot")));
        assertEquals("InvalidAction.NotFound", action.getErrCode());
        ClientException version = assertThrows(
                ClientException.class, () -> root.getCommonResponse(common("2014-01-01", "GetCallerIdentity")));
        assertEquals("InvalidVersion", version.getErrCode());
        assertEquals("Specified parameter Version is not valid.", version.getErrMsg());
    }
}
