package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.listed;
import static io.hipaaaudit.inventory.ResourceTypes.SECRET;

import io.hipaaaudit.inventory.aws.Secret;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * The secrets of one region, metadata only: ListSecrets (secrets scheduled for deletion included, so a credential
 * about to disappear is judged too), DescribeSecret only for a secret whose listing entry lacks RotationEnabled
 * (DescribeSecret documents what its absence means; ListSecrets does not), and GetResourcePolicy per secret. The
 * scanner never reads a secret's value: GetSecretValue is neither called nor in the IAM policy.
 *
 * <p>Every call after the listing is about one secret, so a failure leaves only that secret's fields unknown.
 */
final class SecretsManagerCollector {
    /** Secrets read at once per region: one or two calls each, held back by the client-side rate. */
    static final int SECRETS_IN_FLIGHT = 3;
    private static final String LIST = "secretsmanager:ListSecrets";

    private final SecretsManagerClient secrets;
    private final RegionScope scope;
    private final Executor pool;
    private final SecretsManagerMapper map;

    SecretsManagerCollector(SecretsManagerClient secrets, RegionScope scope, Executor pool) {
        this.secrets = secrets;
        this.scope = scope;
        this.pool = pool;
        this.map = new SecretsManagerMapper(scope);
    }

    /** Collects the region's secrets; returns the KMS key ARNs they name, for the KMS collector to describe. */
    Set<String> collect() {
        List<SecretListEntry> entries = scope.call(LIST, List.of(SECRET), () -> secrets
                        .listSecretsPaginator(r -> r.includePlannedDeletion(true).maxResults(100)).stream()
                        .flatMap(page -> listed(page.hasSecretList(), page.secretList(), "SecretList").stream())
                        .toList())
                .map(items -> scope.identified(LIST, List.of(SECRET), items, SecretListEntry::arn, "ARN"))
                .map(items -> scope.identified(LIST, List.of(SECRET), items, SecretListEntry::name, "Name"))
                .orElse(List.of());
        Fanout.run(entries.stream().<Runnable>map(e -> () -> scope.sink().addAll(Secret.class, List.of(secret(e))))
                .toList(), pool, SECRETS_IN_FLIGHT - 1);
        Set<String> keys = new TreeSet<>();
        entries.forEach(e -> Tags.text(e.kmsKeyId()).filter(k -> k.startsWith("arn:") && k.contains(":key/"))
                .ifPresent(keys::add));
        return keys;
    }

    private Secret secret(SecretListEntry entry) {
        Secret secret = map.secret(entry);
        if (entry.rotationEnabled() == null) {
            // DescribeSecret: "If the secret has never been configured for rotation, Secrets Manager returns null."
            secret = secret.withRotationEnabled(scope.callFor("secretsmanager:DescribeSecret", SECRET, entry.arn(),
                    List.of("rotationEnabled"),
                    () -> Boolean.TRUE.equals(secrets.describeSecret(r -> r.secretId(entry.arn())).rotationEnabled())));
        }
        // An answer without ResourcePolicy means no policy is attached: an answer, not an unknown.
        Optional<String> policy = scope.callFor("secretsmanager:GetResourcePolicy", SECRET, entry.arn(),
                List.of("policy"), () -> Tags.text(secrets.getResourcePolicy(r -> r.secretId(entry.arn()))
                        .resourcePolicy())).flatMap(p -> p);
        return secret.withPolicy(policy);
    }
}
