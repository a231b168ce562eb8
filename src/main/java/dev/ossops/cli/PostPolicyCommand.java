package dev.ossops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.upload.ByteSize;
import dev.ossops.upload.PostPolicy;
import dev.ossops.upload.UploaderSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/** {@code ossops post-policy}: the signed form fields of a browser PostObject upload confined to a prefix. */
@Command(
        name = "post-policy",
        mixinStandardHelpOptions = true,
        description =
                "Print the form fields (policy, signature, ...) of a browser PostObject upload under PREFIX, as JSON.")
final class PostPolicyCommand extends BaseCommand {
    @Mixin
    SessionOptions session;

    @Option(names = "--prefix", required = true, paramLabel = "PREFIX", description = "Keys must start with this.")
    String prefix;

    @Option(
            names = "--max-size",
            paramLabel = "N",
            description = "Largest upload, e.g. 10MiB (default: the uploader's maxSizeBytes, else 5 GiB).")
    @Nullable
    String maxSize;

    @Option(
            names = "--expires",
            paramLabel = "S",
            defaultValue = "3600",
            description = "Seconds the form stays usable (default: ${DEFAULT-VALUE}).")
    long expires;

    @Option(
            names = "--sign",
            paramLabel = "VERSION",
            defaultValue = "v4",
            description = "Signature version: v1 or v4 (default: ${DEFAULT-VALUE}).")
    String sign;

    @Override
    public Integer call() throws Exception {
        PostPolicy.Version version = PostPolicy.Version.valueOf(
                dev.ossops.cloud.upload.SignatureVersion.of(sign).name());
        try (UploaderSession s = session.open(env().variables())) {
            UploaderSettings settings = s.settings();
            long max = maxSize != null
                    ? ByteSize.parse(maxSize)
                    : settings.maxSizeBytes().orElse(PostPolicy.MAX_SIZE);
            PostPolicy.Request request = new PostPolicy.Request(
                    settings.bucket(),
                    settings.region(),
                    prefix,
                    max,
                    Duration.ofSeconds(expires),
                    true,
                    version,
                    s.postObjectAcl(),
                    settings.allowedContentTypes());
            if (request.contentTypes().isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "warning: the uploader has no allowedContentTypes, so the form accepts any type, "
                                        + "HTML included, served from the bucket's own domain; list the types the browser may upload");
            }
            PostPolicy.PostForm form = PostPolicy.sign(request, s.credentials().resolve(), Clock.systemUTC());
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode result = mapper.createObjectNode();
            result.put(
                    "url",
                    s.target().bucketUrl(settings.bucket(), settings.region()).toString());
            result.put("key_prefix", request.keyPrefix());
            result.put("expiration", form.expiration().toString());
            if (!request.contentTypes().isEmpty()) {
                // The browser sends the file's type as the x-oss-content-type field; the policy accepts only these.
                request.contentTypes().forEach(result.putArray("content_types")::add);
            }
            ObjectNode fields = result.putObject("fields");
            form.fields().forEach(fields::put);
            result.set("policy", mapper.readTree(form.policyJson()));
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
