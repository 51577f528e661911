package io.hipaaaudit.collect.aws;

import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import io.hipaaaudit.scan.Source;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.rules.RuleLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation in one run: each account entered through its own assumed role, collected into one inventory and
 * one findings file with the account on every finding; an account whose role cannot be assumed is NOT_ASSESSED for
 * that account only.
 */
class MultiAccountTest {
    static final String A = "111122223333";
    static final String B = "444455556666";
    static final String DENIED = "777788889999";

    AwsWire wire;

    @BeforeEach
    void start() {
        wire = new AwsWire().region("us-east-1");
        assumable(A, "ASIAACCOUNTA00000001");
        assumable(B, "ASIAACCOUNTB00000001");
        wire.server.stubFor(wire.request("us-east-1", "sts", "AssumeRole").atPriority(1)
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A" + DENIED))
                .willReturn(AwsWire.queryError(403, "AccessDenied", "User: arn:aws:iam::111122223333:user/auditor is "
                        + "not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" + DENIED
                        + ":role/hipaa-audit")));
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    /** AssumeRole into {@code account} hands out {@code key}; GetCallerIdentity signed with it names the account. */
    private void assumable(String account, String key) {
        wire.server.stubFor(wire.request("us-east-1", "sts", "AssumeRole").atPriority(1)
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A" + account))
                .willReturn(AwsWire.ok("sts", "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<AssumeRoleResult><Credentials><AccessKeyId>" + key + "</AccessKeyId>"
                        + "<SecretAccessKey>secret-" + account + "</SecretAccessKey><SessionToken>token-" + account
                        + "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                        + "<AssumedRoleUser><Arn>arn:aws:sts::" + account + ":assumed-role/hipaa-audit/hipaa-audit</Arn>"
                        + "<AssumedRoleId>AROA" + account + ":hipaa-audit</AssumedRoleId></AssumedRoleUser>"
                        + "</AssumeRoleResult></AssumeRoleResponse>")));
        wire.server.stubFor(wire.request("us-east-1", "sts", "GetCallerIdentity").atPriority(1)
                .withHeader("Authorization", containing(key))
                .willReturn(AwsWire.ok("sts", "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<GetCallerIdentityResult><Arn>arn:aws:sts::" + account
                        + ":assumed-role/hipaa-audit/hipaa-audit</Arn><UserId>AROA" + account + ":hipaa-audit</UserId>"
                        + "<Account>" + account + "</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")));
    }

    private static AccountTarget role(String account) {
        return new AccountTarget(account, Optional.of("arn:aws:iam::" + account + ":role/hipaa-audit"),
                Optional.empty(), Optional.empty());
    }

    @Test
    void eachAccountThroughItsOwnRoleAndADeniedOneIsNotAssessedThereOnly() {
        ScanResult c = Scanner.run(ScanRequest.builder(new Source.Aws(wire.options("us-east-1"),
                new Source.Accounts.Listed(List.of(role(A), role(B), role(DENIED)), 2)), RuleLoader.load(List.of()))
                .attribution(false).build());

        assertThat(c.inventory().accounts()).extracting(Account::id).containsExactly(A, B);
        assertThat(c.inventory().dbInstances()).extracting(DbInstance::account).contains(A, B).doesNotContain(DENIED);
        assertThat(c.inventory().dbInstances().stream().filter(d -> d.account().equals(A)).count())
                .isEqualTo(c.inventory().dbInstances().stream().filter(d -> d.account().equals(B)).count());
        assertThat(c.inventory().collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.account()).contains(DENIED);
            assertThat(e.operation()).isEqualTo("sts:AssumeRole");
            assertThat(e.code()).isEqualTo("AccountUnreachable");
            assertThat(e.resourceTypes()).contains("aws.rds.db_instance", "aws.ec2.security_group");
        });
        assertThat(c.apiCalls()).containsEntry("sts:GetCallerIdentity", 2L);

        FindingsDocument doc = c.findings();
        assertThat(doc.scan().accounts()).containsExactly(A, B, DENIED);
        assertThat(doc.findings()).filteredOn(f -> f.resource().account().equals(DENIED)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED));
        for (String account : List.of(A, B)) {
            assertThat(doc.findings()).filteredOn(f -> f.resource().account().equals(account))
                    .extracting(Finding::status).contains(Status.PASS, Status.FAIL);
        }
    }

    @Test
    void credentialsThatReachAnotherAccountAreNotReportedAsTheDeclaredOne() {
        AccountTarget wrong = new AccountTarget("999988887777", Optional.of("arn:aws:iam::" + B + ":role/hipaa-audit"),
                Optional.empty(), Optional.empty());
        AwsCollection c = new MultiAccountCollector(1).collect(wire.options("us-east-1"), List.of(wrong));
        assertThat(c.inventory().accounts()).isEmpty();
        assertThat(c.inventory().dbInstances()).isEmpty();
        assertThat(c.inventory().collectionErrors()).extracting(CollectionError::code).containsExactly("AccountMismatch");
    }

    @Test
    void aConfiguredAccountWhoseRoleReachesAnotherAccountStopsTheScan(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("hipaa-audit.yaml");
        java.nio.file.Files.writeString(config, "targets:\n  accounts:\n    - id: \"999988887777\"\n"
                + "      role_arn: arn:aws:iam::" + B + ":role/hipaa-audit\n");
        System.setProperty("aws.accessKeyId", "AKIDORGMANAGEMENT000");
        System.setProperty("aws.secretAccessKey", "management-secret-never-printed-000000");
        try {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int exit = HipaaAudit.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "scan",
                    "--config", config.toString(), "--endpoint-url", wire.endpoint().toString(),
                    "--regions", "us-east-1", "--output-dir", dir.resolve("out").toString());
            assertThat(exit).as(stdout + "\n" + stderr).isEqualTo(2);
            assertThat(stderr.toString().strip().lines()).singleElement().asString()
                    .contains("the credentials for account 999988887777 reach account " + B);
            assertThat(dir.resolve("out/findings.json")).doesNotExist();
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void theOrganizationsAccountsAreScannedInOneRunIntoOneFindingsFile(@TempDir Path out) throws Exception {
        wire.server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/organizations/aws4_request"))
                .withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128.ListAccounts"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Accounts\":[" + account(A, "ACTIVE") + "," + account(B, "ACTIVE") + ","
                                + account(DENIED, "ACTIVE") + "," + account("222233334444", "SUSPENDED") + "]}")));
        System.setProperty("aws.accessKeyId", "AKIDORGMANAGEMENT000");
        System.setProperty("aws.secretAccessKey", "management-secret-never-printed-000000");
        try {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int exit = HipaaAudit.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "scan",
                    "--accounts-from-organization", "--org-role-name", "hipaa-audit",
                    "--endpoint-url", wire.endpoint().toString(), "--regions", "us-east-1",
                    "--output-dir", out.toString(), "--verbose");
            assertThat(exit).as(stdout + "\n" + stderr + wire.server.findAllUnmatchedRequests().stream()
                    .map(r -> r.getHeader("Authorization") + " " + r.getHeader("X-Amz-Target")).toList()).isEqualTo(1);
            JsonNode doc = Json.json().readTree(out.resolve("findings.json").toFile());
            assertThat(doc.at("/scan/accounts").toString()).isEqualTo("[\"" + A + "\",\"" + B + "\",\"" + DENIED + "\"]");
            assertThat(doc.get("findings")).anySatisfy(f -> {
                assertThat(f.at("/resource/account").asText()).isEqualTo(DENIED);
                assertThat(f.get("status").asText()).isEqualTo("NOT_ASSESSED");
                assertThat(f.get("message").asText()).contains("sts:AssumeRole");
            });
            assertThat(wire.server.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString()
                    .contains("222233334444"));
            assertThat(stdout + stderr.toString()).doesNotContain("management-secret-never-printed");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void anOrganizationScanKnowsItsMembersSoSnapshotsSharedWithinItPass() {
        wire.server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/organizations/aws4_request"))
                .withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128.ListAccounts"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Accounts\":[" + account(B, "ACTIVE") + "," + account(A, "ACTIVE") + ","
                                + account("222233334444", "SUSPENDED") + "]}")));
        ScanResult r = Scanner.run(ScanRequest.builder(new Source.Aws(wire.options("us-east-1"),
                new Source.Accounts.Organization("hipaa-audit", Optional.empty(), 2)), RuleLoader.load(List.of()))
                .attribution(false).build());

        assertThat(r.inventory().accounts()).extracting(Account::id).containsExactlyInAnyOrder(A, B);
        assertThat(r.inventory().accounts()).allSatisfy(a -> assertThat(a.organizationAccounts())
                .as("the active members, listed once for every account").contains(List.of(A, B).stream().sorted().toList()));
        assertThat(r.findings().findings()).filteredOn(f -> f.ruleId()
                .equals("rds-snapshot-not-shared-outside-allowed-accounts")).isNotEmpty();
    }

    private static String account(String id, String status) {
        return "{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::111122223333:account/o-exampleorgid/" + id
                + "\",\"Email\":\"aws+" + id + "@example.com\",\"Name\":\"acct-" + id + "\",\"Status\":\"" + status
                + "\",\"JoinedMethod\":\"CREATED\",\"JoinedTimestamp\":1.7E9}";
    }
}
