package io.hipaaaudit.analyse;

import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which secrets are credentials of which databases, how old each credential is, and whether its resource policy is
 * open. A secret is linked to a DB instance or cluster of its account (and region, for names) when
 * <ol>
 *   <li>the database's MasterUserSecret names the secret (RDS manages the master password in it);</li>
 *   <li>a tag value of the secret is the database's identifier or ARN (RDS tags the secrets it manages with
 *       {@code aws:rds:primaryDBInstanceArn} / {@code aws:rds:primaryDBClusterArn}; teams often tag a secret with
 *       the database it opens);</li>
 *   <li>the name of the secret's rotation Lambda contains the database's identifier as a whole word (between
 *       start, end or a character other than a letter or digit), as in {@code healthapp-prod-rotation}.</li>
 * </ol>
 * A secret is a database credential when it is linked to a database or when RDS owns it (OwningService
 * {@code rds}); the rules add the names and tag keys an environment declares.
 *
 * <p>Age: from the last rotation; a secret that has never rotated (no LastRotatedDate, which the API documents as
 * "never rotated") from its creation, since its value has not been replaced by rotation since then. LastChangedDate
 * is not used: it moves on any change (a description, a tag), so it cannot prove the value is newer.
 */
public final class SecretFacts {
    private static final Duration DAY = Duration.ofDays(1);

    private record Database(String kind, String id, String arn, String account, String region,
                            Optional<String> masterUserSecretArn) {}

    /** Per secret ARN, the databases it is a credential of; per database ARN, its credential secrets. */
    private final Map<String, List<Map<String, Object>>> links = new HashMap<>();
    private final Map<String, List<Secret>> byDatabase = new HashMap<>();

    public SecretFacts(List<DbInstance> instances, List<DbCluster> clusters, List<Secret> secrets) {
        List<Database> databases = new ArrayList<>();
        instances.forEach(d -> databases.add(new Database("instance", d.id(), d.arn(), d.account(), d.region(),
                d.masterUserSecretArn())));
        clusters.forEach(c -> databases.add(new Database("cluster", c.id(), c.arn(), c.account(), c.region(),
                c.masterUserSecretArn())));
        for (Secret s : secrets) {
            List<Map<String, Object>> linked = new ArrayList<>();
            for (Database d : databases) {
                if (!d.account().equals(s.account())) {
                    continue;
                }
                linkedBy(s, d).ifPresent(via -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", d.id());
                    m.put("arn", d.arn());
                    m.put("kind", d.kind());
                    m.put("via", via);
                    linked.add(m);
                    byDatabase.computeIfAbsent(d.arn(), k -> new ArrayList<>()).add(s);
                });
            }
            links.put(s.arn(), linked);
        }
    }

    /** The databases the secret is a credential of: id, arn, kind (instance or cluster) and how it was linked. */
    public List<Map<String, Object>> databases(Secret s) {
        return links.getOrDefault(s.arn(), List.of());
    }

    /** The credential secrets linked to the database with this ARN. */
    public List<Secret> secretsOf(String dbArn) {
        return byDatabase.getOrDefault(dbArn, List.of());
    }

    private static Optional<String> linkedBy(Secret s, Database d) {
        if (d.masterUserSecretArn().filter(s.arn()::equals).isPresent()) {
            return Optional.of("MasterUserSecret");
        }
        boolean sameRegion = d.region().equals(s.region());
        for (Map.Entry<String, String> tag : s.tags().entrySet()) {
            if (tag.getValue().equals(d.arn()) || (sameRegion && tag.getValue().equals(d.id()))) {
                return Optional.of("tag " + tag.getKey());
            }
        }
        if (sameRegion && s.rotationLambdaArn().map(SecretFacts::functionName)
                .filter(name -> wholeWord(name, d.id())).isPresent()) {
            return Optional.of("rotation Lambda " + s.rotationLambdaArn().get());
        }
        return Optional.empty();
    }

    /** {@code arn:aws:lambda:r:a:function:NAME[:qualifier]} → NAME. */
    static String functionName(String arn) {
        int at = arn.indexOf(":function:");
        String rest = at < 0 ? arn : arn.substring(at + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** Whether {@code word} occurs in {@code text} (ignoring case) between non-alphanumeric characters or the ends. */
    static boolean wholeWord(String text, String word) {
        String t = text.toLowerCase(Locale.ROOT);
        String w = word.toLowerCase(Locale.ROOT);
        for (int at = t.indexOf(w); at >= 0 && !w.isEmpty(); at = t.indexOf(w, at + 1)) {
            int end = at + w.length();
            if ((at == 0 || !Character.isLetterOrDigit(t.charAt(at - 1)))
                    && (end == t.length() || !Character.isLetterOrDigit(t.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The derived facts of one secret: {@code pendingDeletion}, {@code neverRotated}, {@code rotationAgeDays} and
     * {@code rotationAgeFrom} (absent when the time it is measured from, or the end of collection, is unknown), and
     * the resource-policy facts of the shared policy analysis ({@code policyOpenStatements}, {@code
     * policyOpenReasons} from {@link KeyPolicyFacts}, the same analysis as key policies; absent without a policy,
     * so that a failed GetResourcePolicy never reads as "nothing open", and when the policy is not valid JSON).
     */
    public static Map<String, Object> of(Secret s, Optional<Instant> now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("pendingDeletion", s.deletedDate().isPresent());
        f.put("neverRotated", s.lastRotatedDate().isEmpty());
        Optional<Instant> since = s.lastRotatedDate().or(s::createdDate);
        if (since.isPresent() && now.isPresent()) {
            double days = Duration.between(since.get(), now.get()).toMinutes() / (double) DAY.toMinutes();
            f.put("rotationAgeDays", Math.floor(days * 10) / 10);
            f.put("rotationAgeFrom", s.lastRotatedDate().isPresent() ? "last rotation" : "creation (never rotated)");
        }
        s.policy().map(KeyPolicyFacts::facts).ifPresent(f::putAll);
        return f;
    }

    /** What a database's rules need to know about one of its credential secrets. */
    public static Map<String, Object> summary(Secret s, Optional<Instant> now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arn", s.arn());
        m.put("name", s.id());
        s.rotationEnabled().ifPresent(r -> m.put("rotationEnabled", r));
        Map<String, Object> facts = of(s, now);
        for (String k : List.of("pendingDeletion", "neverRotated", "rotationAgeDays", "rotationAgeFrom")) {
            if (facts.containsKey(k)) {
                m.put(k, facts.get(k));
            }
        }
        return m;
    }
}
