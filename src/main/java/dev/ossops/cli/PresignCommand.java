package dev.ossops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.cloud.upload.OssTransfer;
import dev.ossops.cloud.upload.SignatureVersion;
import dev.ossops.upload.ObjectKeys;
import dev.ossops.upload.UploadException;
import dev.ossops.upload.UploaderSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ossops presign}: a presigned GET or PUT URL for a key of the uploader bucket. A PUT URL
 * signs the content type and {@code x-oss-forbid-overwrite: true}, so it can create that one object
 * and never replace it; the headers the client must send are printed with it.
 */
@Command(
        name = "presign",
        mixinStandardHelpOptions = true,
        description = "Print a presigned URL (JSON: method, url, expires_at, headers) for KEY in the uploader bucket.")
final class PresignCommand extends BaseCommand {
    @Mixin
    SessionOptions session;

    @Parameters(index = "0", paramLabel = "KEY", description = "The object key.")
    String key;

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            defaultValue = "GET",
            description = "GET or PUT (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--expires",
            paramLabel = "S",
            description = "Lifetime in seconds (default: the uploader's URL expiry, 86400).")
    @Nullable
    Long expires;

    @Option(
            names = "--content-type",
            paramLabel = "T",
            description = "PUT only: the content type the upload must send (default: application/octet-stream).")
    @Nullable
    String contentType;

    @Option(
            names = "--sign",
            paramLabel = "VERSION",
            defaultValue = "v4",
            description = "Signature version: v1 or v4 (default: ${DEFAULT-VALUE}).")
    String sign;

    @Override
    public Integer call() throws Exception {
        String verb = method.toUpperCase(java.util.Locale.ROOT);
        if (!verb.equals("GET") && !verb.equals("PUT")) {
            throw new ParameterException(spec.commandLine(), "--method must be GET or PUT, got '" + method + "'");
        }
        if (contentType != null && verb.equals("GET")) {
            throw new ParameterException(spec.commandLine(), "--content-type applies to PUT URLs only");
        }
        ObjectKeys.validate(key);
        SignatureVersion version = SignatureVersion.of(sign);
        try (UploaderSession s = session.open(env().variables())) {
            UploaderSettings settings = s.settings();
            long seconds = expires == null ? settings.urlExpires().toSeconds() : expires;
            if (seconds < 1 || seconds > UploaderSettings.MAX_URL_EXPIRES.toSeconds()) {
                throw new UploadException("--expires must be between 1 and "
                        + UploaderSettings.MAX_URL_EXPIRES.toSeconds() + " seconds, got " + seconds);
            }
            Instant expiresAt = Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
            Map<String, String> headers = new LinkedHashMap<>();
            Optional<String> type = Optional.empty();
            if (verb.equals("PUT")) {
                type = Optional.of(contentType == null ? "application/octet-stream" : contentType);
                headers.put("Content-Type", type.get());
                headers.put("x-oss-forbid-overwrite", "true");
            }
            URI url;
            try (OssTransfer transfer =
                    OssTransfer.create(s.target(), settings.region(), version, 1, s.credentials()::invalidate)) {
                url = transfer.presign(
                        settings.bucket(),
                        key,
                        verb,
                        expiresAt,
                        type,
                        verb.equals("PUT") ? Map.of("x-oss-forbid-overwrite", "true") : Map.of());
            }
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode result = mapper.createObjectNode();
            result.put("method", verb);
            result.put("bucket", settings.bucket());
            result.put("key", key);
            result.put("url", url.toString());
            result.put("expires_at", expiresAt.toString());
            ObjectNode h = result.putObject("headers");
            headers.forEach(h::put);
            PrintWriter out = out();
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            out.flush();
            s.urlNotice().ifPresent(notice -> {
                err().println(notice);
                err().flush();
            });
            return ExitCodes.OK;
        }
    }
}
