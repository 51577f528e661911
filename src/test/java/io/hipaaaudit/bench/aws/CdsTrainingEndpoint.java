package io.hipaaaudit.bench.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The synthetic cold-start account served on the loopback interface while {@code mvn package} trains the
 * class-data-sharing archive with a scan over the wire (pom.xml, {@code io.hipaaaudit.cli.CdsTraining}): no
 * latency, no throttling, the same seeded account every build. Writes its port to a file, and stops once the done
 * file appears, or after the given number of seconds whatever happens.
 *
 * <p>Usage: {@code CdsTrainingEndpoint PORT_FILE DONE_FILE MAX_SECONDS}
 */
public final class CdsTrainingEndpoint {
    private CdsTrainingEndpoint() {}

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[0]).toAbsolutePath();
        Path doneFile = Path.of(args[1]).toAbsolutePath();
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        Files.createDirectories(portFile.getParent());
        Files.deleteIfExists(doneFile);
        try (SyntheticAwsEndpoint endpoint = new SyntheticAwsEndpoint(new SyntheticAccount(AccountSize.cold()),
                new SyntheticAwsEndpoint.Settings(Duration.ZERO, 0, Integer.MAX_VALUE, 0))) {
            Path tmp = Files.createTempFile(portFile.getParent(), "port", ".tmp");
            Files.writeString(tmp, Integer.toString(endpoint.endpoint().getPort()));
            Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            while (!Files.exists(doneFile) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
        }
        System.exit(0);
    }
}
