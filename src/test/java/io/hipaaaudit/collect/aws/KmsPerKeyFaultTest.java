package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.KmsKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A KMS call about one key that fails leaves only that key's facts unknown, and only the facts that call gives;
 * a key that cannot be used answers KMSInvalidStateException, which is its known state, not a failure.
 */
@Timeout(60)
class KmsPerKeyFaultTest {
    static final String CMK = AwsCollectorTest.CMK;
    static final String FOREIGN = "arn:aws:kms:us-east-1:444455556666:key/9f9f9f9f-0000-4000-8000-000000000444";

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private Inventory scan() {
        return new AwsCollector().collect(wire.options("us-east-1")).inventory();
    }

    private static KmsKey key(Inventory inv, String arn) {
        return inv.kmsKeys().stream().filter(k -> k.arn().equals(arn)).findFirst().orElseThrow();
    }

    @Test
    void aCrossAccountKeyWhoseDescribeKeyIsDeniedIsStillAKeyWithEveryDescribedFactUnknown() {
        // the Aurora member is encrypted with another account's key; that account does not let us describe it
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(0)
                .withRequestBody(containing("instances-page-2"))
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBInstances@instances-page-2.xml")
                        .replace(AwsCollectorTest.AWS_RDS_KEY, FOREIGN))));
        wire.server.stubFor(wire.request("us-east-1", "kms", "DescribeKey").atPriority(0)
                .withRequestBody(containing("444455556666"))
                .willReturn(AwsWire.jsonError(400, "AccessDeniedException", "User: arn:aws:iam::111122223333:user/"
                        + "auditor is not authorized to perform: kms:DescribeKey on resource: " + FOREIGN)));
        Inventory inv = scan();

        KmsKey foreign = key(inv, FOREIGN);
        assertThat(foreign.id()).isEqualTo("9f9f9f9f-0000-4000-8000-000000000444");
        assertThat(foreign.account()).isEqualTo(AwsWire.ACCOUNT);
        assertThat(foreign.ownerAccount()).isEqualTo("444455556666");
        assertThat(foreign.manager()).isEmpty();
        assertThat(foreign.state()).isEmpty();
        assertThat(foreign.keySpec()).isEmpty();
        assertThat(foreign.keyUsage()).isEmpty();
        assertThat(foreign.origin()).isEmpty();
        assertThat(foreign.rotationEnabled()).isEmpty();
        assertThat(foreign.policy()).isEmpty();
        CollectionError error = only(inv);
        assertThat(error.perResource()).isTrue();
        assertThat(error.resource()).contains(FOREIGN);
        assertThat(error.operation()).isEqualTo("kms:DescribeKey");
        assertThat(error.code()).isEqualTo("AccessDeniedException");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.KMS_KEY);
        assertThat(error.fields()).contains("manager", "state", "keySpec", "keyUsage", "origin", "rotationEnabled");
        // the other keys are untouched
        assertThat(key(inv, CMK).state()).contains("Enabled");
        assertThat(key(inv, CMK).rotationEnabled()).contains(true);
        assertThat(WireFindings.status(inv, "kms-key-enabled", CMK.substring(CMK.lastIndexOf('/') + 1)))
                .isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "kms-key-enabled", foreign.id())).isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void aDeniedRotationOrPolicyCallLeavesOnlyThatFactOfThatKeyUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "kms", "GetKeyRotationStatus").atPriority(0)
                .willReturn(AwsWire.jsonError(400, "AccessDeniedException", "not authorized to perform: kms:GetKeyRotationStatus")));
        wire.server.stubFor(wire.request("us-east-1", "kms", "GetKeyPolicy").atPriority(0)
                .willReturn(AwsWire.jsonError(400, "AccessDeniedException", "not authorized to perform: kms:GetKeyPolicy")));
        Inventory inv = scan();

        KmsKey cmk = key(inv, CMK);
        assertThat(cmk.state()).contains("Enabled");
        assertThat(cmk.manager()).contains("CUSTOMER");
        assertThat(cmk.rotationEnabled()).isEmpty();
        assertThat(cmk.policy()).isEmpty();
        assertThat(inv.collectionErrors()).hasSize(2).allSatisfy(e -> {
            assertThat(e.resource()).contains(CMK);
            assertThat(e.code()).isEqualTo("AccessDeniedException");
        });
        assertThat(inv.collectionErrors()).extracting(CollectionError::operation, CollectionError::fields)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("kms:GetKeyPolicy", java.util.List.of("policy")),
                        org.assertj.core.groups.Tuple.tuple("kms:GetKeyRotationStatus",
                                java.util.List.of("rotationEnabled")));
        assertThat(WireFindings.status(inv, "kms-key-rotation-enabled", cmk.id())).isEqualTo(Status.NOT_ASSESSED);
        assertThat(key(inv, AwsCollectorTest.AWS_RDS_KEY).manager()).contains("AWS");
    }

    @Test
    void aKeyPendingDeletionAnsweringInvalidStateForRotationIsKnownAndFailsKeyEnabled() {
        wire.server.stubFor(wire.request("us-east-1", "kms", "DescribeKey").atPriority(0)
                .withRequestBody(containing("1234abcd-12ab-34cd-56ef-1234567890ab"))
                .willReturn(AwsWire.ok("kms", WireFindings.fixture("kms", "DescribeKey@1234abcd-12ab-34cd-56ef-1234567890ab.json")
                        .replace("\"Enabled\":true", "\"Enabled\":false")
                        .replace("\"KeyState\":\"Enabled\"", "\"KeyState\":\"PendingDeletion\",\"DeletionDate\":1.8E9"))));
        wire.server.stubFor(wire.request("us-east-1", "kms", "GetKeyRotationStatus").atPriority(0)
                .willReturn(AwsWire.jsonError(400, "KMSInvalidStateException", CMK + " is pending deletion.")));
        Inventory inv = scan();

        assertThat(inv.collectionErrors()).isEmpty();
        KmsKey cmk = key(inv, CMK);
        assertThat(cmk.state()).contains("PendingDeletion");
        assertThat(cmk.deletionDate()).isPresent();
        assertThat(cmk.rotationEnabled()).isEmpty();
        assertThat(WireFindings.status(inv, "kms-key-enabled", cmk.id())).isEqualTo(Status.FAIL);
        assertThat(WireFindings.status(inv, "kms-key-rotation-enabled", cmk.id())).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void invalidStateFromAnEnabledKeyIsAFailureOfThatKeysRotationOnly() {
        wire.server.stubFor(wire.request("us-east-1", "kms", "GetKeyRotationStatus").atPriority(0)
                .willReturn(AwsWire.jsonError(400, "KMSInvalidStateException", "the key is not in a valid state")));
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.resource()).contains(CMK);
        assertThat(error.code()).isEqualTo("KMSInvalidStateException");
        assertThat(error.fields()).containsExactly("rotationEnabled");
    }

    private static CollectionError only(Inventory inv) {
        assertThat(inv.collectionErrors()).hasSize(1);
        return inv.collectionErrors().get(0);
    }
}
