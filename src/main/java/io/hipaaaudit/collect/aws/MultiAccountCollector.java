package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

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

    public AwsCollection collect(AwsCollectorOptions base, List<AccountTarget> accounts,
                                 Function<Inventory, Collection<ChangeTarget>> attribution) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, accounts.size()), r -> {
            Thread t = new Thread(r, "aws-account");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<AwsCollection>> running = accounts.stream()
                    .map(a -> CompletableFuture.supplyAsync(() -> one(base, a, attribution), pool)).toList();
            List<Inventory> inventories = new ArrayList<>();
            Map<String, Long> calls = new TreeMap<>();
            Map<String, Long> retries = new TreeMap<>();
            for (CompletableFuture<AwsCollection> f : running) {
                AwsCollection c = f.join();
                inventories.add(c.inventory());
                c.apiCalls().forEach((k, v) -> calls.merge(k, v, Long::sum));
                c.retries().forEach((k, v) -> retries.merge(k, v, Long::sum));
            }
            return new AwsCollection(Inventory.merge(inventories), calls, retries);
        } finally {
            pool.shutdownNow();
        }
    }

    private static AwsCollection one(AwsCollectorOptions base, AccountTarget account,
                                     Function<Inventory, Collection<ChangeTarget>> attribution) {
        try {
            AwsCollection c = new AwsCollector().collect(account.options(base), attribution);
            List<String> seen = c.inventory().accounts().stream().map(Account::id).toList();
            if (!seen.contains(account.id())) {
                // the credentials reached another account: its data must not be reported as this account's
                return unreachable(account, "AccountMismatch", "the credentials for account " + account.id()
                        + " reach account " + String.join(",", seen));
            }
            return c;
        } catch (AwsCredentialsException e) {
            return unreachable(account, "AccountUnreachable", e.getMessage());
        } catch (RuntimeException e) {
            // one broken account must not stop the others: it is NOT_ASSESSED, with what went wrong
            return unreachable(account, "CollectionFailed", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
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
