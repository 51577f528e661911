package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.Tags.opt;
import static io.hipaaaudit.collect.aws.Tags.text;
import static io.hipaaaudit.inventory.ResourceTypes.SECRET;

import io.hipaaaudit.inventory.aws.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Maps a ListSecrets entry to a {@link Secret}. The fields whose absence the API documents as a value (KmsKeyId:
 * the AWS managed key; LastRotatedDate: never rotated; DeletedDate: not scheduled for deletion; OwningService: not
 * managed by a service; PrimaryRegion: not replicated) are taken as they come. CreatedDate and LastChangedDate
 * every secret has: an entry without them leaves them unknown (recorded against the secret).
 */
final class SecretsManagerMapper {
    private final RegionScope scope;

    SecretsManagerMapper(RegionScope scope) {
        this.scope = scope;
    }

    Secret secret(SecretListEntry e) {
        Optional<RotationRulesType> rules = Optional.ofNullable(e.rotationRules());
        return new Secret(scope.account(), scope.region(), e.name(), e.arn(), text(e.kmsKeyId()),
                opt(e.rotationEnabled()), text(e.rotationLambdaARN()),
                rules.flatMap(r -> opt(r.automaticallyAfterDays())), rules.flatMap(r -> text(r.scheduleExpression())),
                opt(e.lastRotatedDate()), required(e, e.lastChangedDate(), "lastChangedDate", "LastChangedDate"),
                required(e, e.createdDate(), "createdDate", "CreatedDate"), opt(e.deletedDate()),
                text(e.owningService()), text(e.primaryRegion()), Optional.empty(),
                Tags.of(e.tags(), Tag::key, Tag::value));
    }

    private Optional<Instant> required(SecretListEntry e, Instant value, String field, String apiField) {
        if (value == null) {
            scope.missing("secretsmanager:ListSecrets", SECRET, e.arn(), List.of(field), apiField);
        }
        return Optional.ofNullable(value);
    }
}
