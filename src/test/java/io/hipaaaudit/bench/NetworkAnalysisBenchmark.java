package io.hipaaaudit.bench;

import io.hipaaaudit.analyse.network.NetworkFacts;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.Subnet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times the network analysis over a synthetic VPC (default 2,000 subnets, 5,000 security groups): building the
 * index, tiering every subnet and analysing every database. Not a unit test: run scripts/bench-network.sh.
 * Prints the median of several runs after warm-up, and the first (cold) run, which is what one scan pays.
 */
public final class NetworkAnalysisBenchmark {
    private NetworkAnalysisBenchmark() {}

    public static void main(String[] args) {
        int subnets = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Inventory inv = SyntheticNetwork.of(subnets, groups, 42);
        System.out.println("inventory " + new TreeMap<>(SyntheticNetwork.sizes(inv)));
        long[] ms = new long[runs];
        Map<String, Long> exposure = new TreeMap<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            exposure = analyse(inv);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long cold = ms[0];
        long[] warm = java.util.Arrays.copyOfRange(ms, Math.min(5, runs - 1), runs);
        java.util.Arrays.sort(warm);
        System.out.println("exposure classes " + exposure);
        System.out.printf("network analysis: first run %d ms, median of %d warm runs %d ms (min %d, max %d)%n",
                cold, warm.length, warm[warm.length / 2], warm[0], warm[warm.length - 1]);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Long> analyse(Inventory inv) {
        NetworkFacts facts = new NetworkFacts(inv);
        for (Subnet s : inv.subnets()) {
            facts.subnet(s, new HashMap<>());
        }
        Map<String, Long> classes = new TreeMap<>();
        for (DbInstance d : inv.dbInstances()) {
            Map<String, Object> f = facts.dbInstance(d, new HashMap<>());
            Object e = ((Map<String, Object>) f.get("network")).getOrDefault("exposure", "UNKNOWN");
            classes.merge((String) e, 1L, Long::sum);
        }
        return classes;
    }
}
