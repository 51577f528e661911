package io.hipaaaudit.collect.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The credentials of a scan: the test override, else the default chain (env, profiles, SSO, web identity, IMDS)
 * or the named profile, optionally exchanged for a role through STS AssumeRole. Closing releases the STS client.
 */
final class Credentials implements AutoCloseable {
    private final AwsCredentialsProvider provider;
    private final Optional<StsClient> assumeRoleClient;
    private final Optional<BoundedHttpClient> bounded;
    /** The HTTP client built for the STS client (none given in the options): the SDK does not close it. */
    private final Optional<SdkHttpClient> ownHttp;

    Credentials(AwsCollectorOptions options, String baseRegion, AwsTransport transport) {
        AwsCredentialsProvider base = options.credentialsProvider().orElseGet(() -> options.profile()
                .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
        if (options.roleArn().isEmpty()) {
            provider = base;
            assumeRoleClient = Optional.empty();
            bounded = Optional.empty();
            ownHttp = Optional.empty();
            return;
        }
        // the same bounds as every other client of the scan: a hanging STS ends at the attempt timeout
        bounded = Optional.of(new BoundedHttpClient(options.attemptTimeout(), options.deadline()));
        // a replay answers from its bundle and builds no network client
        ownHttp = options.httpClient().isPresent() || transport.replaying() ? Optional.empty()
                : Optional.of(AwsClients.httpClient(options.attemptTimeout()));
        var sts = StsClient.builder().region(Region.of(baseRegion)).credentialsProvider(base)
                .overrideConfiguration(AwsClients.bounds(options).build())
                .httpClient(bounded.get().wrap(transport.wrap(AwsClients.network(options.httpClient()
                        .or(() -> ownHttp)), "sts", baseRegion, options.clock())));
        options.endpointUrl().ifPresent(sts::endpointOverride);
        assumeRoleClient = Optional.of(sts.build());
        provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(assumeRoleClient.get())
                .refreshRequest(r -> r.roleArn(options.roleArn().get()).roleSessionName("hipaa-audit")
                        .externalId(options.externalId().orElse(null)))
                .build();
    }

    /** Resolves once up front, so a scan without credentials stops with one clear line instead of N errors. */
    AwsCredentialsProvider verified() {
        try {
            provider.resolveCredentials();
            return provider;
        } catch (SdkException e) {
            throw new AwsCredentialsException("No usable AWS credentials (" + Faults.message(e)
                    + "); set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or pass --profile/--role-arn");
        }
    }

    @Override
    public void close() {
        if (provider instanceof StsAssumeRoleCredentialsProvider assumed) {
            assumed.close();
        }
        assumeRoleClient.ifPresent(StsClient::close);
        bounded.ifPresent(BoundedHttpClient::close);
        ownHttp.ifPresent(SdkHttpClient::close); // one given in the options belongs to the caller
    }
}
