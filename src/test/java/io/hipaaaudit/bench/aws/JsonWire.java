package io.hipaaaudit.bench.aws;

import static io.hipaaaudit.bench.aws.SyntheticAccount.ACCOUNT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.bench.aws.RegionModel.Alias;
import io.hipaaaudit.bench.aws.RegionModel.Key;
import io.hipaaaudit.bench.aws.RegionModel.Trail;
import java.util.List;

/** KMS and CloudTrail answers in JSON 1.1, field names as the services send them. */
final class JsonWire {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonWire() {}

    static String error(String type, String message) {
        return MAPPER.createObjectNode().put("__type", type).put("message", message).toString();
    }

    static String listKeys(List<Key> keys, String nextMarker) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("Keys");
        keys.forEach(k -> list.addObject().put("KeyArn", k.arn()).put("KeyId", k.id()));
        return truncated(out, nextMarker);
    }

    /** One page of DescribeLogGroups: name, ARN (with and without :*), key and retention, the next token. */
    static String describeLogGroups(String region, List<String[]> groups, String nextToken) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("logGroups");
        for (String[] g : groups) {
            String arn = "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:" + g[0];
            list.addObject().put("logGroupName", g[0]).put("creationTime", 1735689600000L).put("retentionInDays", 2192)
                    .put("arn", arn + ":*").put("logGroupArn", arn).put("kmsKeyId", g[1]).put("logGroupClass", "STANDARD");
        }
        if (nextToken != null) {
            out.put("nextToken", nextToken);
        }
        return out.toString();
    }

    static String listAliases(String region, List<Alias> aliases, String nextMarker) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("Aliases");
        for (Alias a : aliases) {
            ObjectNode item = list.addObject().put("AliasArn", "arn:aws:kms:" + region + ":" + ACCOUNT + ":" + a.name())
                    .put("AliasName", a.name());
            if (a.targetKeyId() != null) {
                item.put("TargetKeyId", a.targetKeyId()).put("CreationDate", 1.7681472E9);
            }
        }
        return truncated(out, nextMarker);
    }

    private static String truncated(ObjectNode out, String nextMarker) {
        if (nextMarker != null) {
            out.put("NextMarker", nextMarker);
        }
        return out.put("Truncated", nextMarker != null).toString();
    }

    static String describeKey(Key k) {
        ObjectNode meta = MAPPER.createObjectNode();
        boolean rsa = !k.rotatable();
        meta.put("AWSAccountId", ACCOUNT).put("Arn", k.arn()).put("CreationDate", 1.7681472E9)
                .put("CustomerMasterKeySpec", k.spec()).put("Description", k.customer() ? "application data" : "default key")
                .put("Enabled", true).put("KeyId", k.id()).put("KeyManager", k.manager()).put("KeySpec", k.spec())
                .put("KeyState", "Enabled").put("KeyUsage", rsa ? "SIGN_VERIFY" : "ENCRYPT_DECRYPT")
                .put("MultiRegion", false).put("Origin", "AWS_KMS");
        meta.putArray(rsa ? "SigningAlgorithms" : "EncryptionAlgorithms").add(rsa ? "RSASSA_PSS_SHA_256" : "SYMMETRIC_DEFAULT");
        ObjectNode out = MAPPER.createObjectNode();
        out.set("KeyMetadata", meta);
        return out.toString();
    }

    static String rotationStatus(Key k) {
        return MAPPER.createObjectNode().put("KeyId", k.arn()).put("KeyRotationEnabled", k.rotation())
                .put("RotationPeriodInDays", 365).toString();
    }

    static String keyPolicy() {
        String policy = "{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"key-default-1\",\n  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Enable IAM User Permissions\",\n    \"Effect\" : \"Allow\",\n    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + ACCOUNT + ":root\"\n    },\n    \"Action\" : \"kms:*\",\n"
                + "    \"Resource\" : \"*\"\n  } ]\n}";
        return MAPPER.createObjectNode().put("Policy", policy).put("PolicyName", "default").toString();
    }

    static String describeTrails(String region, List<Trail> trails) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("trailList");
        for (Trail t : trails) {
            list.addObject().put("Name", t.name()).put("S3BucketName", "audit-logs-" + ACCOUNT)
                    .put("IncludeGlobalServiceEvents", t.multiRegion()).put("IsMultiRegionTrail", t.multiRegion())
                    .put("HomeRegion", t.homeRegion()).put("TrailARN", t.arn()).put("LogFileValidationEnabled", true)
                    .put("KmsKeyId", "arn:aws:kms:" + t.homeRegion() + ":" + ACCOUNT + ":key/trail")
                    .put("HasCustomEventSelectors", false).put("HasInsightSelectors", false)
                    .put("IsOrganizationTrail", false);
        }
        return out.toString();
    }

    static String trailStatus() {
        return "{\"IsLogging\":true,\"LatestDeliveryTime\":1.7640432E9,\"StartLoggingTime\":1.7681472E9}";
    }

    static String eventSelectors(String arn) {
        ObjectNode out = MAPPER.createObjectNode().put("TrailARN", arn);
        out.putArray("EventSelectors").addObject().put("ReadWriteType", "All").put("IncludeManagementEvents", true)
                .putArray("DataResources");
        return out.toString();
    }

    /** One page of LookupEvents: each event with its resources and the record CloudTrail keeps, as a string. */
    static String lookupEvents(String region, List<History.Event> events, java.time.Instant anchor, String next) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("Events");
        for (History.Event e : events) {
            java.time.Instant when = History.at(anchor, e).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            ObjectNode record = MAPPER.createObjectNode();
            record.put("eventVersion", "1.09");
            record.putObject("userIdentity").put("type", "AssumedRole")
                    .put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/deploy/pipeline")
                    .putObject("sessionContext").putObject("sessionIssuer").put("userName", "deploy");
            record.put("eventTime", when.toString()).put("eventSource", e.source()).put("eventName", e.name())
                    .put("awsRegion", region).put("sourceIPAddress", "203.0.113.10").put("userAgent", "aws-cli/2.15.30")
                    .put("readOnly", false).put("eventID", e.id()).put("eventType", "AwsApiCall");
            ObjectNode event = list.addObject();
            event.put("EventId", e.id()).put("EventName", e.name()).put("ReadOnly", "false")
                    .put("EventTime", when.getEpochSecond()).put("EventSource", e.source()).put("Username", "pipeline");
            event.putArray("Resources").addObject().put("ResourceType", e.resourceType()).put("ResourceName", e.resource());
            event.put("CloudTrailEvent", record.toString());
        }
        if (next != null) {
            out.put("NextToken", next);
        }
        return out.toString();
    }
}
