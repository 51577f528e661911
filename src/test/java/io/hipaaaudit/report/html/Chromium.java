package io.hipaaaudit.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium from the distribution, started with a fresh profile and a DevTools port it picks itself
 * (written to {@code DevToolsActivePort} in the profile). Nothing is downloaded: the browser must be installed.
 */
final class Chromium implements AutoCloseable {
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
            "--disable-sync", "--window-size=1280,1600", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0");

    private final Process process;
    private final int port;

    private Chromium(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The browser binary: {@code CHROMIUM_BIN} when set, else Debian's {@code /usr/bin/chromium}. */
    static Optional<Path> find() {
        String env = System.getenv("CHROMIUM_BIN");
        Path bin = Path.of(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
        return Files.isExecutable(bin) ? Optional.of(bin) : Optional.empty();
    }

    static Chromium start(Path binary, Path profile, Path log) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> cmd = new java.util.ArrayList<>(List.of(binary.toString()));
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.add("about:blank");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("Chromium did not start; see " + log);
            }
            Thread.sleep(50);
        }
        return new Chromium(p, Integer.parseInt(Files.readAllLines(portFile).get(0).trim()));
    }

    /** The DevTools WebSocket of the page the browser opened (about:blank). */
    String pageSocket() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode target : Json.json().readTree(body)) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("webSocketDebuggerUrl").asText();
            }
        }
        throw new IllegalStateException("Chromium has no page target: " + body);
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
