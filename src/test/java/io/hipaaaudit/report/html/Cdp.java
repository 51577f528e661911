package io.hipaaaudit.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: commands by id, events kept in arrival order.
 * Chosen over Selenium because the test needs exactly what CDP reports natively (console and CSP messages, every
 * network request, JavaScript dialogs, screenshots, print emulation) and it adds no dependency at all.
 */
final class Cdp implements WebSocket.Listener, AutoCloseable {
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Cdp connect(String url) {
        Cdp cdp = new Cdp();
        cdp.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), cdp).join();
        return cdp;
    }

    JsonNode send(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = Json.json().createObjectNode().put("id", id).put("method", method);
        msg.set("params", Json.json().valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(msg.toString(), true).join();
        try {
            JsonNode r = reply.get(60, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + ": " + r.get("error"));
            }
            return r.path("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        }
    }

    /** Evaluates an expression in the page and returns its value (promises awaited). */
    JsonNode eval(String expression) {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Polls an expression until it is true. */
    void await(String expression, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eval(expression).asBoolean(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + expression);
            }
            Thread.sleep(25);
        }
    }

    List<JsonNode> events(String method) {
        return events.stream().filter(e -> method.equals(e.path("method").asText())).map(e -> e.path("params")).toList();
    }

    void onEvent(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode msg;
            try {
                msg = Json.json().readTree(partial.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                partial.setLength(0);
            }
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) {
                    f.complete(msg);
                }
            } else {
                events.add(msg);
                listeners.forEach(l -> l.accept(msg));
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
