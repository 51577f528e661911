package io.hipaaaudit.analyse;

import io.hipaaaudit.analyse.policy.SecureTransport;
import io.hipaaaudit.inventory.aws.Bucket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The derived facts of an S3 bucket:
 * <ul>
 *   <li>{@code publicAccessBlocked}: all four Block Public Access switches are on for the bucket or for the
 *       account (either suffices: S3 applies the more restrictive of the two); absent when neither is known to be
 *       fully on and one of them is unknown;</li>
 *   <li>{@code policyOpenStatements} / {@code policyOpenReasons}: the shared resource-policy analysis, the same as
 *       for key and secret policies ({@link KeyPolicyFacts}); empty without a policy;</li>
 *   <li>{@code tlsOnlyStatements}: the policy statements that deny every principal {@code s3:GetObject} and
 *       {@code s3:PutObject} (at least) on the bucket and all its objects when {@code aws:SecureTransport} is false
 *       ({@link SecureTransport}); empty without a policy;</li>
 *   <li>{@code currentExpirationDays}: the shortest Expiration.Days of an Enabled lifecycle rule with no filter
 *       (no prefix, tag or size), i.e. one that expires every current object; absent when no such rule exists.
 *       An Expiration.Date rule is not counted: it expires objects on one date, not within days of upload.</li>
 * </ul>
 * Each is absent when a field it is computed from is unknown (the policy not read, the lifecycle not read), so the
 * rules reading it are NOT_ASSESSED rather than judged on a guess.
 */
public final class BucketFacts {
    /** What a TLS-only statement must deny at least: reading and writing objects. */
    public static final List<String> TLS_ACTIONS = List.of("s3:GetObject", "s3:PutObject");

    private BucketFacts() {}

    public static Map<String, Object> of(Bucket b) {
        Map<String, Object> f = new LinkedHashMap<>();
        publicAccessBlocked(b).ifPresent(v -> f.put("publicAccessBlocked", v));
        b.policyAttached().ifPresent(attached -> {
            if (!attached) {
                f.put("policyOpenStatements", List.of());
                f.put("policyOpenReasons", List.of());
                f.put("tlsOnlyStatements", List.of());
            }
        });
        b.policy().ifPresent(p -> {
            f.putAll(KeyPolicyFacts.facts(p));
            SecureTransport.denyingStatements(p, TLS_ACTIONS, List.of(b.arn()), List.of(b.arn() + "/"))
                    .ifPresent(s -> f.put("tlsOnlyStatements", s));
        });
        b.lifecycleRules().flatMap(BucketFacts::currentExpirationDays)
                .ifPresent(d -> f.put("currentExpirationDays", d));
        return f;
    }

    static Optional<Boolean> publicAccessBlocked(Bucket b) {
        if (b.publicAccessBlock().filter(Bucket.PublicAccessBlock::all).isPresent()
                || b.accountPublicAccessBlock().filter(Bucket.PublicAccessBlock::all).isPresent()) {
            return Optional.of(true);
        }
        if (b.publicAccessBlock().isPresent() && b.accountPublicAccessBlock().isPresent()) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    static Optional<Long> currentExpirationDays(List<Bucket.LifecycleRule> rules) {
        return rules.stream().filter(Bucket.LifecycleRule::wholeBucket)
                .flatMap(r -> r.expirationDays().stream()).map(Integer::longValue).min(Long::compare);
    }
}
