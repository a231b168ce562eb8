package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One emulator per test class, on a random port of 127.0.0.1 with a fresh temporary data
 * directory and the fixed {@link TestRootKey}, serving two accounts (the second:
 * {@link EmulatorClients#otherAccount()}), stopped and deleted after the class. Test methods (and constructors) can declare
 * parameters of type {@link EmulatorClients} (SDK clients, V1, V2 and V4), {@link Emulator},
 * {@link URI} (the endpoint) or {@link OSS} (the V4 client, or V1 with {@code @SignedWith(SignVersion.V1)}).
 * <pre>
 * &#64;ExtendWith(EmulatorExtension.class)
 * class MyIT {
 *     &#64;Test void put_works(EmulatorClients oss) { oss.v4().putObject(...); }
 * }
 * </pre>
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmulatorExtension.class);

    /** What one test class gets, closed by JUnit when the class's store closes. */
    private static final class Running implements AutoCloseable {
        final Path dataDir;
        final Emulator emulator;
        final EmulatorClients clients;

        Running(Path dataDir) {
            this.dataDir = dataDir;
            this.emulator = new Emulator(EmulatorConfig.builder()
                            .port(0)
                            .dataDir(dataDir)
                            .rootKey(TestRootKey.KEY)
                            .otherAccount(
                                    EmulatorClients.OTHER_ACCOUNT_ID,
                                    EmulatorClients.OTHER_ROOT_KEY_ID,
                                    EmulatorClients.OTHER_ROOT_KEY_SECRET)
                            .build())
                    .start();
            this.clients = new EmulatorClients(emulator);
        }

        @Override
        public void close() {
            clients.close();
            emulator.close();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dataDir, e);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path dir = Files.createTempDirectory("ossops-emulator-");
        context.getStore(NAMESPACE).put(Running.class, new Running(dir));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(Running.class, Running.class);
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmulatorClients.class || type == Emulator.class || type == URI.class || type == OSS.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new ParameterResolutionException(
                    "the emulator runs per class: register EmulatorExtension on the class");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == EmulatorClients.class) {
            return running.clients;
        }
        if (type == Emulator.class) {
            return running.emulator;
        }
        if (type == URI.class) {
            return running.emulator.endpoint();
        }
        return parameter
                .findAnnotation(SignedWith.class)
                .map(s -> running.clients.client(s.value()))
                .orElse(running.clients.v4());
    }
}
