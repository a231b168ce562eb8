package dev.ossops.emulator;

import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code ossops emulator} in a separate JVM on the test classpath, so it can be killed for real. */
public final class EmulatorProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader stdout;
    private final URI endpoint;
    private final String firstLine;
    private final String secondLine;
    private final Path dataDir;

    private EmulatorProcess(Process process, BufferedReader stdout, String firstLine, String secondLine, Path dataDir) {
        this.process = process;
        this.stdout = stdout;
        this.firstLine = firstLine;
        this.secondLine = secondLine;
        this.dataDir = dataDir;
        this.endpoint = URI.create(firstLine.substring("listening on ".length()));
    }

    public static EmulatorProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        return start(Map.of(), List.of(), dataDir, extraArgs);
    }

    /** With extra JVM options, for example a small {@code -Xmx}. */
    public static EmulatorProcess start(List<String> jvmOptions, Path dataDir, String... extraArgs)
            throws IOException, InterruptedException {
        return start(Map.of(), jvmOptions, dataDir, extraArgs);
    }

    /** With extra environment variables and JVM options; waits for the two lines the command prints once it listens. */
    public static EmulatorProcess start(
            Map<String, String> environment, List<String> jvmOptions, Path dataDir, String... extraArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.ossops.cli.Main",
                "emulator",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString()));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> {
            try {
                String first = stdout.readLine();
                if (first == null || !first.startsWith("listening on http://127.0.0.1:")) {
                    return java.util.Arrays.asList(first, null);
                }
                return List.of(first, String.valueOf(stdout.readLine()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            List<String> read = lines.get(60, TimeUnit.SECONDS);
            if (read.get(1) == null) {
                process.destroyForcibly();
                throw new IllegalStateException("emulator did not start: " + read.get(0));
            }
            return new EmulatorProcess(process, stdout, read.get(0), read.get(1), dataDir);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("emulator did not start", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** {@code listening on http://127.0.0.1:PORT}. */
    public String firstLine() {
        return firstLine;
    }

    /** Where the root credentials are. */
    public String secondLine() {
        return secondLine;
    }

    public Process process() {
        return process;
    }

    /** The root key the process serves with: its data dir's, as any client on this machine reads it. */
    public RootKey rootKey() {
        return RootKeyFile.read(dataDir).orElseThrow(() -> new IllegalStateException("no credentials in " + dataDir));
    }

    /** Everything printed after the first two lines, once the process has ended. */
    public String remainingOutput() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String l = stdout.readLine(); l != null; l = stdout.readLine()) {
            out.append(l).append('\n');
        }
        return out.toString();
    }

    /** SIGKILL: no shutdown hook, no flushing; what is on disk is all there is. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
