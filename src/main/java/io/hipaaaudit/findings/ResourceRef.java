package io.hipaaaudit.findings;

import io.hipaaaudit.inventory.Nulls;

/**
 * Which resource a finding is about. For PostgreSQL objects {@code arn} is a {@code postgresql://} locator and
 * account/region are those of the RDS instance the database runs on, when known.
 */
public record ResourceRef(String type, String id, String arn, String account, String region) {
    /**
     * The order of resources in findings.json: account, region, type, id (written out rather than chained: a large
     * scan sorts hundreds of thousands of findings, and a chain of key extractors cost several times the
     * comparisons).
     */
    public static final java.util.Comparator<ResourceRef> ORDER = (x, y) -> {
        int c = x.account.compareTo(y.account);
        if (c == 0) {
            c = x.region.compareTo(y.region);
        }
        if (c == 0) {
            c = x.type.compareTo(y.type);
        }
        return c != 0 ? c : x.id.compareTo(y.id);
    };

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
