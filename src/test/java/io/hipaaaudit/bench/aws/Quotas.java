package io.hipaaaudit.bench.aws;

import java.util.Map;

/**
 * The API request quotas of DESIGN.md, per account and region, as token buckets (burst, refill per second). EC2
 * counts per API, and DescribeSecurityGroups without MaxResults has a lower quota of its own; RDS counts all its
 * Describe calls together; KMS and CloudTrail count per API, LookupEvents with 2 per second.
 */
final class Quotas {
    record Quota(double burst, double perSecond) {}

    private static final Quota EC2 = new Quota(100, 20);
    private static final Quota EC2_UNPAGED_SECURITY_GROUPS = new Quota(50, 10);
    private static final Quota RDS = new Quota(300, 12);
    private static final Map<String, Quota> KMS = Map.of("DescribeKey", new Quota(2000, 2000),
            "GetKeyPolicy", new Quota(1000, 1000), "GetKeyRotationStatus", new Quota(1000, 1000),
            "ListKeys", new Quota(100, 100), "ListAliases", new Quota(100, 100));
    private static final Quota CLOUDTRAIL = new Quota(10, 10);
    private static final Quota LOOKUP_EVENTS = new Quota(2, 2);
    private static final Quota STS = new Quota(600, 600);
    /** CloudWatch Logs DescribeLogGroups: taken as 5 per second here, at or below the account's quota. */
    private static final Quota LOGS = new Quota(5, 5);
    /** Lambda control-plane calls such as ListFunctions: 15 per second. */
    private static final Quota LAMBDA = new Quota(15, 15);

    private Quotas() {}

    /** The bucket a request draws from, within its region. */
    static String bucket(String service, String action, boolean unpaged) {
        return switch (service) {
            case "ec2" -> "ec2:" + action + (unpaged && action.equals("DescribeSecurityGroups") ? "(no MaxResults)" : "");
            case "rds" -> "rds:Describe*";
            case "sts" -> "sts";
            default -> service + ":" + action;
        };
    }

    static Quota of(String bucket) {
        if (bucket.startsWith("ec2:")) {
            return bucket.endsWith("(no MaxResults)") ? EC2_UNPAGED_SECURITY_GROUPS : EC2;
        }
        if (bucket.startsWith("kms:")) {
            return KMS.getOrDefault(bucket.substring(4), new Quota(100, 100));
        }
        if (bucket.startsWith("cloudtrail:")) {
            return bucket.equals("cloudtrail:LookupEvents") ? LOOKUP_EVENTS : CLOUDTRAIL;
        }
        if (bucket.startsWith("logs:")) {
            return LOGS;
        }
        if (bucket.startsWith("lambda:")) {
            return LAMBDA;
        }
        return bucket.startsWith("rds") ? RDS : STS;
    }

    /** A token bucket that starts full. */
    static final class Bucket {
        private final Quota quota;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(Quota quota, double scale) {
            this.quota = new Quota(Math.max(1, quota.burst() * scale), quota.perSecond() * scale);
            this.tokens = this.quota.burst();
        }

        synchronized boolean tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(quota.burst(), tokens + (now - last) / 1e9 * quota.perSecond());
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
