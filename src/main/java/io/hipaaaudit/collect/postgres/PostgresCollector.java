package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.evidence.DatabaseEvidence;
import io.hipaaaudit.evidence.EvidenceLog;
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
 * only catalogs are queried, never a row of user data. Each query reads one catalog, so a catalog the server
 * refuses costs exactly its own data: the resource type it lists (pg_proc: functions) or the fields it fills on
 * resources listed by others (pg_extension: the database's extensions; pg_attribute: each relation's columns),
 * recorded as a {@link CollectionError} with the SQLSTATE. A connection that fails leaves an empty database and
 * one error covering every PostgreSQL resource type. Nothing here throws for a server-side problem. {@link #record} keeps
 * every query result as evidence and {@link #replay} runs the same readers on that evidence instead of a server.
 */
public final class PostgresCollector {
    static final List<String> ALL_TYPES = List.of(ResourceTypes.PG_DATABASE, ResourceTypes.PG_ROLE,
            ResourceTypes.PG_SCHEMA, ResourceTypes.PG_RELATION, ResourceTypes.PG_FUNCTION, ResourceTypes.PG_DEFAULT_ACL);

    public PgCollection collect(PgTarget target) {
        return collect(target, Optional.empty());
    }

    /** A live collection whose every query result (or refusal) lands, without the password, in {@code log}. */
    public PgCollection record(PgTarget target, EvidenceLog log) {
        return collect(target, Optional.of(log));
    }

    /** The collection again from what {@link #record} kept: the same readers, no server. */
    public PgCollection replay(DatabaseEvidence evidence) {
        PgTarget target = new PgTarget(evidence.url(), evidence.user(), () -> null, evidence.id(), null, null);
        Place place = place(target);
        SecretRedactor nothing = new SecretRedactor(null);
        if (evidence.connectError().isPresent()) {
            var failure = evidence.connectError().get();
            return failed(place, nothing, new SQLException(failure.message(),
                    failure.sqlState().isEmpty() ? null : failure.sqlState()));
        }
        try {
            return read(new ReplayQueries(evidence), target, place, nothing);
        } catch (SQLException e) {
            return failed(place, nothing, e);
        }
    }

    private PgCollection collect(PgTarget target, Optional<EvidenceLog> log) {
        Place place = place(target);
        String password = target.password().get();
        log.ifPresent(l -> l.secret(password));
        SecretRedactor redactor = new SecretRedactor(password);
        try (Connection connection = new Driver().connect(target.jdbcUrl(), properties(target, password))) {
            if (log.isEmpty()) {
                return read(new JdbcQueries(connection), target, place, redactor);
            }
            RecordingQueries recording = new RecordingQueries(new JdbcQueries(connection), redactor);
            PgCollection collected = read(recording, target, place, redactor);
            log.get().database(recording.evidence(target));
            return collected;
        } catch (SQLException e) {
            log.ifPresent(l -> l.database(RecordingQueries.failedConnection(target, e, redactor)));
            return failed(place, redactor, e);
        }
    }

    /** Where a target points, from its URL (parsed by pgjdbc itself). */
    private record Place(String id, String host, int port, String database) {}

    private static Place place(PgTarget target) {
        Properties url = Driver.parseURL(target.jdbcUrl(), new Properties());
        if (url == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + target.safeUrl());
        }
        String host = url.getProperty("PGHOST", "localhost");
        int port = Integer.parseInt(url.getProperty("PGPORT", "5432").split(",")[0]);
        String database = url.getProperty("PGDBNAME", "");
        return new Place(target.id().orElse(host + ":" + port + "/" + database), host, port, database);
    }

    private static PgCollection failed(Place place, SecretRedactor redactor, SQLException e) {
        CollectionError error = new CatalogSession(null, place.id(), redactor).connectError(ALL_TYPES, e);
        return new PgCollection(empty(place.id(), place.host(), place.port(), place.database()), List.of(error));
    }

    private static PgCollection read(CatalogQueries queries, PgTarget target, Place place, SecretRedactor redactor)
            throws SQLException {
        CatalogSession session = new CatalogSession(queries, place.id(), redactor);
        queries.begin();
        // also set at login (startup options); repeated here in case a pooler dropped the startup options
        session.query("set statement_timeout", ALL_TYPES, "select set_config('statement_timeout', ?, true)",
                statement -> statement.setString(1, target.statementTimeout().toMillis() + "ms"), row -> { });
        ServerReader server = new ServerReader(session);
        ServerReader.Version version = server.version();
        Map<String, String> settings = server.settings();
        RoleReader roles = new RoleReader(session, version.versionNum());
        CommentReader.Comments comments = new CommentReader(session).comments();
        PgDatabase db = new PgDatabase(place.id(), place.host(), place.port(), version.database(), version.version(),
                version.versionNum(), version.rds(), Optional.empty(), Optional.empty(), settings, roles.roles(),
                roles.memberships(), new SchemaReader(session).schemas(comments),
                new RelationReader(session).relations(comments), new DefaultAclReader(session).defaultAcls(),
                new FunctionReader(session).functions(), server.extensions());
        queries.end();
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
