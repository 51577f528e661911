package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.collect.postgres.PgServers;
import io.hipaaaudit.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --record} against the wire-format endpoint (assuming a role) and a PostgreSQL server of the test's
 * own, then both stopped and {@code scan --replay} on the bundle alone.
 */
class EvidenceBundleTest {
    static final String ACCESS_KEY = "AKIDRECORDKEY0000001";
    static final String SECRET_KEY = "record-secret-key-never-written-000001";
    static final String ASSUMED_KEY = "ASIAASSUMEDKEY000001";
    static final String ASSUMED_SECRET = "assumed-secret-key-never-written-0001";
    static final String SESSION_TOKEN = "assumed-session-token-never-written-0001";
    static final String EXTERNAL_ID = "external-id-never-written-0001";
    static final String DB_PASSWORD = "db-password-never-written-0001";
    static final String URL_PASSWORD = "url-password-never-written-0001";
    static final List<String> SECRETS = List.of(ACCESS_KEY, SECRET_KEY, ASSUMED_KEY, ASSUMED_SECRET, SESSION_TOKEN,
            EXTERNAL_ID, DB_PASSWORD, URL_PASSWORD);

    @TempDir
    static Path dir;
    static Path bundle;
    static Run recorded;
    static String dbId;

    record Run(int exit, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = HipaaAudit.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(exit, out.toString(), err.toString());
        }
    }

    @BeforeAll
    static void recordThenStopEverything() throws Exception {
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        EmbeddedPostgres pg = PgServers.startOwn(17);
        AwsWire wire = new AwsWire().region("us-east-1").region("eu-west-1");
        try {
            seed(pg);
            wire.server.stubFor(wire.request("us-east-1", "sts", "AssumeRole").willReturn(AwsWire.ok("sts",
                    "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                            + "<Credentials><AccessKeyId>" + ASSUMED_KEY + "</AccessKeyId><SecretAccessKey>"
                            + ASSUMED_SECRET + "</SecretAccessKey><SessionToken>" + SESSION_TOKEN + "</SessionToken>"
                            + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>"
                            + "<Arn>arn:aws:sts::111122223333:assumed-role/hipaa-audit/hipaa-audit</Arn>"
                            + "<AssumedRoleId>AROAEXAMPLE:hipaa-audit</AssumedRoleId></AssumedRoleUser>"
                            + "</AssumeRoleResult></AssumeRoleResponse>")));
            // who changed a failing instance: the lookup is evidence too, and replays with the rest
            ChangeAttributionTest.stubChanges(wire, "us-east-1", "app-db", "modify-db-instance");
            Path passwordFile = dir.resolve("db-password");
            Files.writeString(passwordFile, DB_PASSWORD);
            dbId = "localhost:" + pg.getPort() + "/evidence";
            bundle = dir.resolve("bundle");
            recorded = Run.of("scan", "--endpoint-url", wire.endpoint().toString(),
                    "--role-arn", "arn:aws:iam::111122223333:role/hipaa-audit", "--external-id", EXTERNAL_ID,
                    "--db", "jdbc:postgresql://localhost:" + pg.getPort() + "/evidence?sslmode=disable&password="
                            + URL_PASSWORD, "--db-user", "ev_audit", "--db-password-file", passwordFile.toString(),
                    "--environment", "prod", "--output-dir", dir.resolve("recorded").toString(),
                    "--record", bundle.toString());
        } finally {
            wire.close();
            pg.close();
        }
        // replay must need none of this: no keys, a different default region, no endpoint, no database
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.setProperty("aws.region", "eu-west-1");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("aws.region");
    }

    private static void seed(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE evidence");
        }
        try (Connection c = pg.getDatabase("postgres", "evidence").getConnection(); Statement s = c.createStatement();
             InputStream sql = EvidenceBundleTest.class.getResourceAsStream("/evidence/seed.sql")) {
            s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void replayWithEndpointAndDatabaseGoneWritesByteIdenticalFindings() throws IOException {
        assertThat(recorded.exit()).as(recorded.err()).isIn(1, 3);
        Run replayed = Run.of("scan", "--replay", bundle.toString(), "--environment", "prod",
                "--output-dir", dir.resolve("replayed").toString());
        assertThat(replayed.exit()).as(replayed.err()).isEqualTo(recorded.exit());
        String before = Files.readString(dir.resolve("recorded/findings.json"));
        String after = Files.readString(dir.resolve("replayed/findings.json"));
        assertThat(after).isEqualTo(before);

        JsonNode doc = Json.json().readTree(after);
        assertThat(doc.at("/scan/accounts/0").asText()).isEqualTo(AwsWire.ACCOUNT);
        assertThat(doc.at("/scan/regions").toString()).isEqualTo("[\"eu-west-1\",\"us-east-1\"]");
        assertThat(doc.at("/scan/databases/0").asText()).isEqualTo(dbId);
        assertThat(doc.at("/scan/apiCalls/ec2:DescribeRegions").asLong()).isEqualTo(1);
        List<String> statuses = new ArrayList<>();
        doc.get("findings").forEach(f -> statuses.add(f.at("/resource/type").asText() + " " + f.get("status").asText()));
        assertThat(statuses).contains("aws.rds.db_instance PASS", "aws.rds.db_instance FAIL", "pg.function PASS",
                "pg.database FAIL");
        assertThat(doc.get("findings")).as("the change attribution came back from the bundle").anySatisfy(f -> {
            assertThat(f.at("/resource/id").asText()).isEqualTo("app-db");
            assertThat(f.at("/evidence/changes/0/call").asText()).isEqualTo("ModifyDBInstance");
            assertThat(f.at("/evidence/changes/0/by").asText()).isEqualTo("arn:aws:iam::111122223333:user/ops-bot");
        });
        assertThat(doc.get("findings")).anySatisfy(f -> {
            assertThat(f.get("status").asText()).isEqualTo("NOT_ASSESSED");
            assertThat(f.get("message").asText()).contains("pg_default_acl");
        });
    }

    @Test
    void theBundleHoldsNoSecretButTheRedactedCredentials() throws IOException {
        StringBuilder all = new StringBuilder(recorded.out()).append(recorded.err());
        for (Path file : files(bundle)) {
            all.append(Files.readString(file));
        }
        for (String secret : SECRETS) {
            assertThat(all.toString()).as("bundle contains " + secret).doesNotContain(secret);
        }
        String sts = Files.readString(bundle.resolve("aws/us-east-1/sts.json"));
        assertThat(sts).contains("Action=AssumeRole", "ExternalId=[redacted]",
                "<SecretAccessKey>[redacted]</SecretAccessKey>", "<SessionToken>[redacted]</SessionToken>");
        assertThat(all.toString()).doesNotContainIgnoringCase("authorization").doesNotContainIgnoringCase("x-amz-security-token");
        JsonNode db = Json.json().readTree(bundle.resolve(postgresFile()).toFile());
        assertThat(db.get("url").asText()).endsWith("/evidence?sslmode=disable");
    }

    @Test
    void theManifestListsEveryFileWithItsHashAndTheScope() throws Exception {
        JsonNode manifest = Json.json().readTree(bundle.resolve("manifest.json").toFile());
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("rulePackSha256").asText()).hasSize(64);
        assertThat(manifest.at("/aws/baseRegion").asText()).isEqualTo("us-east-1");
        assertThat(manifest.at("/aws/regionsOption")).isEmpty();
        assertThat(manifest.get("databases").get(0).asText()).isEqualTo(dbId);
        List<String> listed = new ArrayList<>();
        manifest.get("files").fieldNames().forEachRemaining(listed::add);
        assertThat(listed).contains("aws/us-east-1/ec2.json", "aws/eu-west-1/rds.json", "aws/us-east-1/sts.json",
                postgresFile());
        assertThat(files(bundle)).hasSize(listed.size() + 1);
        for (String file : listed) {
            assertThat(manifest.get("files").get(file).asText()).isEqualTo(sha256(bundle.resolve(file)));
        }
        JsonNode ec2 = Json.json().readTree(bundle.resolve("aws/us-east-1/ec2.json").toFile());
        JsonNode first = ec2.get("exchanges").get(0);
        assertThat(first.get("service").asText()).isEqualTo("ec2");
        assertThat(first.get("action").asText()).isNotEmpty();
        assertThat(first.at("/request/method").asText()).isEqualTo("POST");
        assertThat(first.at("/response/status").asInt()).isEqualTo(200);
        assertThat(first.has("time")).isTrue();
    }

    @Test
    void aChangedByteAMissingFileAnExtraFileOrAnEditedHashStopsReplayNamingTheFile() throws Exception {
        Path changed = copy("changed");
        Path ec2 = changed.resolve("aws/us-east-1/ec2.json");
        byte[] bytes = Files.readAllBytes(ec2);
        bytes[bytes.length / 2] ^= 1;
        Files.write(ec2, bytes);
        assertRefused(changed, ec2, "SHA-256 differs from the manifest");

        Path missing = copy("missing");
        Files.delete(missing.resolve(postgresFile()));
        assertRefused(missing, missing.resolve(postgresFile()), "listed in the manifest but missing");

        Path extra = copy("extra");
        Files.writeString(extra.resolve("aws/us-east-1/notes.txt"), "added later");
        assertRefused(extra, extra.resolve("aws/us-east-1/notes.txt"), "not listed in the manifest");

        Path edited = copy("edited");
        ObjectNode manifest = (ObjectNode) Json.json().readTree(edited.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("files")).put("aws/eu-west-1/kms.json", "0".repeat(64));
        Files.writeString(edited.resolve("manifest.json"), Json.write(manifest));
        assertRefused(edited, edited.resolve("aws/eu-west-1/kms.json"), "SHA-256 differs from the manifest");
    }

    @Test
    void aManifestEditedToForgetAPartOrToSpellAFileTwiceStopsReplay() throws Exception {
        // a database dropped with its line: no hash to recompute, but the manifest still names the database
        Path forgotten = copy("forgotten");
        Files.delete(forgotten.resolve(postgresFile()));
        ObjectNode manifest = (ObjectNode) Json.json().readTree(forgotten.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("files")).remove(postgresFile());
        Files.writeString(forgotten.resolve("manifest.json"), Json.write(manifest));
        assertRefused(forgotten, forgotten.resolve("manifest.json"), "names 1 database(s) but the bundle holds 0");

        // the same file listed under a second spelling would load its answers twice
        Path twice = copy("twice");
        ObjectNode m2 = (ObjectNode) Json.json().readTree(twice.resolve("manifest.json").toFile());
        ((ObjectNode) m2.get("files")).put("aws/us-east-1/./ec2.json", m2.get("files").get("aws/us-east-1/ec2.json").asText());
        Files.writeString(twice.resolve("manifest.json"), Json.write(m2));
        assertRefused(twice, twice.resolve("aws/us-east-1/./ec2.json"), "not a file name this bundle format uses");
    }

    @Test
    void aRequestOrQueryMissingFromTheBundleIsNotAssessedNamingTheAction() throws Exception {
        Path cut = copy("cut");
        drop(cut, "aws/us-east-1/rds.json", "exchanges", e -> e.get("action").asText().equals("DescribeDBSnapshots"));
        drop(cut, postgresFile(), "queries", q -> q.get("operation").asText().endsWith("pg_roles"));
        Run replayed = Run.of("scan", "--replay", cut.toString(), "--environment", "prod",
                "--output-dir", dir.resolve("cut-out").toString());
        assertThat(replayed.exit()).as(replayed.err()).isIn(1, 3);
        JsonNode findings = Json.json().readTree(dir.resolve("cut-out/findings.json").toFile()).get("findings");
        List<String> notAssessed = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("status").asText().equals("NOT_ASSESSED")) {
                notAssessed.add(f.get("message").asText());
            }
        });
        assertThat(notAssessed).anySatisfy(m -> assertThat(m).contains("rds:DescribeDBSnapshots", "NotInEvidence"));
        assertThat(notAssessed).anySatisfy(m -> assertThat(m).contains("pg_roles", "NotInEvidence"));
        assertThat(findings).noneSatisfy(f -> {
            assertThat(f.at("/resource/type").asText()).isIn("aws.rds.db_snapshot", "pg.role");
            assertThat(f.get("status").asText()).isEqualTo("PASS");
        });
    }

    @Test
    void aChangedRuleGivesItsNewVerdictsOnTheOldEvidence() throws Exception {
        Path rules = dir.resolve("changed-rules/backup/rds-instance-backup-retention");
        Files.createDirectories(rules);
        String rule = Files.readString(Path.of("rules/backup/rds-instance-backup-retention/rule.yaml"));
        Files.writeString(rules.resolve("rule.yaml"), rule.replace("resource.backupRetentionPeriod >= params.minRetentionDays",
                "resource.backupRetentionPeriod >= 36500"));
        Run replayed = Run.of("scan", "--replay", bundle.toString(), "--environment", "prod",
                "--rules", dir.resolve("changed-rules").toString(), "--output-dir", dir.resolve("new-rule").toString());
        assertThat(replayed.exit()).as(replayed.err()).isIn(0, 1, 3);
        List<String> before = statuses(dir.resolve("recorded/findings.json"), "rds-instance-backup-retention");
        List<String> after = statuses(dir.resolve("new-rule/findings.json"), "rds-instance-backup-retention");
        assertThat(before).containsExactly("NOT_APPLICABLE", "PASS");
        assertThat(after).containsExactly("NOT_APPLICABLE", "FAIL");
    }

    private static List<String> statuses(Path findings, String ruleId) throws IOException {
        List<String> out = new ArrayList<>();
        Json.json().readTree(findings.toFile()).get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals(ruleId)) {
                out.add(f.get("status").asText());
            }
        });
        return out;
    }

    @Test
    void recordWithASnapshotAndReplayWithLiveOptionsAreUsageErrors() {
        Run snapshot = Run.of("scan", "--snapshot", "src/test/resources/snapshots/compliant.json", "--record",
                dir.resolve("never").toString());
        assertThat(snapshot.exit()).isEqualTo(2);
        assertThat(snapshot.err()).contains("--record").contains("--snapshot");
        Run regions = Run.of("scan", "--replay", bundle.toString(), "--regions", "us-east-1");
        assertThat(regions.exit()).isEqualTo(2);
        assertThat(regions.err().strip().lines()).singleElement().asString().contains("--regions cannot be used with --replay");
        assertThat(Files.exists(dir.resolve("never"))).isFalse();
    }

    private static void assertRefused(Path copy, Path file, String why) {
        Run run = Run.of("scan", "--replay", copy.toString(), "--output-dir", copy.resolveSibling(copy.getFileName() + "-out").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement().asString()
                .isEqualTo("hipaa-audit: " + file + ": " + run.err().strip().substring(("hipaa-audit: " + file + ": ").length()))
                .contains(why);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    /** Removes matching entries from a bundle file and re-hashes it, so only the missing answer is different. */
    private static void drop(Path copy, String file, String field, java.util.function.Predicate<JsonNode> which)
            throws Exception {
        ObjectNode doc = (ObjectNode) Json.json().readTree(copy.resolve(file).toFile());
        ArrayNode kept = Json.json().createArrayNode();
        int before = doc.get(field).size();
        doc.get(field).forEach(e -> {
            if (!which.test(e)) {
                kept.add(e);
            }
        });
        assertThat(kept.size()).isLessThan(before);
        doc.set(field, kept);
        Files.writeString(copy.resolve(file), Json.write(doc));
        ObjectNode manifest = (ObjectNode) Json.json().readTree(copy.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("files")).put(file, sha256(copy.resolve(file)));
        Files.writeString(copy.resolve("manifest.json"), Json.write(manifest));
    }

    private static String postgresFile() {
        return "postgres/01-" + dbId.replaceAll("[^a-z0-9._-]+", "-") + ".json";
    }

    private static Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        for (Path file : files(bundle)) {
            Path to = target.resolve(bundle.relativize(file).toString());
            Files.createDirectories(to.getParent());
            Files.copy(file, to);
        }
        return target;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
