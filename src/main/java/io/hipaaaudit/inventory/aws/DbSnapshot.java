package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DB instance snapshot ({@code kind = instance}) or DB cluster snapshot ({@code kind = cluster}).
 * {@code snapshotType} is manual, automated, shared, public or awsbackup. {@code restorableBy} holds the values
 * of the {@code restore} attribute ({@code all} = public); it is absent when the attribute was not read.
 * {@code snapshotType} and {@code engine} are absent when the answer did not give them.
 */
public record DbSnapshot(String account, String region, String id, String arn, String kind,
                         Optional<String> snapshotType, String sourceId, Optional<String> engine, Optional<Boolean> encrypted, Optional<String> kmsKeyId,
                         Optional<Instant> createdAt, Optional<List<String>> restorableBy,
                         Map<String, String> tags) implements AwsResource {
    public DbSnapshot {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        kind = kind == null ? "instance" : kind;
        arn = arn == null ? Arns.of("rds", region, account, (kind.equals("cluster") ? "cluster-snapshot:" : "snapshot:") + id) : arn;
        snapshotType = Nulls.opt(snapshotType);
        sourceId = Nulls.str(sourceId);
        engine = Nulls.opt(engine);
        encrypted = Nulls.opt(encrypted);
        kmsKeyId = Nulls.opt(kmsKeyId);
        createdAt = Nulls.opt(createdAt);
        restorableBy = Nulls.opt(restorableBy).map(List::copyOf);
        tags = Nulls.sorted(tags);
    }
}
