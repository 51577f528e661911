package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.Map;
import java.util.Optional;

/**
 * A DB parameter group ({@code kind = instance}) or DB cluster parameter group ({@code kind = cluster}) with the
 * parameters that matter to the rules (rds.force_ssl, logging, pgaudit). A parameter that is listed with an
 * empty value is explicitly unset and takes the engine default.
 */
public record DbParameterGroup(String account, String region, String id, String arn, String kind, String family,
                               Map<String, Parameter> parameters, Map<String, String> tags) implements AwsResource {
    public DbParameterGroup {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        kind = kind == null ? "instance" : kind;
        arn = arn == null ? Arns.of("rds", region, account, (kind.equals("cluster") ? "cluster-pg:" : "pg:") + id) : arn;
        family = Nulls.str(family);
        parameters = Nulls.sorted(parameters);
        tags = Nulls.sorted(tags);
    }

    /** {@code source} is {@code user}, {@code system} or {@code engine-default}. */
    public record Parameter(Optional<String> value, String source) {
        public Parameter {
            value = Nulls.opt(value);
            source = Nulls.str(source);
        }
    }
}
