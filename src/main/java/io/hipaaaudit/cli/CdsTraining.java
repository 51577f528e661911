package io.hipaaaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A build step, not a command: the training run of the class-data-sharing archive (pom.xml), so that one JVM
 * loads what both a replayed scan and a scan over the wire load (credentials chain, HTTP client, sockets, the
 * model classes of an account the demo lacks) and {@code -XX:ArchiveClassesAtExit} keeps all of it. Runs the first
 * scan, then, once the local endpoint of the build has written its port, the second with {@code {endpoint}}
 * replaced by its address, and writes the done file that stops the endpoint. Without an endpoint (the test
 * classes were not built) the archive is trained on the first scan alone, as before.
 *
 * <p>Usage: {@code CdsTraining PORT_FILE DONE_FILE WAIT_SECONDS ARGS... --then ARGS...}. Exits 4 if a scan hit an
 * internal error, else with the first scan's exit code.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[0]);
        Path doneFile = Path.of(args[1]);
        long until = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        List<String> rest = Arrays.asList(args).subList(3, args.length);
        int then = rest.indexOf("--then");
        List<String> first = then < 0 ? rest : rest.subList(0, then);
        List<String> second = then < 0 ? List.of() : rest.subList(then + 1, rest.size());
        int exit = HipaaAudit.run(first.toArray(String[]::new));
        int wire = 0;
        try {
            String endpoint = second.isEmpty() ? null : endpoint(portFile, until);
            if (endpoint == null) {
                System.err.println("cds training: no local endpoint; the archive holds what the first scan loads");
            } else {
                List<String> args2 = new ArrayList<>();
                second.forEach(a -> args2.add(a.replace("{endpoint}", endpoint)));
                wire = HipaaAudit.run(args2.toArray(String[]::new));
            }
        } finally {
            Files.writeString(doneFile, "done\n", StandardCharsets.UTF_8);
        }
        System.exit(exit == ExitCodes.INTERNAL || wire == ExitCodes.INTERNAL ? ExitCodes.INTERNAL : exit);
    }

    /** The endpoint's address once it answers, or null when none answered in time. */
    private static String endpoint(Path portFile, long until) throws InterruptedException {
        while (System.nanoTime() < until) {
            try {
                String url = "http://127.0.0.1:" + Files.readString(portFile, StandardCharsets.UTF_8).strip();
                HttpURLConnection c = (HttpURLConnection) URI.create(url + "/__stats").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                try (InputStream in = c.getInputStream()) {
                    in.readAllBytes();
                    return url;
                } finally {
                    c.disconnect();
                }
            } catch (IOException | RuntimeException e) {
                Thread.sleep(100); // not written yet, or left by an earlier build whose endpoint is gone
            }
        }
        return null;
    }
}
