package io.hipaaaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InventoryJsonTest {
    @Test
    void theJsonFormRoundTripsExactly() {
        Inventory inv = InventoryJson.read(Path.of("examples/healthapp-snapshot.json"));
        String once = InventoryJson.write(inv);
        Inventory again = InventoryJson.parse(once, "memory");
        assertThat(again).isEqualTo(inv);
        assertThat(InventoryJson.write(again)).isEqualTo(once);
        assertThat(InventoryJson.sha256(again)).isEqualTo(InventoryJson.sha256(inv));
    }

    @Test
    void absentFactsAreEmptyOptionalsAndAbsentListsAreUnknown() {
        Inventory inv = InventoryJson.parse("{\"dbInstances\": [{\"account\": \"1\", \"region\": \"r\", \"id\": \"a\"}],"
                + " \"vpcs\": []}", "old.json");
        assertThat(inv.dbInstances().get(0).storageEncrypted()).isEmpty();
        assertThat(inv.dbInstances().get(0).vpcSecurityGroupIds()).isEmpty();
        assertThat(inv.vpcs()).isEmpty();
        // [] is "observed, none"; a missing list was not observed: a listing error for its type, nothing for the others
        assertThat(inv.collectionErrors()).extracting(CollectionError::operation)
                .contains("snapshot:buckets", "snapshot:subnets", "snapshot:lambdaFunctions")
                .doesNotContain("snapshot:vpcs", "snapshot:dbInstances", "snapshot:databases");
        CollectionError buckets = inv.collectionErrors().stream()
                .filter(e -> e.operation().equals("snapshot:buckets")).findFirst().orElseThrow();
        assertThat(buckets.code()).isEqualTo(InventoryJson.NOT_IN_SNAPSHOT);
        assertThat(buckets.covers(ResourceTypes.BUCKET, "1", "r", null)).isTrue();
        assertThat(buckets.message()).contains("old.json", "'buckets'");
        assertThat(InventoryJson.write(inv)).doesNotContain("null").doesNotContain("storageEncrypted");
    }

    @Test
    void aCompleteSnapshotGainsNoError() {
        String complete = InventoryJson.write(Inventory.empty());
        assertThat(InventoryJson.parse(complete, "m").collectionErrors()).isEmpty();
    }

    @Test
    void everyResourceListOfTheFormIsCheckedForPresence() {
        java.util.Set<String> lists = new java.util.TreeSet<>();
        for (java.lang.reflect.RecordComponent c : Inventory.class.getRecordComponents()) {
            if (c.getType() == java.util.List.class) {
                lists.add(c.getName());
            }
        }
        lists.removeAll(InventoryJson.EXEMPT);
        assertThat(InventoryJson.LISTS.keySet()).containsExactlyInAnyOrderElementsOf(lists);
    }

    @Test
    void aSnapshotThatIsNotAnObjectIsBadInput() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InventoryJson.parse("[1]", "x.json"))
                .isInstanceOf(io.hipaaaudit.json.InputException.class)
                .hasMessage("x.json:1: a snapshot is a JSON object (the inventory's JSON form)");
    }
}
