package io.hipaaaudit.collect.aws;

import io.hipaaaudit.redact.Redaction;
import java.io.IOException;
import java.net.SocketTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/** Turns a failed call into a short error code and a one-line message that carries no secret. */
final class Faults {
    private static final int MAX_MESSAGE = 300;
    /** The code of a request a replayed evidence bundle holds no answer for. */
    static final String NOT_IN_EVIDENCE = "NotInEvidence";
    /** The code of a listing whose service returned a page token a second time. */
    static final String PAGINATION_LOOP = "PaginationLoop";

    private Faults() {}

    static String code(Throwable e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return code == null || code.isBlank() ? "HTTP" + service.statusCode() : code;
        }
        if (hasCause(e, ReplayHttpClient.NotInEvidenceException.class)) {
            return NOT_IN_EVIDENCE;
        }
        if (hasCause(e, PaginationGuard.LoopException.class)) {
            return PAGINATION_LOOP;
        }
        if (hasCause(e, ScanDeadline.DeadlineException.class)) {
            return ScanDeadline.CODE;
        }
        if (isTimeout(e)) {
            return "Timeout";
        }
        if (hasCause(e, IOException.class)) {
            return "NetworkError";
        }
        // The SDK reports a body it cannot parse as a client exception wrapping the parser's error.
        return "MalformedResponse";
    }

    static String message(Throwable e) {
        String text;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            text = service.awsErrorDetails().errorMessage();
        } else {
            text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        // EC2 appends an opaque encoded authorization blob to UnauthorizedOperation: useless on one line.
        int encoded = text.indexOf("Encoded authorization failure message");
        if (encoded > 0) {
            text = text.substring(0, encoded);
        }
        // an endpoint that echoes the request would otherwise put its signature, token or keys into the message
        text = Redaction.text(text.replaceAll("\\s+", " ").strip());
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }

    private static boolean isTimeout(Throwable e) {
        return e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || hasCause(e, SocketTimeoutException.class) || hasCause(e, ApiCallAttemptTimeoutException.class);
    }

    /**
     * True for a response whose body broke off while it was read: the connection failed, not the service, so the
     * call is retried like a connection reset. The SDK reports it as a body it could not unmarshal, which its own
     * retry conditions do not retry; the read's IOException is in the causes.
     */
    static boolean brokenBody(Throwable e) {
        return hasCause(e, IOException.class);
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
