package io.hipaaaudit.analyse.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code resource.network} on a DB instance or cluster:
 * <ul>
 * <li>{@code port}, {@code vpcId}, {@code subnetIds}: where it listens;</li>
 * <li>{@code subnetTiers}: DB subnet id to ISOLATED / GATEWAY_ENDPOINT / CONNECTED / PRIVATE_EGRESS / PUBLIC;</li>
 * <li>{@code ingress}: each source the security groups admit on the port ({@code kind} cidr, prefix-list or
 *     group; {@code source}, {@code v6}, {@code prefixLength}, {@code insideVpc}, {@code crossVpc},
 *     {@code public}, {@code rule}, {@code text}, and for a group source {@code functions}: the Lambda functions
 *     that use that group); {@code publicIngress}: the text of those with a public source;</li>
 * <li>{@code exposure}: NONE / RESTRICTED_TO_GROUPS / VPC_WIDE / PEERED_OR_ONPREM / INTERNET;
 *     {@code paths}: the complete paths, most exposed first (at most {@value #MAX_PATHS}, {@code pathCount} all);
 *     {@code sources}: the distinct sources of those paths;</li>
 * <li>{@code aclOpenToPublic}: ACL entries of the DB subnets that admit a public address on the port.</li>
 * </ul>
 */
final class DbNetworkFacts {
    static final int MAX_PATHS = 25;

    private DbNetworkFacts() {}

    static Map<String, Object> of(DbNetwork n) {
        return of(n, g -> List.of());
    }

    /** With, on each group source, the Lambda functions that use the group ({@code functionsOf} a group id). */
    static Map<String, Object> of(DbNetwork n, java.util.function.Function<String, List<String>> functionsOf) {
        Map<String, Object> f = new LinkedHashMap<>();
        n.port().ifPresent(p -> f.put("port", (long) p));
        n.vpcId().ifPresent(v -> f.put("vpcId", v));
        n.subnetIds().ifPresent(s -> f.put("subnetIds", s));
        n.subnetTiers().ifPresent(t -> f.put("subnetTiers", new LinkedHashMap<String, Object>(t)));
        n.ingress().ifPresent(in -> {
            f.put("ingress", in.stream().map(i -> ingress(i, functionsOf)).toList());
            f.put("publicIngress", in.stream().filter(Ingress::isPublic).map(Ingress::text).distinct().toList());
        });
        n.paths().ifPresent(p -> {
            f.put("exposure", n.exposure().orElseThrow().name());
            f.put("pathCount", (long) p.size());
            f.put("paths", p.stream().limit(MAX_PATHS).map(Path::facts).toList());
            f.put("sources", p.stream().map(Path::source).distinct().sorted().toList());
        });
        n.aclOpenToPublic().ifPresent(a -> f.put("aclOpenToPublic", a));
        return f;
    }

    private static Map<String, Object> ingress(Ingress in, java.util.function.Function<String, List<String>> functionsOf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", in.kind());
        m.put("securityGroup", in.securityGroup().id());
        m.put("rule", in.ruleLabel());
        m.put("source", in.source());
        in.cidr().ifPresent(c -> {
            m.put("v6", c.v6());
            m.put("prefixLength", (long) c.prefix());
        });
        in.group().ifPresent(g -> m.put("group", g.groupId()));
        in.group().ifPresent(g -> m.put("functions", functionsOf.apply(g.groupId())));
        m.put("insideVpc", in.insideVpc());
        m.put("crossVpc", in.crossVpc());
        m.put("public", in.isPublic());
        m.put("text", in.text());
        return m;
    }

}
