package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.require;
import static io.hipaaaudit.inventory.ResourceTypes.DB_PARAMETER_GROUP;

import io.hipaaaudit.inventory.aws.DbParameterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.Parameter;

/**
 * The parameter groups in use, each with only the parameters the rules read. The {@code parameter-name} filter
 * makes that one page per group instead of the 3–4 pages of a full listing; {@code Source} is left open because
 * {@code ssl} is a system parameter and an untouched {@code rds.force_ssl} is an engine default, and the rules
 * need the effective value either way. Each group is one call: when it fails, that group is unknown (no record,
 * a per-resource error), so the databases that use it are not assessed on its parameters and the others are.
 */
final class RdsParameterCollector {
    static final List<String> PARAMETERS = List.of("rds.force_ssl", "ssl", "password_encryption", "log_connections",
            "log_disconnections", "log_statement", "shared_preload_libraries", "pgaudit.log", "pgaudit.role",
            "pgaudit.log_catalog", "pgaudit.log_level", "pgaudit.log_parameter", "pgaudit.log_relation",
            "pgaudit.log_statement_once",
            // what writes statement text or bind values to the log (rds-parameter-group-no-phi-in-logs)
            "log_min_duration_statement", "log_min_duration_sample", "log_statement_sample_rate",
            "log_transaction_sample_rate", "log_parameter_max_length", "log_parameter_max_length_on_error",
            "log_min_error_statement", "session_preload_libraries", "pgaudit.log_statement",
            "auto_explain.log_min_duration", "auto_explain.log_parameter_max_length", "auto_explain.sample_rate");

    private final RdsClient rds;
    private final RegionScope scope;

    RdsParameterCollector(RdsClient rds, RegionScope scope) {
        this.rds = rds;
        this.scope = scope;
    }

    /** Each group's parameters, a few groups at a time on {@code pool}. */
    void collect(Set<String> instanceGroups, Set<String> clusterGroups, Executor pool, int helpers) {
        Filter names = Filter.builder().name("parameter-name").values(PARAMETERS).build();
        List<Runnable> reads = new ArrayList<>();
        for (String group : instanceGroups) {
            String arn = arn(group, "pg");
            reads.add(() -> scope.callFor("rds:DescribeDBParameters", DB_PARAMETER_GROUP, arn, List.of(),
                    () -> values("rds:DescribeDBParameters", arn, rds.describeDBParametersPaginator(r -> r
                            .dbParameterGroupName(group).filters(names).maxRecords(100)).stream()
                            .flatMap(page -> require(page.hasParameters() ? page.parameters() : null, "Parameters")
                                    .stream()).toList()))
                    .flatMap(values -> values)
                    .ifPresent(values -> add(group, arn, "instance", values)));
        }
        for (String group : clusterGroups) {
            String arn = arn(group, "cluster-pg");
            reads.add(() -> scope.callFor("rds:DescribeDBClusterParameters", DB_PARAMETER_GROUP, arn, List.of(),
                    () -> values("rds:DescribeDBClusterParameters", arn, rds.describeDBClusterParametersPaginator(r -> r
                            .dbClusterParameterGroupName(group).filters(names).maxRecords(100)).stream()
                            .flatMap(page -> require(page.hasParameters() ? page.parameters() : null, "Parameters")
                                    .stream()).toList()))
                    .flatMap(values -> values)
                    .ifPresent(values -> add(group, arn, "cluster", values)));
        }
        Fanout.run(reads, pool, helpers);
    }

    private String arn(String group, String type) {
        return io.hipaaaudit.inventory.aws.Arns.of("rds", scope.region(), scope.account(), type + ":" + group);
    }

    /**
     * The watched parameters by name; empty (and recorded) when one is listed without the value it must have.
     * Only an engine default may come without a value (the parameter is unset); a value set by the user or the
     * system that the answer leaves out is unknown, and falling back to the engine default would be a guess.
     */
    private Optional<Map<String, DbParameterGroup.Parameter>> values(String operation, String arn,
                                                                     List<Parameter> params) {
        Map<String, DbParameterGroup.Parameter> values = new TreeMap<>();
        // Filtered client-side too: the filter is an optimisation, the contract is "only what the rules read".
        for (Parameter p : params) {
            if (!PARAMETERS.contains(p.parameterName())) {
                continue;
            }
            if (p.parameterValue() == null && !"engine-default".equals(p.source())) {
                scope.missing(operation, DB_PARAMETER_GROUP, arn, List.of("parameters"),
                        "ParameterValue (" + p.parameterName() + ")");
                return Optional.empty();
            }
            values.put(p.parameterName(), new DbParameterGroup.Parameter(Tags.text(p.parameterValue()), p.source()));
        }
        return Optional.of(values);
    }

    private void add(String group, String arn, String kind, Map<String, DbParameterGroup.Parameter> values) {
        scope.sink().addAll(DbParameterGroup.class, List.of(new DbParameterGroup(scope.account(), scope.region(),
                group, arn, kind, null, values, Map.of())));
    }
}
