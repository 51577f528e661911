package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/**
 * An AWS account in the scan and the regions scanned in it. {@code organizationAccounts}: the active accounts of
 * its AWS Organization, when the scan listed them (organizations:ListAccounts); unknown otherwise.
 */
public record Account(String id, Optional<String> alias, String partition, List<String> regions,
                      Optional<List<String>> organizationAccounts) {
    public Account {
        id = Nulls.str(id);
        alias = Nulls.opt(alias);
        partition = partition == null ? "aws" : partition;
        regions = Nulls.list(regions);
        organizationAccounts = Nulls.opt(organizationAccounts).map(List::copyOf);
    }

    public Account(String id, Optional<String> alias, String partition, List<String> regions) {
        this(id, alias, partition, regions, Optional.empty());
    }

    /** This account, known to belong to an organization of these accounts. */
    public Account inOrganization(List<String> accounts) {
        return new Account(id, alias, partition, regions, Optional.of(accounts));
    }
}
