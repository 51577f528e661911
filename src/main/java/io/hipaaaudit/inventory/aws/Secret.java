package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A Secrets Manager secret's metadata (never its value). {@code id} is the secret's name. Where the API documents
 * an absent field as a value, the absence is that value and the field is still known:
 * <ul>
 *   <li>{@code kmsKeyId} absent: the secret is encrypted with the AWS managed key {@code aws/secretsmanager};</li>
 *   <li>{@code rotationEnabled}: DescribeSecret returns no value for a secret never configured for rotation,
 *       recorded as {@code false};</li>
 *   <li>{@code lastRotatedDate} absent: the secret has never been rotated;</li>
 *   <li>{@code deletedDate} absent: the secret is not scheduled for deletion;</li>
 *   <li>{@code owningService} absent: no other AWS service manages the secret;</li>
 *   <li>{@code primaryRegion} absent: the secret is not replicated;</li>
 *   <li>{@code policy} absent: no resource policy is attached (GetResourcePolicy answered without one).</li>
 * </ul>
 * A call that failed about one secret leaves the fields it names unknown through its collection error, not
 * through their absence; {@code rotationEnabled}, {@code createdDate} and {@code lastChangedDate} are absent only
 * when unknown.
 */
public record Secret(String account, String region, String id, String arn, Optional<String> kmsKeyId,
                     Optional<Boolean> rotationEnabled, Optional<String> rotationLambdaArn,
                     Optional<Long> rotationAfterDays, Optional<String> rotationSchedule,
                     Optional<Instant> lastRotatedDate, Optional<Instant> lastChangedDate,
                     Optional<Instant> createdDate, Optional<Instant> deletedDate, Optional<String> owningService,
                     Optional<String> primaryRegion, Optional<String> policy, Map<String, String> tags)
        implements AwsResource {
    public Secret {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.of("secretsmanager", region, account, "secret:" + id) : arn;
        kmsKeyId = Nulls.opt(kmsKeyId);
        rotationEnabled = Nulls.opt(rotationEnabled);
        rotationLambdaArn = Nulls.opt(rotationLambdaArn);
        rotationAfterDays = Nulls.opt(rotationAfterDays);
        rotationSchedule = Nulls.opt(rotationSchedule);
        lastRotatedDate = Nulls.opt(lastRotatedDate);
        lastChangedDate = Nulls.opt(lastChangedDate);
        createdDate = Nulls.opt(createdDate);
        deletedDate = Nulls.opt(deletedDate);
        owningService = Nulls.opt(owningService);
        primaryRegion = Nulls.opt(primaryRegion);
        policy = Nulls.opt(policy);
        tags = Nulls.sorted(tags);
    }

    /** This secret with its resource policy (absent: none attached). */
    public Secret withPolicy(Optional<String> attached) {
        return new Secret(account, region, id, arn, kmsKeyId, rotationEnabled, rotationLambdaArn, rotationAfterDays,
                rotationSchedule, lastRotatedDate, lastChangedDate, createdDate, deletedDate, owningService,
                primaryRegion, attached, tags);
    }

    /** This secret with its rotation switch as DescribeSecret told it. */
    public Secret withRotationEnabled(Optional<Boolean> enabled) {
        return new Secret(account, region, id, arn, kmsKeyId, enabled, rotationLambdaArn, rotationAfterDays,
                rotationSchedule, lastRotatedDate, lastChangedDate, createdDate, deletedDate, owningService,
                primaryRegion, policy, tags);
    }
}
