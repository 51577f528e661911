package io.hipaaaudit.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.aws.KmsKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A resource names its key by ARN, alias ARN, alias or id; ARNs carry the partition of the key's region. */
class KeyIndexTest {
    private static KmsKey key(String region, String id, String alias) {
        return new KmsKey("111122223333", region, id, null, null, Optional.of("CUSTOMER"), Optional.of("Enabled"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(alias), Optional.empty(), Map.of());
    }

    @Test
    void aKeyOutsideTheCommercialPartitionHasItsPartitionsArnAndResolvesByAliasArn() {
        KmsKey gov = key("us-gov-west-1", "1234abcd-0000-0000-0000-000000000001", "alias/phi");
        KmsKey cn = key("cn-north-1", "1234abcd-0000-0000-0000-000000000002", "alias/phi");
        KeyIndex index = new KeyIndex(List.of(gov, cn));

        assertThat(gov.arn()).isEqualTo("arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/" + gov.id());
        assertThat(cn.arn()).isEqualTo("arn:aws-cn:kms:cn-north-1:111122223333:key/" + cn.id());
        assertThat(index.resolve("111122223333", "us-gov-west-1",
                "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/phi")).contains(gov);
        assertThat(index.resolve("111122223333", "cn-north-1", "arn:aws-cn:kms:cn-north-1:111122223333:alias/phi"))
                .contains(cn);
        assertThat(index.resolve("111122223333", "us-gov-west-1", "alias/phi")).contains(gov);
        assertThat(index.resolve("111122223333", "us-gov-west-1", gov.arn())).contains(gov);
    }
}
