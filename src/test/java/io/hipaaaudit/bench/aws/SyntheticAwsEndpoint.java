package io.hipaaaudit.bench.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hipaaaudit.bench.aws.WireRequest.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local AWS endpoint (127.0.0.1 only) serving a {@link SyntheticAccount} in the real wire formats. Every request
 * waits {@code latency} (in its own server thread, so requests overlap as they do against AWS), then draws a token
 * from its quota bucket per (region, bucket) and is answered with the service's throttling error when the bucket
 * is empty: EC2 {@code RequestLimitExceeded} 503, RDS and STS {@code Throttling} 400, KMS and CloudTrail
 * {@code ThrottlingException} 400. {@code GET /__stats} returns the requests and throttles counted per action,
 * and when (epoch ms, as received) the first request, the last collection request (anything but LookupEvents) and
 * the last request came; {@code GET /__timeline} every request's action and when it came and when its answer was
 * sent (epoch ms), in the order answered, which tells requests in flight from time spent between them;
 * {@code GET /__reset} starts those counts anew, so one server can time several scans.
 */
public final class SyntheticAwsEndpoint implements AutoCloseable {
    /**
     * {@code pageCap} below a page maximum makes pages smaller; {@code quotaScale} multiplies every quota (0 turns
     * throttling off, below 1 makes it come sooner). Tests use both; the benchmark serves maximum pages and the
     * documented quotas.
     */
    /** {@code historyPerDay}: CloudTrail write events a day per region, over the last 89 days ({@link History}). */
    public record Settings(Duration latency, double quotaScale, int pageCap, int port, int historyPerDay) {
        public static Settings of(Duration latency) {
            return new Settings(latency, 1.0, Integer.MAX_VALUE, 0, History.DEFAULT_PER_DAY);
        }

        public Settings withHistoryPerDay(int perDay) {
            return new Settings(latency, quotaScale, pageCap, port, perDay);
        }
    }

    private final SyntheticAccount account;
    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Ec2Api ec2;
    private final RdsApi rds;
    private final JsonApi json;
    private final History history;
    private final Map<String, Quotas.Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();
    private final java.util.Queue<long[]> timeline = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.List<String> timelineActions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<String> lastAction = new ThreadLocal<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong firstAt = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lastCollectionAt = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lastAt = new java.util.concurrent.atomic.AtomicLong();

    public SyntheticAwsEndpoint(SyntheticAccount account, Settings settings) {
        this.account = account;
        this.settings = settings;
        this.ec2 = new Ec2Api(account, settings.pageCap());
        this.rds = new RdsApi(account, settings.pageCap());
        this.history = new History(account, settings.historyPerDay());
        this.json = new JsonApi(account, settings.pageCap(), history, java.time.Instant.now());
        // Without TCP_NODELAY each response waits ~40 ms on Nagle's algorithm against the client's delayed ACK.
        // The JDK server reads the property once, when its first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "synthetic-aws");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SyntheticAccount account() {
        return account;
    }

    /** Requests answered per action ({@code ec2:DescribeVpcs}), throttled ones included. */
    public Map<String, Long> requests() {
        return snapshot(requests);
    }

    /** Requests answered with a throttling error, per action. */
    public Map<String, Long> throttled() {
        return snapshot(throttled);
    }

    public int peakInFlight() {
        return peakInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals("/__stats")) {
                send(exchange, new Answer(200, "application/json", stats()));
                return;
            }
            if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals("/__timeline")) {
                send(exchange, new Answer(200, "application/json", timelineJson()));
                return;
            }
            if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals("/__reset")) {
                reset();
                send(exchange, new Answer(200, "application/json", stats()));
                return;
            }
            long received = System.currentTimeMillis();
            firstAt.compareAndSet(0, received);
            lastAction.set("?");
            int now = inFlight.incrementAndGet();
            peakInFlight.accumulateAndGet(now, Math::max);
            try {
                Answer answer;
                try {
                    answer = answer(exchange);
                    // the latency is the time from receiving the request to answering it, the endpoint's own
                    // work included: the critical-path bound counts it per request, so the endpoint must not add
                    sleepUntil(received + settings.latency().toMillis());
                    answered(lastAction.get());
                } finally {
                    // no longer held here once the answer starts to leave: a client that has read it whole may
                    // send its next request before this thread would get past the write
                    inFlight.decrementAndGet();
                }
                send(exchange, answer);
            } finally {
                timeline.add(new long[] {received, System.currentTimeMillis(), actionIndex(lastAction.get())});
            }
        }
    }

    /** The answer to one AWS request: S3's REST, Lambda's REST, or a query or JSON protocol action. */
    private Answer answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.contains("/s3/aws4_request")) {
            return s3(exchange.getRequestURI().getPath());
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (exchange.getRequestURI().getPath().startsWith("/2015-03-31/functions")) {
            // Lambda's REST API: the action is the path, its parameters the query
            target = "Lambda.ListFunctions";
            body = rest(exchange.getRequestURI());
        }
        return answer(authorization, target, body);
    }

    /** A REST request's query parameters as the JSON body the JSON APIs read. */
    private static String rest(URI uri) {
        ObjectNode params = JsonWire.MAPPER.createObjectNode();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return params.toString();
    }

    Answer answer(String authorization, String target, String body) {
        WireRequest q;
        try {
            q = WireRequest.parse(authorization, target, body);
        } catch (Paging.BadRequest e) {
            return new Answer(400, "text/plain", e.getMessage());
        }
        String action = q.service() + ":" + q.action();
        lastAction.set(q.region() + " " + action);
        requests.computeIfAbsent(action, k -> new LongAdder()).increment();
        if (account.region(q.region()) == null) {
            return error(q, 400, "UnrecognizedClientException", "region " + q.region() + " is not enabled");
        }
        if (settings.quotaScale() > 0) {
            String bucket = q.region() + "/" + Quotas.bucket(q.service(), q.action(), q.unpaged());
            if (!buckets.computeIfAbsent(bucket, k -> new Quotas.Bucket(Quotas.of(k.substring(k.indexOf('/') + 1)), settings.quotaScale()))
                    .tryTake()) {
                throttled.computeIfAbsent(action, k -> new LongAdder()).increment();
                return switch (q.service()) {
                    case "ec2" -> error(q, 503, "RequestLimitExceeded", "Request limit exceeded.");
                    case "rds", "sts" -> error(q, 400, "Throttling", "Rate exceeded");
                    default -> error(q, 400, "ThrottlingException", "Rate exceeded");
                };
            }
        }
        try {
            return switch (q.service()) {
                case "ec2" -> ec2.answer(q);
                case "rds", "sts" -> rds.answer(q);
                case "kms", "cloudtrail", "logs", "secretsmanager", "lambda" -> json.answer(q);
                default -> error(q, 400, "InvalidAction", "service " + q.service() + " is not served here");
            };
        } catch (Paging.BadRequest e) {
            return error(q, 400, q.service().equals("ec2") ? "InvalidParameterValue" : "InvalidParameterValueException",
                    e.getMessage());
        }
    }

    /** S3 (REST, path-style): the model has no buckets, so ListBuckets answers one empty page. */
    private Answer s3(String path) {
        if (!path.equals("/")) {
            return new Answer(404, "application/xml", "<Error><Code>NoSuchBucket</Code><Message>The specified bucket "
                    + "does not exist</Message></Error>");
        }
        requests.computeIfAbsent("s3:ListBuckets", k -> new LongAdder()).increment();
        lastAction.set("- s3:ListBuckets");
        return new Answer(200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult "
                + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>synthetic</ID></Owner><Buckets></Buckets>"
                + "</ListAllMyBucketsResult>");
    }

    private static Answer error(WireRequest q, int status, String code, String message) {
        return switch (q.service()) {
            case "ec2" -> Ec2Api.error(status, code, message);
            case "rds", "sts" -> RdsApi.error(status, code, message);
            default -> JsonApi.error(code, message);
        };
    }

    private synchronized long actionIndex(String action) {
        int i = timelineActions.indexOf(action);
        if (i < 0) {
            timelineActions.add(action);
            i = timelineActions.size() - 1;
        }
        return i;
    }

    private String timelineJson() {
        com.fasterxml.jackson.databind.node.ArrayNode out = JsonWire.MAPPER.createArrayNode();
        for (long[] r : timeline) {
            out.addObject().put("action", timelineActions.get((int) r[2])).put("receivedAtMs", r[0]).put("sentAtMs", r[1]);
        }
        return out.toString();
    }

    private String stats() {
        ObjectNode out = JsonWire.MAPPER.createObjectNode();
        out.set("requests", JsonWire.MAPPER.valueToTree(requests()));
        out.set("throttled", JsonWire.MAPPER.valueToTree(throttled()));
        out.put("peakInFlight", peakInFlight());
        out.put("firstRequestAtMs", firstAt.get());
        out.put("lastCollectionRequestAtMs", lastCollectionAt.get());
        out.put("lastRequestAtMs", lastAt.get());
        return out.toString();
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** When an answer leaves: the last request's time, and the last of collection's (LookupEvents apart). */
    private void answered(String action) {
        long now = System.currentTimeMillis();
        lastAt.accumulateAndGet(now, Math::max);
        if (!action.endsWith("cloudtrail:LookupEvents")) {
            lastCollectionAt.accumulateAndGet(now, Math::max);
        }
    }

    private static void sleepUntil(long dueMillis) {
        for (long wait = dueMillis - System.currentTimeMillis(); wait > 0; wait = dueMillis - System.currentTimeMillis()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Answers the first page of each listing in every region once and then forgets it ({@link #reset}), so that
     * the endpoint's own first answers (its classes, JSON and XML writers, the CloudTrail history) are not paid
     * inside a scanner's measurement: an AWS endpoint is warm. Nothing is sent over the network.
     */
    public void warmUp() {
        List<String> query = List.of("ec2 DescribeVpcs", "ec2 DescribeSubnets", "ec2 DescribeRouteTables",
                "ec2 DescribeInternetGateways", "ec2 DescribeEgressOnlyInternetGateways", "ec2 DescribeNatGateways",
                "ec2 DescribeNetworkAcls", "ec2 DescribeSecurityGroups", "ec2 DescribeManagedPrefixLists",
                "ec2 DescribeFlowLogs", "ec2 DescribeNetworkInterfaces", "ec2 DescribeVpcEndpoints",
                "rds DescribeDBInstances", "rds DescribeDBClusters", "rds DescribeDBSubnetGroups",
                "rds DescribeDBSnapshots", "rds DescribeDBClusterSnapshots", "sts GetCallerIdentity");
        List<String> json = List.of("kms ListKeys", "kms ListAliases", "secretsmanager ListSecrets",
                "lambda ListFunctions", "cloudtrail DescribeTrails", "cloudtrail LookupEvents", "logs DescribeLogGroups");
        for (String region : account.regionNames()) {
            for (String call : query) {
                String[] sa = call.split(" ");
                answer(warmUpScope(region, sa[0]), null, "Action=" + sa[1] + "&Version=warm-up");
            }
            for (String call : json) {
                String[] sa = call.split(" ");
                answer(warmUpScope(region, sa[0]), "WarmUp." + sa[1], "{}");
            }
        }
        reset();
    }

    private static String warmUpScope(String region, String service) {
        return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/" + region + "/" + service + "/aws4_request";
    }

    /** Forgets every request: counts, throttles and quota buckets, the timeline, the peak and the first and last times. */
    void reset() {
        buckets.clear();
        timeline.clear();
        requests.clear();
        throttled.clear();
        peakInFlight.set(0);
        firstAt.set(0);
        lastCollectionAt.set(0);
        lastAt.set(0);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
