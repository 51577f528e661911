package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.inventory.ResourceTypes.BUCKET;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.aws.Bucket;
import io.hipaaaudit.inventory.aws.Bucket.PublicAccessBlock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * The S3 buckets of one account, configuration only. ListBuckets is account-level: it runs once per account
 * ({@link #list}) and hands each bucket to its region; a bucket whose region is not scanned is left out. The
 * answer's BucketRegion places a bucket; where it is absent, GetBucketLocation does. The account's Block Public
 * Access comes from s3control GetPublicAccessBlock, also once per account.
 *
 * <p>Per bucket, in its region ({@link #collect}): GetBucketEncryption, GetPublicAccessBlock, GetBucketPolicy,
 * GetBucketPolicyStatus (only when a policy is attached: without one S3 answers NoSuchBucketPolicy),
 * GetBucketLifecycleConfiguration, GetBucketOwnershipControls, GetBucketAcl (only when ACLs are enabled) and
 * GetBucketTagging, each through {@link RegionScope#callFor} so a failure leaves only that bucket's fields unknown.
 * The "no such configuration" errors are answers (see {@link Bucket}). The scanner never lists, reads or heads an
 * object: ListObjects, GetObject and HeadObject are neither called nor in the IAM policy.
 */
final class S3Collector {
    /** Buckets read at once per region: eight or nine calls each, held back by the client-side rate. */
    static final int BUCKETS_IN_FLIGHT = 3;
    private static final String LIST = "s3:ListBuckets";
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /** An account's buckets by region, and the account's Block Public Access (absent: unknown, with its error). */
    record Listing(Map<String, List<software.amazon.awssdk.services.s3.model.Bucket>> byRegion,
                   Optional<PublicAccessBlock> accountBlock, Optional<SdkException> accountBlockFailure) {
        List<software.amazon.awssdk.services.s3.model.Bucket> in(String region) {
            return byRegion.getOrDefault(region, List.of());
        }
    }

    private final S3Client s3;
    private final RegionScope scope;
    private final Executor pool;

    S3Collector(S3Client s3, RegionScope scope, Executor pool) {
        this.s3 = s3;
        this.scope = scope;
        this.pool = pool;
    }

    /**
     * ListBuckets (every page, the largest page size) and the account's Block Public Access, once per account. A
     * failed listing leaves the buckets unknown in every scanned region.
     */
    static Listing list(S3Client s3, S3ControlClient control, InventorySink sink, String account,
                        Collection<String> regions) {
        String first = regions.iterator().next();
        Map<String, List<software.amazon.awssdk.services.s3.model.Bucket>> byRegion = new TreeMap<>();
        try {
            List<software.amazon.awssdk.services.s3.model.Bucket> buckets = s3
                    .listBucketsPaginator(r -> r.maxBuckets(10_000)).stream()
                    .flatMap(page -> MissingField.listed(page.hasBuckets(), page.buckets(), "Buckets").stream())
                    .toList();
            buckets = new RegionScope(account, first, sink).identified(LIST, List.of(BUCKET), buckets,
                    software.amazon.awssdk.services.s3.model.Bucket::name, "Name");
            for (var b : buckets) {
                Optional<String> region = Tags.text(b.bucketRegion());
                if (region.isEmpty()) {
                    region = location(s3, b.name(), sink, account, regions);
                }
                region.filter(regions::contains)
                        .ifPresent(r -> byRegion.computeIfAbsent(r, k -> new ArrayList<>()).add(b));
            }
        } catch (SdkException e) {
            regions.forEach(r -> sink.error(listing(account, r, LIST, Faults.code(e), Faults.message(e))));
        } catch (MissingField e) {
            regions.forEach(r -> sink.error(listing(account, r, LIST, MissingField.CODE,
                    MissingField.message(LIST, e.field()))));
        }
        Optional<PublicAccessBlock> accountBlock = Optional.empty();
        Optional<SdkException> failure = Optional.empty();
        if (!byRegion.isEmpty()) {
            try {
                accountBlock = Optional.of(none("NoSuchPublicAccessBlockConfiguration", PublicAccessBlock.NONE, () -> {
                    var c = control.getPublicAccessBlock(r -> r.accountId(account)).publicAccessBlockConfiguration();
                    return block(c.blockPublicAcls(), c.ignorePublicAcls(), c.blockPublicPolicy(),
                            c.restrictPublicBuckets());
                }));
            } catch (SdkException e) {
                failure = Optional.of(e);
            }
        }
        return new Listing(byRegion, accountBlock, failure);
    }

    /**
     * GetBucketLocation for a listed bucket without BucketRegion: an empty LocationConstraint is us-east-1 and
     * {@code EU} is eu-west-1, as the API documents. A failure leaves the bucket's region, and so the buckets of
     * every scanned region, incomplete.
     */
    private static Optional<String> location(S3Client s3, String bucket, InventorySink sink, String account,
                                             Collection<String> regions) {
        try {
            String constraint = s3.getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString();
            if (constraint == null || constraint.isEmpty() || constraint.equals("null")) {
                return Optional.of("us-east-1");
            }
            return Optional.of(constraint.equals("EU") ? "eu-west-1" : constraint);
        } catch (SdkException e) {
            regions.forEach(r -> sink.error(listing(account, r, "s3:GetBucketLocation", Faults.code(e),
                    Faults.message(e) + " (bucket " + bucket + ")")));
            return Optional.empty();
        }
    }

    /** Reads the region's buckets; returns the KMS key ARNs they name, for the KMS collector to describe. */
    Set<String> collect(Listing listing) {
        List<software.amazon.awssdk.services.s3.model.Bucket> listed = listing.in(scope.region());
        List<Bucket> buckets = java.util.Collections.synchronizedList(new ArrayList<>());
        Fanout.run(listed.stream().<Runnable>map(b -> () -> buckets.add(bucket(b, listing))).toList(), pool,
                BUCKETS_IN_FLIGHT - 1);
        scope.sink().addAll(Bucket.class, buckets);
        Set<String> keys = new TreeSet<>();
        buckets.forEach(b -> b.kmsMasterKeyId().filter(k -> k.startsWith("arn:") && k.contains(":key/"))
                .ifPresent(keys::add));
        return keys;
    }

    private Bucket bucket(software.amazon.awssdk.services.s3.model.Bucket listed, Listing listing) {
        String name = listed.name();
        String arn = "arn:aws:s3:::" + name;
        Optional<Encryption> encryption = read("s3:GetBucketEncryption", arn,
                List.of("encryptionAlgorithm", "kmsMasterKeyId", "bucketKeyEnabled"),
                "ServerSideEncryptionConfigurationNotFoundError", new Encryption("AES256", Optional.empty(), false),
                () -> encryption(s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration()
                        .rules()));
        Optional<PublicAccessBlock> block = read("s3:GetPublicAccessBlock", arn, List.of("publicAccessBlock"),
                "NoSuchPublicAccessBlockConfiguration", PublicAccessBlock.NONE, () -> {
                    var c = s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration();
                    return block(c.blockPublicAcls(), c.ignorePublicAcls(), c.blockPublicPolicy(),
                            c.restrictPublicBuckets());
                });
        Optional<Optional<String>> policy = read("s3:GetBucketPolicy", arn,
                List.of("policyAttached", "policy", "policyPublic"), "NoSuchBucketPolicy", Optional.empty(),
                () -> Optional.of(MissingField.require(Tags.text(s3.getBucketPolicy(r -> r.bucket(name)).policy())
                        .orElse(null), "Policy")));
        Optional<Boolean> policyPublic = policy.flatMap(p -> p.isEmpty() ? Optional.of(false)
                : read("s3:GetBucketPolicyStatus", arn, List.of("policyPublic"), "NoSuchBucketPolicy", false,
                        () -> MissingField.require(MissingField.require(s3.getBucketPolicyStatus(r -> r.bucket(name))
                                .policyStatus(), "PolicyStatus").isPublic(), "IsPublic")));
        Optional<List<Bucket.LifecycleRule>> lifecycle = read("s3:GetBucketLifecycleConfiguration", arn,
                List.of("lifecycleRules"), "NoSuchLifecycleConfiguration", List.of(),
                () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(name)).rules().stream()
                        .map(S3Collector::rule).toList());
        Optional<String> ownership = read("s3:GetBucketOwnershipControls", arn, List.of("ownership"),
                "OwnershipControlsNotFoundError", "ObjectWriter",
                () -> MissingField.require(s3.getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls()
                        .rules().stream().findFirst().orElse(null), "Rules").objectOwnershipAsString());
        Optional<List<String>> grants = ownership.filter("BucketOwnerEnforced"::equals).isPresent()
                ? Optional.of(List.of())
                : scope.callFor("s3:GetBucketAcl", BUCKET, arn, List.of("aclPublicGrants"),
                        () -> publicGrants(s3.getBucketAcl(r -> r.bucket(name)).grants()));
        Map<String, String> tags = read("s3:GetBucketTagging", arn, List.of("tags"), "NoSuchTagSet",
                Map.<String, String>of(), () -> Tags.of(s3.getBucketTagging(r -> r.bucket(name)).tagSet(),
                        software.amazon.awssdk.services.s3.model.Tag::key,
                        software.amazon.awssdk.services.s3.model.Tag::value)).orElse(Map.of());
        listing.accountBlockFailure().ifPresent(e -> scope.sink().error(CollectionError.ofResource("aws",
                scope.account(), scope.region(), "s3:GetAccountPublicAccessBlock", BUCKET, arn,
                List.of("accountPublicAccessBlock"), Faults.code(e), Faults.message(e))));
        return new Bucket(scope.account(), scope.region(), name, arn, Tags.opt(listed.creationDate()),
                encryption.map(Encryption::algorithm), encryption.flatMap(Encryption::kmsMasterKeyId),
                encryption.map(Encryption::bucketKeyEnabled), block, listing.accountBlock(),
                policy.map(Optional::isPresent), policy.flatMap(p -> p), policyPublic, lifecycle, ownership, grants,
                tags);
    }

    private record Encryption(String algorithm, Optional<String> kmsMasterKeyId, boolean bucketKeyEnabled) {}

    /** The default encryption rule; a configuration without one reads as S3's default, SSE-S3. */
    private static Encryption encryption(List<ServerSideEncryptionRule> rules) {
        for (ServerSideEncryptionRule rule : rules) {
            var d = rule.applyServerSideEncryptionByDefault();
            if (d != null) {
                return new Encryption(MissingField.require(d.sseAlgorithmAsString(), "SSEAlgorithm"),
                        Tags.text(d.kmsMasterKeyID()), Boolean.TRUE.equals(rule.bucketKeyEnabled()));
            }
        }
        throw new MissingField("ApplyServerSideEncryptionByDefault");
    }

    /** A Block Public Access configuration: a switch S3 leaves out is off (the API's default is false). */
    private static PublicAccessBlock block(Boolean acls, Boolean ignore, Boolean policy, Boolean restrict) {
        return new PublicAccessBlock(Boolean.TRUE.equals(acls), Boolean.TRUE.equals(ignore),
                Boolean.TRUE.equals(policy), Boolean.TRUE.equals(restrict));
    }

    private static Bucket.LifecycleRule rule(software.amazon.awssdk.services.s3.model.LifecycleRule r) {
        String prefix = Tags.text(r.prefix()).orElse("");
        Map<String, String> tags = new TreeMap<>();
        boolean sized = false;
        var f = r.filter();
        if (f != null) {
            prefix = Tags.text(f.prefix()).orElse(prefix);
            if (f.tag() != null) {
                tags.put(f.tag().key(), f.tag().value());
            }
            sized = f.objectSizeGreaterThan() != null || f.objectSizeLessThan() != null;
            if (f.and() != null) {
                prefix = Tags.text(f.and().prefix()).orElse(prefix);
                f.and().tags().forEach(t -> tags.put(t.key(), t.value()));
                sized = sized || f.and().objectSizeGreaterThan() != null || f.and().objectSizeLessThan() != null;
            }
        }
        var exp = Optional.ofNullable(r.expiration());
        return new Bucket.LifecycleRule(r.id(), r.statusAsString(), prefix, tags, sized,
                exp.flatMap(e -> Tags.opt(e.days())), exp.flatMap(e -> Tags.opt(e.date())),
                Optional.ofNullable(r.noncurrentVersionExpiration()).flatMap(e -> Tags.opt(e.noncurrentDays())),
                Optional.ofNullable(r.abortIncompleteMultipartUpload()).flatMap(a -> Tags.opt(a.daysAfterInitiation())));
    }

    /** The ACL grants to everyone (AllUsers) or to every AWS account (AuthenticatedUsers), as GROUP:PERMISSION. */
    private static List<String> publicGrants(List<Grant> grants) {
        List<String> out = new ArrayList<>();
        for (Grant g : grants) {
            String uri = g.grantee() == null ? null : g.grantee().uri();
            if (ALL_USERS.equals(uri) || AUTHENTICATED_USERS.equals(uri)) {
                out.add(uri.substring(uri.lastIndexOf('/') + 1) + ":" + g.permissionAsString());
            }
        }
        return out;
    }

    /** One call about this bucket where an error with code {@code noneCode} is S3's way of saying "none": {@code none}. */
    private <T> Optional<T> read(String operation, String arn, List<String> fields, String noneCode, T none,
                                 Supplier<T> call) {
        return scope.callFor(operation, BUCKET, arn, fields, () -> none(noneCode, none, call));
    }

    private static <T> T none(String noneCode, T none, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && noneCode.equals(e.awsErrorDetails().errorCode())) {
                return none;
            }
            throw e;
        }
    }

    private static CollectionError listing(String account, String region, String operation, String code,
                                           String message) {
        return new CollectionError("aws", Optional.of(account), Optional.of(region), Optional.empty(), operation,
                List.of(BUCKET), code, message);
    }
}
