package io.hipaaaudit.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects evidence while a live scan runs; collectors on many threads add to it. It also remembers every secret
 * the scan handled (AWS keys and session tokens, database passwords, IAM tokens) so the bundle writer can make
 * sure none of them is written, whatever a server chose to echo back.
 */
public final class EvidenceLog {
    private final List<HttpExchange> exchanges = new ArrayList<>();
    private final List<DatabaseEvidence> databases = new ArrayList<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private volatile Manifest.AwsScope aws;

    public synchronized void exchange(HttpExchange exchange) {
        exchanges.add(exchange);
    }

    public synchronized void database(DatabaseEvidence database) {
        databases.add(database);
    }

    /** A value that must never appear in the bundle. Short values are ignored: they would redact ordinary text. */
    public void secret(String value) {
        if (value != null && value.length() >= 6) {
            secrets.add(value);
        }
    }

    public void aws(Manifest.AwsScope scope) {
        this.aws = scope;
    }

    public synchronized List<HttpExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public synchronized List<DatabaseEvidence> databases() {
        return List.copyOf(databases);
    }

    public Optional<Manifest.AwsScope> aws() {
        return Optional.ofNullable(aws);
    }

    Set<String> secrets() {
        return Set.copyOf(secrets);
    }
}
