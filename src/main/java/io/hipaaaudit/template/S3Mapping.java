package io.hipaaaudit.template;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Bucket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code AWS::S3::Bucket} and {@code AWS::S3::BucketPolicy} into {@link Bucket}, the record the S3 collector fills,
 * so the same facts ({@code BucketFacts}: the shared resource-policy analysis, the TLS-only statements, the
 * lifecycle analysis) judge the bucket before deploy. The record's id is the logical id, as for every template
 * resource; its ARN is built from {@code BucketName}, else from the logical id (the ARN the policy's
 * {@code Fn::GetAtt Bucket.Arn} resolves to). Absences are what S3 does for a new bucket (AWS::S3::Bucket, Amazon
 * S3 User Guide):
 * <ul>
 *   <li>no {@code BucketEncryption}: SSE-S3 ({@code AES256}): "Amazon S3 now applies server-side encryption with
 *       Amazon S3 managed keys (SSE-S3) as the base level of encryption for every bucket ... Starting January 5,
 *       2023, all new object uploads to Amazon S3 are automatically encrypted" (Using server-side encryption with
 *       Amazon S3 managed keys); {@code BucketKeyEnabled}: "By default, S3 Bucket Key is not enabled";</li>
 *   <li>no {@code PublicAccessBlockConfiguration}: all four switches on: "By default, new buckets, access points,
 *       and objects do not allow public access" (Configuring block public access settings for your S3 buckets;
 *       since April 2023 S3 enables all four Block Public Access settings on every new bucket, however it is
 *       created); a configuration that leaves a switch out leaves it off, as PutPublicAccessBlock does;</li>
 *   <li>no {@code OwnershipControls}: {@code BucketOwnerEnforced}, ACLs disabled (the other default of April 2023:
 *       "By default, Object Ownership is set to the bucket owner enforced setting, and all ACLs are disabled"), so
 *       {@code AccessControl} grants nothing; with ACLs enabled the canned ACL's grants to AllUsers or
 *       AuthenticatedUsers are the public grants;</li>
 *   <li>no {@code LifecycleConfiguration}: no lifecycle rules; no {@code AWS::S3::BucketPolicy} naming the bucket:
 *       no policy.</li>
 * </ul>
 * The account's Block Public Access is not in a template: it is unknown (a per-resource error naming
 * {@code accountPublicAccessBlock}), so a bucket that does not block all four switches itself is NOT_ASSESSED on
 * being public, and the scan after deploy judges it. S3's own policy-status judgement ({@code policyPublic}) exists
 * only once the policy is attached.
 */
final class S3Mapping {
    /** The code of the error for what a template cannot declare: the account-level Block Public Access. */
    static final String ACCOUNT_LEVEL = "AccountLevel";
    private static final String ALL_USERS = "AllUsers";
    private static final String AUTHENTICATED_USERS = "AuthenticatedUsers";
    /** The grants to everyone of each canned ACL (S3 User Guide, "Canned ACL"); the others grant none. */
    private static final Map<String, List<String>> CANNED = Map.of(
            "PublicRead", List.of(ALL_USERS + ":READ"),
            "PublicReadWrite", List.of(ALL_USERS + ":READ", ALL_USERS + ":WRITE"),
            "AuthenticatedRead", List.of(AUTHENTICATED_USERS + ":READ"));

    private final Mapped out;

    S3Mapping(Mapped out) {
        this.out = out;
    }

    void map(List<Declared> all) {
        Map<String, List<Declared>> policies = new TreeMap<>();
        List<Declared> unknownTarget = new ArrayList<>();
        for (Declared d : NetworkMapping.of(all, "AWS::S3::BucketPolicy")) {
            Object bucket = d.properties().get("Bucket");
            if (bucket instanceof Unknown || bucket == null) {
                unknownTarget.add(d);
            } else {
                policies.computeIfAbsent(Intrinsics.text(bucket), k -> new ArrayList<>()).add(d);
            }
        }
        for (Declared d : NetworkMapping.of(all, "AWS::S3::Bucket")) {
            bucket(d, policies, unknownTarget);
        }
    }

    private void bucket(Declared d, Map<String, List<Declared>> policies, List<Declared> unknownTarget) {
        Props p = out.props(d, ResourceTypes.BUCKET);
        Object declaredName = p.raw("BucketName");
        String name = declaredName instanceof String s ? s : d.logicalId();
        String arn = "arn:" + io.hipaaaudit.inventory.aws.Arns.partition(out.region) + ":s3:::" + name;

        Optional<String> algorithm = Optional.of("AES256");
        Optional<String> key = Optional.empty();
        Optional<Boolean> bucketKey = Optional.of(false);
        Object encryption = p.raw("BucketEncryption");
        if (encryption instanceof Unknown u) {
            p.unknown("BucketEncryption", "encryptionAlgorithm", u.why());
            p.unknown("BucketEncryption", "kmsMasterKeyId", u.why());
            algorithm = Optional.empty();
        } else if (encryption instanceof Map<?, ?> enc) {
            Object rules = enc.get("ServerSideEncryptionConfiguration");
            String path = "BucketEncryption.ServerSideEncryptionConfiguration";
            if (rules instanceof Unknown u) {
                p.unknown(path, "encryptionAlgorithm", u.why());
                p.unknown(path, "kmsMasterKeyId", u.why());
                algorithm = Optional.empty();
            } else if (rules instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> rule) {
                Props r = sub(d, rule, path + "[0]");
                bucketKey = r.bool("BucketKeyEnabled", "bucketKeyEnabled", false);
                Object byDefault = r.raw("ServerSideEncryptionByDefault");
                if (byDefault instanceof Unknown u) {
                    r.unknown("ServerSideEncryptionByDefault", "encryptionAlgorithm", u.why());
                    r.unknown("ServerSideEncryptionByDefault", "kmsMasterKeyId", u.why());
                    algorithm = Optional.empty();
                } else if (byDefault instanceof Map<?, ?> sse) {
                    Props s = sub(d, sse, path + "[0].ServerSideEncryptionByDefault");
                    algorithm = s.string("SSEAlgorithm", "encryptionAlgorithm");
                    // KMSMasterKeyID absent with aws:kms: S3 uses the AWS managed key aws/s3
                    key = s.has("KMSMasterKeyID") ? s.string("KMSMasterKeyID", "kmsMasterKeyId").map(out::keyId)
                            : Optional.empty();
                } else if (list.get(0) instanceof Unknown u) {
                    p.unknown(path + "[0]", "encryptionAlgorithm", u.why());
                    algorithm = Optional.empty();
                }
            }
        }

        Optional<Bucket.PublicAccessBlock> block = publicAccessBlock(d, p);
        // the account's switches are not in a template: unknown here, read by the scan after deploy
        out.errors.add(CollectionError.ofResource(Props.SOURCE, out.account, out.region,
                "s3control:GetPublicAccessBlock", ResourceTypes.BUCKET, d.logicalId(),
                List.of("accountPublicAccessBlock"), ACCOUNT_LEVEL, "the account's S3 Block Public Access is not"
                        + " declared in a template (bucket " + d.logicalId() + " is judged on its own"
                        + " PublicAccessBlockConfiguration only where that blocks all four; otherwise the scan"
                        + " after deploy judges it)"));

        Optional<String> ownership = Optional.of("BucketOwnerEnforced");
        Object controls = p.raw("OwnershipControls");
        if (controls instanceof Unknown u) {
            p.unknown("OwnershipControls", "ownership", u.why());
            ownership = Optional.empty();
        } else if (controls instanceof Map<?, ?> c) {
            Object rules = c.get("Rules");
            if (rules instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> rule) {
                ownership = sub(d, rule, "OwnershipControls.Rules[0]").string("ObjectOwnership", "ownership");
            } else if (rules instanceof Unknown || rules instanceof List<?> l && !l.isEmpty()) {
                p.unknown("OwnershipControls.Rules", "ownership", "not a list of rules the template settles");
                ownership = Optional.empty();
            }
        }
        Optional<List<String>> grants = ownership.map(o -> List.<String>of());
        if (ownership.isPresent() && !ownership.get().equals("BucketOwnerEnforced") && p.has("AccessControl")) {
            grants = p.string("AccessControl", "aclPublicGrants").map(acl -> CANNED.getOrDefault(acl, List.of()));
        } else if (ownership.isEmpty()) {
            grants = Optional.empty();
            p.unknown("OwnershipControls", "aclPublicGrants", "whether ACLs are enabled is unknown");
        }

        Optional<Boolean> attached = Optional.of(false);
        Optional<String> policy = Optional.empty();
        Optional<Boolean> policyPublic = Optional.of(false);
        List<Declared> mine = new ArrayList<>(policies.getOrDefault(d.logicalId(), List.of()));
        if (!name.equals(d.logicalId())) {
            mine.addAll(policies.getOrDefault(name, List.of()));
        }
        if (!unknownTarget.isEmpty()) {
            Declared other = unknownTarget.get(0);
            out.errors.add(CollectionError.ofResource(Props.SOURCE, out.account, out.region,
                    "cloudformation:BucketPolicy", ResourceTypes.BUCKET, d.logicalId(), List.of("policy", "policyAttached"),
                    Props.UNRESOLVED, "BucketPolicy " + other.logicalId() + ".Properties.Bucket: "
                            + Intrinsics.text(other.properties().get("Bucket")) + " (which bucket it applies to is unknown)"));
            attached = Optional.empty();
            policyPublic = Optional.empty();
        } else if (!mine.isEmpty()) {
            Declared bp = mine.get(0);
            attached = Optional.of(true);
            // S3's own judgement of the policy exists once it is attached
            policyPublic = Optional.empty();
            policy = out.props(bp, ResourceTypes.BUCKET).document("PolicyDocument", "policy");
            if (policy.isPresent() && declaredName instanceof Unknown u) {
                // the policy's resources are matched against the bucket's ARN, which the template leaves open
                p.unknown("BucketName", "policy", u.why());
                policy = Optional.empty();
            }
            if (policy.isEmpty()) {
                // the document is unknown: its error names the bucket policy's property; the bucket's facts read it
                out.moveErrors(bp.logicalId(), ResourceTypes.BUCKET, d.logicalId(), List.of("policy", "policyAttached"));
            }
        }

        Optional<List<Bucket.LifecycleRule>> lifecycle = lifecycle(d, p);
        out.buckets.add(new Bucket(out.account, out.region, d.logicalId(), arn, Optional.of(out.now), algorithm, key,
                bucketKey, block, Optional.empty(), attached, policy, policyPublic, lifecycle, ownership, grants,
                d.tags()));
    }

    /** PublicAccessBlockConfiguration; absent: all four on, as S3 creates every new bucket since April 2023. */
    private Optional<Bucket.PublicAccessBlock> publicAccessBlock(Declared d, Props p) {
        if (!p.has("PublicAccessBlockConfiguration")) {
            return Optional.of(new Bucket.PublicAccessBlock(true, true, true, true));
        }
        Object v = p.raw("PublicAccessBlockConfiguration");
        if (v instanceof Unknown u) {
            p.unknown("PublicAccessBlockConfiguration", "publicAccessBlock", u.why());
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            p.unknown("PublicAccessBlockConfiguration", "publicAccessBlock", "'" + v + "' is not a configuration");
            return Optional.empty();
        }
        Props b = sub(d, m, "PublicAccessBlockConfiguration");
        Optional<Boolean> acls = b.bool("BlockPublicAcls", "publicAccessBlock", false);
        Optional<Boolean> ignore = b.bool("IgnorePublicAcls", "publicAccessBlock", false);
        Optional<Boolean> policy = b.bool("BlockPublicPolicy", "publicAccessBlock", false);
        Optional<Boolean> restrict = b.bool("RestrictPublicBuckets", "publicAccessBlock", false);
        if (acls.isEmpty() || ignore.isEmpty() || policy.isEmpty() || restrict.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Bucket.PublicAccessBlock(acls.get(), ignore.get(), policy.get(), restrict.get()));
    }

    /**
     * LifecycleConfiguration.Rules as the collector reads them: Id, Status, the rule's Prefix, TagFilters and object
     * size filters, ExpirationInDays / ExpirationDate, the noncurrent expiration and the abort of incomplete
     * multipart uploads. Any unknown part leaves the rules unknown.
     */
    private Optional<List<Bucket.LifecycleRule>> lifecycle(Declared d, Props p) {
        if (!p.has("LifecycleConfiguration")) {
            return Optional.of(List.of());
        }
        Object v = p.raw("LifecycleConfiguration");
        if (v instanceof Unknown u) {
            p.unknown("LifecycleConfiguration", "lifecycleRules", u.why());
            return Optional.empty();
        }
        Object rules = v instanceof Map<?, ?> m ? m.get("Rules") : null;
        if (rules instanceof Unknown u) {
            p.unknown("LifecycleConfiguration.Rules", "lifecycleRules", u.why());
            return Optional.empty();
        }
        List<Bucket.LifecycleRule> out = new ArrayList<>();
        List<?> list = rules instanceof List<?> l ? l : List.of();
        for (int i = 0; i < list.size(); i++) {
            String path = "LifecycleConfiguration.Rules[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> rule)) {
                p.unknown(path, "lifecycleRules", Intrinsics.text(list.get(i)));
                return Optional.empty();
            }
            Props r = sub(d, rule, path);
            int before = this.out.errors.size();
            Optional<String> id = r.has("Id") ? r.string("Id", "lifecycleRules") : Optional.of("");
            Optional<String> status = r.string("Status", "lifecycleRules");
            Optional<String> prefix = r.has("Prefix") ? r.string("Prefix", "lifecycleRules") : Optional.of("");
            Map<String, String> tags = new TreeMap<>();
            if (r.raw("TagFilters") instanceof Unknown u) {
                r.unknown("TagFilters", "lifecycleRules", u.why());
            } else if (r.raw("TagFilters") instanceof List<?> filters) {
                for (Object f : filters) {
                    if (f instanceof Map<?, ?> t && !(t.get("Key") instanceof Unknown) && !(t.get("Value") instanceof Unknown)) {
                        tags.put(Intrinsics.text(t.get("Key")), Intrinsics.text(t.get("Value")));
                    } else {
                        r.unknown("TagFilters", "lifecycleRules", Intrinsics.text(f));
                    }
                }
            }
            boolean sized = r.has("ObjectSizeGreaterThan") || r.has("ObjectSizeLessThan");
            Optional<Integer> days = r.integer("ExpirationInDays", "lifecycleRules", null);
            Optional<java.time.Instant> date = Optional.empty();
            if (r.has("ExpirationDate")) {
                Optional<String> text = r.string("ExpirationDate", "lifecycleRules");
                try {
                    date = text.map(t -> t.length() == 10 ? java.time.Instant.parse(t + "T00:00:00Z")
                            : java.time.Instant.parse(t));
                } catch (java.time.format.DateTimeParseException e) {
                    r.unknown("ExpirationDate", "lifecycleRules", "'" + text.orElse("") + "' is not a date");
                }
            }
            Optional<Integer> noncurrent = r.integer("NoncurrentVersionExpirationInDays", "lifecycleRules", null);
            if (rule.get("NoncurrentVersionExpiration") instanceof Map<?, ?> n) {
                noncurrent = sub(d, n, path + ".NoncurrentVersionExpiration").integer("NoncurrentDays",
                        "lifecycleRules", null);
            }
            Optional<Integer> abort = Optional.empty();
            if (rule.get("AbortIncompleteMultipartUpload") instanceof Map<?, ?> a) {
                abort = sub(d, a, path + ".AbortIncompleteMultipartUpload").integer("DaysAfterInitiation",
                        "lifecycleRules", null);
            }
            if (this.out.errors.size() > before || id.isEmpty() || status.isEmpty() || prefix.isEmpty()) {
                return Optional.empty();
            }
            out.add(new Bucket.LifecycleRule(id.get(), status.get(), prefix.get(), tags, sized, days, date,
                    noncurrent, abort));
        }
        return Optional.of(out);
    }

    private Props sub(Declared d, Map<?, ?> m, String path) {
        return new Props(new Resource(d.logicalId(), d.type(), ResourceTypes.BUCKET, out.account, out.region,
                d.tags()), strings(m), out.errors, path);
    }

    private static Map<String, Object> strings(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
