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
 * rule evaluation. Seeded, so every run evaluates the same data.
 */
public final class SyntheticInventory {
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
                    "rotationEnabled", rnd.nextInt(4) != 0,
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
                    "tags", Map.of("Environment", rnd.nextBoolean() ? "prod" : "dev")));
        }
        List<Object> dbSnapshots = new ArrayList<>();
        for (int i = 0; i < snapshots; i++) {
            dbSnapshots.add(map("account", account, "region", regions[i % regions.length], "id", "snap" + i,
                    "kind", "instance", "snapshotType", rnd.nextBoolean() ? "manual" : "automated",
                    "sourceId", "db" + (i % Math.max(instances, 1)), "engine", "postgres",
                    "encrypted", rnd.nextInt(10) != 0, "restorableBy", rnd.nextInt(100) == 0 ? List.of("all") : List.of()));
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
        Map<String, Object> inv = map("finishedAt", "2026-11-24T06:00:00Z",
                "accounts", List.of(map("id", account, "regions", List.of(regions))),
                "kmsKeys", kmsKeys, "dbInstances", dbInstances, "dbSnapshots", dbSnapshots, "vpcs", vpcList,
                "dbParameterGroups", pgs);
        return InventoryJson.parse(io.hipaaaudit.json.Json.write(inv), "synthetic");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
