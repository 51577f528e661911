package io.hipaaaudit.analyse.network;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network facts about one database. Each part is empty when something it depends on was not observed, so a
 * rule reading it cannot pass on missing data.
 *
 * @param subnetTiers     DB subnet id to tier
 * @param ingress         what the security groups admit on the port
 * @param paths           complete paths to the port, most exposed first
 * @param aclOpenToPublic ACL entries of the DB subnets that let some public address in on the port
 */
public record DbNetwork(Optional<Integer> port, Optional<String> vpcId, Optional<List<String>> subnetIds,
                        Optional<Map<String, String>> subnetTiers, Optional<List<Ingress>> ingress,
                        Optional<List<Path>> paths, Optional<List<String>> aclOpenToPublic) {

    public DbNetwork {
        paths = paths.map(p -> p.stream().sorted(Comparator.comparing((Path x) -> x.exposure()).reversed()).toList());
    }

    public static DbNetwork unknown() {
        return new DbNetwork(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public Optional<Exposure> exposure() {
        return paths.map(p -> p.isEmpty() ? Exposure.NONE : p.get(0).exposure());
    }
}
