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
import java.util.concurrent.atomic.AtomicReference;
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
    private final KmsClient kms;
    private final RegionScope scope;
    private final Executor pool;
    private final int helpers;

    /**
     * {@code helpers}: pool threads that may read keys beside the calling one. As many as the pool has: the
     * per-key calls are held to their rates by the client's limiters, not by how many keys a region reads at
     * once, so a region whose keys come last (or that has most of them) uses the threads the others are done with.
     */
    KmsCollector(KmsClient kms, RegionScope scope, Executor pool, int helpers) {
        this.kms = kms;
        this.scope = scope;
        this.pool = pool;
        this.helpers = helpers;
    }

    /** A key to describe: its id, the identifier DescribeKey is called with, and its ARN when known. */
    record Target(String id, String describeWith, Optional<String> arn) {
        String name() {
            return arn.orElse(id);
        }
    }

    /** The region's aliases by key id, and its listed keys: those to describe at once, and the AWS-managed ones. */
    record Listing(Map<String, List<String>> aliases, Map<String, Target> own, Map<String, Target> awsManaged) {}

    /**
     * ListAliases and ListKeys (at once, on {@code pool}). Needs nothing from the other services, so a region's
     * own keys can be described while they are still being listed.
     */
    Listing list() {
        Map<String, List<String>> aliases = new TreeMap<>();
        var keys = new AtomicReference<Optional<List<KeyListEntry>>>(Optional.empty());
        Fanout.run(List.of(() -> scope.call("kms:ListAliases", List.of(KMS_KEY),
                                () -> kms.listAliasesPaginator(r -> r.limit(100)).stream()
                                        .flatMap(page -> require(page.hasAliases() ? page.aliases() : null, "Aliases")
                                                .stream())
                                        .filter(a -> a.targetKeyId() != null && a.aliasName() != null).toList())
                        .ifPresent(list -> list.forEach(a ->
                                aliases.computeIfAbsent(a.targetKeyId(), k -> new ArrayList<>()).add(a.aliasName()))),
                () -> keys.set(scope.call("kms:ListKeys", List.of(KMS_KEY),
                                () -> kms.listKeysPaginator(r -> r.limit(1000)).stream()
                                        .flatMap(page -> require(page.hasKeys() ? page.keys() : null, "Keys").stream())
                                        .toList())
                        .map(listed -> scope.identified("kms:ListKeys", List.of(KMS_KEY), listed,
                                KeyListEntry::keyId, "KeyId")))), pool, 1);
        Map<String, Target> own = new LinkedHashMap<>();
        Map<String, Target> awsManaged = new LinkedHashMap<>();
        keys.get().ifPresent(listed -> listed.forEach(k -> {
            Optional<String> arn = Tags.text(k.keyArn());
            if (arn.isEmpty()) {
                scope.missing("kms:ListKeys", KMS_KEY, k.keyId(), List.of(), "KeyArn");
            }
            boolean managed = aliases.getOrDefault(k.keyId(), List.of()).stream()
                    .anyMatch(a -> a.startsWith("alias/aws/"));
            (managed ? awsManaged : own).put(k.keyId(), new Target(k.keyId(), k.keyId(), arn));
        }));
        return new Listing(aliases, own, awsManaged);
    }

    /** Describes the listed keys that are not AWS-managed: every one of them, whatever references it. */
    void describeOwn(Listing listing) {
        describe(listing.own().values(), listing.aliases());
    }

    /**
     * Once the other services have named the keys they use: the referenced keys {@link #describeOwn} did not
     * describe, the AWS-managed keys that are referenced (the rules need to know a resource uses one) and keys the
     * listing does not have (another account's, known by their ARN).
     */
    void describeReferenced(Listing listing, Set<String> referencedKeyArns) {
        Map<String, Target> toDescribe = new LinkedHashMap<>();
        for (String arn : referencedKeyArns) {
            String id = idOf(arn);
            if (!listing.own().containsKey(id)) {
                toDescribe.putIfAbsent(id, listing.awsManaged().getOrDefault(id, new Target(id, arn, Optional.of(arn))));
            }
        }
        describe(toDescribe.values(), listing.aliases());
    }

    private void describe(java.util.Collection<Target> targets, Map<String, List<String>> aliases) {
        // One to three calls per key, independent of every other key: several keys at a time, so the region's
        // requests are held back by the client-side KMS rates and not by waiting on each response in turn.
        Fanout.run(targets.stream().<Runnable>map(target -> () -> {
            List<String> keyAliases = aliases.getOrDefault(target.id(), List.of()).stream().sorted().toList();
            KmsKey key = scope.callFor("kms:DescribeKey", KMS_KEY, target.name(), unknownWithoutDescription(),
                            () -> require(kms.describeKey(r -> r.keyId(target.describeWith())).keyMetadata(),
                                    "KeyMetadata"))
                    .map(meta -> key(target, meta, keyAliases))
                    .orElseGet(() -> KmsKey.undescribed(scope.account(), scope.region(), target.id(),
                            target.arn().orElse(null), keyAliases));
            scope.sink().addAll(KmsKey.class, List.of(key));
        }).toList(), pool, helpers);
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
        boolean own = scope.account().equals(owner == null ? Arns.accountOf(arn) : owner);
        // rotation and policy depend on the description only: both at once when a thread is free
        var rotation = new AtomicReference<Optional<Boolean>>(Optional.empty());
        var policy = new AtomicReference<Optional<String>>(Optional.empty());
        List<Runnable> reads = new ArrayList<>(2);
        if (customer && rotatable) {
            reads.add(() -> rotation.set(rotation(name, state)));
        }
        if (customer && own) {
            reads.add(() -> policy.set(scope.callFor("kms:GetKeyPolicy", KMS_KEY, name, List.of("policy"),
                    () -> require(kms.getKeyPolicy(r -> r.keyId(target.id()).policyName("default")).policy(),
                            "Policy"))));
        }
        Fanout.run(reads, pool, 1);
        return new KmsKey(scope.account(), scope.region(), Optional.ofNullable(meta.keyId()).orElse(target.id()), arn,
                owner, manager, state, spec, usage, origin, Optional.ofNullable(meta.multiRegion()), rotation.get(),
                policy.get(), keyAliases, Optional.ofNullable(meta.deletionDate()), Map.of());
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
