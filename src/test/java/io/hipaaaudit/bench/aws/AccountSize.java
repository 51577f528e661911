package io.hipaaaudit.bench.aws;

import java.util.List;

/**
 * How big the synthetic account is. Counts are for the whole account and are spread evenly over the regions (the
 * first regions take the remainder), so "large" is one large account, not four. Everything else is derived from
 * these counts by {@link SyntheticAccount}.
 */
public record AccountSize(String name, int securityGroups, int subnets, int dbInstances, int kmsKeys, int regions) {
    static final List<String> REGION_NAMES = List.of("us-east-1", "eu-west-1", "us-west-2", "eu-central-1",
            "ap-southeast-2", "ca-central-1", "eu-north-1", "ap-northeast-1");

    public AccountSize {
        if (regions < 1 || regions > REGION_NAMES.size()) {
            throw new IllegalArgumentException("regions must be 1.." + REGION_NAMES.size());
        }
        if (subnets < 4 * regions || securityGroups < subnets / 20 * 3 + 3 * regions || dbInstances < 1 * regions) {
            throw new IllegalArgumentException("too small: at least 4 subnets, 3 security groups per VPC and one "
                    + "database per region");
        }
    }

    /** The benchmark's account: 5,000 security groups, 2,000 subnets, 500 databases, 2,000 keys in 4 regions. */
    public static AccountSize large() {
        return new AccountSize("large", 5000, 2000, 500, 2000, 4);
    }

    /** Runs in seconds: a few pages of each listing in two regions. */
    public static AccountSize small() {
        return new AccountSize("small", 600, 200, 40, 120, 2);
    }

    /** For the unit test (with a small page cap on the endpoint, so every listing still pages). */
    public static AccountSize tiny() {
        return new AccountSize("tiny", 60, 24, 12, 12, 2);
    }

    /** The cold-start benchmark's account (scripts/bench-cold.sh): one region, about 50 requests. */
    public static AccountSize cold() {
        return new AccountSize("cold", 6, 4, 1, 2, 1);
    }

    public static AccountSize named(String name) {
        return switch (name) {
            case "large" -> large();
            case "small" -> small();
            case "tiny" -> tiny();
            case "cold" -> cold();
            default -> throw new IllegalArgumentException("size is small, large, tiny or cold, not " + name);
        };
    }

    List<String> regionNames() {
        return REGION_NAMES.subList(0, regions);
    }

    /** This region's share of an account-wide count. */
    static int share(int total, int regions, int regionIndex) {
        return total / regions + (regionIndex < total % regions ? 1 : 0);
    }
}
