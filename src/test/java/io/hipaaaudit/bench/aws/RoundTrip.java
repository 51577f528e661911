package io.hipaaaudit.bench.aws;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time one request takes at the endpoint for a client that spends next to nothing on it: a raw socket on one
 * keep-alive connection writes an STS {@code GetCallerIdentity} request (its quota, 600/s, leaves the warm-up
 * unthrottled) and reads the answer whole, one request after another. The endpoint holds a request for its
 * configured latency from the moment its handler starts; reading the request, handing it to a handler and
 * writing the answer come on top of that for every client, so the critical-path bound takes this round trip, not
 * the configured latency, as each request's time. It is a median, taken one request at a time on an otherwise
 * idle endpoint; the benchmark probes before and after its scan and keeps the lower, so an endpoint still
 * compiling its code at the first probe does not lengthen the bound. The endpoint's counts are reset after each
 * probe, so it is not counted with the scan's requests.
 */
final class RoundTrip {
    private RoundTrip() {}

    /**
     * The median of {@code n} round trips, in seconds, after the endpoint has answered {@code warmup} unmeasured
     * requests on each of {@code connections} connections at once (its code compiled, as it is once a scan is
     * under way: a cold endpoint would make the round trip, and with it the bound, longer).
     */
    static double median(URI endpoint, int connections, int warmup, int n) throws IOException,
            InterruptedException {
        Thread[] warmers = new Thread[warmup > 0 ? connections : 0];
        AtomicReference<Exception> failed = new AtomicReference<>();
        for (int i = 0; i < warmers.length; i++) {
            warmers[i] = new Thread(() -> {
                try {
                    times(endpoint, warmup);
                } catch (Exception e) {
                    failed.compareAndSet(null, e);
                }
            });
            warmers[i].start();
        }
        for (Thread t : warmers) {
            t.join();
        }
        if (failed.get() != null) {
            throw new IOException("the round-trip probe's warm-up failed: " + failed.get().getMessage(), failed.get());
        }
        long[] times = times(endpoint, n);
        int reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/__reset")).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (reset != 200) {
            throw new IOException("the endpoint did not reset its counts after the round-trip probe (HTTP " + reset
                    + ")");
        }
        Arrays.sort(times);
        return times[n / 2] / 1e9;
    }

    /** {@code n} requests one after another on one connection: each one's round trip, in nanoseconds. */
    private static long[] times(URI endpoint, int n) throws IOException {
        String body = "Action=GetCallerIdentity&Version=2011-06-15";
        String request = "POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/sts/"
                + "aws4_request, SignedHeaders=host, Signature=00\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        long[] times = new long[n];
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                out.write(bytes);
                out.flush();
                int status = readAnswer(in);
                times[i] = System.nanoTime() - start;
                if (status != 200) {
                    throw new IOException("the endpoint answered the round-trip probe with HTTP " + status);
                }
            }
        }
        return times;
    }

    /** Reads one answer with a Content-Length body (what the endpoint sends); returns its status. */
    private static int readAnswer(InputStream in) throws IOException {
        int status = -1;
        long length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the endpoint closed the connection during the round-trip probe");
            }
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            String header = line.toString().trim();
            line.setLength(0);
            if (header.isEmpty()) {
                break;
            }
            String lower = header.toLowerCase(Locale.ROOT);
            if (status < 0) {
                String[] parts = header.split(" ");
                if (!header.startsWith("HTTP/1.") || parts.length < 2 || !parts[1].matches("[0-9]{3}")) {
                    throw new IOException("the endpoint's answer to the round-trip probe has no status line: "
                            + header);
                }
                status = Integer.parseInt(parts[1]);
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("the round-trip probe reads only answers with a Content-Length");
            }
        }
        if (length < 0) {
            throw new IOException("the endpoint's answer to the round-trip probe has no Content-Length");
        }
        if (in.readNBytes((int) length).length != length) {
            throw new EOFException("the endpoint's answer to the round-trip probe ended before its Content-Length");
        }
        return status;
    }
}
