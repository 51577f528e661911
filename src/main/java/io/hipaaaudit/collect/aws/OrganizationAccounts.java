package io.hipaaaudit.collect.aws;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/**
 * The member accounts of an AWS Organization (Organizations ListAccounts, read from the management account or a
 * delegated administrator with the scan's own credentials), each to be entered through the same role name.
 * Suspended and closed accounts are left out: there is nothing to audit in them and their roles cannot be assumed.
 */
public final class OrganizationAccounts {
    private OrganizationAccounts() {}

    /** The active accounts as targets {@code arn:<partition>:iam::<id>:role/<roleName>}, sorted by id. */
    public static List<AccountTarget> list(AwsCollectorOptions options, String roleName, Optional<String> externalId) {
        AwsCredentialsProvider credentials = options.credentialsProvider().orElseGet(() -> options.profile()
                .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
        // the SDK does not close an HTTP client it was given: this one is closed with the client
        var http = AwsClients.httpClient(options.attemptTimeout());
        var bounded = new BoundedHttpClient(options.attemptTimeout(), options.deadline());
        var builder = OrganizationsClient.builder()
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials)
                .httpClient(bounded.wrap(http))
                .overrideConfiguration(AwsClients.bounds(options).addExecutionInterceptor(new PaginationGuard())
                        .build());
        options.endpointUrl().ifPresent(builder::endpointOverride);
        try (http; bounded; OrganizationsClient client = builder.build()) {
            return client.listAccountsPaginator(r -> r.maxResults(20)).stream().flatMap(p -> p.accounts().stream())
                    .filter(a -> a.status() == AccountStatus.ACTIVE)
                    .map(a -> new AccountTarget(a.id(), Optional.of("arn:" + partition(a.arn()) + ":iam::" + a.id()
                            + ":role/" + roleName), externalId, Optional.empty()))
                    .sorted(java.util.Comparator.comparing(AccountTarget::id))
                    .toList();
        } catch (SdkException e) {
            throw new AwsCredentialsException("Cannot list the organization's accounts (organizations:ListAccounts "
                    + Faults.code(e) + ": " + Faults.message(e) + "); run from the management account or a "
                    + "delegated administrator, or list the accounts in targets.accounts");
        }
    }

    /** The partition of the account's ARN (ListAccounts names the management account's partition). */
    private static String partition(String arn) {
        return io.hipaaaudit.inventory.aws.Arns.partition(arn, "");
    }
}
