package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One PostgreSQL database as read from its catalogs. {@code id} names the target (host:port/database unless the
 * configuration names it); {@code rdsInstance} is the RDS instance ARN it runs on, when matched by endpoint.
 * {@code settings} holds the server settings that matter (ssl, password_encryption, log_connections, ...).
 */
public record PgDatabase(String id, String host, int port, String database, String serverVersion,
                         int serverVersionNum, boolean rds, Optional<String> rdsInstance,
                         Optional<String> environment, Map<String, String> settings, List<PgRole> roles,
                         List<PgMembership> memberships, List<PgSchema> schemas, List<PgRelation> relations,
                         List<PgDefaultAcl> defaultAcls, List<PgFunction> functions, List<PgExtension> extensions) {
    public PgDatabase {
        id = Nulls.str(id);
        host = Nulls.str(host);
        database = Nulls.str(database);
        serverVersion = Nulls.str(serverVersion);
        rdsInstance = Nulls.opt(rdsInstance);
        environment = Nulls.opt(environment);
        settings = Nulls.sorted(settings);
        roles = Nulls.list(roles);
        memberships = Nulls.list(memberships);
        schemas = Nulls.list(schemas);
        relations = Nulls.list(relations);
        defaultAcls = Nulls.list(defaultAcls);
        functions = Nulls.list(functions);
        extensions = Nulls.list(extensions);
    }
}
