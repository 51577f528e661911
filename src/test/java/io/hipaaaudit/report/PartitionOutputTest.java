package io.hipaaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.inventory.aws.Arns;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EC2 resources in GovCloud and China get ARNs of their partition, and every output that names a partition or an ARN
 * (findings, ASFF, OCSF, SARIF) says the same.
 */
class PartitionOutputTest {
    static final String ACCOUNT = "111122223333";
    static final String GOV = "arn:aws-us-gov:ec2:us-gov-west-1:" + ACCOUNT + ":subnet/subnet-gov";
    static final String CN = "arn:aws-cn:ec2:cn-north-1:" + ACCOUNT + ":subnet/subnet-cn";

    @TempDir
    Path dir;

    @Test
    void regionsMapToTheirPartitions() {
        assertThat(Arns.partition("us-east-1")).isEqualTo("aws");
        assertThat(Arns.partition("eu-central-2")).isEqualTo("aws");
        assertThat(Arns.partition("cn-north-1")).isEqualTo("aws-cn");
        assertThat(Arns.partition("cn-northwest-1")).isEqualTo("aws-cn");
        assertThat(Arns.partition("us-gov-west-1")).isEqualTo("aws-us-gov");
        assertThat(Arns.partition("us-iso-east-1")).isEqualTo("aws-iso");
        assertThat(Arns.partition("us-isob-east-1")).isEqualTo("aws-iso-b");
        assertThat(Arns.partition("us-isof-south-1")).isEqualTo("aws-iso-f");
        assertThat(Arns.partition("eu-isoe-west-1")).isEqualTo("aws-iso-e");
        assertThat(Arns.partition("eusc-de-east-1")).isEqualTo("aws-eusc");
        // an ARN AWS returned is the authority; a database locator is not an ARN
        assertThat(Arns.partition("arn:aws-cn:rds:cn-north-1:1:db:x", "us-east-1")).isEqualTo("aws-cn");
        assertThat(Arns.partition("postgresql://db:5432/app", "us-gov-east-1")).isEqualTo("aws-us-gov");
    }

    @Test
    void subnetsInGovCloudAndChinaHaveTheirPartitionInEveryOutput() throws Exception {
        List<Finding> findings = findings();
        assertThat(findings).extracting(f -> f.resource().arn()).containsExactlyInAnyOrder(GOV, CN);

        ScanInfo scan = new ScanInfo("scan-p", Optional.of("2026-11-24T06:00:00Z"), Optional.of("2026-11-24T06:00:41Z"),
                "hipaa-audit", "1.2.3", "prod", List.of(ACCOUNT), List.of("us-gov-west-1", "cn-north-1"), List.of(),
                "inv", "pack", Map.of(), Map.of(), List.of());
        ReportInput input = new ReportInput(new FindingsDocument(scan, findings.stream().sorted(Finding.ORDER).toList()),
                RuleLoader.load(List.of()));
        Reporters.write(input, List.of("asff", "ocsf", "sarif"), dir);

        List<JsonNode> asff = new ArrayList<>();
        try (var files = Files.list(dir.resolve("asff"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().matches("asff-\\d+\\.json")).toList()) {
                Json.json().readTree(p.toFile()).forEach(asff::add);
            }
        }
        assertThat(asff).hasSize(2);
        JsonNode gov = byResource(asff, "/Resources/0/Id", GOV);
        assertThat(gov.at("/Resources/0/Partition").asText()).isEqualTo("aws-us-gov");
        assertThat(gov.get("ProductArn").asText()).startsWith("arn:aws-us-gov:securityhub:us-gov-west-1:");
        JsonNode cn = byResource(asff, "/Resources/0/Id", CN);
        assertThat(cn.at("/Resources/0/Partition").asText()).isEqualTo("aws-cn");
        assertThat(cn.get("ProductArn").asText()).startsWith("arn:aws-cn:securityhub:cn-north-1:");

        List<JsonNode> ocsf = list(Json.json().readTree(dir.resolve("ocsf.json").toFile()));
        assertThat(byResource(ocsf, "/resources/0/uid", GOV).at("/resources/0/cloud_partition").asText())
                .isEqualTo("aws-us-gov");
        assertThat(byResource(ocsf, "/resources/0/uid", CN).at("/resources/0/cloud_partition").asText())
                .isEqualTo("aws-cn");

        List<JsonNode> sarif = list(Json.json().readTree(dir.resolve("hipaa-audit.sarif").toFile())
                .at("/runs/0/results"));
        assertThat(sarif).extracting(r -> r.at("/properties/resource/arn").asText()).containsExactlyInAnyOrder(GOV, CN);
    }

    /** The bundled pack over two subnets with public IPs on launch that databases use: one failure each. */
    private static List<Finding> findings() {
        StringBuilder json = new StringBuilder("{\"vpcs\":[");
        String[][] places = {{"us-gov-west-1", "gov"}, {"cn-north-1", "cn"}};
        List<String> vpcs = new ArrayList<>();
        List<String> subnets = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String[] p : places) {
            vpcs.add("{\"account\":\"" + ACCOUNT + "\",\"region\":\"" + p[0] + "\",\"id\":\"vpc-" + p[1]
                    + "\",\"cidrBlocks\":[\"10.0.0.0/16\"]}");
            subnets.add("{\"account\":\"" + ACCOUNT + "\",\"region\":\"" + p[0] + "\",\"id\":\"subnet-" + p[1]
                    + "\",\"vpcId\":\"vpc-" + p[1] + "\",\"availabilityZone\":\"" + p[0] + "a\","
                    + "\"cidrBlock\":\"10.0.1.0/24\",\"mapPublicIpOnLaunch\":true}");
            groups.add("{\"account\":\"" + ACCOUNT + "\",\"region\":\"" + p[0] + "\",\"id\":\"db-" + p[1]
                    + "\",\"vpcId\":\"vpc-" + p[1] + "\",\"subnetIds\":[\"subnet-" + p[1] + "\"]}");
        }
        json.append(String.join(",", vpcs)).append("],\"subnets\":[").append(String.join(",", subnets))
                .append("],\"dbSubnetGroups\":[").append(String.join(",", groups)).append("]}");
        Inventory inv = InventoryJson.parse(json.toString(), "partitions");
        RulePack pack = RuleLoader.load(List.of());
        Rule rule = pack.rules().stream().filter(r -> r.id().equals("rds-db-subnet-no-public-ip-on-launch"))
                .findFirst().orElseThrow();
        return new Evaluator(inv, new Environments("prod", null)).evaluate(rule);
    }

    private static JsonNode byResource(List<JsonNode> nodes, String pointer, String arn) {
        return nodes.stream().filter(n -> n.at(pointer).asText().equals(arn)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + arn + " in " + nodes));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
