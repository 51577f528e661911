package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An S3 bucket's configuration (never its objects: the scanner lists and reads no object). {@code id} is the bucket
 * name, {@code region} its home region. Every field but the identity is read by its own call, so a failed call
 * leaves only its fields unknown (absent, with the collection error naming them). Where S3 answers "no such
 * configuration" with an error, the error is the answer and the field is known:
 * <ul>
 *   <li>{@code NoSuchPublicAccessBlockConfiguration}: {@code publicAccessBlock} holds four {@code false} flags (no
 *       block set on the bucket); the same for the account's {@code accountPublicAccessBlock};</li>
 *   <li>{@code NoSuchBucketPolicy}: {@code policy} absent with {@code policyAttached} false; {@code policyPublic}
 *       false (a bucket without a policy is not public through a policy);</li>
 *   <li>{@code NoSuchLifecycleConfiguration}: {@code lifecycleRules} empty;</li>
 *   <li>{@code NoSuchTagSet}: {@code tags} empty;</li>
 *   <li>{@code OwnershipControlsNotFoundError}: {@code ownership} {@code ObjectWriter} (ACLs enabled, the behaviour
 *       of a bucket without ownership controls);</li>
 *   <li>{@code ServerSideEncryptionConfigurationNotFoundError}: {@code encryptionAlgorithm} {@code AES256}: since
 *       January 2023 S3 encrypts every new object with SSE-S3 when the bucket sets no default encryption.</li>
 * </ul>
 * {@code tags} is empty both for {@code NoSuchTagSet} and when GetBucketTagging failed; in the second case the
 * collection error names {@code tags}, so the rules that read them are NOT_ASSESSED. {@code aclPublicGrants} is read only when ACLs are enabled (ownership not
 * {@code BucketOwnerEnforced}); with ACLs disabled it is empty, since S3 then ignores every ACL.
 */
public record Bucket(String account, String region, String id, String arn, Optional<Instant> creationDate,
                     Optional<String> encryptionAlgorithm, Optional<String> kmsMasterKeyId,
                     Optional<Boolean> bucketKeyEnabled, Optional<PublicAccessBlock> publicAccessBlock,
                     Optional<PublicAccessBlock> accountPublicAccessBlock, Optional<Boolean> policyAttached,
                     Optional<String> policy, Optional<Boolean> policyPublic,
                     Optional<List<LifecycleRule>> lifecycleRules, Optional<String> ownership,
                     Optional<List<String>> aclPublicGrants, Map<String, String> tags)
        implements AwsResource {
    public Bucket {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? "arn:aws:s3:::" + id : arn;
        creationDate = Nulls.opt(creationDate);
        encryptionAlgorithm = Nulls.opt(encryptionAlgorithm);
        kmsMasterKeyId = Nulls.opt(kmsMasterKeyId);
        bucketKeyEnabled = Nulls.opt(bucketKeyEnabled);
        publicAccessBlock = Nulls.opt(publicAccessBlock);
        accountPublicAccessBlock = Nulls.opt(accountPublicAccessBlock);
        policyAttached = Nulls.opt(policyAttached);
        policy = Nulls.opt(policy);
        policyPublic = Nulls.opt(policyPublic);
        lifecycleRules = Nulls.opt(lifecycleRules).map(List::copyOf);
        ownership = Nulls.opt(ownership);
        aclPublicGrants = Nulls.opt(aclPublicGrants).map(List::copyOf);
        tags = Nulls.sorted(tags);
    }

    /** The four Block Public Access switches of a bucket or of the account. */
    public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                    boolean restrictPublicBuckets) {
        public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);

        public boolean all() {
            return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
        }
    }

    /**
     * One lifecycle rule, as far as expiry goes. {@code prefix} is the filter's (or the legacy rule's) prefix, empty
     * for the whole bucket; {@code filterTags} the tags the filter requires; {@code objectSizeFiltered} whether it
     * is narrowed by object size.
     */
    public record LifecycleRule(String id, String status, String prefix, Map<String, String> filterTags,
                                boolean objectSizeFiltered, Optional<Integer> expirationDays,
                                Optional<Instant> expirationDate, Optional<Integer> noncurrentExpirationDays,
                                Optional<Integer> abortIncompleteMultipartDays) {
        public LifecycleRule {
            id = Nulls.str(id);
            status = Nulls.str(status);
            prefix = Nulls.str(prefix);
            filterTags = Nulls.sorted(filterTags);
            expirationDays = Nulls.opt(expirationDays);
            expirationDate = Nulls.opt(expirationDate);
            noncurrentExpirationDays = Nulls.opt(noncurrentExpirationDays);
            abortIncompleteMultipartDays = Nulls.opt(abortIncompleteMultipartDays);
        }

        /** Enabled and filtered by nothing: it applies to every object of the bucket. */
        public boolean wholeBucket() {
            return "Enabled".equals(status) && prefix.isEmpty() && filterTags.isEmpty() && !objectSizeFiltered;
        }
    }

    public Bucket withAccountPublicAccessBlock(Optional<PublicAccessBlock> block) {
        return new Bucket(account, region, id, arn, creationDate, encryptionAlgorithm, kmsMasterKeyId,
                bucketKeyEnabled, publicAccessBlock, block, policyAttached, policy, policyPublic, lifecycleRules,
                ownership, aclPublicGrants, tags);
    }
}
