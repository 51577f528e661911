package io.hipaaaudit.config;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/** The AWS side of a scan: credentials profile, regions, endpoint and the accounts to assume roles in. */
public record Targets(Optional<String> profile, List<String> regions, Optional<String> endpointUrl,
                      List<Account> accounts) {
    public Targets {
        profile = Nulls.opt(profile);
        regions = Nulls.list(regions);
        endpointUrl = Nulls.opt(endpointUrl);
        accounts = Nulls.list(accounts);
    }

    /** One account: the role to assume there (with its external id) or the profile that reaches it. */
    public record Account(String id, Optional<String> roleArn, Optional<String> externalId, Optional<String> profile) {
        public Account {
            roleArn = Nulls.opt(roleArn);
            externalId = Nulls.opt(externalId);
            profile = Nulls.opt(profile);
        }
    }
}
