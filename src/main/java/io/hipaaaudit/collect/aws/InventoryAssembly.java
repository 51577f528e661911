package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.Bucket;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.inventory.aws.DbSnapshot;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.InternetGateway;
import io.hipaaaudit.inventory.aws.KmsKey;
import io.hipaaaudit.inventory.aws.LambdaFunction;
import io.hipaaaudit.inventory.aws.LogGroup;
import io.hipaaaudit.inventory.aws.ManagedPrefixList;
import io.hipaaaudit.inventory.aws.NatGateway;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.NetworkInterface;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.Secret;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Trail;
import io.hipaaaudit.inventory.aws.Vpc;
import io.hipaaaudit.inventory.aws.VpcEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds the immutable inventory from what the collectors put in the sink. */
final class InventoryAssembly {
    private InventoryAssembly() {}

    static Inventory of(InventorySink sink, List<Account> accounts, Instant startedAt, Instant finishedAt) {
        return new Inventory(null, Optional.of(startedAt), Optional.of(finishedAt), accounts,
                sink.get(Vpc.class), sink.get(Subnet.class), sink.get(RouteTable.class),
                sink.get(InternetGateway.class), sink.get(NatGateway.class), sink.get(NetworkAcl.class),
                sink.get(SecurityGroup.class), sink.get(ManagedPrefixList.class), sink.get(FlowLog.class),
                sink.get(NetworkInterface.class), sink.get(VpcEndpoint.class), sink.get(DbInstance.class), sink.get(DbCluster.class),
                sink.get(DbSnapshot.class), sink.get(DbParameterGroup.class), sink.get(DbSubnetGroup.class),
                sink.get(KmsKey.class), sink.get(Trail.class), sink.get(LogGroup.class), sink.get(Secret.class),
                sink.get(LambdaFunction.class),
                sink.get(Bucket.class),
                List.of(), sink.errors(), List.of());
    }
}
