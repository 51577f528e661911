package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.Endpoint;
import java.util.List;
import java.util.Optional;

/**
 * What the analysis needs from a DB instance or cluster: where it lives, its port (from its endpoint, never
 * assumed), whether it has a public IPv4 address, whether it is dual-stack ({@code networkType}), its subnet group
 * and security groups (absent when not observed).
 */
public record DbTarget(String account, String region, String id, Optional<Integer> port,
                       Optional<Boolean> publiclyAccessible, Optional<String> networkType, Optional<String> subnetGroup,
                       Optional<List<String>> groupIds) {

    public static DbTarget of(DbInstance d) {
        return new DbTarget(d.account(), d.region(), d.id(), d.endpoint().map(Endpoint::port), d.publiclyAccessible(),
                d.networkType(), d.dbSubnetGroupName(), d.vpcSecurityGroupIds());
    }

    /**
     * An Aurora cluster has no PubliclyAccessible of its own: its instances do, and the cluster endpoint
     * can land on any of them, so it is public when any member is, and unknown when a member was not observed.
     */
    public static DbTarget of(DbCluster c, List<DbInstance> instances) {
        Optional<Boolean> open = c.publiclyAccessible();
        if (open.isEmpty() && !c.members().isEmpty()) {
            boolean any = false;
            boolean allKnown = true;
            for (DbCluster.Member m : c.members()) {
                Optional<Boolean> flag = instances.stream()
                        .filter(i -> i.id().equals(m.instanceId()) && i.account().equals(c.account())
                                && i.region().equals(c.region()))
                        .findFirst().flatMap(DbInstance::publiclyAccessible);
                allKnown &= flag.isPresent();
                any |= flag.orElse(false);
            }
            open = any ? Optional.of(true) : allKnown ? Optional.of(false) : Optional.empty();
        }
        return new DbTarget(c.account(), c.region(), c.id(), c.endpoint().map(Endpoint::port), open,
                c.networkType(), c.dbSubnetGroupName(), c.vpcSecurityGroupIds());
    }
}
