package io.hipaaaudit.demo;

import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Rebuilds the demo's evidence bundle ({@code examples/demo/evidence}) by recording a real scan: the hand-written
 * AWS answers in {@code examples/demo/aws-wire} are served over HTTP in their wire formats, and {@code scan
 * --record} runs every collector, SDK client and CloudTrail change lookup against them.
 *
 * <p>The bundle must come out the same whenever it is rebuilt, so the recording scan runs at the fixed collection
 * time {@link #COLLECTED} (every time in the fixtures is written relative to it), on one collector thread (the
 * exchanges of each file in one order) and through {@link LocalRoute}, so the evidence holds the AWS endpoints
 * the SDK addressed rather than a local port. Run it from the repository root:
 *
 * <pre>mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/demo.classpath -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/demo.classpath) io.hipaaaudit.demo.DemoBundle</pre>
 */
public final class DemoBundle {
    /** When the demo environment was scanned. */
    public static final Instant COLLECTED = Instant.parse("2026-11-28T02:15:00Z");
    public static final Path FIXTURES = Path.of("examples/demo/aws-wire");
    public static final Path BUNDLE = Path.of("examples/demo/evidence");
    public static final Path CONFIG = Path.of("examples/demo/hipaa-audit.yaml");
    public static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

    private DemoBundle() {}

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : BUNDLE;
        deleteTree(out);
        Result r = record(FIXTURES, out);
        System.out.print(r.output());
        if (!r.unmatched().isEmpty() || r.exit() == 2) {
            System.err.println("the recording scan asked for something no fixture answers: " + r.unmatched());
            System.exit(2);
        }
        System.out.println("recorded " + out + " (scan exit " + r.exit() + ")");
    }

    /** The recording scan's exit code, its console output and the requests no fixture answered. */
    public record Result(int exit, String output, List<String> unmatched) {}

    /** Records the scan of the fixtures into {@code bundle} (which must be new or empty). */
    public static Result record(Path fixtures, Path bundle) throws IOException {
        Path reports = Files.createTempDirectory("demo-bundle-reports");
        try (DemoWire wire = new DemoWire(fixtures, COLLECTED); LocalRoute route = new LocalRoute(wire.endpoint())) {
            StaticCredentialsProvider keys = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIADEMOBUNDLE000001", "demo-bundle-recording-never-sent-anywhere"));
            HipaaAudit cli = new HipaaAudit(Clock.fixed(COLLECTED, ZoneOffset.UTC), (AwsCollectorOptions o) -> o
                    .withHttpClient(route).withCredentialsProvider(keys).withConcurrency(1).withRatesPerSecond(Map.of()));
            StringWriter text = new StringWriter();
            PrintWriter print = new PrintWriter(text, true);
            int exit = HipaaAudit.run(cli, print, print, "scan", "--regions", String.join(",", REGIONS),
                    "--config", CONFIG.toString(), "--record", bundle.toString(), "--output-dir", reports.toString(),
                    "--quiet");
            return new Result(exit, text.toString(), wire.unmatched());
        } finally {
            deleteTree(reports);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
