package io.hipaaaudit.collect.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.hipaaaudit.redact.Redaction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.GetFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;

/**
 * One account's Security Hub in one region, as a finding provider uses it: BatchImportFindings of ASFF documents
 * (at most 100 per call, the API's limit) and the archiving of this tool's ACTIVE findings that a new scan no longer
 * produces (GetFindings, then a re-import with {@code RecordState: ARCHIVED}, as the ASFF documentation tells a
 * provider to retire a finding). The client is the scan's: same credentials, endpoint, timeouts, retries (a 429
 * {@code TooManyRequestsException} is retried by the SDK's standard mode), call counter and rate limiter.
 *
 * <p>An ASFF document is handed to the SDK as it is: Jackson fills the model's builder from the JSON that
 * {@code --format asff} writes, failing on any field the model does not know, so the file and the import are one
 * mapping. Nothing past this class sees an SDK type.
 */
public final class SecurityHubFindings {
    public static final int BATCH = 100;
    /** The Id prefix and ProductName of every finding this tool writes: only these are ever archived. */
    static final String ID_PREFIX = "hipaa-audit/";
    static final String PRODUCT_NAME = "hipaa-audit";
    private static final ObjectMapper MODEL = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SecurityHubClient client;
    private final String account;
    private final String region;

    SecurityHubFindings(SecurityHubClient client, String account, String region) {
        this.client = client;
        this.account = account;
        this.region = region;
    }

    /** A finding Security Hub did not take, or that a failed call left unimported: its id, code and message. */
    public record Failure(String findingId, String code, String message) {}

    /** The findings this tool has ACTIVE in this account and region, and the archive of the stale ones. */
    public record Archived(List<String> ids, List<Failure> failures) {
        public Archived {
            ids = List.copyOf(ids);
            failures = List.copyOf(failures);
        }
    }

    /** A Security Hub reached without a scan (for findings.json re-read by {@code report}); close it when done. */
    public static final class Opened implements AutoCloseable {
        private final Credentials credentials;
        private final AwsClients clients;
        private final SecurityHubFindings hub;

        private Opened(Credentials credentials, AwsClients clients, SecurityHubFindings hub) {
            this.credentials = credentials;
            this.clients = clients;
            this.hub = hub;
        }

        public SecurityHubFindings hub() {
            return hub;
        }

        @Override
        public void close() {
            try {
                clients.close();
            } finally {
                credentials.close();
            }
        }
    }

    /**
     * The Security Hub in {@code region} of the account the options' credentials reach (STS GetCallerIdentity),
     * built as a scan builds its clients: same credentials chain, role, endpoint, timeouts, retries and rate limits.
     *
     * @throws AwsCredentialsException when there are no usable credentials or AWS rejects them
     */
    public static Opened open(AwsCollectorOptions options, String region) {
        Credentials credentials = new Credentials(options, region, AwsTransport.network());
        AwsClients clients = null;
        try {
            clients = new AwsClients(options, credentials.verified(),
                    new ApiCallCounter(options.ratesPerSecond(), options.bursts()), AwsTransport.network());
            String account;
            try {
                account = clients.sts(region).getCallerIdentity().account();
            } catch (SdkException e) {
                throw new AwsCredentialsException("Cannot identify the AWS account (" + Faults.code(e) + ": "
                        + Faults.message(e) + ")");
            }
            if (account == null || !account.matches("\\d{12}")) {
                throw new AwsCredentialsException("Cannot identify the AWS account (GetCallerIdentity named none)");
            }
            return new Opened(credentials, clients, new SecurityHubFindings(clients.securityHub(region), account,
                    region));
        } catch (RuntimeException | Error e) {
            if (clients != null) {
                clients.close();
            }
            credentials.close();
            throw e;
        }
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    /** Imports the documents, 100 per call; what failed, per finding id (empty: every finding was taken). */
    public List<Failure> importFindings(List<ObjectNode> documents) {
        List<AwsSecurityFinding> findings = documents.stream().map(SecurityHubFindings::model).toList();
        return importModels(findings);
    }

    /**
     * Archives this tool's ACTIVE findings of this account and region whose id is not in {@code current}: found with
     * GetFindings on the product ARN, ProductName, account, region and RecordState ACTIVE (every page), kept only
     * when the Id is one this tool writes and every resource's region passes {@code regionComplete} (a region this
     * scan covered and listed completely: a finding missing because its resources could not be listed is not
     * fixed), then re-imported unchanged but for {@code RecordState: ARCHIVED} and UpdatedAt. A failed GetFindings archives nothing and is reported as one failure with an empty finding id.
     */
    public Archived archiveStale(String productArn, Set<String> current,
                                 java.util.function.Predicate<String> regionComplete, Instant now) {
        AwsSecurityFindingFilters filters = AwsSecurityFindingFilters.builder()
                .productArn(eq(productArn))
                .productName(eq(PRODUCT_NAME))
                .awsAccountId(eq(account))
                .region(eq(region))
                .recordState(eq(RecordState.ACTIVE.toString()))
                .build();
        List<AwsSecurityFinding> stale = new ArrayList<>();
        try {
            client.getFindingsPaginator(GetFindingsRequest.builder().filters(filters).maxResults(100).build())
                    .findings().stream()
                    .filter(f -> f.id() != null && f.id().startsWith(ID_PREFIX) && productArn.equals(f.productArn())
                            && account.equals(f.awsAccountId()) && !current.contains(f.id())
                            && !f.resources().isEmpty()
                            && f.resources().stream().allMatch(r -> r.region() != null && regionComplete.test(r.region())))
                    .forEach(stale::add);
        } catch (SdkException e) {
            return new Archived(List.of(), List.of(new Failure("", Faults.code(e), Faults.message(e))));
        }
        String time = DateTimeFormatter.ISO_INSTANT.format(now);
        List<AwsSecurityFinding> archived = stale.stream().map(f -> archived(f, time)).toList();
        List<Failure> failures = importModels(archived);
        Set<String> failed = new java.util.HashSet<>();
        failures.forEach(f -> failed.add(f.findingId()));
        return new Archived(archived.stream().map(AwsSecurityFinding::id).filter(id -> !failed.contains(id)).toList(),
                failures);
    }

    /**
     * The finding as found, ARCHIVED now. Workflow, Note, VerificationState and UserDefinedFields belong to the
     * Security Hub user (BatchImportFindings ignores them on an update), so they are not sent back.
     */
    private static AwsSecurityFinding archived(AwsSecurityFinding f, String time) {
        return f.toBuilder().recordState(RecordState.ARCHIVED).updatedAt(time)
                .workflow((software.amazon.awssdk.services.securityhub.model.Workflow) null)
                .workflowState((String) null).note((software.amazon.awssdk.services.securityhub.model.Note) null)
                .verificationState((String) null).userDefinedFields(null).build();
    }

    private List<Failure> importModels(List<AwsSecurityFinding> findings) {
        List<Failure> failures = new ArrayList<>();
        for (int from = 0; from < findings.size(); from += BATCH) {
            List<AwsSecurityFinding> batch = findings.subList(from, Math.min(from + BATCH, findings.size()));
            try {
                BatchImportFindingsResponse r = client.batchImportFindings(b -> b.findings(batch));
                r.failedFindings().forEach(f -> failures.add(new Failure(f.id(), text(f.errorCode()),
                        text(f.errorMessage()))));
                int listed = r.failedFindings().size();
                if (r.failedCount() != null && r.failedCount() > listed) {
                    // counted but not named: every finding of the batch might be among them
                    failures.add(new Failure("", "FailedCount", r.failedCount() + " findings failed, " + listed
                            + " named"));
                }
            } catch (SdkException e) {
                String code = Faults.code(e);
                String message = Faults.message(e);
                batch.forEach(f -> failures.add(new Failure(f.id(), code, message)));
            }
        }
        return failures;
    }

    private static String text(String s) {
        return s == null ? "" : Redaction.text(s);
    }

    private static List<StringFilter> eq(String value) {
        return List.of(StringFilter.builder().comparison(StringFilterComparison.EQUALS).value(value).build());
    }

    /** The SDK model of an ASFF document, through the model's own builder (see the class comment). */
    static AwsSecurityFinding model(ObjectNode document) {
        try {
            return MODEL.treeToValue(document, AwsSecurityFinding.serializableBuilderClass()).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("an ASFF document the Security Hub model does not take: "
                    + e.getOriginalMessage(), e);
        }
    }
}
