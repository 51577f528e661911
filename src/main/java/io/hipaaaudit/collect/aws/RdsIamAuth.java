package io.hipaaaudit.collect.aws;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * RDS IAM database authentication: the password is a short-lived token signed with the caller's AWS
 * credentials (it is generated locally, no API call). Each call makes a fresh token, valid for 15 minutes.
 */
public final class RdsIamAuth {
    private RdsIamAuth() {}

    public static Supplier<String> tokens(String host, int port, String user, String region, Optional<String> profile) {
        return () -> {
            AwsCredentialsProvider credentials = profile.isPresent()
                    ? ProfileCredentialsProvider.create(profile.get())
                    : DefaultCredentialsProvider.builder().build();
            try {
                return RdsUtilities.builder().region(Region.of(region)).credentialsProvider(credentials).build()
                        .generateAuthenticationToken(b -> b.hostname(host).port(port).username(user));
            } catch (RuntimeException e) {
                throw new AwsCredentialsException("cannot sign an RDS IAM authentication token for " + user + "@"
                        + host + ": no usable AWS credentials");
            }
        };
    }

    /** The region in an RDS endpoint such as {@code db.abc123.eu-west-1.rds.amazonaws.com}. */
    public static Optional<String> regionOf(String host) {
        String[] parts = host.split("\\.");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i + 1].equals("rds") && parts[i].matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                return Optional.of(parts[i]);
            }
        }
        return Optional.empty();
    }
}
