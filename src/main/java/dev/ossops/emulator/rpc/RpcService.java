package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * One product's API version (RAM 2015-05-01, STS 2015-04-01, CDN 2018-05-10). Answers are JSON
 * trees shaped as the real service's JSON; lists are {@code {"Users": {"User": [...]}}} so the
 * same tree renders as the real XML.
 */
public interface RpcService {

    /** The API version this service answers and its RAM action prefix. */
    RpcApi api();

    Set<String> actions();

    /** Runs one action named in {@link #actions()}; errors are thrown as {@link RpcException}. */
    ObjectNode invoke(RpcCall call);
}
