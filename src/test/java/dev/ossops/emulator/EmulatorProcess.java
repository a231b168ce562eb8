package dev.ossops.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code ossops emulator} in a separate JVM on the test classpath, so it can be killed for real. */
final class EmulatorProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader stdout;
    private final URI endpoint;
    private final String firstLine;

    private EmulatorProcess(Process process, BufferedReader stdout, String firstLine) {
        this.process = process;
        this.stdout = stdout;
        this.firstLine = firstLine;
        this.endpoint = URI.create(firstLine.substring("listening on ".length()));
    }

    static EmulatorProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        return start(List.of(), dataDir, extraArgs);
    }

    /** With extra JVM options, for example a small {@code -Xmx}. */
    static EmulatorProcess start(List<String> jvmOptions, Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.ossops.cli.Main", "emulator", "--port", "0",
                "--data-dir", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            String first = line.get(60, TimeUnit.SECONDS);
            if (first == null || !first.startsWith("listening on http://127.0.0.1:")) {
                process.destroyForcibly();
                throw new IllegalStateException("emulator did not start: " + first);
            }
            return new EmulatorProcess(process, stdout, first);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("emulator did not start", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    String firstLine() {
        return firstLine;
    }

    Process process() {
        return process;
    }

    /** Everything printed after the first line, once the process has ended. */
    String remainingOutput() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String l = stdout.readLine(); l != null; l = stdout.readLine()) {
            out.append(l).append('\n');
        }
        return out.toString();
    }

    /** SIGKILL: no shutdown hook, no flushing; what is on disk is all there is. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
