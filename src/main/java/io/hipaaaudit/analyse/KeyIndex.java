package io.hipaaaudit.analyse;

import io.hipaaaudit.inventory.aws.Arns;
import io.hipaaaudit.inventory.aws.KmsKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the key references RDS and CloudTrail hold (key ARN, key id, alias name or alias ARN) to the KMS keys
 * the inventory observed.
 */
public final class KeyIndex {
    private final Map<String, KmsKey> byRef = new HashMap<>();

    public KeyIndex(List<KmsKey> keys) {
        for (KmsKey k : keys) {
            byRef.put(k.arn(), k);
            byRef.put(scoped(k.account(), k.region(), k.id()), k);
            for (String alias : k.aliases()) {
                String name = alias.startsWith("alias/") ? alias : "alias/" + alias;
                byRef.put(scoped(k.account(), k.region(), name), k);
                byRef.put(Arns.of("kms", k.region(), k.ownerAccount(), name), k);
            }
        }
    }

    private static String scoped(String account, String region, String ref) {
        return account + "|" + region + "|" + ref;
    }

    /** The key a resource in (account, region) means by {@code ref}. */
    public Optional<KmsKey> resolve(String account, String region, String ref) {
        if (ref == null || ref.isEmpty()) {
            return Optional.empty();
        }
        KmsKey key = byRef.get(ref);
        if (key == null) {
            key = byRef.get(scoped(account, region, ref));
        }
        return Optional.ofNullable(key);
    }

    /** The account that owns a referenced key: from the ARN, or the resource's own account for bare ids. */
    public static String ownerOf(String account, String ref) {
        String fromArn = Arns.accountOf(ref);
        return fromArn.isEmpty() ? account : fromArn;
    }

    /** The facts about a key that rules on the resources using it need. */
    public static Map<String, Object> summary(KmsKey k) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", k.id());
        m.put("arn", k.arn());
        k.manager().ifPresent(v -> m.put("manager", v));
        k.state().ifPresent(v -> m.put("state", v));
        m.put("ownerAccount", k.ownerAccount());
        m.put("aliases", k.aliases());
        k.rotationEnabled().ifPresent(r -> m.put("rotationEnabled", r));
        return m;
    }
}
