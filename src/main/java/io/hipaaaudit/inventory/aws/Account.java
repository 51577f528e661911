package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/** An AWS account in the scan and the regions scanned in it. */
public record Account(String id, Optional<String> alias, String partition, List<String> regions) {
    public Account {
        id = Nulls.str(id);
        alias = Nulls.opt(alias);
        partition = partition == null ? "aws" : partition;
        regions = Nulls.list(regions);
    }
}
