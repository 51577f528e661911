package io.hipaaaudit.inventory.aws;

/** Builds the ARN form for resources whose API does not return one, so every finding has a stable location. */
public final class Arns {
    private Arns() {}

    public static String ec2(String region, String account, String type, String id) {
        return "arn:aws:ec2:" + region + ":" + account + ":" + type + "/" + id;
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
