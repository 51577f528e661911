package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.inventory.ResourceTypes.DB_PARAMETER_GROUP;

import io.hipaaaudit.inventory.aws.DbParameterGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.Parameter;

/**
 * The parameter groups in use, each with only the parameters the rules read. The {@code parameter-name} filter
 * makes that one page per group instead of the 3–4 pages of a full listing; {@code Source} is left open because
 * {@code ssl} is a system parameter and an untouched {@code rds.force_ssl} is an engine default, and the rules
 * need the effective value either way.
 */
final class RdsParameterCollector {
    static final List<String> PARAMETERS = List.of("rds.force_ssl", "ssl", "password_encryption", "log_connections",
            "log_disconnections", "log_statement", "shared_preload_libraries", "pgaudit.log", "pgaudit.role",
            "pgaudit.log_catalog", "pgaudit.log_level", "pgaudit.log_parameter", "pgaudit.log_relation",
            "pgaudit.log_statement_once");

    private final RdsClient rds;
    private final RegionScope scope;

    RdsParameterCollector(RdsClient rds, RegionScope scope) {
        this.rds = rds;
        this.scope = scope;
    }

    void collect(Set<String> instanceGroups, Set<String> clusterGroups) {
        Filter names = Filter.builder().name("parameter-name").values(PARAMETERS).build();
        for (String group : instanceGroups) {
            scope.call("rds:DescribeDBParameters", List.of(DB_PARAMETER_GROUP),
                    () -> rds.describeDBParametersPaginator(r -> r.dbParameterGroupName(group).filters(names)
                            .maxRecords(100)).parameters().stream().toList())
                    .ifPresent(params -> add(group, "instance", params));
        }
        for (String group : clusterGroups) {
            scope.call("rds:DescribeDBClusterParameters", List.of(DB_PARAMETER_GROUP),
                    () -> rds.describeDBClusterParametersPaginator(r -> r.dbClusterParameterGroupName(group)
                            .filters(names).maxRecords(100)).parameters().stream().toList())
                    .ifPresent(params -> add(group, "cluster", params));
        }
    }

    private void add(String group, String kind, List<Parameter> params) {
        Map<String, DbParameterGroup.Parameter> values = new TreeMap<>();
        // Filtered client-side too: the filter is an optimisation, the contract is "only what the rules read".
        params.stream().filter(p -> PARAMETERS.contains(p.parameterName()))
                .forEach(p -> values.put(p.parameterName(),
                        new DbParameterGroup.Parameter(Tags.text(p.parameterValue()), p.source())));
        scope.sink().addAll(DbParameterGroup.class, List.of(new DbParameterGroup(scope.account(), scope.region(),
                group, null, kind, null, values, Map.of())));
    }
}
