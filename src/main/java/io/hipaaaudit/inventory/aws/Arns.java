package io.hipaaaudit.inventory.aws;

import java.util.List;

/**
 * ARNs and partitions. An ARN names the partition of its region ({@code arn:aws-us-gov:ec2:us-gov-west-1:...}), so
 * every ARN built here, and every report field that names a partition, takes it from {@link #partition(String)}:
 * the one place that knows which region belongs to which partition.
 */
public final class Arns {
    private Arns() {}

    /**
     * Region name prefix to partition, most specific first ({@code us-isob-} before {@code us-iso-}, both before
     * {@code us-}). The same table as the region patterns of the AWS SDK's partition metadata ({@code endpoints.json}:
     * {@code ^cn\-\w+\-\d+$} is aws-cn, {@code ^us\-gov\-\w+\-\d+$} aws-us-gov, {@code ^us\-iso\-} aws-iso,
     * {@code ^us\-isob\-} aws-iso-b, {@code ^eu\-isoe\-} aws-iso-e, {@code ^us\-isof\-} aws-iso-f,
     * {@code ^eusc\-de\-} aws-eusc); every other region is in {@code aws}.
     */
    private static final List<String[]> PARTITIONS = List.of(
            new String[] {"cn-", "aws-cn"},
            new String[] {"us-gov-", "aws-us-gov"},
            new String[] {"us-isob-", "aws-iso-b"},
            new String[] {"us-isof-", "aws-iso-f"},
            new String[] {"us-iso-", "aws-iso"},
            new String[] {"eu-isoe-", "aws-iso-e"},
            new String[] {"eusc-", "aws-eusc"});

    /** The partition a region belongs to: {@code aws-cn} for cn-north-1, {@code aws-us-gov} for us-gov-west-1 ... */
    public static String partition(String region) {
        String r = region == null ? "" : region;
        for (String[] p : PARTITIONS) {
            if (r.startsWith(p[0])) {
                return p[1];
            }
        }
        return "aws";
    }

    /**
     * The partition an ARN names, else that of {@code region}: an ARN that AWS returned is taken as written, since it
     * is the authority on where the resource lives.
     */
    public static String partition(String arn, String region) {
        if (arn != null && arn.startsWith("arn:")) {
            String[] parts = arn.split(":", 3);
            if (parts.length == 3 && !parts[1].isEmpty()) {
                return parts[1];
            }
        }
        return partition(region);
    }

    /** {@code arn:<partition of region>:<service>:<region>:<account>:<resource>}. */
    public static String of(String service, String region, String account, String resource) {
        return "arn:" + partition(region) + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    public static String ec2(String region, String account, String type, String id) {
        return of("ec2", region, account, type + "/" + id);
    }

    /** Account id inside an ARN ({@code arn:partition:service:region:account:...}), or empty if not an ARN. */
    public static String accountOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return "";
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 ? parts[4] : "";
    }
}
