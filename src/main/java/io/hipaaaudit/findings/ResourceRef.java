package io.hipaaaudit.findings;

import io.hipaaaudit.inventory.Nulls;

/**
 * Which resource a finding is about. For PostgreSQL objects {@code arn} is a {@code postgresql://} locator and
 * account/region are those of the RDS instance the database runs on, when known.
 */
public record ResourceRef(String type, String id, String arn, String account, String region) {
    public ResourceRef {
        type = Nulls.str(type);
        id = Nulls.str(id);
        arn = Nulls.str(arn);
        account = Nulls.str(account);
        region = Nulls.str(region);
    }

    /** The resource's ARN, else {@code type:id}: the key other formats use for it. */
    public String uid() {
        return arn.isEmpty() ? type + ":" + id : arn;
    }
}
