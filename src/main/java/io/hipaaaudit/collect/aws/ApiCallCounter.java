package io.hipaaaudit.collect.aws;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Sees every HTTP attempt of one account's clients: counts it per action, counts retries apart, and holds it back
 * through a token bucket per (region, service), or per (region, action) for an action with a quota of its own: its
 * burst goes at once, then requests follow at its rate. It sits before transmission, so retries are limited and
 * counted too; the SDK's own backoff comes on top.
 */
final class ApiCallCounter implements ExecutionInterceptor {
    private static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("hipaa-audit.attempts");

    private final Map<String, Double> ratesPerSecond;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();
    private final Map<String, Integer> bursts;
    private final Map<String, TokenBucket> limiters = new ConcurrentHashMap<>();

    ApiCallCounter(Map<String, Double> ratesPerSecond) {
        this(ratesPerSecond, Map.of());
    }

    ApiCallCounter(Map<String, Double> ratesPerSecond, Map<String, Integer> bursts) {
        this.ratesPerSecond = Map.copyOf(ratesPerSecond);
        this.bursts = Map.copyOf(bursts);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, new AtomicInteger());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = service(attributes);
        String action = service + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        var region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        // An action with a quota of its own (cloudtrail:LookupEvents, 2/s) has its own limiter.
        String limited = ratesPerSecond.containsKey(action) ? action : service;
        Double rate = ratesPerSecond.get(limited);
        if (rate != null && region != null) {
            limiters.computeIfAbsent(region.id() + "/" + limited,
                    k -> new TokenBucket(rate, bursts.getOrDefault(limited, 1))).acquire();
        }
        calls.computeIfAbsent(action, k -> new LongAdder()).increment();
        AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
        if (attempts != null && attempts.incrementAndGet() > 1) {
            retries.computeIfAbsent(action, k -> new LongAdder()).increment();
        }
    }

    /**
     * IAM action prefix: the SDK's service names (Ec2, Rds, Kms, CloudTrail, Sts) lower-cased without spaces, except
     * where IAM names the service otherwise (the SDK's "CloudWatch Logs" has actions {@code logs:...}).
     */
    static String service(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT)
                .replace(" ", "");
        return name.equals("cloudwatchlogs") ? "logs" : name;
    }

    /**
     * A replayed request the evidence bundle holds no answer for was not made: it leaves the counts (a bundle
     * recorded before a call existed replays with the calls it holds).
     */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!Faults.NOT_IN_EVIDENCE.equals(Faults.code(context.exception()))) {
            return;
        }
        String action = service(attributes) + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
        int n = attempts == null ? 0 : attempts.get();
        if (n > 0) {
            calls.computeIfAbsent(action, k -> new LongAdder()).add(-n);
        }
        if (n > 1) {
            retries.computeIfAbsent(action, k -> new LongAdder()).add(-(n - 1));
        }
    }

    Map<String, Long> calls() {
        return snapshot(calls);
    }

    Map<String, Long> retries() {
        return snapshot(retries);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> {
            if (v.sum() != 0) {
                out.put(k, v.sum());
            }
        });
        return out;
    }
}
