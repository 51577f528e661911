/**
 * AWS collection through the SDK v2 ({@link io.hipaaaudit.collect.aws.AwsCollector#collect}). SDK types stay in
 * this package; callers see only inventory records, {@link io.hipaaaudit.collect.aws.AwsCollection} and the options.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>{@code apiCalls} counts HTTP requests (retries included, as the quotas see them); {@code retries} counts
 *       the retried ones, so without faults {@code apiCalls} equals the number of pages read.</li>
 *   <li>Security groups come from DescribeSecurityGroups alone, so rules carry no {@code sgr-} id.</li>
 *   <li>Parameter groups: DescribeDB(Cluster)Parameters with the {@code parameter-name} filter, one page per group
 *       in use; the family is not read (it would cost DescribeDBParameterGroups) and stays empty.</li>
 *   <li>KMS: all customer-managed keys plus keys RDS resources in the region reference. AWS-managed keys
 *       ({@code alias/aws/...}) get DescribeKey only, and only when referenced. Rotation status is read for
 *       symmetric AWS_KMS customer keys, the key policy for customer keys of the scanned account.</li>
 *   <li>Tags of KMS keys, trails and DB subnet groups are not read (each needs a call per resource).</li>
 *   <li>A trail's status and selectors are read once per ARN in its home region; a failure there is recorded in
 *       the home region and shadow listings keep {@code isLogging} and selectors empty (unknown).</li>
 * </ul>
 */
package io.hipaaaudit.collect.aws;
