package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.require;
import static io.hipaaaudit.inventory.ResourceTypes.KMS_KEY;

import io.hipaaaudit.inventory.aws.Arns;
import io.hipaaaudit.inventory.aws.KmsKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;

/**
 * KMS keys of one region: every customer-managed key plus the keys RDS resources reference. AWS-managed keys are
 * recognised by their {@code alias/aws/...} alias and described only when referenced (the rules need to know an
 * RDS resource uses one); their rotation is fixed by AWS and their policy is not ours to change, so they get no
 * rotation or policy call. Rotation is read for symmetric AWS_KMS keys only (the others cannot rotate); a
 * policy only for keys of this account (GetKeyPolicy does not work across accounts).
 *
 * <p>Every call after the listing is about one key, and a failure of one leaves only that key's facts unknown: a
 * key whose DescribeKey is denied (common for another account's key) is still in the inventory, known by its ARN
 * and owner, with every described fact absent.
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

    /** A key to describe: its id, the identifier DescribeKey is called with, and its ARN when known. */
    private record Target(String id, String describeWith, Optional<String> arn) {
        String name() {
            return arn.orElse(id);
        }
    }

    void collect(Set<String> referencedKeyArns) {
        Map<String, List<String>> aliases = new TreeMap<>();
        scope.call("kms:ListAliases", List.of(KMS_KEY), () -> kms.listAliasesPaginator(r -> r.limit(100)).stream()
                        .flatMap(page -> require(page.hasAliases() ? page.aliases() : null, "Aliases").stream())
                        .filter(a -> a.targetKeyId() != null && a.aliasName() != null).toList())
                .ifPresent(list -> list.forEach(a ->
                        aliases.computeIfAbsent(a.targetKeyId(), k -> new ArrayList<>()).add(a.aliasName())));
        Set<String> referencedIds = referencedKeyArns.stream().map(KmsCollector::idOf).collect(Collectors.toSet());
        Map<String, Target> toDescribe = new LinkedHashMap<>();
        scope.call("kms:ListKeys", List.of(KMS_KEY), () -> kms.listKeysPaginator(r -> r.limit(1000)).stream()
                        .flatMap(page -> require(page.hasKeys() ? page.keys() : null, "Keys").stream()).toList())
                .map(keys -> scope.identified("kms:ListKeys", List.of(KMS_KEY), keys, KeyListEntry::keyId, "KeyId"))
                .ifPresent(keys -> keys.forEach(k -> {
                    boolean awsManaged = aliases.getOrDefault(k.keyId(), List.of()).stream()
                            .anyMatch(a -> a.startsWith("alias/aws/"));
                    if (!awsManaged || referencedIds.contains(k.keyId())) {
                        Optional<String> arn = Tags.text(k.keyArn());
                        if (arn.isEmpty()) {
                            scope.missing("kms:ListKeys", KMS_KEY, k.keyId(), List.of(), "KeyArn");
                        }
                        toDescribe.put(k.keyId(), new Target(k.keyId(), k.keyId(), arn));
                    }
                }));
        for (String arn : referencedKeyArns) {
            toDescribe.putIfAbsent(idOf(arn), new Target(idOf(arn), arn, Optional.of(arn)));
        }
        // One to three calls per key, independent of every other key: a few keys at a time, so the region's
        // requests are held back by the client-side KMS rate and not by waiting on each response in turn.
        Fanout.run(toDescribe.values().stream().<Runnable>map(target -> () -> {
            List<String> keyAliases = aliases.getOrDefault(target.id(), List.of()).stream().sorted().toList();
            KmsKey key = scope.callFor("kms:DescribeKey", KMS_KEY, target.name(), unknownWithoutDescription(),
                            () -> require(kms.describeKey(r -> r.keyId(target.describeWith())).keyMetadata(),
                                    "KeyMetadata"))
                    .map(meta -> key(target, meta, keyAliases))
                    .orElseGet(() -> KmsKey.undescribed(scope.account(), scope.region(), target.id(),
                            target.arn().orElse(null), keyAliases));
            scope.sink().addAll(KmsKey.class, List.of(key));
        }).toList(), pool, KEYS_IN_FLIGHT - 1);
    }

    /** Without DescribeKey, whether rotation or a policy can be read is unknown too. */
    private static List<String> unknownWithoutDescription() {
        List<String> fields = new ArrayList<>(KmsKey.DESCRIBED);
        fields.add("rotationEnabled");
        fields.add("policy");
        return fields;
    }

    private static String idOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private KmsKey key(Target target, KeyMetadata meta, List<String> keyAliases) {
        String arn = Tags.text(meta.arn()).or(target::arn).orElse(null);
        String name = arn == null ? target.id() : arn;
        Optional<String> manager = described(name, "manager", "KeyManager", meta.keyManagerAsString(),
                List.of("rotationEnabled", "policy"));
        Optional<String> state = described(name, "state", "KeyState", meta.keyStateAsString(), List.of());
        Optional<String> spec = described(name, "keySpec", "KeySpec",
                Optional.ofNullable(meta.keySpecAsString()).orElse(meta.customerMasterKeySpecAsString()),
                List.of("rotationEnabled"));
        Optional<String> usage = described(name, "keyUsage", "KeyUsage", meta.keyUsageAsString(), List.of());
        Optional<String> origin = described(name, "origin", "Origin", meta.originAsString(),
                List.of("rotationEnabled"));
        boolean customer = manager.filter("CUSTOMER"::equals).isPresent();
        boolean rotatable = spec.filter("SYMMETRIC_DEFAULT"::equals).isPresent()
                && origin.filter("AWS_KMS"::equals).isPresent();
        String owner = meta.awsAccountId();
        Optional<Boolean> rotation = customer && rotatable ? rotation(name, state) : Optional.empty();
        boolean own = scope.account().equals(owner == null ? Arns.accountOf(arn) : owner);
        Optional<String> policy = customer && own
                ? scope.callFor("kms:GetKeyPolicy", KMS_KEY, name, List.of("policy"),
                        () -> require(kms.getKeyPolicy(r -> r.keyId(target.id()).policyName("default")).policy(),
                                "Policy"))
                : Optional.empty();
        return new KmsKey(scope.account(), scope.region(), Optional.ofNullable(meta.keyId()).orElse(target.id()), arn,
                owner, manager, state, spec, usage, origin, Optional.ofNullable(meta.multiRegion()), rotation,
                policy, keyAliases, Optional.ofNullable(meta.deletionDate()), Map.of());
    }

    /** A DescribeKey fact; when the answer lacks it, it and the facts that depend on it are unknown. */
    private Optional<String> described(String key, String field, String apiField, String value,
                                       List<String> dependents) {
        if (value != null && !value.isBlank()) {
            return Optional.of(value);
        }
        List<String> fields = new ArrayList<>(List.of(field));
        fields.addAll(dependents);
        scope.missing("kms:DescribeKey", KMS_KEY, key, fields, apiField);
        return Optional.empty();
    }

    /**
     * The rotation status. A key that DescribeKey reports as not Enabled (pending deletion, disabled) may answer
     * KMSInvalidStateException: that is the state already known, not a failure, so nothing is recorded and the
     * status stays absent (rotation does not apply to a key that cannot be used).
     */
    private Optional<Boolean> rotation(String key, Optional<String> state) {
        boolean unusable = state.filter(s -> !s.equals("Enabled")).isPresent();
        return scope.callFor("kms:GetKeyRotationStatus", KMS_KEY, key, List.of("rotationEnabled"), () -> {
            try {
                return Optional.of(require(kms.getKeyRotationStatus(r -> r.keyId(key)).keyRotationEnabled(),
                        "KeyRotationEnabled"));
            } catch (KmsInvalidStateException e) {
                if (unusable) {
                    return Optional.<Boolean>empty();
                }
                throw e;
            }
        }).flatMap(r -> r);
    }
}
