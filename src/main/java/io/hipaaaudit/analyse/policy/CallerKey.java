package io.hipaaaudit.analyse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The condition keys that say who is calling, and therefore can narrow a statement that allows everyone. A key
 * narrows only with values that pin one account, organization or identity: the IAM guide lists these keys as
 * sensitive, with "no valid use case" for a wildcard in them. Where the operator reads patterns (StringLike,
 * ArnLike, ArnEquals) a value such as {@code "*"}, {@code "1111*"}, {@code "o-*"} or {@code arn:aws:iam::*:*}
 * admits callers of any account; under StringEquals the same characters are literal and match only themselves.
 * docs/policies.md gives the sources and the keys that were left out on purpose.
 */
public enum CallerKey {
    PRINCIPAL_ACCOUNT("aws:PrincipalAccount", Kind.ACCOUNT),
    CALLER_ACCOUNT("kms:CallerAccount", Kind.ACCOUNT),
    SOURCE_ACCOUNT("aws:SourceAccount", Kind.ACCOUNT),
    PRINCIPAL_ORG_ID("aws:PrincipalOrgID", Kind.ORGANIZATION),
    SOURCE_ORG_ID("aws:SourceOrgID", Kind.ORGANIZATION),
    PRINCIPAL_ORG_PATHS("aws:PrincipalOrgPaths", Kind.ORGANIZATION_PATH),
    SOURCE_ORG_PATHS("aws:SourceOrgPaths", Kind.ORGANIZATION_PATH),
    PRINCIPAL_ARN("aws:PrincipalArn", Kind.ARN),
    SOURCE_ARN("aws:SourceArn", Kind.ARN),
    USER_ID("aws:userid", Kind.UNIQUE_ID);

    enum Kind { ACCOUNT, ORGANIZATION, ORGANIZATION_PATH, ARN, UNIQUE_ID }

    private final String key;
    private final Kind kind;

    CallerKey(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    /** The caller key of that name; condition keys are case-insensitive. */
    public static Optional<CallerKey> of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.key.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /** Why {@code value} under {@code op} does not pin the caller; empty when it does. */
    Optional<String> problem(ConditionOperator op, String value) {
        if (value.contains("${")) {
            return variable(value);
        }
        if (!op.patterns()) {
            return Optional.empty();
        }
        return switch (kind) {
            case ACCOUNT -> wildcard(value) ? Optional.of(quote(value) + " is a pattern, not one account")
                    : Optional.empty();
            case ORGANIZATION -> wildcard(value) ? Optional.of(quote(value) + " is a pattern, not one organization")
                    : Optional.empty();
            case ORGANIZATION_PATH -> {
                String org = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
                yield org.isEmpty() || wildcard(org)
                        ? Optional.of(quote(value) + " does not start with one organization id") : Optional.empty();
            }
            case UNIQUE_ID -> {
                String id = value.contains(":") ? value.substring(0, value.indexOf(':')) : value;
                yield id.isEmpty() || wildcard(id)
                        ? Optional.of(quote(value) + " does not start with one unique id") : Optional.empty();
            }
            case ARN -> arn(op, value);
        };
    }

    /**
     * An ARN pins the caller when its account part is a literal account id; an ARN without an account (an S3
     * bucket as aws:SourceArn) when its resource part is literal. StringLike's {@code *} also spans colons, so
     * there everything up to the account must be literal too.
     */
    private static Optional<String> arn(ConditionOperator op, String value) {
        String[] parts = value.split(":", 6);
        if (parts.length < 6) {
            return Optional.of(quote(value) + " is not an ARN with an account part");
        }
        String account = parts[4];
        String prefix = String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4]);
        if (op.wholeStringPattern() && wildcard(prefix)) {
            return Optional.of(quote(value) + " has a wildcard before or in its account part");
        }
        if (account.isEmpty()) {
            return wildcard(parts[5]) ? Optional.of(quote(value) + " names no account and its resource is a pattern")
                    : Optional.empty();
        }
        return wildcard(account) ? Optional.of(quote(value) + " has a wildcard in its account part") : Optional.empty();
    }

    /**
     * A policy variable is resolved from the same request; only the resource's own account or organization keeps
     * the caller inside it (the data-perimeter pattern). {@code ${aws:PrincipalAccount}} would match every caller.
     */
    private Optional<String> variable(String value) {
        boolean own = (kind == Kind.ACCOUNT && value.equalsIgnoreCase("${aws:ResourceAccount}"))
                || (kind == Kind.ORGANIZATION && value.equalsIgnoreCase("${aws:ResourceOrgID}"));
        return own ? Optional.empty()
                : Optional.of(quote(value) + " is a policy variable other than the resource's own account or organization");
    }

    private static boolean wildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    private static String quote(String s) {
        return "value \"" + s + "\"";
    }
}
