package dev.ossops.cli;

import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.credentials.RefreshingCredentialSource;
import dev.ossops.spec.Problem;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.model.Endpoint;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.model.Serve;
import dev.ossops.spec.model.UploaderSpec;
import dev.ossops.upload.DotEnv;
import dev.ossops.upload.EnvUploaderSettings;
import dev.ossops.upload.KeyLayout;
import dev.ossops.upload.PostPolicy;
import dev.ossops.upload.UploadException;
import dev.ossops.upload.UploaderSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the uploader commands run against: from a profile ({@code uploader:}, {@code credentials:},
 * {@code endpoint:}; {@code endpoint: embedded} attaches to the emulator serving the data dir or starts one in
 * this process, closed with the session), or without one from the {@code QWEN_TMP_OSS_*} variables, optionally read from an
 * env file underneath the real environment. Downloads need neither: {@link #openForDownload} falls back to the default
 * credential chain. Credentials refresh ahead of their expiry.
 */
final class UploaderSession implements AutoCloseable {
    /** Temporary credentials are renewed this long before they expire. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private static final Pattern OSS_ENDPOINT =
            Pattern.compile("(https?://)?oss-([a-z0-9-]+?)(-internal)?\\.aliyuncs\\.com/?");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");
    /**
     * Where a bucket's location is asked when nothing names a region: the OSS SDK's default endpoint. The lookup is
     * V1-signed, since a V4 signature would need the region it is looking for.
     */
    static final String LOOKUP_REGION = "cn-hangzhou";

    private final CloudTarget target;
    private final RefreshingCredentialSource credentials;
    private final Optional<UploaderSettings> settings;
    private final Optional<UploaderSpec> spec;
    private final Optional<EmbeddedEmulator> emulator;
    private final Optional<Serve> serve;
    private final boolean regionKnown;

    private UploaderSession(
            CloudTarget target,
            RefreshingCredentialSource credentials,
            Optional<UploaderSettings> settings,
            Optional<UploaderSpec> spec,
            Optional<EmbeddedEmulator> emulator,
            Optional<Serve> serve,
            boolean regionKnown) {
        this.target = target;
        this.credentials = credentials;
        this.settings = settings;
        this.spec = spec;
        this.emulator = emulator;
        this.serve = serve;
        this.regionKnown = regionKnown;
    }

    /**
     * The session {@code ossops get} downloads {@code oss://} objects with: {@link #open}'s when a profile, an env file
     * or {@code QWEN_TMP_OSS_BUCKET} configures one; otherwise the default credential chain (environment, then the
     * aliyun CLI's current profile) at {@code endpoint} (default: the public endpoints) in {@code region}, or in each
     * bucket's own region when none is given ({@link #region()} is empty then).
     */
    static UploaderSession openForDownload(
            Optional<Path> profile,
            Optional<Path> envFile,
            Map<String, String> environment,
            Optional<URI> endpoint,
            Optional<String> region) {
        if (profile.isPresent()
                || envFile.isPresent()
                || EnvUploaderSettings.read(environment).isPresent()) {
            if (endpoint.isPresent() || region.isPresent()) {
                throw new UploadException(
                        "--endpoint and --region are for downloads without a profile; -p, --env-file and "
                                + EnvUploaderSettings.BUCKET + " configure their own");
            }
            return open(profile, envFile, environment);
        }
        region.filter(r -> !REGION.matcher(r).matches()).ifPresent(r -> {
            throw new UploadException("--region must be a region id such as cn-beijing, got '" + r + "'");
        });
        endpoint.filter(e -> e.getHost() == null || !List.of("http", "https").contains(String.valueOf(e.getScheme())))
                .ifPresent(e -> {
                    throw new UploadException(
                            "--endpoint must be an http(s) URL such as http://127.0.0.1:9000, got '" + e + "'");
                });
        RefreshingCredentialSource source = refreshing(ProfileConnections.defaultChain(environment));
        CloudTarget target = new CloudTarget(endpoint, region.orElse(LOOKUP_REGION), source, false);
        return new UploaderSession(
                target,
                source,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                region.isPresent());
    }

    /** The session for {@code profile} if given, else for the {@code QWEN_TMP_OSS_*} variables of {@code environment} and {@code envFile}. */
    static UploaderSession open(Optional<Path> profile, Optional<Path> envFile, Map<String, String> environment) {
        if (profile.isPresent()) {
            if (envFile.isPresent()) {
                throw new UploadException(
                        "--env-file configures the uploader without a profile: drop -p or --env-file");
            }
            return fromProfile(profile.get(), environment);
        }
        Map<String, String> env =
                envFile.map(f -> DotEnv.underlay(environment, DotEnv.load(f))).orElse(environment);
        EnvUploaderSettings.Resolved resolved = EnvUploaderSettings.read(env)
                .orElseThrow(() -> new UploadException(
                        "no uploader configuration: pass -p PROFILE, or set " + EnvUploaderSettings.BUCKET + " and "
                                + EnvUploaderSettings.REGION + " (in the environment or --env-file)"));
        Credentials fixed = resolved.credentials();
        RefreshingCredentialSource source = refreshing(new CredentialSource() {
            @Override
            public Credentials resolve() {
                return fixed;
            }

            @Override
            public String describe() {
                return resolved.credentialsFrom();
            }
        });
        UploaderSettings s = resolved.settings();
        return new UploaderSession(
                envTarget(s, source),
                source,
                Optional.of(s),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true);
    }

    /**
     * A region endpoint ({@code oss-<region>[-internal].aliyuncs.com}) keeps virtual-hosted requests;
     * anything else (an emulator URL) is one endpoint for everything.
     */
    static CloudTarget envTarget(UploaderSettings s, CredentialSource source) {
        var m = OSS_ENDPOINT.matcher(s.endpoint());
        if (m.matches()) {
            return new CloudTarget(Optional.empty(), m.group(2), source, m.group(3) != null);
        }
        String url = s.endpoint().contains("://") ? s.endpoint() : "https://" + s.endpoint();
        return CloudTarget.single(URI.create(url), s.region(), source);
    }

    private static UploaderSession fromProfile(Path file, Map<String, String> environment) {
        ProfileLoader.Result result = new ProfileLoader().load(file);
        if (!result.valid() || result.profile().isEmpty()) {
            throw new UploadException("profile " + file + " is not valid:\n"
                    + result.problems().stream()
                            .filter(p -> p.severity() == dev.ossops.spec.Severity.ERROR)
                            .map(UploaderSession::line)
                            .collect(Collectors.joining("\n")));
        }
        Profile profile = result.profile().get();
        Optional<EmbeddedEmulator> emulator = Optional.empty();
        CredentialSource base;
        Optional<URI> endpoint;
        if (profile.endpoint() instanceof Endpoint.Embedded embedded) {
            EmbeddedEmulator opened = EmbeddedEmulator.open(embedded.dataDir(), profile.region());
            emulator = Optional.of(opened);
            base = opened.root();
            endpoint = Optional.of(opened.endpoint());
        } else {
            base = ProfileConnections.credentials(profile, environment);
            endpoint = profile.endpoint() instanceof Endpoint.Url url ? Optional.of(url.uri()) : Optional.empty();
        }
        RefreshingCredentialSource source = refreshing(base);
        CloudTarget target = new CloudTarget(endpoint, profile.region(), source, false);
        Optional<UploaderSettings> settings = profile.uploader().map(u -> settings(u, profile.region(), target));
        return new UploaderSession(target, source, settings, profile.uploader(), emulator, profile.serve(), true);
    }

    private static String line(Problem p) {
        return p.location() + ": " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message();
    }

    private static UploaderSettings settings(UploaderSpec u, String region, CloudTarget target) {
        String layout = u.keyLayout()
                .orElseGet(() ->
                        u.dirMode().map(m -> KeyLayout.DirMode.of(m).template()).orElse(KeyLayout.DEFAULT_TEMPLATE));
        return new UploaderSettings(
                u.bucket(),
                region,
                target.ossEndpoint(region).toString(),
                u.prefix().orElse(KeyLayout.DEFAULT_PREFIX),
                layout,
                u.urlExpiresSeconds().map(Duration::ofSeconds).orElse(UploaderSettings.DEFAULT_URL_EXPIRES),
                u.allowedContentTypes(),
                u.maxSizeBytes().map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    private static RefreshingCredentialSource refreshing(CredentialSource source) {
        return new RefreshingCredentialSource(source, REFRESH_AHEAD, Clock.systemUTC());
    }

    CloudTarget target() {
        return target;
    }

    /** The region oss:// objects are fetched from; empty when each bucket's own location must be looked up. */
    Optional<String> region() {
        return regionKnown ? Optional.of(target.region()) : Optional.empty();
    }

    RefreshingCredentialSource credentials() {
        return credentials;
    }

    /** The uploader settings; an error naming the missing section when the profile has none. */
    UploaderSettings settings() {
        return settings.orElseThrow(
                () -> new UploadException("the profile has no uploader: section (bucket, prefix, ...)"));
    }

    /** The profile's serve section, if it has one. */
    Optional<Serve> serve() {
        return serve;
    }

    /** The object ACL post-policy forms pin: the profile's {@code uploader.postObjectAcl}, else private. */
    String postObjectAcl() {
        return spec.flatMap(UploaderSpec::postObjectAcl).orElse(PostPolicy.DEFAULT_OBJECT_ACL);
    }

    /** The profile's filename mode, if it sets one. */
    Optional<String> filenameMode() {
        return spec.flatMap(UploaderSpec::filenameMode);
    }

    /**
     * For commands that print URLs: a line saying they die with this command, when they do (an
     * embedded emulator started by this process rather than a running {@code ossops emulator}).
     */
    Optional<String> urlNotice() {
        return emulator.flatMap(EmbeddedEmulator::urlNotice);
    }

    @Override
    public void close() {
        emulator.ifPresent(EmbeddedEmulator::close);
    }
}
