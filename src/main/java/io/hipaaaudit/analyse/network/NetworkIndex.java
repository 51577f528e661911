package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.AwsResource;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.ManagedPrefixList;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.NetworkInterface;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Vpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network resources of one inventory, by account, region and id, built once. Lookups return empty for
 * anything not observed; callers turn that into "unknown", never into "absent, so safe".
 */
public final class NetworkIndex {
    private final Inventory inv;
    private final Map<String, Subnet> subnets = new HashMap<>();
    private final Map<String, Vpc> vpcs = new HashMap<>();
    private final Map<String, RouteTable> explicitTables = new HashMap<>();
    private final Map<String, RouteTable> mainTables = new HashMap<>();
    private final Map<String, NetworkAcl> acls = new HashMap<>();
    private final Map<String, SecurityGroup> groups = new HashMap<>();
    private final Map<String, ManagedPrefixList> prefixLists = new HashMap<>();
    private final Map<String, DbSubnetGroup> subnetGroups = new HashMap<>();
    private final Map<String, List<NetworkInterface>> members = new HashMap<>();

    public NetworkIndex(Inventory inv) {
        this.inv = inv;
        inv.subnets().forEach(s -> subnets.put(key(s), s));
        inv.vpcs().forEach(v -> vpcs.put(key(v), v));
        for (RouteTable t : inv.routeTables()) {
            for (RouteTable.Association a : t.associations()) {
                a.subnetId().ifPresent(id -> explicitTables.put(key(t.account(), t.region(), id), t));
                if (a.main()) {
                    mainTables.put(key(t.account(), t.region(), t.vpcId()), t);
                }
            }
        }
        inv.networkAcls().forEach(a -> a.subnetIds().forEach(id -> acls.put(key(a.account(), a.region(), id), a)));
        inv.securityGroups().forEach(g -> groups.put(key(g), g));
        inv.managedPrefixLists().forEach(p -> prefixLists.put(key(p), p));
        inv.dbSubnetGroups().forEach(g -> subnetGroups.put(key(g), g));
        for (NetworkInterface n : inv.networkInterfaces()) {
            n.securityGroupIds().forEach(g -> members.computeIfAbsent(key(n.account(), n.region(), g),
                    k -> new ArrayList<>()).add(n));
        }
    }

    static String key(String account, String region, String id) {
        return account + '|' + region + '|' + id;
    }

    private static String key(AwsResource r) {
        return key(r.account(), r.region(), r.id());
    }

    public Optional<Subnet> subnet(String account, String region, String id) {
        return Optional.ofNullable(subnets.get(key(account, region, id)));
    }

    public Optional<Vpc> vpc(String account, String region, String id) {
        return Optional.ofNullable(vpcs.get(key(account, region, id)));
    }

    /** The explicitly associated table, else the VPC's main table. */
    public Optional<RouteTable> routeTable(Subnet s) {
        RouteTable explicit = explicitTables.get(key(s));
        return explicit != null ? Optional.of(explicit)
                : Optional.ofNullable(mainTables.get(key(s.account(), s.region(), s.vpcId())));
    }

    public Optional<NetworkAcl> acl(Subnet s) {
        return Optional.ofNullable(acls.get(key(s)));
    }

    public Optional<SecurityGroup> group(String account, String region, String id) {
        return Optional.ofNullable(groups.get(key(account, region, id)));
    }

    public Optional<ManagedPrefixList> prefixList(String account, String region, String id) {
        return Optional.ofNullable(prefixLists.get(key(account, region, id)));
    }

    public Optional<DbSubnetGroup> subnetGroup(String account, String region, String name) {
        return Optional.ofNullable(subnetGroups.get(key(account, region, name)));
    }

    /** The interfaces that carry a security group: who "members of sg-x" are, as far as was observed. */
    public List<NetworkInterface> members(String account, String region, String groupId) {
        return members.getOrDefault(key(account, region, groupId), List.of());
    }

    /** True when a collection error leaves resources of {@code type} unknown in this account and region. */
    public boolean unknown(String type, String account, String region) {
        return inv.collectionErrors().stream().anyMatch(e -> e.covers(type, account, region, null));
    }
}
