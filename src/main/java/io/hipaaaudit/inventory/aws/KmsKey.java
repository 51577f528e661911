package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A KMS key. {@code manager} is {@code AWS} or {@code CUSTOMER}; {@code state} is the KeyState
 * (Enabled, Disabled, PendingDeletion, ...). {@code policy} is the key policy JSON document as returned.
 * {@code account} is the scanned account in which the key was observed, {@code ownerAccount} the account that
 * owns it (differs for cross-account keys). What DescribeKey did not tell (a denied call on another account's
 * key, a field missing from the answer) is absent, never a default.
 */
public record KmsKey(String account, String region, String id, String arn, String ownerAccount,
                     Optional<String> manager, Optional<String> state, Optional<String> keySpec,
                     Optional<String> keyUsage, Optional<String> origin, Optional<Boolean> multiRegion,
                     Optional<Boolean> rotationEnabled, Optional<String> policy, List<String> aliases,
                     Optional<Instant> deletionDate, Map<String, String> tags) implements AwsResource {
    /** The facts DescribeKey gives, as named in the JSON form: what a failed DescribeKey leaves unknown. */
    public static final List<String> DESCRIBED = List.of("manager", "state", "keySpec", "keyUsage", "origin",
            "multiRegion", "deletionDate");

    public KmsKey {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.of("kms", region, account, "key/" + id) : arn;
        ownerAccount = ownerAccount == null ? Arns.accountOf(arn) : ownerAccount;
        manager = Nulls.opt(manager);
        state = Nulls.opt(state);
        keySpec = Nulls.opt(keySpec);
        keyUsage = Nulls.opt(keyUsage);
        origin = Nulls.opt(origin);
        multiRegion = Nulls.opt(multiRegion);
        rotationEnabled = Nulls.opt(rotationEnabled);
        policy = Nulls.opt(policy);
        aliases = Nulls.list(aliases);
        deletionDate = Nulls.opt(deletionDate);
        tags = Nulls.sorted(tags);
    }

    /** A key known only by its identity: every DescribeKey fact unknown. */
    public static KmsKey undescribed(String account, String region, String id, String arn, List<String> aliases) {
        return new KmsKey(account, region, id, arn, null, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), aliases,
                Optional.empty(), Map.of());
    }
}
