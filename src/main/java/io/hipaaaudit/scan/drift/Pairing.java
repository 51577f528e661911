package io.hipaaaudit.scan.drift;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.KmsKey;
import io.hipaaaudit.inventory.aws.LogGroup;
import io.hipaaaudit.template.TemplateSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which deployed resource each planned resource became, by the tags CloudFormation puts on what it creates
 * ({@code aws:cloudformation:stack-name} = the stack, {@code aws:cloudformation:logical-id}). A deployed record
 * with no tags at all in the inventory (its collector does not read them: DB subnet and parameter groups, KMS keys,
 * Lambda functions, trails) is paired by the explicit name the template gives it ({@link #NAMES}; for a KMS key an
 * alias the template declares), which is unique in an account and region. Anything else is not paired, with the
 * reason: never a guess.
 */
final class Pairing {
    /**
     * The property that names a resource explicitly, per CloudFormation type (the CloudFormation resource
     * reference). RDS stores these names in lower case, so they compare in lower case.
     */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("AWS::RDS::DBInstance", "DBInstanceIdentifier"),
            Map.entry("AWS::RDS::DBCluster", "DBClusterIdentifier"),
            Map.entry("AWS::RDS::DBSubnetGroup", "DBSubnetGroupName"),
            Map.entry("AWS::RDS::DBParameterGroup", "DBParameterGroupName"),
            Map.entry("AWS::RDS::DBClusterParameterGroup", "DBClusterParameterGroupName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::CloudTrail::Trail", "TrailName"),
            Map.entry("AWS::SecretsManager::Secret", "Name"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::S3::Bucket", "BucketName"));

    /** A planned resource and the deployed one it became; {@code by} says how they were paired. */
    record Pair(Resource planned, Optional<TemplateSource.Location> at, Resource deployed, String by) {}

    /** A planned resource not found deployed, or a deployed one the template does not declare. */
    record Lone(Optional<Resource> planned, Optional<TemplateSource.Location> at, Optional<Resource> deployed) {}

    /** A resource that could not be paired either way, and why. */
    record Unpaired(Optional<Resource> planned, Optional<TemplateSource.Location> at, Optional<Resource> deployed,
                    String reason) {}

    record Result(List<Pair> pairs, List<Lone> plannedOnly, List<Lone> deployedOnly, List<Unpaired> notPaired) {}

    /** The region of template records when neither --template-region nor the cdk.out says it. */
    private static final String UNKNOWN_REGION = "unknown-region";

    private final TemplateSource.Loaded loaded;
    private final Optional<String> templateAccount;
    private final List<Resource> deployed;
    private final List<CollectionError> deployedErrors;
    private final List<String> deployedRegions;
    private final List<String> deployedAccounts;

    /** {@code regions} and {@code accounts}: where the deployed side was collected (its scan's). */
    Pairing(TemplateSource.Loaded loaded, Optional<String> templateAccount, Inventory deployed, List<String> regions,
            List<String> accounts) {
        this.loaded = loaded;
        this.templateAccount = templateAccount;
        this.deployed = Resource.of(deployed);
        this.deployedErrors = deployed.collectionErrors();
        this.deployedRegions = List.copyOf(regions);
        this.deployedAccounts = List.copyOf(accounts);
    }

    Result pair(Inventory planned) {
        List<Pair> pairs = new ArrayList<>();
        List<Lone> plannedOnly = new ArrayList<>();
        List<Unpaired> notPaired = new ArrayList<>();
        Map<String, String> stacks = new LinkedHashMap<>();
        Set<Resource> taken = new HashSet<>();
        for (Resource p : Resource.of(planned)) {
            stacks.put(p.record().account(), p.record().region());
            Optional<TemplateSource.Location> at = loaded.of(p.record().account(), p.record().region(),
                    p.record().id());
            Optional<String> why = unpairable(p, at);
            if (why.isPresent()) {
                notPaired.add(new Unpaired(Optional.of(p), at, Optional.empty(), why.get()));
                continue;
            }
            // a template record's id is its logical id, except where rules know the resource by its name (a log group)
            String logicalId = at.map(TemplateSource.Location::logicalId).orElse(p.record().id());
            List<Resource> tagged = deployed.stream().filter(d -> d.type().equals(p.type()) && where(p, d))
                    .filter(d -> d.cloudformationTags().map(t -> t[0].equals(p.record().account())
                            && t[1].equals(logicalId)).orElse(false)).toList();
            if (tagged.size() == 1) {
                pairs.add(new Pair(p, at, tagged.get(0), "tags"));
                taken.add(tagged.get(0));
                continue;
            }
            if (tagged.size() > 1) {
                notPaired.add(ambiguous(p, at, tagged, "carry its stack and logical id"));
                taken.addAll(tagged);
                continue;
            }
            List<Resource> untagged = deployed.stream().filter(d -> d.type().equals(p.type()) && where(p, d)
                    && d.record().tags().isEmpty()).toList();
            Optional<SecondKey> key = secondKey(p, at);
            List<Resource> named = key.map(k -> untagged.stream().filter(k.matches()).toList()).orElse(List.of());
            if (named.size() == 1) {
                pairs.add(new Pair(p, at, named.get(0), key.get().label()));
                taken.add(named.get(0));
            } else if (named.size() > 1) {
                notPaired.add(ambiguous(p, at, named, "have its " + key.get().label()));
                taken.addAll(named);
            } else if (unknown(p)) {
                notPaired.add(new Unpaired(Optional.of(p), at, Optional.empty(), "the deployed inventory leaves "
                        + p.type() + " unknown in " + p.record().region()));
            } else if (key.isEmpty() && !untagged.isEmpty()) {
                notPaired.add(new Unpaired(Optional.of(p), at, Optional.empty(), "the deployed " + p.type()
                        + " resources carry no tags in the inventory and the template gives it no explicit name"
                        + (NAMES.containsKey(at.get().type()) ? " (" + NAMES.get(at.get().type()) + ")" : "")));
            } else if (at.isEmpty()) {
                // not declared: a log group RDS creates for an exported log, once the database first writes to it
                notPaired.add(new Unpaired(Optional.of(p), at, Optional.empty(), "not declared in the template: RDS"
                        + " creates it when the database first exports that log, and none is deployed yet"));
            } else {
                plannedOnly.add(new Lone(Optional.of(p), at, Optional.empty()));
            }
        }
        List<Lone> deployedOnly = new ArrayList<>();
        for (Resource d : deployed) {
            Optional<String[]> tags = d.cloudformationTags();
            if (taken.contains(d) || tags.isEmpty() || !stacks.containsKey(tags.get()[0])) {
                continue;
            }
            String region = stacks.get(tags.get()[0]);
            if (!region.equals(UNKNOWN_REGION) && !region.equals(d.record().region())) {
                continue;   // a stack of the same name in another region is another stack
            }
            if (templateAccount.isPresent() && !templateAccount.get().equals(d.record().account())) {
                continue;
            }
            if (TemplateSource.maps(d.type())) {
                deployedOnly.add(new Lone(Optional.empty(), Optional.empty(), Optional.of(d)));
            } else {
                notPaired.add(new Unpaired(Optional.empty(), Optional.empty(), Optional.of(d),
                        "templates are not read for " + d.type() + " resources yet"));
            }
        }
        return new Result(pairs, plannedOnly, deployedOnly, notPaired);
    }

    /**
     * Planned resources whose deployed counterpart carries no tag naming them, or that would be deployed where the
     * deployed side was not collected (absence there says nothing).
     */
    private Optional<String> unpairable(Resource p, Optional<TemplateSource.Location> at) {
        String region = p.record().region();
        if (!region.equals(UNKNOWN_REGION) && !deployedRegions.contains(region)) {
            return Optional.of("the deployed side was not collected in " + region);
        }
        if (templateAccount.isPresent() && !deployedAccounts.contains(templateAccount.get())) {
            return Optional.of("the deployed side was not collected in account " + templateAccount.get());
        }
        if (at.isEmpty() && !(p.record() instanceof LogGroup)) {
            String id = p.record().id();
            String parent = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
            return Optional.of("not declared in the template: AWS creates it with " + parent
                    + ", and CloudFormation does not tag it");
        }
        if (at.isPresent() && at.get().stack().contains("/")) {
            return Optional.of("declared in the nested stack " + at.get().stack() + ": CloudFormation tags its "
                    + "resources with the nested stack's generated name, which the template does not know");
        }
        return Optional.empty();
    }

    /** Several deployed resources fit (the template's region is unknown and the stack is in several). */
    private static Unpaired ambiguous(Resource p, Optional<TemplateSource.Location> at, List<Resource> fits,
                                      String how) {
        return new Unpaired(Optional.of(p), at, Optional.empty(), fits.size() + " deployed " + p.type()
                + " resources " + how + " (" + String.join(", ", fits.stream().map(d -> d.record().region() + "/"
                + d.record().id()).toList()) + "): give --template-region");
    }

    /** The same region (any, when the template's region is unknown) and account (when the template names it). */
    private boolean where(Resource p, Resource d) {
        String region = p.record().region();
        return (region.equals(UNKNOWN_REGION) || region.equals(d.record().region()))
                && templateAccount.map(a -> a.equals(d.record().account())).orElse(true);
    }

    /** Whether a listing error left the planned resource's type unknown where it would be deployed. */
    private boolean unknown(Resource p) {
        String region = p.record().region();
        return deployedErrors.stream().anyMatch(e -> e.resource().isEmpty() && e.resourceTypes().contains(p.type())
                && (e.region().isEmpty() || region.equals(UNKNOWN_REGION)
                || e.region().get().equals(region)));
    }

    /** How an untagged deployed record is recognised: by the name the template gives it. */
    private record SecondKey(String label, java.util.function.Predicate<Resource> matches) {}

    private static Optional<SecondKey> secondKey(Resource p, Optional<TemplateSource.Location> declared) {
        if (p.record() instanceof LogGroup group && (declared.isEmpty()
                || !declared.get().logicalId().equals(group.id()))) {
            // a log group is known by its name, unique in an account and region: the template's LogGroupName, or
            // the group RDS creates for a database's exported log (/aws/rds/instance/<id>/<log>)
            return Optional.of(new SecondKey("name " + group.id(), d -> d.record().id().equals(group.id())));
        }
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        TemplateSource.Location at = declared.get();
        if (p.record() instanceof KmsKey key) {
            // an alias names one key in an account and region
            return key.aliases().isEmpty() ? Optional.empty() : Optional.of(new SecondKey("alias " + String.join(
                    ",", key.aliases()), d -> d.record() instanceof KmsKey k
                    && k.aliases().stream().anyMatch(key.aliases()::contains)));
        }
        String property = NAMES.get(at.type());
        if (property == null || !(at.properties().get(property) instanceof String name)) {
            return Optional.empty();
        }
        boolean rds = at.type().startsWith("AWS::RDS::");
        return Optional.of(new SecondKey(property + " " + name, d -> rds ? d.record().id().equalsIgnoreCase(name)
                : d.record().id().equals(name)));
    }
}
