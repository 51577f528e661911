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
    void absentListsAreEmptyAndAbsentFactsAreEmptyOptionals() {
        Inventory inv = InventoryJson.parse("{\"dbInstances\": [{\"account\": \"1\", \"region\": \"r\", \"id\": \"a\"}]}", "m");
        assertThat(inv.vpcs()).isEmpty();
        assertThat(inv.dbInstances().get(0).storageEncrypted()).isEmpty();
        assertThat(inv.dbInstances().get(0).vpcSecurityGroupIds()).isEmpty();
        assertThat(InventoryJson.write(inv)).doesNotContain("null").doesNotContain("storageEncrypted");
    }
}
