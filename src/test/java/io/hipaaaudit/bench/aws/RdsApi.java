package io.hipaaaudit.bench.aws;

import io.hipaaaudit.bench.aws.RegionModel.Snapshot;
import io.hipaaaudit.bench.aws.RegionModel.SubnetGroup;
import io.hipaaaudit.bench.aws.WireRequest.Answer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Answers the RDS actions the collector calls (and STS GetCallerIdentity, the same protocol). */
final class RdsApi {
    private final SyntheticAccount account;
    private final int cap;

    RdsApi(SyntheticAccount account, int cap) {
        this.account = account;
        this.cap = cap;
    }

    Answer answer(WireRequest q) {
        RegionModel m = account.region(q.region());
        String r = q.region();
        Map<String, SubnetGroup> groups = m.subnetGroups().stream()
                .collect(Collectors.toMap(SubnetGroup::name, Function.identity()));
        return switch (q.action()) {
            case "DescribeDBInstances" -> paged(q, m.dbInstances(), i -> RdsWire.instance(r, i, groups.get(i.subnetGroup())),
                    "DBInstances");
            case "DescribeDBClusters" -> paged(q, m.dbClusters(), c -> RdsWire.cluster(r, c), "DBClusters");
            case "DescribeDBSubnetGroups" -> paged(q, m.subnetGroups(), g -> RdsWire.subnetGroup(r, g), "DBSubnetGroups");
            case "DescribeDBSnapshots" -> paged(q, m.snapshots(), s -> RdsWire.snapshot(r, s), "DBSnapshots");
            case "DescribeDBClusterSnapshots" -> paged(q, m.clusterSnapshots(), s -> RdsWire.clusterSnapshot(r, s),
                    "DBClusterSnapshots");
            case "DescribeDBSnapshotAttributes" -> find(m.snapshots(), q.param("DBSnapshotIdentifier"))
                    .map(s -> Answer.xml(RdsWire.snapshotAttributes("DB", s)))
                    .orElseGet(() -> error(404, "DBSnapshotNotFound", "DBSnapshot not found"));
            case "DescribeDBClusterSnapshotAttributes" -> find(m.clusterSnapshots(), q.param("DBClusterSnapshotIdentifier"))
                    .map(s -> Answer.xml(RdsWire.snapshotAttributes("DBCluster", s)))
                    .orElseGet(() -> error(404, "DBClusterSnapshotNotFoundFault", "DBClusterSnapshot not found"));
            case "DescribeDBParameters" -> parameters(q, m.instanceParameterGroups(), q.param("DBParameterGroupName"));
            case "DescribeDBClusterParameters" -> parameters(q, m.clusterParameterGroups(),
                    q.param("DBClusterParameterGroupName"));
            case "GetCallerIdentity" -> Answer.xml("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
                    + "2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::" + SyntheticAccount.ACCOUNT
                    + ":user/auditor</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Account>" + SyntheticAccount.ACCOUNT
                    + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>" + java.util.UUID.randomUUID()
                    + "</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
            default -> error(400, "InvalidAction", "Could not find operation " + q.action());
        };
    }

    /** One group's parameters, narrowed by a {@code parameter-name} filter when the request has one. */
    private Answer parameters(WireRequest q, List<String> known, String group) {
        if (group == null || !known.contains(group)) {
            return error(404, "DBParameterGroupNotFound", "DBParameterGroup not found: " + group);
        }
        List<String> wanted = q.values("Filters\\.[A-Za-z]+\\.\\d+\\.Values\\.[A-Za-z]+\\.\\d+");
        List<String> names = RdsWire.PARAMETERS.keySet().stream().sorted()
                .filter(n -> wanted.isEmpty() || wanted.contains(n)).toList();
        return paged(q, names, n -> RdsWire.parameter(n, RdsWire.PARAMETERS.get(n)), "Parameters");
    }

    private static Optional<Snapshot> find(List<Snapshot> snapshots, String id) {
        return snapshots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private <T> Answer paged(WireRequest q, List<T> all, Function<T, String> render, String list) {
        Paging.Page<T> page = Paging.page(q.action(), all, q.param("MaxRecords"), q.param("Marker"), cap);
        return Answer.xml(RdsWire.page(q.action(), list, page.items().stream().map(render).toList(), page.next()));
    }

    static Answer error(int status, String code, String message) {
        return new Answer(status, "text/xml", RdsWire.error(code, message));
    }
}
