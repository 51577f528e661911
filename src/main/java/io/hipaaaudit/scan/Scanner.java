package io.hipaaaudit.scan;

import io.hipaaaudit.collect.DatabaseTargets;
import io.hipaaaudit.collect.aws.AccountTarget;
import io.hipaaaudit.collect.aws.AwsCollection;
import io.hipaaaudit.collect.aws.AwsCollector;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.collect.aws.AwsEvidence;
import io.hipaaaudit.collect.aws.AwsSession;
import io.hipaaaudit.collect.aws.MultiAccountCollector;
import io.hipaaaudit.collect.aws.OrganizationAccounts;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.engine.UndefinedEnvironments;
import io.hipaaaudit.evidence.BundleWriter;
import io.hipaaaudit.evidence.EvidenceBundle;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.gate.Baseline;
import io.hipaaaudit.gate.Gate;
import io.hipaaaudit.gate.GateVerdict;
import io.hipaaaudit.history.HistoryException;
import io.hipaaaudit.history.HistoryStore;
import io.hipaaaudit.history.HistoryTarget;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.report.HistoryView;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.report.Reporters;
import io.hipaaaudit.template.TemplateSource;
import io.hipaaaudit.waivers.ResourceTags;
import io.hipaaaudit.waivers.WaiverOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The scan pipeline, one way: collect (or read, or replay) the inventory → evaluate the rule pack → look up who
 * changed the resources that fail and evaluate again with that evidence → apply waivers → record history → write
 * reports → decide the gate. The command line, a scheduled job or any Java program runs a scan the same way:
 * {@code Scanner.run(request, listener)}.
 *
 * <p>Input errors (a bad snapshot, bundle, baseline or option combination, credentials AWS refuses) are
 * {@link InputException}s raised before anything is evaluated; once collection has started, a resource whose
 * data could not be collected is NOT_ASSESSED and the scan goes on.
 */
public final class Scanner {
    /** How many recorded scans the report's trend chart shows. */
    public static final int TREND_SCANS = 30;

    private Scanner() {}

    public static ScanResult run(ScanRequest request) {
        return run(request, ScanListener.NONE);
    }

    public static ScanResult run(ScanRequest request, ScanListener listener) {
        Optional<Baseline> baseline;
        Started started;
        try {
            check(request);
            baseline = request.gate().baseline().map(Baseline::read);
            started = start(request, listener);
        } catch (RuntimeException e) {
            throw request.rules().before(e);
        }
        Environments environments = started.environments();
        try (Collected collected = started.collected()) {
            Evaluator evaluator = new Evaluator(collected.inventory(), environments, request.dbPolicy());
            List<Finding> findings = collected.located(evaluator.evaluate(request.pack()));
            if (request.attribution()) {
                List<ChangeTarget> targets = evaluator.attributionTargets();
                // asked even for no target: the session's history readers stop and finish before anything is written
                List<ResourceChanges> changes = collected.aws().changes(targets);
                if (!changes.isEmpty()) {
                    evaluator = evaluator.withResourceChanges(changes);
                    // only a FAIL gains evidence from its history: the rest stays as evaluated
                    findings = collected.located(evaluator.reevaluateFailures(findings, request.pack()));
                }
            }
            Inventory inventory = evaluator.inventory();
            collected.finish(request, inventory);
            Map<String, Long> calls = collected.aws().apiCalls();
            FindingsDocument doc = Scan.document(inventory, findings, request.pack(), environments, calls)
                    .withTags(evaluator.tags());
            WaiverOutcome waived = waive(request, doc, evaluator);
            doc = waived.document();
            Optional<Long> historyId = Optional.empty();
            Optional<HistoryView> past = Optional.empty();
            if (request.history().isPresent()) {
                HistoryTarget target = request.history().get();
                try {
                    HistoryStore store = target.open();
                    long id = store.record(doc);
                    listener.historyRecorded(id, target.safeUrl());
                    HistoryStore.ScanHistory h = store.historyOf(id, TREND_SCANS);
                    historyId = Optional.of(id);
                    past = Optional.of(new HistoryView(h.sinceLastScan(), h.trend(), store.firstSeen(id)));
                } catch (HistoryException e) {
                    throw new InputException("history " + target.safeUrl() + ": " + e.getMessage());
                }
            }
            ReportInput reportInput = new ReportInput(doc, request.pack(), past,
                    request.outputs().sarifIncludeWaived(), request.outputs().docsUrl());
            List<Path> written = request.outputs().formats().isEmpty() ? List.of()
                    : Reporters.write(reportInput, request.outputs().formats(), request.outputs().dir());
            GateVerdict verdict = Gate.evaluate(doc, request.gate().failOn(), request.gate().allowIncomplete(),
                    baseline);
            boolean stopped = inventory.collectionErrors().stream().anyMatch(e -> "ScanDeadline".equals(e.code()));
            Optional<SecurityHubOutcome> hub = request.securityHub().map(t -> SecurityHubImport.run(t,
                    collected.aws(), reportInput, inventory, stopped, request.clock().instant()));
            return new ScanResult(doc, waived, verdict, inventory,
                    hub.isPresent() ? collected.aws().apiCalls() : calls, written, historyId, stopped,
                    UndefinedEnvironments.in(doc.findings()), hub);
        }
    }

    /** Option combinations that cannot be carried out, refused before anything is contacted. */
    private static void check(ScanRequest request) {
        request.outputs().formats().forEach(Reporters::of);
        if (request.record().isPresent()) {
            if (request.source() instanceof Source.Snapshot || request.source() instanceof Source.Replay) {
                throw new InputException("recording keeps the evidence of a live scan; it cannot be used with a "
                        + (request.source() instanceof Source.Snapshot ? "snapshot" : "replay"));
            }
            if (request.source() instanceof Source.Aws a && !(a.accounts() instanceof Source.Accounts.One)) {
                throw new InputException("recording keeps the evidence of one account; record each account "
                        + "separately (--account ID)");
            }
            BundleWriter.requireEmpty(request.record().get());
        }
        if (request.record().isPresent() && request.source() instanceof Source.Template) {
            throw new InputException("recording keeps the evidence of a live scan; it cannot be used with a template");
        }
        if (request.securityHub().isPresent() && !(request.source() instanceof Source.Aws a
                && a.accounts() instanceof Source.Accounts.One)) {
            throw new InputException("--security-hub imports the findings of a live scan of one account (not a "
                    + "snapshot, replay, template or several accounts)");
        }
        if (request.source() instanceof Source.DatabasesOnly && request.databases().isEmpty()) {
            throw new InputException("a scan without AWS needs at least one database (--db)");
        }
    }

    /** Waivers judged on the day the inventory was collected, so a scan of a saved inventory stays reproducible. */
    private static WaiverOutcome waive(ScanRequest request, FindingsDocument doc, Evaluator evaluator) {
        if (request.waivers().isEmpty()) {
            return request.waivers().apply(doc, ResourceTags.none(), LocalDate.now(request.clock()));
        }
        LocalDate today = doc.scan().finishedAt().or(() -> doc.scan().startedAt())
                .map(t -> Instant.parse(t).atOffset(ZoneOffset.UTC).toLocalDate())
                .orElseGet(() -> LocalDate.now(request.clock()));
        return request.waivers().apply(doc, ResourceTags.of(evaluator.tags()), today);
    }

    /** The collected inventory and the environments checked against the pack. */
    private record Started(Collected collected, Environments environments) {}

    /**
     * Collects; while the rule pack is still loading, on a thread of its own, so that the two overlap. A pack that
     * fails to load fails the scan with its own error, whatever collection did: what was collected is then
     * dropped (its session closed when collection ends) and nothing of it is written.
     */
    private static Started start(ScanRequest request, ScanListener listener) {
        if (request.rules().done()) {
            Environments environments = request.environments().definedBy(request.pack());
            return new Started(collect(request, listener), environments);
        }
        CompletableFuture<Collected> collection = new CompletableFuture<>();
        HeldProgress progress = new HeldProgress(listener);
        Thread thread = new Thread(() -> {
            try {
                collection.complete(collect(request, progress));
            } catch (Throwable e) { // an Error too: this thread reports it as it would its own
                collection.completeExceptionally(e);
            }
        }, "scan-collection");
        thread.setDaemon(true);
        thread.start();
        Environments environments;
        try {
            environments = request.environments().definedBy(request.pack());
        } catch (RuntimeException | Error e) {
            collection.thenAccept(Collected::close);
            throw e;
        }
        progress.release();
        try {
            return new Started(collection.join(), environments);
        } catch (CompletionException e) {
            throw RuleInputs.rethrown(e.getCause());
        }
    }

    /**
     * The progress of a collection that overlaps the pack's loading, held back until the pack is in: a pack that
     * fails leaves nothing on the console but its error, as when it was loaded first.
     */
    private static final class HeldProgress implements ScanListener {
        private final ScanListener listener;
        private final List<Runnable> held = new ArrayList<>();
        private boolean released;

        HeldProgress(ScanListener listener) {
            this.listener = listener;
        }

        synchronized void release() {
            released = true;
            held.forEach(Runnable::run);
            held.clear();
        }

        private synchronized void on(Runnable event) {
            if (released) {
                event.run();
            } else {
                held.add(event);
            }
        }

        @Override
        public void planned(int tasks) {
            on(() -> listener.planned(tasks));
        }

        @Override
        public void finished(String service, String region) {
            on(() -> listener.finished(service, region));
        }

        @Override
        public void historyRecorded(long id, String where) {
            listener.historyRecorded(id, where);
        }
    }

    private static Collected collect(ScanRequest request, ScanListener listener) {
        // the system clock, whatever clock stamps the collection: the limit is real time
        Instant deadline = Instant.now().plus(request.maxDuration());
        Optional<EvidenceLog> log = request.record().map(r -> new EvidenceLog());
        Instant startedAt = request.clock().instant();
        DatabaseCollection databases = new DatabaseCollection(deadline, request.maxDuration());
        AwsSession aws;
        Inventory inventory;
        Optional<TemplateSource.Loaded> template = Optional.empty();
        if (request.source() instanceof Source.Template t) {
            TemplateSource.Loaded loaded = TemplateSource.load(t.paths(), t.parameters(), t.region(), t.account(),
                    startedAt);
            template = Optional.of(loaded);
            aws = AwsSession.closed(new AwsCollection(loaded.inventory(), Map.of(), Map.of()));
            inventory = aws.inventory();
        } else if (request.source() instanceof Source.Snapshot s) {
            aws = AwsSession.closed(new AwsCollection(InventoryJson.read(s.file()), Map.of(), Map.of()));
            inventory = aws.inventory();
        } else if (request.source() instanceof Source.Replay r) {
            EvidenceBundle bundle = EvidenceBundle.open(r.bundle());
            aws = bundle.manifest().aws().isPresent() ? AwsEvidence.replay(bundle, listener,
                    request.attribution()) : nothing();
            inventory = aws.inventory();
            if (!bundle.databases().isEmpty()) {
                inventory = DatabaseTargets.replayInto(inventory, bundle.databases());
            }
        } else if (request.source() instanceof Source.Aws a) {
            AwsCollectorOptions options = a.options().withProgress(listener).withDeadline(deadline)
                    .withChangeHistory(request.attribution());
            aws = open(options, a.accounts(), log);
            inventory = aws.inventory();
        } else {
            aws = nothing();
            inventory = aws.inventory();
        }
        try {
            for (PgTarget target : request.databases()) {
                inventory = databases.collect(inventory, target, log);
            }
        } catch (RuntimeException | Error e) {
            aws.close();
            throw e;
        }
        return new Collected(aws, inventory, log, startedAt, template);
    }

    private static AwsSession nothing() {
        return AwsSession.closed(new AwsCollection(Inventory.empty(), Map.of(), Map.of()));
    }

    private static AwsSession open(AwsCollectorOptions options, Source.Accounts accounts, Optional<EvidenceLog> log) {
        if (accounts instanceof Source.Accounts.Listed listed) {
            return new MultiAccountCollector(concurrency(listed.concurrency())).open(options, listed.accounts());
        }
        if (accounts instanceof Source.Accounts.Organization org) {
            int concurrency = concurrency(org.concurrency());
            List<AccountTarget> members = OrganizationAccounts.list(options, org.roleName(), org.externalId());
            if (members.isEmpty()) {
                throw new InputException("--accounts-from-organization: the organization lists no active account");
            }
            AwsSession session = new MultiAccountCollector(concurrency).open(options, members);
            List<String> ids = members.stream().map(AccountTarget::id).sorted().toList();
            return new Member(session, session.inventory().withOrganization(ids));
        }
        Optional<String> expected = ((Source.Accounts.One) accounts).expected();
        AwsSession session = log.map(l -> AwsEvidence.record(options, l))
                .orElseGet(() -> new AwsCollector().open(options));
        if (expected.isPresent()) {
            List<String> reached = session.inventory().accounts().stream().map(Account::id).toList();
            if (!reached.contains(expected.get())) {
                session.close();
                throw new InputException("the credentials for account " + expected.get() + " reach account "
                        + String.join(",", reached) + "; check its role_arn or profile in targets.accounts");
            }
        }
        return session;
    }

    /** A session whose inventory also says which accounts form the organization it listed. */
    private record Member(AwsSession session, Inventory inventory) implements AwsSession {
        @Override
        public List<ResourceChanges> changes(java.util.Collection<ChangeTarget> targets) {
            return session.changes(targets);
        }

        @Override
        public Map<String, Long> apiCalls() {
            return session.apiCalls();
        }

        @Override
        public Map<String, Long> retries() {
            return session.retries();
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private static int concurrency(int n) {
        if (n < 1) {
            throw new InputException("--account-concurrency must be at least 1");
        }
        return n;
    }

    /** The collected inventory, the AWS session kept for change lookups, and the evidence being recorded. */
    private record Collected(AwsSession aws, Inventory inventory, Optional<EvidenceLog> log, Instant startedAt,
                             Optional<TemplateSource.Loaded> template) implements AutoCloseable {
        /** The findings of a template scan name where each resource is declared. */
        List<Finding> located(List<Finding> findings) {
            return template.map(t -> TemplateFindings.located(findings, t)).orElse(findings);
        }

        /** Writes the evidence bundle (the change lookups included) and the saved inventory, if asked for. */
        void finish(ScanRequest request, Inventory evaluated) {
            if (log.isPresent()) {
                Evidence.write(request.record().orElseThrow(), log.get(), evaluated, request.pack().sha256(),
                        startedAt, request.clock().instant());
            }
            request.saveInventory().ifPresent(file -> save(file, evaluated));
        }

        @Override
        public void close() {
            aws.close();
        }
    }

    private static void save(Path file, Inventory inventory) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, InventoryJson.write(inventory), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the inventory: " + e.getMessage());
        }
    }
}
