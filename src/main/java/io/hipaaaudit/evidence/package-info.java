/**
 * Evidence bundles: the raw answers of a scan (AWS HTTP exchanges, PostgreSQL catalog query results) with a
 * manifest of hashes, written by {@code scan --record} and verified and fed back to the real collectors by
 * {@code scan --replay}. Nothing here knows the AWS SDK or JDBC; the collectors translate at their boundary.
 */
package io.hipaaaudit.evidence;
