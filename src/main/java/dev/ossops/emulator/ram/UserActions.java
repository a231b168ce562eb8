package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Ids;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcErrors;
import dev.ossops.emulator.rpc.RpcJson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** RAM users and their access keys (at most 2 per user, as documented). */
final class UserActions {
    static final int MAX_ACCESS_KEYS = 2;

    private final RamStore store;
    private final Ids ids;

    UserActions(RamStore store, Ids ids) {
        this.store = store;
        this.ids = ids;
    }

    void register(Map<String, Function<RpcCall, ObjectNode>> actions) {
        actions.put("CreateUser", this::createUser);
        actions.put("GetUser", this::getUser);
        actions.put("UpdateUser", this::updateUser);
        actions.put("DeleteUser", this::deleteUser);
        actions.put("ListUsers", this::listUsers);
        actions.put("CreateAccessKey", this::createAccessKey);
        actions.put("DeleteAccessKey", this::deleteAccessKey);
        actions.put("UpdateAccessKey", this::updateAccessKey);
        actions.put("ListAccessKeys", this::listAccessKeys);
    }

    private ObjectNode createUser(RpcCall call) {
        Params p = call.params();
        String name = RamNames.userName(p.required("UserName"));
        String displayName = p.optional("DisplayName")
                .map(n -> RamNames.displayName("DisplayName", n))
                .orElse(null);
        String comments = p.optional("Comments")
                .map(c -> RamNames.comments("Comments", c))
                .orElse(null);
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            if (store.users.containsKey(RamStore.key(name))) {
                throw RamErrors.userExists();
            }
            RamUser user = new RamUser(
                    ids.digits(16),
                    name,
                    displayName,
                    p.optional("MobilePhone").orElse(null),
                    p.optional("Email").orElse(null),
                    comments,
                    now,
                    now);
            store.users.put(RamStore.key(name), user);
            return wrap(user);
        });
    }

    private ObjectNode getUser(RpcCall call) {
        String name = call.params().required("UserName");
        return store.query(() -> wrap(user(name)));
    }

    private ObjectNode updateUser(RpcCall call) {
        Params p = call.params();
        String name = p.required("UserName");
        Optional<String> newName = p.optional("NewUserName").map(n -> RamNames.userName("NewUserName", n));
        Optional<String> newDisplayName =
                p.optional("NewDisplayName").map(n -> RamNames.displayName("NewDisplayName", n));
        Optional<String> newComments = p.optional("NewComments").map(c -> RamNames.comments("NewComments", c));
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            RamUser old = user(name);
            String target = newName.orElse(old.userName());
            if (!RamStore.key(target).equals(RamStore.key(old.userName()))
                    && store.users.containsKey(RamStore.key(target))) {
                throw RamErrors.userExists();
            }
            RamUser updated = new RamUser(
                    old.userId(),
                    target,
                    newDisplayName.orElse(old.displayName()),
                    p.optional("NewMobilePhone").orElse(old.mobilePhone()),
                    p.optional("NewEmail").orElse(old.email()),
                    newComments.orElse(old.comments()),
                    old.createDate(),
                    now);
            store.users.remove(RamStore.key(old.userName()));
            store.users.put(RamStore.key(target), updated);
            // A rename carries the user's keys and attachments along.
            store.accessKeys.replaceAll((id, k) -> k.userName().equalsIgnoreCase(old.userName())
                    ? new RamAccessKey(k.accessKeyId(), k.secret(), target, k.status(), k.createDate())
                    : k);
            store.attachments.replaceAll(a -> a.principalType().equals(RamAttachment.USER)
                            && a.principalName().equalsIgnoreCase(old.userName())
                    ? new RamAttachment(a.principalType(), target, a.policyType(), a.policyName(), a.attachDate())
                    : a);
            return wrap(updated);
        });
    }

    private ObjectNode deleteUser(RpcCall call) {
        String name = call.params().required("UserName");
        return store.mutate(() -> {
            RamUser user = user(name);
            if (store.accessKeys.values().stream().anyMatch(k -> k.userName().equalsIgnoreCase(user.userName()))) {
                throw RamErrors.userHasAccessKeys();
            }
            if (store.attachments.stream()
                    .anyMatch(a -> a.principalType().equals(RamAttachment.USER)
                            && a.principalName().equalsIgnoreCase(user.userName()))) {
                throw RamErrors.userHasPolicies();
            }
            store.users.remove(RamStore.key(user.userName()));
            return RpcJson.object();
        });
    }

    private ObjectNode listUsers(RpcCall call) {
        Params p = call.params();
        return store.query(
                () -> Paging.listing(p, store.users.values(), RamUser::userName, "Users", "User", RamJson::user));
    }

    private ObjectNode createAccessKey(RpcCall call) {
        String name = userNameOrCaller(call);
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            RamUser user = user(name);
            long existing = store.accessKeys.values().stream()
                    .filter(k -> k.userName().equalsIgnoreCase(user.userName()))
                    .count();
            if (existing >= MAX_ACCESS_KEYS) {
                throw RamErrors.accessKeyLimit();
            }
            RamAccessKey key = new RamAccessKey(
                    "LTAI" + ids.alphanumeric(20), ids.alphanumeric(30), user.userName(), RamAccessKey.ACTIVE, now);
            store.accessKeys.put(key.accessKeyId(), key);
            ObjectNode accessKey = RpcJson.object();
            accessKey.put("AccessKeyId", key.accessKeyId());
            accessKey.put("AccessKeySecret", key.secret());
            accessKey.put("Status", key.status());
            accessKey.put("CreateDate", key.createDate());
            ObjectNode out = RpcJson.object();
            out.set("AccessKey", accessKey);
            return out;
        });
    }

    private ObjectNode deleteAccessKey(RpcCall call) {
        String name = userNameOrCaller(call);
        String id = call.params().required("UserAccessKeyId");
        return store.mutate(() -> {
            accessKey(user(name), id);
            store.accessKeys.remove(id);
            return RpcJson.object();
        });
    }

    private ObjectNode updateAccessKey(RpcCall call) {
        String name = userNameOrCaller(call);
        String id = call.params().required("UserAccessKeyId");
        String status = call.params().required("Status");
        if (!RamAccessKey.ACTIVE.equals(status) && !RamAccessKey.INACTIVE.equals(status)) {
            throw RamErrors.invalid("Status");
        }
        return store.mutate(() -> {
            RamAccessKey key = accessKey(user(name), id);
            store.accessKeys.put(id, new RamAccessKey(id, key.secret(), key.userName(), status, key.createDate()));
            return RpcJson.object();
        });
    }

    private ObjectNode listAccessKeys(RpcCall call) {
        if (call.params().optional("UserName").isEmpty() && call.caller().principal() instanceof Principal.Root) {
            return rootAccessKeys(call);
        }
        String name = userNameOrCaller(call);
        return store.query(() -> {
            RamUser user = user(name);
            List<RamAccessKey> keys = store.accessKeys.values().stream()
                    .filter(k -> k.userName().equalsIgnoreCase(user.userName()))
                    .toList();
            ObjectNode out = RpcJson.object();
            out.set("AccessKeys", RpcJson.list("AccessKey", keys, k -> {
                ObjectNode node = RpcJson.object();
                node.put("AccessKeyId", k.accessKeyId());
                node.put("Status", k.status());
                node.put("CreateDate", k.createDate());
                return node;
            }));
            return out;
        });
    }

    /**
     * ListAccessKeys without UserName, called by the account: the account's own AccessKeys, as documented. The
     * emulator gives each account one root key, the one that signed this call (an inactive key could not have). Its
     * creation time is not recorded (the data dir's credentials predate the RAM state), so CreateDate is left out.
     */
    private static ObjectNode rootAccessKeys(RpcCall call) {
        ObjectNode out = RpcJson.object();
        out.set("AccessKeys", RpcJson.list("AccessKey", List.of(call.caller()), key -> {
            ObjectNode node = RpcJson.object();
            node.put("AccessKeyId", key.accessKeyId());
            node.put("Status", RamAccessKey.ACTIVE);
            return node;
        }));
        return out;
    }

    /** Access key calls default to the calling RAM user when UserName is omitted, as documented. */
    private static String userNameOrCaller(RpcCall call) {
        Optional<String> name = call.params().optional("UserName");
        if (name.isPresent()) {
            return name.get();
        }
        if (call.caller().principal() instanceof Principal.User user) {
            return user.userName();
        }
        throw RpcErrors.missing("UserName");
    }

    private RamUser user(String name) {
        RamUser user = store.users.get(RamStore.key(name));
        if (user == null) {
            throw RamErrors.userNotFound();
        }
        return user;
    }

    private RamAccessKey accessKey(RamUser owner, String id) {
        RamAccessKey key = store.accessKeys.get(id);
        if (key == null || !key.userName().equalsIgnoreCase(owner.userName())) {
            throw RamErrors.accessKeyNotFound();
        }
        return key;
    }

    private static ObjectNode wrap(RamUser user) {
        ObjectNode out = RpcJson.object();
        out.set("User", RamJson.user(user));
        return out;
    }
}
