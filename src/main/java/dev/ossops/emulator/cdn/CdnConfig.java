package dev.ossops.emulator.cdn;

import java.util.List;

/** A function configured on a domain; arguments as stored after normalisation. */
record CdnConfig(long configId, String domainName, String functionName, List<CdnFunctionArg> args, String status) {
    CdnConfig {
        args = List.copyOf(args);
    }
}
