package io.hipaaaudit.analyse.policy;

/**
 * A statement that allows every principal, and why nothing in it narrows that.
 *
 * @param statement the Sid, or {@code #index} (zero-based) when the statement has none
 * @param reason    e.g. {@code Principal "*": condition keys aws:SecureTransport do not restrict the caller}
 */
public record OpenStatement(String statement, String reason) {}
