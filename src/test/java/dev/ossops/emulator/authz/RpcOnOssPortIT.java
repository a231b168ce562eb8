package dev.ossops.emulator.authz;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.cdn.model.v20180510.DescribeUserDomainsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.ossops.emulator.authz.AuthzFixture.allow;
import static dev.ossops.emulator.authz.AuthzFixture.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RAM, STS and CDN served by the emulator's one port next to OSS, through the official SDKs. */
class RpcOnOssPortIT {
    private static final String NO_PERMISSION =
            "You are not authorized to operate on the specified resource, or this API does not support RAM.";

    @TempDir
    Path dir;

    private AuthzFixture f;

    @BeforeEach
    void start() {
        f = new AuthzFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void ramCalls_byQueryAndByPostForm_reachTheRpcFront() {
        CreateUserRequest create = new CreateUserRequest();
        create.setUserName("viaPost");
        create.setSysMethod(MethodType.POST);
        f.call(create);
        GetUserRequest get = new GetUserRequest();
        get.setUserName("viaPost");
        get.setSysMethod(MethodType.GET);
        assertEquals("viaPost", f.call(get).getUser().getUserName());
        assertEquals(1, f.call(new ListUsersRequest()).getUsers().size());
    }

    @Test
    void unsignedRpcCalls_getRpcErrors_malformedQueriesOssErrors() {
        HttpResponse<String> form = f.raw(
                "POST", "/", "application/x-www-form-urlencoded", "Action=ListUsers&Version=2015-05-01&Format=JSON");
        assertEquals(400, form.statusCode(), form.body());
        assertTrue(form.body().contains("\"Code\":\"MissingAccessKeyId\""), form.body());
        HttpResponse<String> query = f.anonymous("GET", "/?Action=GetCallerIdentity&Version=2015-04-01", null);
        assertTrue(query.body().contains("\"Code\":\"MissingAccessKeyId\""), query.body());
        String malformed = f.wire("GET /?Action=ListUsers&Version=2015-05-01&UserName=%zz HTTP/1.1");
        assertTrue(malformed.startsWith("HTTP/1.1 400"), malformed);
        assertTrue(malformed.contains("<Code>InvalidArgument</Code>"), malformed);
        // A url-encoded POST without Action is still OSS's: the service root answers MethodNotAllowed.
        HttpResponse<String> notRpc = f.raw("POST", "/", "application/x-www-form-urlencoded", "a=b");
        assertEquals(405, notRpc.statusCode(), notRpc.body());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void stsKeysFromThisPort_signOssRequests(SignVersion version) {
        String bucket = ("rpc-port-" + version).toLowerCase();
        f.root(version).createBucket(bucket);
        String role = f.role("uploader", document(allow("\"oss:PutObject\"", "\"acs:oss:*:*:" + bucket + "/*\"")));
        AuthzFixture.Credentials sts = f.assumeRole(role, null, 3600);

        GetCallerIdentityResponse identity = f.call(f.rpc(sts), new GetCallerIdentityRequest());
        assertEquals("acs:ram::" + f.account() + ":assumed-role/uploader/authz-test", identity.getArn());
        OSS session = f.oss(version, sts);
        session.putObject(bucket, "k", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, f.root(version).listObjects(bucket).getObjectSummaries().size());
    }

    @Test
    void cdnCall_byRamUserWithoutCdnActions_isDenied() {
        IAcsClient noCdn = rpcClient(f.user("no-cdn", document(allow("\"oss:*\"", "\"*\""))));
        ClientException e = f.rpcFailure(noCdn, new DescribeUserDomainsRequest());
        assertEquals("NoPermission", e.getErrCode());
        assertEquals(NO_PERMISSION, e.getErrMsg());

        IAcsClient reader = rpcClient(f.user("cdn-reader", document(allow("\"cdn:Describe*\"", "\"*\""))));
        assertEquals(0, f.call(reader, new DescribeUserDomainsRequest()).getTotalCount());
    }

    @Test
    void ramAndStsCalls_byRamUser_needTheirActions() {
        IAcsClient plain = rpcClient(f.user("plain"));
        CreateUserRequest create = new CreateUserRequest();
        create.setUserName("intruder");
        assertEquals("NoPermission", f.rpcFailure(plain, create).getErrCode());
        // GetCallerIdentity needs no permission.
        assertEquals("RAMUser", f.call(plain, new GetCallerIdentityRequest()).getIdentityType());

        String role = f.role("ops");
        AssumeRoleRequest assume = new AssumeRoleRequest();
        assume.setRoleArn(role);
        assume.setRoleSessionName("s1");
        assertEquals("NoPermission", f.rpcFailure(plain, assume).getErrCode());

        IAcsClient admin =
                rpcClient(f.user("ram-admin", document(allow("[\"ram:CreateUser\",\"sts:AssumeRole\"]", "\"*\""))));
        f.call(admin, create);
        AssumeRoleRequest again = new AssumeRoleRequest();
        again.setRoleArn(role);
        again.setRoleSessionName("s1");
        // The role trusts the account, so its RAM users with sts:AssumeRole may assume it.
        assertEquals("ops", f.call(admin, again).getAssumedRoleUser().getArn().split("/")[1]);
    }

    @Test
    void ramCall_authorizedOnTheNamedResource() {
        f.user("alice");
        f.user("bob");
        IAcsClient helpdesk = rpcClient(
                f.user("helpdesk", document(allow("\"ram:GetUser\"", "\"acs:ram:*:" + f.account() + ":user/alice\""))));
        GetUserRequest alice = new GetUserRequest();
        alice.setUserName("alice");
        assertEquals("alice", f.call(helpdesk, alice).getUser().getUserName());
        GetUserRequest bob = new GetUserRequest();
        bob.setUserName("bob");
        assertEquals("NoPermission", f.rpcFailure(helpdesk, bob).getErrCode());
        // ListUsers names no user: a grant on one user does not cover it.
        assertEquals(
                "NoPermission", f.rpcFailure(helpdesk, new ListUsersRequest()).getErrCode());
    }

    private IAcsClient rpcClient(AuthzFixture.Credentials credentials) {
        return f.rpc(credentials.id(), credentials.secret());
    }
}
