package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Several accounts in one scan: each collected by its own {@link AwsCollector} with its own credentials (usually an
 * assumed role), at most {@code concurrency} accounts at a time, into one inventory. An account that cannot be
 * entered (the role cannot be assumed, the credentials are refused) becomes a collection error for every AWS
 * resource type of that account only, so its rules are NOT_ASSESSED there and every other account is evaluated.
 */
public final class MultiAccountCollector {
    private final int concurrency;

    public MultiAccountCollector(int concurrency) {
        this.concurrency = Math.max(1, concurrency);
    }

    /** Collects every account and closes their sessions: no change history is looked up. */
    public AwsCollection collect(AwsCollectorOptions base, List<AccountTarget> accounts) {
        try (AwsSession session = open(base, accounts)) {
            return session.collection();
        }
    }

    /**
     * Collects every account and keeps each account's session open for the change-history lookups of the
     * resources that then fail; each lookup goes to the session of the resource's account.
     */
    public AwsSession open(AwsCollectorOptions base, List<AccountTarget> accounts) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, accounts.size())), r -> {
            Thread t = new Thread(r, "aws-account");
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<AwsSession>> running = accounts.stream()
                .map(a -> CompletableFuture.supplyAsync(() -> one(base, a), pool)).toList();
        List<AwsSession> sessions = new ArrayList<>();
        try {
            for (CompletableFuture<AwsSession> f : running) {
                sessions.add(f.join());
            }
        } catch (RuntimeException | Error e) {
            running.forEach(f -> f.thenAccept(AwsSession::close));
            pool.shutdownNow();
            throw e;
        }
        return new Accounts(sessions, pool);
    }

    private static AwsSession one(AwsCollectorOptions base, AccountTarget account) {
        AwsSession session = null;
        try {
            session = new AwsCollector().open(account.options(base));
            List<String> seen = session.collection().inventory().accounts().stream().map(Account::id).toList();
            if (!seen.contains(account.id())) {
                // the credentials reached another account: its data must not be reported as this account's
                session.close();
                return AwsSession.closed(unreachable(account, "AccountMismatch", "the credentials for account "
                        + account.id() + " reach account " + String.join(",", seen)));
            }
            return session;
        } catch (AwsCredentialsException e) {
            return AwsSession.closed(unreachable(account, "AccountUnreachable", e.getMessage()));
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            // one broken account must not stop the others: it is NOT_ASSESSED, with what went wrong
            return AwsSession.closed(unreachable(account, "CollectionFailed", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))));
        }
    }

    /** The accounts' sessions as one: collections merged, lookups sent to each account's own session. */
    private static final class Accounts implements AwsSession {
        private final List<AwsSession> sessions;
        private final ExecutorService pool;

        Accounts(List<AwsSession> sessions, ExecutorService pool) {
            this.sessions = sessions;
            this.pool = pool;
        }

        @Override
        public Inventory inventory() {
            return Inventory.merge(sessions.stream().map(AwsSession::inventory).toList());
        }

        @Override
        public List<ResourceChanges> changes(Collection<ChangeTarget> targets) {
            // every session, even without a target of its own: its history readers stop and finish
            List<CompletableFuture<List<ResourceChanges>>> running = sessions.stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> s.changes(targets), pool)).toList();
            List<ResourceChanges> out = new ArrayList<>();
            running.forEach(f -> out.addAll(f.join()));
            return out;
        }

        @Override
        public Map<String, Long> apiCalls() {
            return sum(sessions.stream().map(AwsSession::apiCalls).toList());
        }

        @Override
        public Map<String, Long> retries() {
            return sum(sessions.stream().map(AwsSession::retries).toList());
        }

        private static Map<String, Long> sum(List<Map<String, Long>> counts) {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach(c -> c.forEach((k, v) -> out.merge(k, v, Long::sum)));
            return out;
        }

        @Override
        public void close() {
            try {
                sessions.forEach(AwsSession::close);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static AwsCollection unreachable(AccountTarget account, String code, String message) {
        List<String> awsTypes = ResourceTypes.ALL.stream().filter(t -> t.startsWith("aws.")).toList();
        CollectionError error = new CollectionError("aws", Optional.of(account.id()), Optional.empty(),
                Optional.empty(), account.roleArn().isPresent() ? "sts:AssumeRole" : "sts:GetCallerIdentity",
                awsTypes, code, message);
        Inventory inventory = Inventory.empty().withDatabases(List.of(), List.of(error));
        return new AwsCollection(inventory, Map.of(), Map.of());
    }
}
