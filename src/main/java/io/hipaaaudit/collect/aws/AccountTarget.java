package io.hipaaaudit.collect.aws;

import java.util.Optional;

/** One account of a multi-account scan: the role to assume there (with its external id) or the profile to use. */
public record AccountTarget(String id, Optional<String> roleArn, Optional<String> externalId,
                            Optional<String> profile) {
    public AccountTarget {
        roleArn = roleArn == null ? Optional.empty() : roleArn;
        externalId = externalId == null ? Optional.empty() : externalId;
        profile = profile == null ? Optional.empty() : profile;
    }

    /** The options for this account: its role or profile over the scan's shared options. */
    AwsCollectorOptions options(AwsCollectorOptions base) {
        AwsCollectorOptions o = base;
        if (profile.isPresent()) {
            o = o.withProfile(profile.get());
        }
        if (roleArn.isPresent()) {
            o = o.withRole(roleArn.get(), externalId.orElse(null));
        }
        return o;
    }
}
