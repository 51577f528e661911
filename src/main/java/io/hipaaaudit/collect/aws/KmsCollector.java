package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.inventory.ResourceTypes.KMS_KEY;

import io.hipaaaudit.inventory.aws.KmsKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * KMS keys of one region: every customer-managed key plus the keys RDS resources reference. AWS-managed keys are
 * recognised by their {@code alias/aws/...} alias and described only when referenced (the rules need to know an
 * RDS resource uses one); their rotation is fixed by AWS and their policy is not ours to change, so they get no
 * rotation or policy call. Rotation is read for symmetric AWS_KMS keys only (the others cannot rotate); a
 * policy only for keys of this account (GetKeyPolicy does not work across accounts).
 */
final class KmsCollector {
    /** Keys read at once per region: at 30 ms per request, 3 keep 100 requests/s possible, over the client's rate. */
    static final int KEYS_IN_FLIGHT = 3;

    private final KmsClient kms;
    private final RegionScope scope;
    private final Executor pool;

    KmsCollector(KmsClient kms, RegionScope scope, Executor pool) {
        this.kms = kms;
        this.scope = scope;
        this.pool = pool;
    }

    void collect(Set<String> referencedKeyArns) {
        Map<String, List<String>> aliases = new TreeMap<>();
        scope.call("kms:ListAliases", List.of(KMS_KEY), () -> kms.listAliasesPaginator(r -> r.limit(100)).aliases()
                .stream().filter(a -> a.targetKeyId() != null).toList())
                .ifPresent(list -> list.forEach(a ->
                        aliases.computeIfAbsent(a.targetKeyId(), k -> new ArrayList<>()).add(a.aliasName())));
        // key id -> the identifier DescribeKey is called with (the ARN for referenced keys of other accounts)
        Map<String, String> toDescribe = new LinkedHashMap<>();
        scope.call("kms:ListKeys", List.of(KMS_KEY), () -> kms.listKeysPaginator(r -> r.limit(1000)).keys().stream().toList())
                .ifPresent(keys -> keys.forEach(k -> {
                    boolean awsManaged = aliases.getOrDefault(k.keyId(), List.of()).stream()
                            .anyMatch(a -> a.startsWith("alias/aws/"));
                    if (!awsManaged || referencedKeyArns.contains(k.keyArn())) {
                        toDescribe.put(k.keyId(), k.keyId());
                    }
                }));
        for (String arn : referencedKeyArns) {
            toDescribe.putIfAbsent(arn.substring(arn.lastIndexOf('/') + 1), arn);
        }
        // One to three calls per key, independent of every other key: a few keys at a time, so the region's
        // requests are held back by the client-side KMS rate and not by waiting on each response in turn.
        Fanout.run(toDescribe.values().stream().<Runnable>map(keyId -> () ->
                scope.call("kms:DescribeKey", List.of(KMS_KEY), () -> kms.describeKey(r -> r.keyId(keyId)).keyMetadata())
                        .ifPresent(meta -> scope.sink().addAll(KmsKey.class,
                                List.of(key(meta, aliases.getOrDefault(meta.keyId(), List.of()))))))
                .toList(), pool, KEYS_IN_FLIGHT - 1);
    }

    private KmsKey key(KeyMetadata meta, List<String> keyAliases) {
        boolean customer = "CUSTOMER".equals(meta.keyManagerAsString());
        boolean rotatable = "SYMMETRIC_DEFAULT".equals(meta.keySpecAsString()) && "AWS_KMS".equals(meta.originAsString());
        Optional<Boolean> rotation = customer && rotatable
                ? scope.call("kms:GetKeyRotationStatus", List.of(KMS_KEY),
                        () -> kms.getKeyRotationStatus(r -> r.keyId(meta.arn())).keyRotationEnabled())
                : Optional.empty();
        Optional<String> policy = customer && scope.account().equals(meta.awsAccountId())
                ? scope.call("kms:GetKeyPolicy", List.of(KMS_KEY),
                        () -> kms.getKeyPolicy(r -> r.keyId(meta.keyId()).policyName("default")).policy())
                : Optional.empty();
        return new KmsKey(scope.account(), scope.region(), meta.keyId(), meta.arn(), meta.awsAccountId(),
                meta.keyManagerAsString(), meta.keyStateAsString(), meta.keySpecAsString(), meta.keyUsageAsString(),
                meta.originAsString(), Optional.ofNullable(meta.multiRegion()), rotation, policy,
                keyAliases.stream().sorted().toList(), Optional.ofNullable(meta.deletionDate()), Map.of());
    }
}
