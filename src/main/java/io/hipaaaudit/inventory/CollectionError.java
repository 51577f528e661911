package io.hipaaaudit.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Something the collectors could not observe. It names the scope it leaves unknown: the account and region
 * (empty = every region / not region-bound), the database target for PostgreSQL, the resource types whose data
 * is incomplete and, for a call about one resource, that resource and the facts it leaves unknown.
 *
 * <p>Two kinds, told apart by {@code resource}:
 * <ul>
 *   <li>a <b>listing</b> error (no resource): the types in that scope are unknown as a whole; rules over them
 *       report NOT_ASSESSED for the scope;</li>
 *   <li>a <b>per-resource</b> error: only that resource's {@code fields} are unknown (every field when the list is
 *       empty); rules that read none of them still judge the resource, and other resources are untouched.</li>
 * </ul>
 *
 * @param source        {@code aws} or {@code postgres}
 * @param account       AWS account id, when the error is bound to one
 * @param region        AWS region, when the error is bound to one
 * @param database      database target id, for PostgreSQL errors
 * @param operation     the API call or catalog query that failed, e.g. {@code ec2:DescribeSecurityGroups}
 * @param resourceTypes the inventory resource types left unknown, e.g. {@code aws.ec2.security_group}
 * @param code          a short error code, e.g. {@code AccessDenied}, {@code Throttling}, {@code Timeout},
 *                      {@code MissingField} for an answer that lacks a field
 * @param message       a one-line explanation, free of secrets
 * @param resource      for a per-resource error, the id or ARN of the resource it concerns
 * @param fields        for a per-resource error, the facts it leaves unknown (inventory field names, as in the
 *                      resource's JSON form); empty means the whole resource
 */
public record CollectionError(
        String source,
        Optional<String> account,
        Optional<String> region,
        Optional<String> database,
        String operation,
        List<String> resourceTypes,
        String code,
        String message,
        Optional<String> resource,
        List<String> fields) {

    public CollectionError {
        source = Nulls.str(source);
        account = Nulls.opt(account);
        region = Nulls.opt(region);
        database = Nulls.opt(database);
        operation = Nulls.str(operation);
        resourceTypes = Nulls.list(resourceTypes);
        code = Nulls.str(code);
        message = Nulls.str(message);
        resource = Nulls.opt(resource);
        fields = Nulls.list(fields);
    }

    /** A listing error: the types are unknown in the whole scope. */
    public CollectionError(String source, Optional<String> account, Optional<String> region, Optional<String> database,
                           String operation, List<String> resourceTypes, String code, String message) {
        this(source, account, region, database, operation, resourceTypes, code, message, Optional.empty(), List.of());
    }

    /** A per-resource error: {@code fields} of the resource {@code idOrArn} of {@code type} are unknown. */
    public static CollectionError ofResource(String source, String account, String region, String operation,
                                             String type, String idOrArn, List<String> fields, String code,
                                             String message) {
        return new CollectionError(source, Optional.ofNullable(account), Optional.ofNullable(region), Optional.empty(),
                operation, List.of(type), code, message, Optional.of(idOrArn), fields);
    }

    /** True for an error about one resource, false for a listing error. */
    public boolean perResource() {
        return resource.isPresent();
    }

    /**
     * True when this <em>listing</em> error leaves {@code type} unknown for a resource in the given scope.
     * A per-resource error never covers a whole type; see {@link #concerns}.
     */
    public boolean covers(String type, String inAccount, String inRegion, String inDatabase) {
        if (perResource()) {
            return false;
        }
        return coversScope(type, inAccount, inRegion, inDatabase);
    }

    /** True when this per-resource error is about the resource of {@code type} known as {@code id} or {@code arn}. */
    public boolean concerns(String type, String id, String arn, String inAccount, String inRegion, String inDatabase) {
        if (!perResource()) {
            return false;
        }
        String r = resource.get();
        boolean same = r.equals(id) || (arn != null && !arn.isEmpty() && r.equals(arn));
        return same && coversScope(type, inAccount, inRegion, inDatabase);
    }

    private boolean coversScope(String type, String inAccount, String inRegion, String inDatabase) {
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
