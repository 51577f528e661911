package io.hipaaaudit.cli;

import io.hipaaaudit.collect.DatabaseTargets;
import io.hipaaaudit.collect.aws.AwsCollection;
import io.hipaaaudit.collect.aws.AwsCollector;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.collect.aws.CollectionProgress;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.json.InputException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the inventory comes from: a saved snapshot, or live collection from AWS and PostgreSQL (the databases and
 * their credentials are {@link DbTargetOptions}).
 */
final class SourceOptions {
    @Option(names = "--snapshot", paramLabel = "FILE", order = 1,
            description = "Evaluate a saved inventory (JSON) instead of collecting from AWS.")
    Path snapshot;

    @Option(names = "--skip-aws", order = 2, description = "Collect only the databases given with --db.")
    boolean skipAws;

    @Option(names = "--profile", paramLabel = "NAME", order = 3, description = "AWS profile (default: the SDK's credential chain).")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN", order = 4, description = "Assume this IAM role for the scan (STS).")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", order = 5, description = "External id for --role-arn.")
    String externalId;

    @Option(names = "--regions", paramLabel = "REGIONS", split = ",", order = 6,
            description = "Regions to scan, comma-separated (default: every region enabled for the account).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL", order = 7,
            description = "Send every AWS request to this endpoint (LocalStack-style). AWS_ENDPOINT_URL also works.")
    String endpointUrl;

    @CommandLine.Mixin
    DbTargetOptions db = new DbTargetOptions();

    @Option(names = "--save-inventory", paramLabel = "FILE", order = 14,
            description = "Also write the collected inventory as JSON (re-evaluate it later with --snapshot).")
    Path saveInventory;

    /** Databases from the configuration file, used when no --db is given. */
    List<PgTarget> configuredTargets = List.of();

    /** The inventory and the AWS API calls made (empty for a snapshot). */
    record Collected(Inventory inventory, Map<String, Long> apiCalls) {}

    @Option(names = "--no-attribution", order = 16,
            description = "Do not look up in CloudTrail who last changed the resources of failing findings.")
    boolean noAttribution;

    /**
     * Collects the inventory. For a live AWS scan, {@code attribution} names the resources of failing findings
     * whose CloudTrail change history is looked up in the same session (unless --no-attribution).
     */
    Collected collect(CollectionProgress progress, Function<Inventory, Collection<ChangeTarget>> attribution) {
        List<PgTarget> targets = targets();
        Inventory inventory;
        Map<String, Long> calls = Map.of();
        if (snapshot != null) {
            inventory = InventoryJson.read(snapshot);
        } else if (skipAws) {
            inventory = Inventory.empty();
            if (targets.isEmpty()) {
                throw new InputException("--skip-aws needs at least one --db");
            }
        } else {
            AwsCollection aws = new AwsCollector().collect(awsOptions(progress),
                    noAttribution ? inv -> List.of() : attribution);
            inventory = aws.inventory();
            calls = aws.apiCalls();
        }
        if (!targets.isEmpty()) {
            inventory = DatabaseTargets.collectInto(inventory, targets);
        }
        if (saveInventory != null) {
            write(saveInventory, InventoryJson.write(inventory));
        }
        return new Collected(inventory, calls);
    }

    private AwsCollectorOptions awsOptions(CollectionProgress progress) {
        AwsCollectorOptions o = AwsCollectorOptions.defaults().withRegions(regions).withProgress(progress);
        if (profile != null) {
            o = o.withProfile(profile);
        }
        if (roleArn != null) {
            o = o.withRole(roleArn, externalId);
        } else if (externalId != null) {
            throw new InputException("--external-id needs --role-arn");
        }
        if (endpointUrl != null) {
            try {
                URI uri = new URI(endpointUrl);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(endpointUrl, "expected http(s)://host[:port]");
                }
                o = o.withEndpointUrl(uri);
            } catch (URISyntaxException e) {
                throw new InputException("--endpoint-url '" + endpointUrl + "' is not a URL: " + e.getReason());
            }
        }
        return o;
    }

    private List<PgTarget> targets() {
        List<PgTarget> fromFlags = db.targets(regions, Optional.ofNullable(profile));
        return fromFlags.isEmpty() ? configuredTargets : fromFlags;
    }

    private static void write(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the inventory: " + e.getMessage());
        }
    }
}
