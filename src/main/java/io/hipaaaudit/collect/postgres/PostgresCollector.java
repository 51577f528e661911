package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Reads one database's catalogs into a {@link PgDatabase}. Everything happens in a single read-only,
 * repeatable-read transaction, so all catalog queries see one consistent snapshot and nothing can be written;
 * only catalogs are queried, never a row of user data. A query the server refuses leaves a
 * {@link CollectionError} and an empty part; a connection that fails leaves an empty database and one error
 * covering every PostgreSQL resource type. Nothing here throws for a server-side problem.
 */
public final class PostgresCollector {
    static final List<String> ALL_TYPES = List.of(ResourceTypes.PG_DATABASE, ResourceTypes.PG_ROLE,
            ResourceTypes.PG_SCHEMA, ResourceTypes.PG_RELATION, ResourceTypes.PG_FUNCTION, ResourceTypes.PG_DEFAULT_ACL);

    public PgCollection collect(PgTarget target) {
        Properties url = Driver.parseURL(target.jdbcUrl(), new Properties());
        if (url == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + target.safeUrl());
        }
        String host = url.getProperty("PGHOST", "localhost");
        int port = Integer.parseInt(url.getProperty("PGPORT", "5432").split(",")[0]);
        String database = url.getProperty("PGDBNAME", "");
        String id = target.id().orElse(host + ":" + port + "/" + database);
        String password = target.password().get();
        SecretRedactor redactor = new SecretRedactor(password);
        try (Connection connection = new Driver().connect(target.jdbcUrl(), properties(target, password))) {
            return read(connection, new CatalogSession(connection, id, redactor), target, id, host, port);
        } catch (SQLException e) {
            CollectionError error = new CatalogSession(null, id, redactor).error("connect", ALL_TYPES, e);
            return new PgCollection(empty(id, host, port, database), List.of(error));
        }
    }

    private static PgCollection read(Connection connection, CatalogSession session, PgTarget target, String id,
                                     String host, int port) throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        // also set at login (startup options); repeated here in case a pooler dropped the startup options
        session.query("set statement_timeout", ALL_TYPES, "select set_config('statement_timeout', ?, true)",
                statement -> statement.setString(1, target.statementTimeout().toMillis() + "ms"), row -> { });
        ServerReader server = new ServerReader(session);
        ServerReader.Version version = server.version();
        Map<String, String> settings = server.settings(connection);
        RoleReader roles = new RoleReader(session, version.versionNum());
        PgDatabase db = new PgDatabase(id, host, port, version.database(), version.version(), version.versionNum(),
                version.rds(), Optional.empty(), Optional.empty(), settings, roles.roles(), roles.memberships(),
                new SchemaReader(session).schemas(), new RelationReader(session).relations(),
                new DefaultAclReader(session).defaultAcls(), new FunctionReader(session).functions(),
                server.extensions());
        connection.rollback();
        return new PgCollection(db, session.errors());
    }

    private static Properties properties(PgTarget target, String password) {
        Properties props = new Properties();
        props.setProperty("user", target.user());
        if (password != null) {
            props.setProperty("password", password);
        }
        long connectSeconds = Math.max(1, target.connectTimeout().toSeconds());
        props.setProperty("connectTimeout", Long.toString(connectSeconds));
        props.setProperty("loginTimeout", Long.toString(connectSeconds));
        // a server that stops answering must not hang the scan past the statement timeout
        props.setProperty("socketTimeout", Long.toString(target.statementTimeout().toSeconds() + connectSeconds));
        props.setProperty("ApplicationName", "hipaa-audit");
        props.setProperty("options", "-c statement_timeout=" + target.statementTimeout().toMillis());
        return props;
    }

    private static PgDatabase empty(String id, String host, int port, String database) {
        return new PgDatabase(id, host, port, database, "", 0, false, Optional.empty(), Optional.empty(),
                Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
