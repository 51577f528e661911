package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.listed;
import static io.hipaaaudit.inventory.ResourceTypes.FLOW_LOG;
import static io.hipaaaudit.inventory.ResourceTypes.MANAGED_PREFIX_LIST;
import static io.hipaaaudit.inventory.ResourceTypes.NETWORK_INTERFACE;
import static io.hipaaaudit.inventory.ResourceTypes.SECURITY_GROUP;

import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.ManagedPrefixList;
import io.hipaaaudit.inventory.aws.NetworkInterface;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Who may talk to what in one region: security groups (DescribeSecurityGroups only; its rules are flattened
 * here, so DescribeSecurityGroupRules would be a second call for nothing but rule ids), managed prefix lists,
 * flow logs and network interfaces. Prefix list entries are read for customer-owned lists and for lists a rule
 * or route references; an unreferenced AWS-managed list cannot affect reachability, so its entries stay unread.
 */
final class Ec2SecurityCollector {
    private final Ec2Client ec2;
    private final RegionScope scope;
    private final Ec2SecurityMapper map;

    Ec2SecurityCollector(Ec2Client ec2, RegionScope scope) {
        this.ec2 = ec2;
        this.scope = scope;
        this.map = new Ec2SecurityMapper(scope.account(), scope.region());
    }

    void collect(Optional<Set<String>> routePrefixLists) {
        var groups = scope.list("ec2:DescribeSecurityGroups", List.of(SECURITY_GROUP),
                () -> ec2.describeSecurityGroupsPaginator(r -> r.maxResults(1000)).stream()
                        .flatMap(p -> listed(p.hasSecurityGroups(), p.securityGroups(), "securityGroupInfo").stream())
                        .toList(),
                g -> g.groupId(), "groupId", map::securityGroup);
        groups.ifPresent(items -> scope.sink().addAll(SecurityGroup.class, items));
        Optional<Set<String>> referenced = groups.flatMap(g -> routePrefixLists.map(routes -> {
            Set<String> ids = new TreeSet<>(routes);
            g.forEach(sg -> java.util.stream.Stream.concat(sg.ingress().stream(), sg.egress().stream())
                    .forEach(rule -> rule.prefixListId().ifPresent(ids::add)));
            return ids;
        }));
        prefixLists(referenced);
        scope.list("ec2:DescribeFlowLogs", List.of(FLOW_LOG), () -> ec2.describeFlowLogsPaginator(r -> r.maxResults(1000))
                .stream().flatMap(p -> listed(p.hasFlowLogs(), p.flowLogs(), "flowLogSet").stream()).toList(), f -> f.flowLogId(), "flowLogId", map::flowLog)
                .ifPresent(items -> scope.sink().addAll(FlowLog.class, items));
        scope.list("ec2:DescribeNetworkInterfaces", List.of(NETWORK_INTERFACE),
                () -> ec2.describeNetworkInterfacesPaginator(r -> r.maxResults(1000)).stream()
                        .flatMap(p -> listed(p.hasNetworkInterfaces(), p.networkInterfaces(), "networkInterfaceSet")
                                .stream()).toList(),
                n -> n.networkInterfaceId(), "networkInterfaceId", map::networkInterface)
                .ifPresent(items -> scope.sink().addAll(NetworkInterface.class, items));
    }

    /** With the references unknown (a failed call), every list's entries are read: unknown must not mean empty. */
    private void prefixLists(Optional<Set<String>> referenced) {
        var lists = scope.list("ec2:DescribeManagedPrefixLists", List.of(MANAGED_PREFIX_LIST),
                () -> ec2.describeManagedPrefixListsPaginator(r -> r.maxResults(100)).stream()
                        .flatMap(p -> listed(p.hasPrefixLists(), p.prefixLists(), "prefixListSet").stream()).toList(),
                p -> p.prefixListId(), "prefixListId", p -> p);
        if (lists.isEmpty()) {
            return;
        }
        for (var list : lists.get()) {
            boolean needed = scope.account().equals(list.ownerId())
                    || referenced.map(ids -> ids.contains(list.prefixListId())).orElse(true);
            if (!needed) {
                scope.sink().addAll(ManagedPrefixList.class, List.of(map.prefixList(list, List.of())));
                continue;
            }
            // one list's entries: when they cannot be read, that list is unknown (no record), not the others
            String name = Tags.text(list.prefixListArn()).orElse(list.prefixListId());
            scope.callFor("ec2:GetManagedPrefixListEntries", MANAGED_PREFIX_LIST, name, List.of(),
                    () -> ec2.getManagedPrefixListEntriesPaginator(r -> r.prefixListId(list.prefixListId()).maxResults(100))
                            .stream().flatMap(p -> listed(p.hasEntries(), p.entries(), "entrySet").stream())
                            .map(e -> new ManagedPrefixList.Entry(e.cidr(), e.description())).toList())
                    .ifPresent(entries -> scope.sink().addAll(ManagedPrefixList.class,
                            List.of(map.prefixList(list, entries))));
        }
    }
}
