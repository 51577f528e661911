package io.hipaaaudit.bench.aws;

import io.hipaaaudit.bench.aws.RegionModel.Key;
import io.hipaaaudit.bench.aws.RegionModel.Trail;
import io.hipaaaudit.bench.aws.WireRequest.Answer;
import java.util.Optional;

/** Answers the KMS, CloudTrail and CloudWatch Logs actions the collector calls (JSON 1.1). */
final class JsonApi {
    private final SyntheticAccount account;
    private final int cap;
    private final History history;
    private final java.time.Instant anchor;

    JsonApi(SyntheticAccount account, int cap, History history, java.time.Instant anchor) {
        this.account = account;
        this.cap = cap;
        this.history = history;
        this.anchor = anchor;
    }

    Answer answer(WireRequest q) {
        RegionModel m = account.region(q.region());
        String r = q.region();
        return switch (q.action()) {
            case "ListKeys" -> {
                Paging.Page<Key> page = Paging.page("ListKeys", m.keys(), q.param("Limit"), q.param("Marker"), cap);
                yield Answer.json(JsonWire.listKeys(page.items(), page.next()));
            }
            case "ListAliases" -> {
                var page = Paging.page("ListAliases", m.aliases(), q.param("Limit"), q.param("Marker"), cap);
                yield Answer.json(JsonWire.listAliases(r, page.items(), page.next()));
            }
            // the synthetic account keeps no secrets: its regions answer with an empty list
            case "ListSecrets" -> Answer.json("{\"SecretList\":[]}");
            // nor Lambda functions (REST-JSON: its parameters come from the query, see SyntheticAwsEndpoint)
            case "ListFunctions" -> {
                Paging.page("ListFunctions", java.util.List.of(), q.param("MaxItems"), q.param("Marker"), cap);
                yield new Answer(200, "application/json", "{\"Functions\":[]}");
            }
            case "DescribeKey" -> key(m, q).map(k -> Answer.json(JsonWire.describeKey(k))).orElseGet(JsonApi::noKey);
            case "GetKeyRotationStatus" -> key(m, q).map(k -> Answer.json(JsonWire.rotationStatus(k))).orElseGet(JsonApi::noKey);
            case "GetKeyPolicy" -> key(m, q).map(k -> Answer.json(JsonWire.keyPolicy())).orElseGet(JsonApi::noKey);
            case "DescribeTrails" -> Answer.json(JsonWire.describeTrails(r, m.trails().stream()
                    .filter(t -> !"false".equals(q.param("includeShadowTrails")) || t.homeRegion().equals(r)).toList()));
            case "GetTrailStatus" -> trail(m, q.param("Name")).map(t -> Answer.json(JsonWire.trailStatus()))
                    .orElseGet(JsonApi::noTrail);
            case "GetEventSelectors" -> trail(m, q.param("TrailName")).map(t -> Answer.json(JsonWire.eventSelectors(t.arn())))
                    .orElseGet(JsonApi::noTrail);
            case "LookupEvents" -> lookupEvents(q);
            case "DescribeLogGroups" -> {
                var page = Paging.page("DescribeLogGroups", logGroups(m, q.param("logGroupNamePrefix")),
                        q.param("limit"), q.param("nextToken"), cap);
                yield Answer.json(JsonWire.describeLogGroups(r, page.items(), page.next()));
            }
            default -> error("UnknownOperationException", "Unknown operation " + q.action());
        };
    }

    /**
     * LookupEvents over the region's write history: one lookup attribute at most ({@code ReadOnly} or
     * {@code ResourceName}; the others are not modelled), the events between {@code StartTime} and {@code EndTime}
     * (epoch seconds, both inclusive), newest first, pages of {@code MaxResults} (1–50).
     */
    private Answer lookupEvents(WireRequest q) {
        var attributes = q.json().path("LookupAttributes");
        if (attributes.size() > 1) {
            return error("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.");
        }
        String key = attributes.path(0).path("AttributeKey").asText("");
        String value = attributes.path(0).path("AttributeValue").asText("");
        java.time.Instant from = seconds(q.json().path("StartTime"), java.time.Instant.MIN);
        java.time.Instant to = seconds(q.json().path("EndTime"), java.time.Instant.MAX);
        java.util.List<History.Event> matching = history.events(q.region()).stream()
                .filter(e -> switch (key) {
                    case "" -> true;
                    case "ReadOnly" -> value.equals("false");
                    case "ResourceName" -> e.resource().equals(value);
                    default -> throw new Paging.BadRequest("lookup attribute " + key + " is not modelled");
                })
                .filter(e -> {
                    java.time.Instant when = History.at(anchor, e).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                    return !when.isBefore(from) && !when.isAfter(to);
                })
                .toList();
        var page = Paging.page("LookupEvents", matching, q.param("MaxResults"), q.param("NextToken"), cap);
        return Answer.json(JsonWire.lookupEvents(q.region(), page.items(), anchor, page.next()));
    }

    private static java.time.Instant seconds(com.fasterxml.jackson.databind.JsonNode v, java.time.Instant absent) {
        return v.isNumber() ? java.time.Instant.ofEpochMilli(Math.round(v.asDouble() * 1000)) : absent;
    }

    /**
     * The postgresql log group of every database (a cluster's members export to the cluster's group), sorted by
     * name as the service answers, each encrypted with its database's key: {name, key ARN}.
     */
    static java.util.List<String[]> logGroups(RegionModel m, String prefix) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        m.dbInstances().stream().filter(i -> i.clusterId() == null)
                .forEach(i -> out.add(new String[] {"/aws/rds/instance/" + i.id() + "/postgresql", i.kmsKeyArn()}));
        m.dbClusters().forEach(c -> out.add(new String[] {"/aws/rds/cluster/" + c.id() + "/postgresql", c.kmsKeyArn()}));
        out.removeIf(g -> prefix != null && !g[0].startsWith(prefix));
        out.sort(java.util.Comparator.comparing(g -> g[0]));
        return out;
    }

    private static Optional<Key> key(RegionModel m, WireRequest q) {
        String ref = q.param("KeyId");
        return m.keys().stream().filter(k -> k.id().equals(ref) || k.arn().equals(ref)).findFirst();
    }

    private static Optional<Trail> trail(RegionModel m, String ref) {
        return m.trails().stream().filter(t -> t.arn().equals(ref) || t.name().equals(ref)).findFirst();
    }

    private static Answer noKey() {
        return error("NotFoundException", "Key does not exist");
    }

    private static Answer noTrail() {
        return error("TrailNotFoundException", "Unknown trail");
    }

    static Answer error(String type, String message) {
        return new Answer(400, "application/x-amz-json-1.1", JsonWire.error(type, message));
    }
}
