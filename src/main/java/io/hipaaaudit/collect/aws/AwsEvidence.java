package io.hipaaaudit.collect.aws;

import io.hipaaaudit.evidence.EvidenceBundle;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.evidence.Manifest;
import io.hipaaaudit.json.InputException;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * AWS collection that leaves evidence, and collection again from that evidence. Replay runs the same collectors
 * and SDK clients; only the HTTP client answers from the bundle. Its keys are fixed dummies (nothing is sent, the
 * default chain would read the machine's profiles or IMDS), retries follow the standard mode without waiting,
 * and there is no rate limit: the recorded throttling answers are replayed, not the wait.
 */
public final class AwsEvidence {
    private static final StaticCredentialsProvider REPLAY_KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAEVIDENCEREPLAY00", "evidence-replay-sends-nothing"));

    private AwsEvidence() {}

    /** A live collection whose every HTTP exchange lands, redacted, in {@code log}. */
    public static AwsSession record(AwsCollectorOptions options, EvidenceLog log) {
        return new AwsCollector(AwsTransport.recording(log)).open(options);
    }

    /**
     * Collects again from the bundle. Change-history lookups the bundle holds are answered from it; one it does not
     * hold (the scan was recorded without attribution, or a changed rule now fails another resource) is left out
     * rather than reported as unavailable, so the same bundle and rule pack give the same findings; with
     * {@code changeHistory} the regions' history pages the bundle holds are read as the recording scan read them.
     * Requests the bundle holds no answer for are not counted among the API calls: a replay reports the calls it
     * replayed.
     */
    public static AwsSession replay(EvidenceBundle bundle, CollectionProgress progress, boolean changeHistory) {
        Manifest.AwsScope scope = bundle.manifest().aws().orElseThrow(
                () -> new InputException("the evidence bundle holds no AWS collection"));
        AwsCollectorOptions options = AwsCollectorOptions.defaults()
                .withRegions(scope.regionsOption())
                .withCredentialsProvider(REPLAY_KEYS)
                .withRetryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .build())
                .withRatesPerSecond(Map.of())
                .withProgress(progress)
                .withChangeHistory(changeHistory);
        return new AwsCollector(AwsTransport.replaying(bundle, scope)).open(options);
    }
}
