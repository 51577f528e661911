package io.hipaaaudit.collect.aws;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The end of a scan's AWS collection. After it no call and no retry starts: each fails at once, naming the call, and
 * the collector records what it leaves unknown. Requests in flight are aborted at the deadline by
 * {@link BoundedHttpClient} (the SDK's own timeouts are fixed per client); every failure after the deadline is
 * reported as the deadline's, not as the network error the abort caused.
 */
final class ScanDeadline implements ExecutionInterceptor {
    static final String CODE = "ScanDeadline";
    private static final ExecutionAttribute<Boolean> SENT = new ExecutionAttribute<>("hipaa-audit.sent");

    private final Optional<Instant> at;

    /** The mark the deadline leaves in a call's failure, whatever wraps it (see {@link Faults#code}). */
    static final class DeadlineException extends RuntimeException {
        DeadlineException(String message) {
            super(message, null, false, false);
        }
    }

    ScanDeadline(Optional<Instant> at) {
        this.at = at;
    }

    boolean passed() {
        return at.map(deadline -> !Instant.now().isBefore(deadline)).orElse(false);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        refuseAfterDeadline(attributes);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        refuseAfterDeadline(attributes); // a retry is a new request too
        attributes.putAttribute(SENT, Boolean.TRUE);
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (!passed() || Faults.hasCause(failure, DeadlineException.class)) {
            return failure;
        }
        return failure(action(attributes) + " was cut off at the scan deadline");
    }

    private void refuseAfterDeadline(ExecutionAttributes attributes) {
        if (passed()) {
            // the retry of an attempt the deadline aborted is the same call, cut off
            throw failure(action(attributes) + (attributes.getAttribute(SENT) != null
                    ? " was cut off at the scan deadline" : " was not sent: the scan reached its deadline"));
        }
    }

    private static SdkClientException failure(String text) {
        return SdkClientException.builder().message(text).cause(new DeadlineException(text)).build();
    }

    private static String action(ExecutionAttributes attributes) {
        return ApiCallCounter.service(attributes) + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

}
