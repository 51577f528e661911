package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;

/** A managed prefix list with its entries; {@code addressFamily} is {@code IPv4} or {@code IPv6}. */
public record ManagedPrefixList(String account, String region, String id, String arn, String name,
                                String addressFamily, String ownerId, List<Entry> entries,
                                Map<String, String> tags) implements AwsResource {
    public ManagedPrefixList {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "prefix-list", id) : arn;
        name = Nulls.str(name);
        addressFamily = Nulls.str(addressFamily);
        ownerId = Nulls.str(ownerId);
        entries = Nulls.list(entries);
        tags = Nulls.sorted(tags);
    }

    public record Entry(String cidr, String description) {
        public Entry {
            cidr = Nulls.str(cidr);
            description = Nulls.str(description);
        }
    }
}
