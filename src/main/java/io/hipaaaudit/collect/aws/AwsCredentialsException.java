package io.hipaaaudit.collect.aws;

/** No usable AWS credentials: the scan cannot start. The message is one line and never contains a secret. */
public final class AwsCredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AwsCredentialsException(String message) {
        super(message);
    }
}
