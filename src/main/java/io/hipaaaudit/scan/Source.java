package io.hipaaaudit.scan;

import io.hipaaaudit.collect.aws.AccountTarget;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the AWS part of a scan's inventory comes from. The databases of {@link ScanRequest#databases()} are
 * collected live in addition, whatever the source.
 */
public sealed interface Source {
    /** A saved inventory (JSON, as written by {@link ScanRequest#saveInventory()}): nothing is contacted for AWS. */
    record Snapshot(Path file) implements Source {}

    /** No AWS collection: only the request's databases. */
    record DatabasesOnly() implements Source {}

    /**
     * A live AWS collection with {@code options} (credentials, regions, endpoint, rates); the scan adds its
     * progress listener, clock and deadline. {@code accounts} says which accounts.
     */
    record Aws(AwsCollectorOptions options, Accounts accounts) implements Source {}

    /** An evidence bundle written by a recorded scan, verified and collected again through the same collectors. */
    record Replay(Path bundle) implements Source {}

    /**
     * CloudFormation templates before deploy: template files (JSON or YAML) or {@code cdk.out} directories, mapped
     * into the same inventory records (see {@code io.hipaaaudit.template.TemplateSource}). {@code parameters} is a
     * parameters file for them; {@code region} and {@code account} settle {@code AWS::Region} and
     * {@code AWS::AccountId} when given. Nothing is contacted.
     */
    record Template(List<Path> paths, Optional<Path> parameters, Optional<String> region, Optional<String> account)
            implements Source {
        public Template {
            paths = List.copyOf(paths);
        }
    }

    /** The accounts of a live AWS collection. */
    sealed interface Accounts {
        /** The account the credentials reach; when {@code expected} is given, reaching another is an input error. */
        record One(Optional<String> expected) implements Accounts {}

        /** These accounts, each through its own role or profile, {@code concurrency} at a time. */
        record Listed(List<AccountTarget> accounts, int concurrency) implements Accounts {
            public Listed {
                accounts = List.copyOf(accounts);
            }
        }

        /**
         * Every active account of the AWS Organization (organizations:ListAccounts with the request's
         * credentials, from the management account), each through the role {@code roleName}.
         */
        record Organization(String roleName, Optional<String> externalId, int concurrency) implements Accounts {}
    }
}
