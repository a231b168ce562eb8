package dev.ossops.cli;

import dev.ossops.serve.ApiKeys;
import dev.ossops.serve.ServeService;
import dev.ossops.serve.ServeSettings;
import dev.ossops.spec.model.Serve;
import dev.ossops.upload.UploadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * {@code ossops serve}: the upload coordinator of the profile's {@code serve:} section, until SIGTERM or Ctrl-C. Prints
 * where it listens, then one JSON access log line per request on standard output.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the upload coordinator (presigned uploads, PostObject forms, STS credentials, an upload page at /).",
            "Configured by the profile's serve: and uploader: sections; API keys come from the environment or a file of hashes."
        })
final class ServeCommand extends BaseCommand {
    private static final Pattern IP_LITERAL =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Mixin
    ProfileOptions profile;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        if (port < 0 || port > 65_535) {
            throw invalid("--port must be between 0 and 65535, got " + port);
        }
        InetAddress address = address(bind);
        try (UploaderSession session =
                UploaderSession.open(Optional.of(profile.file), Optional.empty(), env().variables())) {
            Serve serve = session.serve().orElseThrow(() -> new UploadException("the profile has no serve: section"));
            ServeSettings settings = ServeSettings.of(session.settings(), serve);
            ApiKeys keys;
            try {
                keys = ApiKeys.load(serve.apiKeyVariables(), serve.apiKeysFile(), env().variables());
            } catch (IllegalArgumentException e) {
                throw new UploadException(String.valueOf(e.getMessage()));
            }
            if (!address.isLoopbackAddress()) {
                err.println(
                        "warning: serving on " + bind + " is reachable from other machines; put TLS in front of it");
                err.flush();
            }
            try (ServeService service = ServeService.start(
                    settings,
                    keys,
                    session.target(),
                    session.credentials(),
                    new InetSocketAddress(address, port),
                    line -> print(out, line),
                    env().clock())) {
                print(
                        out,
                        "serving on " + service.uri() + " (bucket " + settings.bucket() + ", principals "
                                + String.join(", ", keys.principals()) + ", credentials from "
                                + session.credentials().describe() + ")");
                awaitShutdown();
            }
        }
        return ExitCodes.OK;
    }

    /** An IP literal (or localhost): never a name that would need a DNS lookup to decide where to listen. */
    private InetAddress address(String bind) {
        if (!bind.equals("localhost") && !IP_LITERAL.matcher(bind).matches()) {
            throw invalid("--bind must be an IP address such as 127.0.0.1 or ::1, got '" + bind + "'");
        }
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw invalid("--bind '" + bind + "' is not an address of this machine");
        }
    }

    private static void print(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Until SIGTERM/Ctrl-C, or an interrupt when a test runs the command in a thread. */
    private static void awaitShutdown() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "ossops-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } finally {
            if (stopped.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }
}
