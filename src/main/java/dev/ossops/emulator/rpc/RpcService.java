package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * One product's API version (RAM 2015-05-01, STS 2015-04-01, CDN 2018-05-10). Answers are JSON
 * trees shaped as the real service's JSON; lists are {@code {"Users": {"User": [...]}}} so the
 * same tree renders as the real XML.
 */
public interface RpcService {

    /** The API version this service answers, e.g. {@code 2015-05-01}. */
    String version();

    /** The product name used in error links, e.g. {@code Ram}. */
    String product();

    /** The prefix of this product's RAM actions, e.g. {@code ram} in {@code ram:CreateUser}. */
    String ramNamespace();

    /** The endpoint host named in error answers' {@code HostId}. */
    String host();

    Set<String> actions();

    /** Runs one action named in {@link #actions()}; errors are thrown as {@link RpcException}. */
    ObjectNode invoke(RpcCall call);
}
