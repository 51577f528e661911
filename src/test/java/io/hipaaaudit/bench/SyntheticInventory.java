package io.hipaaaudit.bench;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated inventory of a given size with a realistic mix of compliant and drifted resources, for measuring
 * rule evaluation. Seeded, so every run evaluates the same data. Every fact the bundled rules read is there, as a
 * collected inventory has it: each region holds a small network ({@link SyntheticNetwork}: 40 subnets, 50 security
 * groups, route tables, ACLs, 10 DB subnet groups) that the databases sit in, keys have their DescribeKey facts
 * and databases their master-password facts. (Without them a rule reading such a fact is NOT_ASSESSED on every
 * resource through CEL's missing-key error, a path no collected inventory takes for most resources, and an
 * expensive one: the benchmark would time exceptions instead of verdicts.)
 */
public final class SyntheticInventory {
    private static final int SUBNET_GROUPS = 10;
    private static final int GROUPS = 50;

    private SyntheticInventory() {}

    public static Inventory of(int resources, long seed) {
        Random rnd = new Random(seed);
        String account = "111122223333";
        String[] regions = {"us-east-1", "us-west-2", "eu-west-1", "eu-central-1"};
        int keys = resources / 10;
        int instances = resources * 4 / 10;
        int snapshots = resources * 3 / 10;
        int vpcs = resources - keys - instances - snapshots;
        List<Object> kmsKeys = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            String region = regions[i % regions.length];
            kmsKeys.add(map("account", account, "region", region, "id", "k" + i,
                    "arn", "arn:aws:kms:" + region + ":" + account + ":key/k" + i,
                    "manager", i % 5 == 0 ? "AWS" : "CUSTOMER", "state", rnd.nextInt(50) == 0 ? "Disabled" : "Enabled",
                    "keySpec", i % 100 == 0 ? "RSA_2048" : "SYMMETRIC_DEFAULT",
                    "keyUsage", i % 100 == 0 ? "SIGN_VERIFY" : "ENCRYPT_DECRYPT", "origin", "AWS_KMS",
                    "multiRegion", false, "rotationEnabled", rnd.nextInt(4) != 0,
                    "policy", "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account
                            + ":root\"},\"Action\":\"kms:*\"}]}"));
        }
        List<Object> dbInstances = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            String region = regions[i % regions.length];
            int k = (i * 7) % Math.max(keys, 1);
            dbInstances.add(map("account", account, "region", region, "id", "db" + i, "engine", "postgres",
                    "engineVersion", rnd.nextBoolean() ? "16.4" : "13.15", "status", "available",
                    "multiAz", rnd.nextBoolean(), "publiclyAccessible", rnd.nextInt(20) == 0,
                    "storageEncrypted", rnd.nextInt(10) != 0,
                    "kmsKeyId", "arn:aws:kms:" + regions[k % regions.length] + ":" + account + ":key/k" + k,
                    "backupRetentionPeriod", rnd.nextInt(15), "latestRestorableTime", "2026-11-24T05:55:00Z",
                    "deletionProtection", rnd.nextBoolean(), "parameterGroupNames", List.of("default.postgres16"),
                    "enabledCloudwatchLogsExports", rnd.nextBoolean() ? List.of("postgresql") : List.of(),
                    "tags", Map.of("Environment", rnd.nextBoolean() ? "prod" : "dev"),
                    "endpoint", map("address", "db" + i + ".example", "port", 5432),
                    "dbSubnetGroupName", "dbsg-" + (i % SUBNET_GROUPS),
                    "vpcSecurityGroupIds", List.of("sg-" + rnd.nextInt(GROUPS), "sg-" + rnd.nextInt(GROUPS)),
                    "manageMasterUserPassword", rnd.nextInt(3) != 0));
        }
        List<Object> dbSnapshots = new ArrayList<>();
        for (int i = 0; i < snapshots; i++) {
            dbSnapshots.add(map("account", account, "region", regions[i % regions.length], "id", "snap" + i,
                    "kind", "instance", "snapshotType", rnd.nextBoolean() ? "manual" : "automated",
                    "sourceId", "db" + (i % Math.max(instances, 1)), "engine", "postgres",
                    "encrypted", rnd.nextInt(10) != 0,
                    "kmsKeyId", "arn:aws:kms:" + regions[i % regions.length] + ":" + account + ":key/k"
                            + (i * 4 + i % regions.length) % Math.max(keys, 1),
                    "restorableBy", rnd.nextInt(100) == 0 ? List.of("all") : List.of()));
        }
        List<Object> vpcList = new ArrayList<>();
        for (int i = 0; i < vpcs; i++) {
            vpcList.add(map("account", account, "region", regions[i % regions.length], "id", "vpc-" + i,
                    "cidrBlocks", List.of("10." + (i % 250) + ".0.0/16")));
        }
        List<Object> pgs = new ArrayList<>();
        for (String region : regions) {
            pgs.add(map("account", account, "region", region, "id", "default.postgres16", "kind", "instance",
                    "family", "postgres16", "parameters", Map.of("rds.force_ssl", Map.of("source", "engine-default"))));
        }
        Map<String, List<Object>> network = new LinkedHashMap<>();
        for (String region : regions) {
            // the same small VPC in every region (ids repeat across regions, as resources are per region)
            String json = InventoryJson.write(SyntheticNetwork.of(SUBNET_GROUPS * 4, GROUPS, seed))
                    .replace("\"" + SyntheticNetwork.R + "\"", "\"" + region + "\"")
                    .replace(":" + SyntheticNetwork.R + ":", ":" + region + ":")
                    .replace("\"vpc-1\"", "\"vpc-db\""); // vpc-1 is also one of the generated VPCs below
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = parseMap(json);
            for (String list : List.of("vpcs", "subnets", "routeTables", "networkAcls", "securityGroups",
                    "managedPrefixLists", "networkInterfaces", "dbSubnetGroups")) {
                if (parsed.get(list) instanceof List<?> items) {
                    network.computeIfAbsent(list, k -> new ArrayList<>()).addAll(items);
                }
            }
        }
        network.get("vpcs").addAll(vpcList);
        Map<String, Object> inv = map("finishedAt", "2026-11-24T06:00:00Z",
                "accounts", List.of(map("id", account, "regions", List.of(regions))),
                "kmsKeys", kmsKeys, "dbInstances", dbInstances, "dbSnapshots", dbSnapshots,
                "dbParameterGroups", pgs);
        inv.putAll(network);
        return InventoryJson.parse(io.hipaaaudit.json.Json.write(inv), "synthetic");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseMap(String json) {
        try {
            return io.hipaaaudit.json.Json.json().readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
