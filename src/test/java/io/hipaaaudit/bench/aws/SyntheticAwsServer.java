package io.hipaaaudit.bench.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the synthetic endpoint in a JVM of its own until killed, so a benchmark's heap and CPU figures are the
 * scanner's. Usage: {@code SyntheticAwsServer SIZE [--latency-ms 30] [--history-per-day 10] [--port-file FILE]}; the port is written to
 * the file once the server listens and has answered each listing once ({@link SyntheticAwsEndpoint#warmUp}).
 */
public final class SyntheticAwsServer {
    private SyntheticAwsServer() {}

    public static void main(String[] args) throws Exception {
        AccountSize size = AccountSize.named(args.length > 0 ? args[0] : "small");
        long latencyMs = 30;
        Path portFile = null;
        int historyPerDay = History.DEFAULT_PER_DAY;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--latency-ms" -> latencyMs = Long.parseLong(args[i + 1]);
                case "--port-file" -> portFile = Path.of(args[i + 1]);
                case "--history-per-day" -> historyPerDay = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SyntheticAwsEndpoint endpoint = new SyntheticAwsEndpoint(new SyntheticAccount(size),
                SyntheticAwsEndpoint.Settings.of(Duration.ofMillis(latencyMs)).withHistoryPerDay(historyPerDay));
        endpoint.warmUp();
        System.out.println("synthetic AWS account '" + size.name() + "' at " + endpoint.endpoint() + ", latency "
                + latencyMs + " ms, CloudTrail history of " + historyPerDay + " writes a day per region");
        if (portFile != null) {
            Path tmp = Files.createTempFile(portFile.toAbsolutePath().getParent(), "port", ".tmp");
            Files.writeString(tmp, Integer.toString(endpoint.endpoint().getPort()));
            Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Thread.currentThread().join();
    }
}
