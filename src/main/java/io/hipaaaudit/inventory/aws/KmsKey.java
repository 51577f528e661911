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
 * owns it (differs for cross-account keys).
 */
public record KmsKey(String account, String region, String id, String arn, String ownerAccount, String manager,
                     String state, String keySpec, String keyUsage, String origin, Optional<Boolean> multiRegion,
                     Optional<Boolean> rotationEnabled, Optional<String> policy, List<String> aliases,
                     Optional<Instant> deletionDate, Map<String, String> tags) implements AwsResource {
    public KmsKey {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? "arn:aws:kms:" + region + ":" + account + ":key/" + id : arn;
        ownerAccount = ownerAccount == null ? Arns.accountOf(arn) : ownerAccount;
        manager = Nulls.str(manager);
        state = Nulls.str(state);
        keySpec = keySpec == null ? "SYMMETRIC_DEFAULT" : keySpec;
        keyUsage = keyUsage == null ? "ENCRYPT_DECRYPT" : keyUsage;
        origin = origin == null ? "AWS_KMS" : origin;
        multiRegion = Nulls.opt(multiRegion);
        rotationEnabled = Nulls.opt(rotationEnabled);
        policy = Nulls.opt(policy);
        aliases = Nulls.list(aliases);
        deletionDate = Nulls.opt(deletionDate);
        tags = Nulls.sorted(tags);
    }
}
