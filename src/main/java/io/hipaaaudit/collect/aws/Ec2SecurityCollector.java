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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
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
    private volatile Optional<Set<String>> groupPrefixLists = Optional.empty();
    private volatile Optional<List<software.amazon.awssdk.services.ec2.model.ManagedPrefixList>> prefixLists =
            Optional.empty();

    Ec2SecurityCollector(Ec2Client ec2, RegionScope scope) {
        this.ec2 = ec2;
        this.scope = scope;
        this.map = new Ec2SecurityMapper(scope.account(), scope.region());
    }

    /**
     * The region's listings, independent of each other: run them in any order or at once, then
     * {@link #prefixListEntries} with the prefix lists the routes reference.
     */
    List<Runnable> listings() {
        return List.of(
                () -> {
                    var groups = scope.list("ec2:DescribeSecurityGroups", List.of(SECURITY_GROUP),
                            () -> ec2.describeSecurityGroupsPaginator(r -> r.maxResults(1000)).stream()
                                    .flatMap(p -> listed(p.hasSecurityGroups(), p.securityGroups(),
                                            "securityGroupInfo").stream()).toList(),
                            g -> g.groupId(), "groupId", map::securityGroup);
                    groups.ifPresent(items -> scope.sink().addAll(SecurityGroup.class, items));
                    groupPrefixLists = groups.map(items -> {
                        Set<String> ids = new TreeSet<>();
                        items.forEach(sg -> java.util.stream.Stream.concat(sg.ingress().stream(), sg.egress().stream())
                                .forEach(rule -> rule.prefixListId().ifPresent(ids::add)));
                        return ids;
                    });
                },
                () -> prefixLists = scope.list("ec2:DescribeManagedPrefixLists", List.of(MANAGED_PREFIX_LIST),
                        () -> ec2.describeManagedPrefixListsPaginator(r -> r.maxResults(100)).stream()
                                .flatMap(p -> listed(p.hasPrefixLists(), p.prefixLists(), "prefixListSet").stream())
                                .toList(),
                        p -> p.prefixListId(), "prefixListId", p -> p),
                () -> scope.list("ec2:DescribeFlowLogs", List.of(FLOW_LOG),
                        () -> ec2.describeFlowLogsPaginator(r -> r.maxResults(1000)).stream()
                                .flatMap(p -> listed(p.hasFlowLogs(), p.flowLogs(), "flowLogSet").stream()).toList(),
                        f -> f.flowLogId(), "flowLogId", map::flowLog)
                        .ifPresent(items -> scope.sink().addAll(FlowLog.class, items)),
                () -> scope.list("ec2:DescribeNetworkInterfaces", List.of(NETWORK_INTERFACE),
                        () -> ec2.describeNetworkInterfacesPaginator(r -> r.maxResults(1000)).stream()
                                .flatMap(p -> listed(p.hasNetworkInterfaces(), p.networkInterfaces(),
                                        "networkInterfaceSet").stream()).toList(),
                        n -> n.networkInterfaceId(), "networkInterfaceId", map::networkInterface)
                        .ifPresent(items -> scope.sink().addAll(NetworkInterface.class, items)));
    }

    /**
     * After {@link #listings}: the prefix lists with their entries, each list's read apart (a few at a time on
     * {@code pool}). Entries are read for customer-owned lists and for lists a rule or route references; with the
     * references unknown (a failed listing), every list's entries are read: unknown must not mean empty.
     */
    void prefixListEntries(Optional<Set<String>> routePrefixLists, Executor pool, int helpers) {
        if (prefixLists.isEmpty()) {
            return;
        }
        Optional<Set<String>> referenced = groupPrefixLists.flatMap(groups -> routePrefixLists.map(routes -> {
            Set<String> ids = new TreeSet<>(routes);
            ids.addAll(groups);
            return ids;
        }));
        List<Runnable> reads = new ArrayList<>();
        for (var list : prefixLists.get()) {
            boolean needed = scope.account().equals(list.ownerId())
                    || referenced.map(ids -> ids.contains(list.prefixListId())).orElse(true);
            if (!needed) {
                scope.sink().addAll(ManagedPrefixList.class, List.of(map.prefixList(list, List.of())));
                continue;
            }
            // one list's entries: when they cannot be read, that list is unknown (no record), not the others
            String name = Tags.text(list.prefixListArn()).orElse(list.prefixListId());
            reads.add(() -> scope.callFor("ec2:GetManagedPrefixListEntries", MANAGED_PREFIX_LIST, name, List.of(),
                    () -> ec2.getManagedPrefixListEntriesPaginator(r -> r.prefixListId(list.prefixListId()).maxResults(100))
                            .stream().flatMap(p -> listed(p.hasEntries(), p.entries(), "entrySet").stream())
                            .map(e -> new ManagedPrefixList.Entry(e.cidr(), e.description())).toList())
                    .ifPresent(entries -> scope.sink().addAll(ManagedPrefixList.class,
                            List.of(map.prefixList(list, entries)))));
        }
        Fanout.run(reads, pool, helpers);
    }
}
