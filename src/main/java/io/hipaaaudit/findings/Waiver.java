package io.hipaaaudit.findings;

import io.hipaaaudit.inventory.Nulls;
import java.time.LocalDate;

/** The waiver that turned a FAIL into WAIVED: who approved it, why, and until when. */
public record Waiver(String id, String justification, String approvedBy, LocalDate expires) {
    public Waiver {
        id = Nulls.str(id);
        justification = Nulls.str(justification);
        approvedBy = Nulls.str(approvedBy);
    }
}
