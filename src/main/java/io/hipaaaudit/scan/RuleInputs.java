package io.hipaaaudit.scan;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.waivers.Waivers;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The rule pack of a scan and what is checked against it (the environments, the waivers): given, or still being
 * loaded on a thread of its own while the scan collects. Loading the bundled pack (reading 70 rules, building their
 * CEL programs) takes about as long as collecting a small account, and collection needs none of it; the scan waits
 * for the pack only to evaluate. An error loading it (a rule, configuration or waiver error) is the scan's error,
 * whatever collection did meanwhile: {@link Scanner} rethrows it in place of any other.
 */
public final class RuleInputs {
    /** The loaded inputs. */
    public record Loaded(RulePack pack, Environments environments, Waivers waivers) {
        public Loaded {
            Objects.requireNonNull(pack, "pack");
            Objects.requireNonNull(environments, "environments");
            Objects.requireNonNull(waivers, "waivers");
        }
    }

    private final CompletableFuture<Loaded> loading;

    private RuleInputs(CompletableFuture<Loaded> loading) {
        this.loading = loading;
    }

    /** Inputs already loaded. */
    public static RuleInputs of(RulePack pack, Environments environments, Waivers waivers) {
        return new RuleInputs(CompletableFuture.completedFuture(new Loaded(pack, environments, waivers)));
    }

    /**
     * Starts {@code load} on a new daemon thread and returns at once. Whatever {@code load} throws is thrown again,
     * unchanged, by {@link #get()}.
     */
    public static RuleInputs loading(Supplier<Loaded> load) {
        CompletableFuture<Loaded> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(load.get());
            } catch (Throwable e) { // an Error too: the scan's thread reports it as it would its own
                future.completeExceptionally(e);
            }
        }, "rule-pack");
        thread.setDaemon(true);
        thread.start();
        return new RuleInputs(future);
    }

    /** Waits for the inputs; throws what loading them threw. */
    public Loaded get() {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** True once loading has ended, well or not. */
    public boolean done() {
        return loading.isDone();
    }

    /**
     * Waits for loading to end and throws what it threw; otherwise throws {@code other}: an error of the pack
     * comes before any other error of the scan, as it did when the pack was loaded before anything else.
     */
    public RuntimeException before(RuntimeException other) {
        get();
        return other;
    }

    static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }
}
