package dev.ossops.cli;

import dev.ossops.spec.Regions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code -p PROFILE}, or {@code --region} (and {@code --endpoint}) with the default credential chain: how audit and
 * export find the account, as Prowler and the aliyun CLI users expect to run them without writing a profile first.
 */
final class AccountOptions {
    @Option(
            names = {"-p", "--profile"},
            paramLabel = "PROFILE",
            description = "The profile whose endpoint, region and credentials to use.")
    @Nullable
    Path profile;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "Without -p: the region to connect to, e.g. cn-hangzhou; credentials come from the"
                    + " environment (ALIBABA_CLOUD_ACCESS_KEY_ID, OSS_ACCESS_KEY_ID), else the aliyun CLI's"
                    + " current profile.")
    @Nullable
    String region;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "Without -p: one endpoint for every service, e.g. an emulator's http://127.0.0.1:9000"
                    + " (default: the region's public endpoints).")
    @Nullable
    URI endpoint;

    /** The session these options name; {@code command} is the subcommand, for the messages. */
    ProfileSession open(String command, CliEnvironment env, int maxConnections) {
        if (profile != null) {
            if (region != null || endpoint != null) {
                throw new ProfileSession.ProfileException(
                        "--region and --endpoint are for runs without -p; the profile names its region and endpoint");
            }
            return ProfileSession.open(profile, env, maxConnections);
        }
        if (region == null) {
            throw new ProfileSession.ProfileException(command + " needs -p PROFILE, or --region REGION to " + command
                    + " the account of the default credentials (the environment, then ~/.aliyun/config.json)");
        }
        if (!Regions.ALL.contains(region)) {
            throw new ProfileSession.ProfileException(
                    "--region must be an Alibaba Cloud region id such as cn-hangzhou, got '" + printable(region) + "'");
        }
        if (endpoint != null) {
            String scheme = Optional.ofNullable(endpoint.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
                throw new ProfileSession.ProfileException(
                        "--endpoint must be an http:// or https:// URL with a host, got '"
                                + printable(endpoint.toString()) + "'");
            }
        }
        return ProfileSession.forAccount(region, Optional.ofNullable(endpoint), env, maxConnections);
    }

    /** A value quoted back in an error: control characters (a CR/LF that would forge a line) as '?'. */
    private static String printable(String value) {
        String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
