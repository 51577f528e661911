package io.hipaaaudit.scan.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.Source;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan (templates/drift/health-app.yaml) against a deployed snapshot of it (snapshots/health-app.snapshot.json:
 * the template's inventory with AWS ids, account 123456789012, the CloudFormation tags on every resource whose
 * collector reads tags, none on DB subnet and parameter groups, KMS keys and Lambda functions, whose collectors do
 * not). Each test changes one thing on one side.
 */
class DriftTest {
    static final Path TEMPLATE = Path.of("src/test/resources/templates/drift/health-app.yaml");
    static final Path SNAPSHOT = Path.of("src/test/resources/snapshots/health-app.snapshot.json");
    private static final RulePack PACK = RuleLoader.load(List.of());

    @TempDir
    Path dir;

    @Test
    void theDeployedStackAsPlannedHasNoDrift() {
        DriftReport r = drift(TEMPLATE, SNAPSHOT);

        assertThat(r.drift()).isEmpty();
        assertThat(r.notAssessed()).isEmpty();
        assertThat(r.summary().pairedResources()).isEqualTo(26);
        assertThat(r.summary().agreeing()).isGreaterThan(30);
        // the restore point exists only once the instance runs: not compared
        assertThat(r.summary().judgedAfterDeploy()).isEqualTo(1);
        // what EC2 creates with a VPC carries no CloudFormation tag; a log group without LogGroupName gets a
        // generated name and the inventory has no tags for log groups
        assertThat(r.notPaired()).extracting(DriftRow::logicalId)
                .containsExactly("FlowLogGroup", "Vpc.DefaultNetworkAcl", "Vpc.DefaultSecurityGroup",
                        "Vpc.MainRouteTable");
        // the group RDS creates for the exported log is paired by its name
        assertThat(r.notPaired()).extracting(DriftRow::logicalId)
                .doesNotContain("/aws/rds/instance/health-app-db/postgresql");
    }

    @Test
    void aWorldOpenIngressAddedByHandIsAVerdictChangeOnTheDatabaseTheGroupGuards() throws Exception {
        Path deployed = deployed(inv -> group(inv, "sg-0a1b00000000000d1").withArray("ingress").addObject()
                .put("ruleId", "sgr-0a1b00000000000ff").put("protocol", "tcp").put("fromPort", 5432)
                .put("toPort", 5432).put("cidrIpv4", "0.0.0.0/0").put("description", "vendor \u001b[31mdebug"));

        DriftReport r = drift(TEMPLATE, deployed);

        DriftRow row = only(r.drift(), "rds-instance-sg-not-open-to-world");
        assertThat(row.kind()).isEqualTo(DriftRow.Kind.VERDICT_CHANGED);
        assertThat(row.stack()).isEqualTo("health-app");
        assertThat(row.logicalId()).isEqualTo("Database");
        assertThat(row.deployedId()).isEqualTo("health-app-db");
        assertThat(row.pairedBy()).isEqualTo("tags");
        assertThat(row.planned().status()).isEqualTo("PASS");
        assertThat(row.deployed().status()).isEqualTo("FAIL");
        assertThat(row.deployed().message()).contains("sg-0a1b00000000000d1").contains("0.0.0.0/0");
        assertThat(r.drift()).allMatch(d -> d.kind() == DriftRow.Kind.VERDICT_CHANGED
                && d.logicalId().equals("Database"));
        // the hostile description reaches neither the text nor drift.json as an escape sequence
        StringWriter text = new StringWriter();
        DriftTable.print(new java.io.PrintWriter(text), r);
        assertThat(text.toString()).contains("verdict-changed").contains("PASS -> FAIL").doesNotContain("\u001b");
        assertThat(r.json()).doesNotContain("\\u001b").doesNotContain("\u001b");
    }

    @Test
    void untaggedDeployedResourcesArePairedByTheExplicitNameTheTemplateGivesThem() throws Exception {
        Path deployed = deployed(inv -> {
            ((ObjectNode) inv.get("dbParameterGroups").get(0).get("parameters")).putObject("log_statement")
                    .put("value", "all").put("source", "user");
            ((ObjectNode) inv.get("kmsKeys").get(0)).put("rotationEnabled", false);
        });

        DriftReport r = drift(TEMPLATE, deployed);

        DriftRow logging = only(r.drift(), "rds-parameter-group-no-phi-in-logs");
        assertThat(logging.logicalId()).isEqualTo("DatabaseParameters");
        assertThat(logging.deployedId()).isEqualTo("health-app-pg16");
        assertThat(logging.pairedBy()).isEqualTo("DBParameterGroupName health-app-pg16");
        assertThat(logging.deployed().message()).contains("log_statement=all");
        DriftRow rotation = only(r.drift(), "kms-key-rotation-enabled");
        assertThat(rotation.logicalId()).isEqualTo("DatabaseKey");
        assertThat(rotation.pairedBy()).isEqualTo("alias alias/healthapp-db");
        assertThat(rotation.planned().status()).isEqualTo("PASS");
        assertThat(rotation.deployed().status()).isEqualTo("FAIL");
    }

    @Test
    void aResourceMissingOnOneSideIsPlannedOnlyOrDeployedOnly() throws Exception {
        Path deployed = deployed(inv -> {
            ((ArrayNode) inv.get("lambdaFunctions")).removeAll();
            ObjectNode extra = ((ArrayNode) inv.get("securityGroups")).addObject();
            extra.setAll((ObjectNode) group(inv, "sg-0a1b00000000000a1").deepCopy());
            extra.put("id", "sg-0a1b00000000000b2").put("arn",
                    "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b00000000000b2");
            extra.with("tags").put("aws:cloudformation:logical-id", "BastionSecurityGroup");
        });

        DriftReport r = drift(TEMPLATE, deployed);

        assertThat(r.drift()).extracting(DriftRow::kind, DriftRow::logicalId, DriftRow::deployedId).contains(
                org.assertj.core.groups.Tuple.tuple(DriftRow.Kind.PLANNED_ONLY, "ApiFunction", null),
                org.assertj.core.groups.Tuple.tuple(DriftRow.Kind.DEPLOYED_ONLY, "BastionSecurityGroup",
                        "sg-0a1b00000000000b2"));
        DriftRow planned = r.drift().stream().filter(d -> d.kind() == DriftRow.Kind.PLANNED_ONLY).findFirst()
                .orElseThrow();
        assertThat(planned.cloudformationType()).isEqualTo("AWS::Lambda::Function");
        assertThat(planned.template()).startsWith(TEMPLATE.toString() + ":");
        assertThat(r.summary().plannedOnly()).isEqualTo(1);
        assertThat(r.summary().deployedOnly()).isEqualTo(1);
    }

    @Test
    void anUnknownDeployedFieldIsNotAssessedNeitherDriftNorAgreement() throws Exception {
        Path deployed = deployed(inv -> {
            ((ObjectNode) inv.get("dbInstances").get(0)).remove("storageEncrypted");
            ((ArrayNode) inv.get("collectionErrors")).addObject().put("source", "aws").put("account", "123456789012")
                    .put("region", "us-east-1").put("operation", "rds:DescribeDBInstances")
                    .put("code", "MissingField").put("message", "the answer has no StorageEncrypted")
                    .put("resource", "health-app-db").<ObjectNode>set("resourceTypes",
                            Json.json().createArrayNode().add("aws.rds.db_instance"))
                    .set("fields", Json.json().createArrayNode().add("storageEncrypted"));
        });

        DriftReport r = drift(TEMPLATE, deployed);

        assertThat(r.drift()).isEmpty();
        DriftRow row = only(r.notAssessed(), "rds-instance-storage-encrypted");
        assertThat(row.kind()).isEqualTo(DriftRow.Kind.NOT_ASSESSED);
        assertThat(row.planned().status()).isEqualTo("PASS");
        assertThat(row.deployed().status()).isEqualTo("NOT_ASSESSED");
        assertThat(row.deployed().message()).contains("storageEncrypted");
    }

    @Test
    void anUntaggedDeployedResourceTheTemplateDoesNotNameIsNotPairedNeverGuessed() throws Exception {
        Path template = dir.resolve("plan").resolve("health-app.yaml");
        Files.createDirectories(template.getParent());
        Files.writeString(template, Files.readString(TEMPLATE).replace("      FunctionName: health-app-api\n", ""));

        DriftReport r = drift(template, SNAPSHOT);

        assertThat(r.drift()).isEmpty();
        assertThat(r.notPaired()).filteredOn(d -> "ApiFunction".equals(d.logicalId())).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("no tags").contains("FunctionName"));
    }

    @Test
    void aRegionTheDeployedSideDidNotCollectIsNotPairedNeverPlannedOnly() {
        Environments envs = Environments.of("prod", "test", Environments.DEFAULT_TAG, Map.of());
        ScanRequest planned = ScanRequest.builder(new Source.Template(List.of(TEMPLATE), Optional.empty(),
                Optional.of("us-west-2"), Optional.of("123456789012")), PACK).environments(envs).attribution(false)
                .build();
        ScanRequest deployed = ScanRequest.builder(new Source.Snapshot(SNAPSHOT), PACK).environments(envs)
                .attribution(false).build();

        DriftReport r = Drift.run(planned, deployed);

        assertThat(r.drift()).isEmpty();
        assertThat(r.summary().pairedResources()).isZero();
        assertThat(r.notPaired()).isNotEmpty()
                .allMatch(d -> d.reason().equals("the deployed side was not collected in us-west-2"));
    }

    @Test
    void theSameStackInTwoRegionsWithoutTheTemplatesRegionIsNotPairedNorDeployedOnly() throws Exception {
        Path deployed = deployed(inv -> {
            ArrayNode groups = (ArrayNode) inv.get("securityGroups");
            ObjectNode west = groups.addObject();
            west.setAll((ObjectNode) group(inv, "sg-0a1b00000000000a1").deepCopy());
            west.put("region", "us-west-2").put("id", "sg-0c3d00000000000a1");
        });
        Environments envs = Environments.of("prod", "test", Environments.DEFAULT_TAG, Map.of());
        ScanRequest planned = ScanRequest.builder(new Source.Template(List.of(TEMPLATE), Optional.empty(),
                Optional.empty(), Optional.of("123456789012")), PACK).environments(envs).attribution(false).build();
        ScanRequest account = ScanRequest.builder(new Source.Snapshot(deployed), PACK).environments(envs)
                .attribution(false).build();

        DriftReport r = Drift.run(planned, account);

        assertThat(r.drift()).noneMatch(d -> "AppSecurityGroup".equals(d.logicalId()));
        assertThat(r.notPaired()).filteredOn(d -> "AppSecurityGroup".equals(d.logicalId())).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("2 deployed aws.ec2.security_group resources")
                        .contains("us-west-2/sg-0c3d00000000000a1").endsWith("give --template-region"));
    }

    @Test
    void driftJsonHasOneStableShapeForEveryLine() throws Exception {
        Path deployed = deployed(inv -> ((ArrayNode) inv.get("lambdaFunctions")).removeAll());

        JsonNode json = Json.json().readTree(drift(TEMPLATE, deployed).json());

        assertThat(json.fieldNames()).toIterable().containsExactly("planned", "deployed", "summary", "drift",
                "notAssessed", "notPaired");
        JsonNode line = json.get("drift").get(0);
        assertThat(line.fieldNames()).toIterable().containsExactly("kind", "stack", "logicalId", "type",
                "cloudformationType", "template", "deployedId", "deployedArn", "account", "region", "pairedBy",
                "ruleId", "severity", "planned", "deployed", "reason");
        assertThat(line.get("kind").asText()).isEqualTo("planned-only");
        assertThat(json.get("summary").get("plannedOnly").asInt()).isEqualTo(1);
    }

    static DriftReport drift(Path template, Path snapshot) {
        Environments envs = Environments.of("prod", "test", Environments.DEFAULT_TAG, Map.of());
        ScanRequest planned = ScanRequest.builder(new Source.Template(List.of(template), Optional.empty(),
                Optional.of("us-east-1"), Optional.of("123456789012")), PACK).environments(envs).attribution(false)
                .build();
        ScanRequest deployed = ScanRequest.builder(new Source.Snapshot(snapshot), PACK).environments(envs)
                .attribution(false).build();
        return Drift.run(planned, deployed);
    }

    @Test
    void aLogGroupRdsHasNotCreatedYetIsNotPairedNeverPlannedOnly() throws Exception {
        // the template declares no group for the exported postgresql log: RDS creates it on the first export
        Path deployed = deployed(inv -> inv.withArray("logGroups").remove(1));

        DriftReport r = drift(TEMPLATE, deployed);

        assertThat(r.drift()).isEmpty();
        assertThat(r.notPaired()).filteredOn(row -> row.logicalId().equals("/aws/rds/instance/health-app-db/postgresql"))
                .singleElement().satisfies(row -> assertThat(row.reason()).contains("RDS creates it"));
    }

    private Path deployed(Consumer<ObjectNode> change) throws Exception {
        ObjectNode inv = (ObjectNode) Json.json().readTree(SNAPSHOT.toFile());
        change.accept(inv);
        Path out = dir.resolve("deployed.json");
        Files.writeString(out, Json.json().writeValueAsString(inv));
        return out;
    }

    private static ObjectNode group(ObjectNode inv, String id) {
        for (JsonNode g : inv.get("securityGroups")) {
            if (g.get("id").asText().equals(id)) {
                return (ObjectNode) g;
            }
        }
        throw new AssertionError(id);
    }

    private static DriftRow only(List<DriftRow> rows, String rule) {
        List<DriftRow> hits = rows.stream().filter(r -> rule.equals(r.ruleId())).toList();
        assertThat(hits).as(rows.toString()).hasSize(1);
        return hits.get(0);
    }
}
