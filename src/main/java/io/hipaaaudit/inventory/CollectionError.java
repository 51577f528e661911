package io.hipaaaudit.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Something the collectors could not observe. It names the scope it leaves unknown: the account and region
 * (empty = every region / not region-bound), the database target for PostgreSQL, and the resource types whose
 * data is incomplete. Rules over those types report NOT_ASSESSED with this error as evidence.
 *
 * @param source        {@code aws} or {@code postgres}
 * @param account       AWS account id, when the error is bound to one
 * @param region        AWS region, when the error is bound to one
 * @param database      database target id, for PostgreSQL errors
 * @param operation     the API call or catalog query that failed, e.g. {@code ec2:DescribeSecurityGroups}
 * @param resourceTypes the inventory resource types left unknown, e.g. {@code aws.ec2.security_group}
 * @param code          a short error code, e.g. {@code AccessDenied}, {@code Throttling}, {@code Timeout}
 * @param message       a one-line explanation, free of secrets
 */
public record CollectionError(
        String source,
        Optional<String> account,
        Optional<String> region,
        Optional<String> database,
        String operation,
        List<String> resourceTypes,
        String code,
        String message) {

    public CollectionError {
        source = Nulls.str(source);
        account = Nulls.opt(account);
        region = Nulls.opt(region);
        database = Nulls.opt(database);
        operation = Nulls.str(operation);
        resourceTypes = Nulls.list(resourceTypes);
        code = Nulls.str(code);
        message = Nulls.str(message);
    }

    /** True when this error leaves {@code type} unknown for a resource in the given scope. */
    public boolean covers(String type, String inAccount, String inRegion, String inDatabase) {
        if (!resourceTypes.contains(type) && !resourceTypes.contains("*")) {
            return false;
        }
        if (inDatabase != null && !inDatabase.isEmpty()) {
            return database.isEmpty() || database.get().equals(inDatabase);
        }
        boolean accountMatches = account.isEmpty() || inAccount == null || account.get().equals(inAccount);
        boolean regionMatches = region.isEmpty() || inRegion == null || inRegion.isEmpty() || region.get().equals(inRegion);
        return accountMatches && regionMatches;
    }
}
