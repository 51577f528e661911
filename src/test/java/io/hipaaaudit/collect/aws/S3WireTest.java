package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Bucket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * S3 through the real SDK clients (path-style against the local endpoint, REST-XML): full answers, every "no such
 * configuration" error read as data, a denied GetBucketPolicy on one bucket, a denied ListBuckets, paging, the
 * BucketRegion / GetBucketLocation placement, a bucket in a region not scanned, and never an object-level request.
 */
@Timeout(60)
class S3WireTest {
    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private AwsCollection scan() {
        return new AwsCollector().collect(wire.options("us-east-1"));
    }

    private static Bucket bucket(Inventory inv, String name) {
        return inv.buckets().stream().filter(b -> b.id().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFullAnswerGivesEveryFieldAndTheNoConfigurationErrorsAreAnswers() {
        AwsCollection result = scan();
        Inventory inv = result.inventory();

        assertThat(inv.collectionErrors()).isEmpty();
        // eu-archive (eu-west-1) and oregon-scratch (us-west-2) are in regions this scan does not cover
        assertThat(inv.buckets()).extracting(Bucket::id)
                .containsExactly("legacy-exports", "old-reports", "phi-uploads-prod");
        Bucket phi = bucket(inv, "phi-uploads-prod");
        assertThat(phi.arn()).isEqualTo("arn:aws:s3:::phi-uploads-prod");
        assertThat(phi.region()).isEqualTo("us-east-1");
        assertThat(phi.creationDate()).contains(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(phi.encryptionAlgorithm()).contains("aws:kms");
        assertThat(phi.kmsMasterKeyId()).contains(AwsCollectorTest.CMK);
        assertThat(phi.bucketKeyEnabled()).contains(true);
        assertThat(phi.publicAccessBlock()).contains(new Bucket.PublicAccessBlock(true, true, true, true));
        assertThat(phi.accountPublicAccessBlock()).contains(Bucket.PublicAccessBlock.NONE);
        assertThat(phi.policyAttached()).contains(true);
        assertThat(phi.policy()).hasValueSatisfying(p -> assertThat(p).contains("DenyInsecureTransport"));
        assertThat(phi.policyPublic()).contains(false);
        assertThat(phi.ownership()).contains("BucketOwnerEnforced");
        assertThat(phi.aclPublicGrants()).contains(List.of());
        assertThat(phi.tags()).containsEntry("Purpose", "temporary");
        List<Bucket.LifecycleRule> rules = phi.lifecycleRules().orElseThrow();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).id()).isEqualTo("expire-temporary-uploads");
        assertThat(rules.get(0).wholeBucket()).isTrue();
        assertThat(rules.get(0).expirationDays()).contains(7);
        assertThat(rules.get(0).noncurrentExpirationDays()).contains(1);
        assertThat(rules.get(0).abortIncompleteMultipartDays()).contains(1);
        assertThat(rules.get(1).prefix()).isEqualTo("reports/");
        assertThat(rules.get(1).filterTags()).containsEntry("kind", "report");
        assertThat(rules.get(1).wholeBucket()).isFalse();
        // the bucket's key is described by the region's KMS collector, so its owner and manager are known
        assertThat(inv.kmsKeys()).extracting(k -> k.arn()).contains(AwsCollectorTest.CMK);

        Bucket legacy = bucket(inv, "legacy-exports");
        assertThat(legacy.encryptionAlgorithm()).contains("AES256"); // S3's default SSE-S3
        assertThat(legacy.kmsMasterKeyId()).isEmpty();
        assertThat(legacy.publicAccessBlock()).contains(Bucket.PublicAccessBlock.NONE);
        assertThat(legacy.policyAttached()).contains(false);
        assertThat(legacy.policy()).isEmpty();
        assertThat(legacy.policyPublic()).contains(false);
        assertThat(legacy.lifecycleRules()).contains(List.of());
        assertThat(legacy.ownership()).contains("ObjectWriter");
        assertThat(legacy.aclPublicGrants()).contains(List.of("AllUsers:READ"));
        assertThat(legacy.tags()).isEmpty();

        // no BucketRegion in the listing: GetBucketLocation's empty LocationConstraint is us-east-1
        assertThat(bucket(inv, "old-reports").region()).isEqualTo("us-east-1");

        assertThat(result.apiCalls()).containsEntry("s3:ListBuckets", 2L)
                .containsEntry("s3:GetBucketLocation", 1L)
                .containsEntry("s3control:GetPublicAccessBlock", 1L)
                .containsEntry("s3:GetBucketEncryption", 3L)
                .containsEntry("s3:GetBucketPolicy", 3L)
                .containsEntry("s3:GetBucketPolicyStatus", 1L) // only where a policy is attached
                .containsEntry("s3:GetBucketAcl", 2L); // not where ACLs are disabled

        assertThat(WireFindings.status(inv, "s3-bucket-encrypted-with-cmk", "phi-uploads-prod")).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "s3-bucket-encrypted-with-cmk", "legacy-exports")).isEqualTo(Status.FAIL);
        assertThat(WireFindings.status(inv, "s3-bucket-not-public", "phi-uploads-prod")).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "s3-bucket-not-public", "legacy-exports")).isEqualTo(Status.FAIL);
        assertThat(WireFindings.status(inv, "s3-bucket-tls-only", "phi-uploads-prod")).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "s3-bucket-tls-only", "legacy-exports")).isEqualTo(Status.FAIL);
        assertThat(WireFindings.status(inv, "s3-bucket-temporary-objects-expire", "phi-uploads-prod"))
                .isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "s3-bucket-temporary-objects-expire", "legacy-exports"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aDeniedBucketPolicyLeavesOnlyThatBucketsPolicyRulesNotAssessed() {
        wire.server.stubFor(wire.s3("us-east-1", "s3", "GetBucketPolicy", "phi-uploads-prod").atPriority(0)
                .willReturn(AwsWire.s3Error(403, "AccessDenied", "Access Denied")));
        Inventory inv = scan().inventory();

        Bucket phi = bucket(inv, "phi-uploads-prod");
        assertThat(phi.policyAttached()).isEmpty();
        assertThat(phi.policy()).isEmpty();
        assertThat(phi.encryptionAlgorithm()).contains("aws:kms");
        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("s3:GetBucketPolicy");
            assertThat(e.resource()).contains("arn:aws:s3:::phi-uploads-prod");
            assertThat(e.fields()).containsExactly("policyAttached", "policy", "policyPublic");
            assertThat(e.code()).isEqualTo("AccessDenied");
        });
        assertThat(WireFindings.status(inv, "s3-bucket-tls-only", "phi-uploads-prod")).isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "s3-bucket-not-public", "phi-uploads-prod")).isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "s3-bucket-encrypted-with-cmk", "phi-uploads-prod")).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "s3-bucket-tls-only", "legacy-exports")).isEqualTo(Status.FAIL);
    }

    @Test
    void aDeniedListingLeavesTheBucketsUnknownInEveryScannedRegion() {
        wire.server.stubFor(wire.s3("us-east-1", "s3", "ListBuckets", null).atPriority(0)
                .willReturn(AwsWire.s3Error(403, "AccessDenied", "Access Denied")));
        Inventory inv = scan().inventory();

        assertThat(inv.buckets()).isEmpty();
        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("s3:ListBuckets");
            assertThat(e.perResource()).isFalse();
            assertThat(e.covers(ResourceTypes.BUCKET, AwsWire.ACCOUNT, "us-east-1", "")).isTrue();
        });
        assertThat(WireFindings.findings(inv, "s3-bucket-not-public")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED));
    }

    @Test
    void aFullScanNeverSendsAnObjectLevelRequest() {
        scan();
        List<ServeEvent> s3 = wire.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getHeader("Authorization").contains("/s3/aws4_request")).toList();
        assertThat(s3).isNotEmpty().allSatisfy(e -> {
            var request = e.getRequest();
            String path = request.getUrl().replaceAll("\\?.*$", "");
            assertThat(request.getMethod().getName()).isEqualTo("GET");
            // path-style: "/" (ListBuckets), "/bucket" (bucket configuration) or the s3control account path;
            // an object request would carry a key after the bucket
            assertThat(path).matches("/|/[^/]+/?|/v20180820/configuration/publicAccessBlock");
            assertThat(request.queryParameter("list-type").isPresent()).isFalse();
            assertThat(request.getUrl()).doesNotContain("prefix=").doesNotContain("versions");
        });
    }
}
