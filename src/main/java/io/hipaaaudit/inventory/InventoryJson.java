package io.hipaaaudit.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the inventory's JSON form. Bad input becomes an {@link InputException} naming file and line.
 *
 * <p>The writer puts every list in the form, an empty one as {@code []}: "observed, there are none". A list
 * <em>missing</em> from a snapshot (one written before that service was collected, or by another tool) was not
 * observed, so {@link #parse} records it as a listing error for its resource type (code {@value #NOT_IN_SNAPSHOT})
 * and the rules over that type are NOT_ASSESSED, never NOT_APPLICABLE. Two lists are exempt: {@code databases}
 * (PostgreSQL targets are named by the scan, and a snapshot's databases may be joined by live ones) and the
 * bookkeeping lists {@code collectionErrors} and {@code resourceChanges}.
 */
public final class InventoryJson {
    /** The code of the collection error for a resource list a snapshot does not carry. */
    public static final String NOT_IN_SNAPSHOT = "NotInSnapshot";

    /** Each resource list of the JSON form and the resource type it holds. */
    static final Map<String, String> LISTS = lists();

    /** Lists whose absence is not "unknown": see the class comment. */
    static final List<String> EXEMPT = List.of("databases", "collectionErrors", "resourceChanges");

    private InventoryJson() {}

    public static Inventory read(Path file) {
        return parse(InputFiles.readString(file, InputFiles.Kind.SNAPSHOT), file.toString());
    }

    public static Inventory parse(String text, String origin) {
        Inventory inventory;
        java.util.Set<String> present;
        try {
            present = topLevelKeys(text);
            if (present == null) {
                throw new InputException(origin + ":1: a snapshot is a JSON object (the inventory's JSON form)");
            }
            inventory = Json.json().readValue(text, Inventory.class);
        } catch (JsonProcessingException e) {
            throw InputException.of(origin, e, Json.json().getFactory(), text);
        }
        List<CollectionError> missing = new ArrayList<>();
        LISTS.forEach((key, type) -> {
            if (!present.contains(key)) {
                missing.add(new CollectionError("snapshot", Optional.empty(), Optional.empty(), Optional.empty(),
                        "snapshot:" + key, List.of(type), NOT_IN_SNAPSHOT, origin + " has no '" + key
                        + "' list (written before it was collected, or by another tool): " + type
                        + " was not observed"));
            }
        });
        return missing.isEmpty() ? inventory : inventory.withDatabases(List.of(), missing);
    }

    /**
     * The keys of the top-level object, read with the streaming parser (values are skipped, not built); null when
     * the document is not an object.
     */
    private static java.util.Set<String> topLevelKeys(String text) throws JsonProcessingException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (JsonParser p = Json.json().getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return keys;
    }

    public static String write(Inventory inventory) {
        return Json.write(inventory);
    }

    /** SHA-256 of the canonical JSON form: identifies exactly what was evaluated. */
    public static String sha256(Inventory inventory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(inventory).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> lists() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("accounts", ResourceTypes.ACCOUNT);
        m.put("vpcs", ResourceTypes.VPC);
        m.put("subnets", ResourceTypes.SUBNET);
        m.put("routeTables", ResourceTypes.ROUTE_TABLE);
        m.put("internetGateways", ResourceTypes.INTERNET_GATEWAY);
        m.put("natGateways", ResourceTypes.NAT_GATEWAY);
        m.put("networkAcls", ResourceTypes.NETWORK_ACL);
        m.put("securityGroups", ResourceTypes.SECURITY_GROUP);
        m.put("managedPrefixLists", ResourceTypes.MANAGED_PREFIX_LIST);
        m.put("flowLogs", ResourceTypes.FLOW_LOG);
        m.put("networkInterfaces", ResourceTypes.NETWORK_INTERFACE);
        m.put("vpcEndpoints", ResourceTypes.VPC_ENDPOINT);
        m.put("dbInstances", ResourceTypes.DB_INSTANCE);
        m.put("dbClusters", ResourceTypes.DB_CLUSTER);
        m.put("dbSnapshots", ResourceTypes.DB_SNAPSHOT);
        m.put("dbParameterGroups", ResourceTypes.DB_PARAMETER_GROUP);
        m.put("dbSubnetGroups", ResourceTypes.DB_SUBNET_GROUP);
        m.put("kmsKeys", ResourceTypes.KMS_KEY);
        m.put("trails", ResourceTypes.TRAIL);
        m.put("logGroups", ResourceTypes.LOG_GROUP);
        m.put("secrets", ResourceTypes.SECRET);
        m.put("lambdaFunctions", ResourceTypes.LAMBDA_FUNCTION);
        m.put("buckets", ResourceTypes.BUCKET);
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m));
    }
}
