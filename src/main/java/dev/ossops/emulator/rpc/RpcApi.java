package dev.ossops.emulator.rpc;

/**
 * Which RPC API a service answers.
 *
 * @param product the product name used in error links, e.g. {@code Ram}
 * @param version the {@code Version} parameter that routes a call to the service, e.g. {@code 2015-05-01}
 * @param ramNamespace the prefix of the product's RAM actions, e.g. {@code ram} in {@code ram:CreateUser}
 * @param host the endpoint host named in error answers' {@code HostId}
 */
public record RpcApi(String product, String version, String ramNamespace, String host) {}
