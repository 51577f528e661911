package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole scan command against endpoints that misbehave: one that never answers and one that repeats its page
 * token. Both scans end (the first at --max-duration), write their reports, name the call that failed, and exit 3.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ScanBoundsCliTest {
    @TempDir
    Path out;
    private final AwsWire wire = new AwsWire();

    @AfterEach
    void stop() {
        wire.close();
    }

    /** Short attempts and immediate retries, fake keys: what the command line builds, made fast. */
    private HipaaAudit cli(Duration attemptTimeout) {
        AwsCollectorOptions local = LocalEndpointOptions.of(wire.endpoint(), attemptTimeout);
        return new HipaaAudit(Clock.systemUTC(), o -> o.withAttemptTimeout(attemptTimeout)
                .withRetryStrategy(local.retryStrategy().get())
                .withCredentialsProvider(local.credentialsProvider().get())
                .withRatesPerSecond(Map.of()));
    }

    private record Run(int exit, String out, String err, JsonNode findings) {}

    private Run scan(HipaaAudit root, String... extra) throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", wire.endpoint().toString(),
                "--regions", "us-east-1", "--environment", "prod", "--no-attribution", "--output-dir", out.toString()));
        args.addAll(List.of(extra));
        int exit = HipaaAudit.run(root, new PrintWriter(stdout, true), new PrintWriter(stderr, true),
                args.toArray(String[]::new));
        assertThat(out.resolve("findings.json")).as(stdout + "\n" + stderr).exists();
        assertThat(out.resolve("index.html")).exists();
        return new Run(exit, stdout.toString(), stderr.toString(),
                Json.json().readTree(out.resolve("findings.json").toFile()));
    }

    private static List<String> messages(JsonNode doc, String status) {
        List<String> out = new ArrayList<>();
        doc.get("findings").forEach(f -> {
            if (f.get("status").asText().equals(status)) {
                out.add(f.get("message").asText());
            }
        });
        return out;
    }

    @Test
    void anEndpointThatNeverAnswersEndsAtMaxDurationWithReportsAndExitThree() throws IOException {
        wire.region("us-east-1"); // the account is known: STS answers, nothing else does
        for (String service : List.of("ec2", "rds", "kms", "cloudtrail", "logs", "secretsmanager")) {
            wire.server.stubFor(post(urlPathEqualTo("/")).atPriority(0)
                    .withHeader("Authorization", containing("/us-east-1/" + service + "/"))
                    .willReturn(aResponse().withStatus(200).withFixedDelay(120_000)));
        }
        // Lambda's REST API is a GET on its own path
        wire.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/2015-03-31/.*")).atPriority(0)
                .withHeader("Authorization", containing("/us-east-1/lambda/"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(120_000)));
        // S3 and s3control (REST, GET, both signed as s3)
        wire.server.stubFor(get(urlPathMatching("/.*")).atPriority(0)
                .withHeader("Authorization", containing("/us-east-1/s3/"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(120_000)));
        // an attempt may wait 60 s: only the deadline ends this scan in seconds
        Run run = scan(cli(Duration.ofSeconds(60)), "--max-duration", "5s");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("hipaa-audit: the scan stopped at its deadline (--max-duration 5s)")
                .doesNotContain("\tat ");
        assertThat(messages(run.findings(), "PASS")).isEmpty();
        assertThat(messages(run.findings(), "FAIL")).isEmpty();
        assertThat(messages(run.findings(), "NOT_ASSESSED")).isNotEmpty()
                .anyMatch(m -> m.contains("ec2:DescribeVpcs failed (ScanDeadline)"))
                .anyMatch(m -> m.contains("rds:DescribeDBInstances failed (ScanDeadline)"));
    }

    @Test
    void anEndpointThatRepeatsItsNextTokenEndsWithTheListingNotAssessed() throws IOException {
        wire.region("us-east-1");
        String page = AwsWire.read(AwsWire.resource("aws-wire/us-east-1/ec2/DescribeSecurityGroups.xml"))
                .replace("<securityGroupInfo>", "<nextToken>sg-page-2</nextToken><securityGroupInfo>");
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeSecurityGroups").atPriority(0)
                .willReturn(AwsWire.ok("ec2", page)));
        // one critical failure of the fixture account is on a snapshot: its listing loops too (RDS Marker)
        String snapshots = AwsWire.read(AwsWire.resource("aws-wire/us-east-1/rds/DescribeDBSnapshots.xml"))
                .replace("<DescribeDBSnapshotsResult>", "<DescribeDBSnapshotsResult><Marker>snap-page-2</Marker>");
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBSnapshots").atPriority(0)
                .willReturn(AwsWire.ok("rds", snapshots)));
        // the other one is a secret's open resource policy: the secrets listing loops as well (its NextToken)
        String secrets = AwsWire.read(AwsWire.resource("aws-wire/us-east-1/secretsmanager/ListSecrets@secrets-page-2.json"))
                .strip().replaceAll("}$", ",\"NextToken\":\"secrets-page-2\"}");
        wire.server.stubFor(wire.request("us-east-1", "secretsmanager", "ListSecrets").atPriority(0)
                .withRequestBody(containing("secrets-page-2")).willReturn(AwsWire.ok("secretsmanager", secrets)));
        // and a parameter group writing PHI to a log the database exports: its parameter pages loop (RDS Marker)
        String parameters = AwsWire.read(AwsWire.resource("aws-wire/us-east-1/rds/DescribeDBParameters@app-pg16.xml"))
                .replace("<DescribeDBParametersResult>", "<DescribeDBParametersResult><Marker>params-page-2</Marker>");
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBParameters").atPriority(0)
                .withRequestBody(containing("app-pg16")).willReturn(AwsWire.ok("rds", parameters)));
        // and the buckets, one with a public ACL: ListBuckets repeats its ContinuationToken
        String buckets = AwsWire.read(AwsWire.resource("aws-wire/us-east-1/s3/ListBuckets@s3-page-2.xml"))
                .replace("</Buckets>", "</Buckets><ContinuationToken>s3-page-2</ContinuationToken>");
        wire.server.stubFor(wire.s3("us-east-1", "s3", "ListBuckets", "s3-page-2").atPriority(0)
                .willReturn(AwsWire.s3Answer(buckets)));
        Run run = scan(cli(Duration.ofSeconds(5)), "--fail-on", "critical");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).doesNotContain("deadline");
        assertThat(messages(run.findings(), "NOT_ASSESSED"))
                .anyMatch(m -> m.contains("aws.ec2.security_group")
                        && m.contains("ec2:DescribeSecurityGroups failed (PaginationLoop)"))
                .anyMatch(m -> m.contains("aws.rds.db_snapshot") && m.contains("rds:DescribeDBSnapshots failed (PaginationLoop)"))
                .anyMatch(m -> m.contains("aws.secretsmanager.secret")
                        && m.contains("secretsmanager:ListSecrets failed (PaginationLoop)"))
                .anyMatch(m -> m.contains("rds:DescribeDBParameters") && m.contains("PaginationLoop"))
                .anyMatch(m -> m.contains("aws.s3.bucket") && m.contains("s3:ListBuckets failed (PaginationLoop)"));
        assertThat(run.findings().get("scan").get("apiCalls").get("ec2:DescribeSecurityGroups").asLong()).isEqualTo(2);
    }

    @Test
    void aMaxDurationThatIsNoDurationIsOneLineAndExitTwo() {
        StringWriter stderr = new StringWriter();
        int exit = HipaaAudit.run(new PrintWriter(new StringWriter(), true), new PrintWriter(stderr, true),
                "scan", "--max-duration", "soon", "--output-dir", out.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString()).startsWith("hipaa-audit: ").contains("'soon' is not a duration")
                .doesNotContain("\tat ");
    }
}
