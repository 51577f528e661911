package io.hipaaaudit.analyse;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.AwsResource;
import io.hipaaaudit.inventory.aws.LogGroup;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which database a CloudWatch Logs group holds the log of. RDS names the group it exports a log type to
 * {@code /aws/rds/instance/<db-instance-id>/<log>} or {@code /aws/rds/cluster/<db-cluster-id>/<log>}, in the
 * database's own account and region; the group outlives the export (and the database), so the name says whose log
 * it is, and {@code exportedBy} says which scanned database is exporting that log type to it now.
 */
public final class LogGroupFacts {
    private static final Pattern RDS_NAME = Pattern.compile("^/aws/rds/(instance|cluster)/([^/]+)/([^/]+)$");

    private final Inventory inv;

    public LogGroupFacts(Inventory inv) {
        this.inv = inv;
    }

    /** What a group's name says: instance or cluster, the database id and the log type. */
    public record DatabaseLog(String kind, String database, String logType) {}

    public static Optional<DatabaseLog> parse(String logGroupName) {
        Matcher m = RDS_NAME.matcher(logGroupName);
        return m.matches() ? Optional.of(new DatabaseLog(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** The scanned DB instance or cluster whose log the group holds (same account, region, kind and id). */
    public Optional<AwsResource> database(LogGroup g) {
        return parse(g.id()).flatMap(log -> candidates(log.kind())
                .filter(d -> d.account().equals(g.account()) && d.region().equals(g.region())
                        && d.id().equals(log.database()))
                .findFirst());
    }

    /** ARNs of the scanned databases that export this group's log type to it. */
    public List<String> exportedBy(LogGroup g) {
        Optional<DatabaseLog> log = parse(g.id());
        return database(g).filter(d -> exports(d).contains(log.get().logType()))
                .map(d -> List.of(d.arn())).orElse(List.of());
    }

    /**
     * The listing errors that leave the group's database unknown: a group named for a database of a kind that could
     * not be listed in its account and region. Empty when the name names no database.
     */
    public List<CollectionError> unlisted(LogGroup g) {
        return parse(g.id()).map(log -> inv.collectionErrors().stream()
                .filter(e -> e.covers(log.kind().equals("instance") ? ResourceTypes.DB_INSTANCE : ResourceTypes.DB_CLUSTER,
                        g.account(), g.region(), ""))
                .toList()).orElse(List.of());
    }

    private Stream<? extends AwsResource> candidates(String kind) {
        return kind.equals("instance") ? inv.dbInstances().stream() : inv.dbClusters().stream();
    }

    private static List<String> exports(AwsResource d) {
        return d instanceof io.hipaaaudit.inventory.aws.DbInstance i ? i.enabledCloudwatchLogsExports()
                : ((io.hipaaaudit.inventory.aws.DbCluster) d).enabledCloudwatchLogsExports();
    }
}
