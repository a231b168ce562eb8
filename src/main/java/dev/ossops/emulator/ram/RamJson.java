package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.RpcJson;
import org.jspecify.annotations.Nullable;

/** RAM's wire shapes: ISO-8601 seconds dates and lists wrapped as {@code {"Users": {"User": [...]}}}. */
final class RamJson {
    private RamJson() {}

    static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static ObjectNode user(RamUser u) {
        ObjectNode node = RpcJson.object();
        node.put("UserId", u.userId());
        node.put("UserName", u.userName());
        putIfPresent(node, "DisplayName", u.displayName());
        putIfPresent(node, "MobilePhone", u.mobilePhone());
        putIfPresent(node, "Email", u.email());
        putIfPresent(node, "Comments", u.comments());
        node.put("CreateDate", u.createDate());
        node.put("UpdateDate", u.updateDate());
        return node;
    }

    static ObjectNode role(RamRole r, boolean withTrustPolicy) {
        ObjectNode node = RpcJson.object();
        node.put("RoleId", r.roleId());
        node.put("RoleName", r.roleName());
        node.put("Arn", r.arn());
        putIfPresent(node, "Description", r.description());
        if (withTrustPolicy) {
            node.put("AssumeRolePolicyDocument", r.assumeRolePolicyDocument());
        }
        node.put("MaxSessionDuration", r.maxSessionDuration());
        node.put("CreateDate", r.createDate());
        node.put("UpdateDate", r.updateDate());
        return node;
    }

    static ObjectNode policy(RamPolicy p, long attachments) {
        ObjectNode node = RpcJson.object();
        node.put("PolicyName", p.policyName());
        node.put("PolicyType", p.policyType());
        putIfPresent(node, "Description", p.description());
        node.put("DefaultVersion", p.defaultVersion());
        node.put("CreateDate", p.createDate());
        node.put("UpdateDate", p.updateDate());
        node.put("AttachmentCount", attachments);
        return node;
    }

    static ObjectNode version(RamPolicy p, RamPolicyVersion v) {
        ObjectNode node = RpcJson.object();
        node.put("VersionId", v.versionId());
        node.put("IsDefaultVersion", v.versionId().equals(p.defaultVersion()));
        node.put("PolicyDocument", v.document());
        node.put("CreateDate", v.createDate());
        return node;
    }
}
