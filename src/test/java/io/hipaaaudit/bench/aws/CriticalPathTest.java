package io.hipaaaudit.bench.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The critical-path bound's terms, worked by hand for a one-region account. */
class CriticalPathTest {
    private static final double L = 0.030;
    private static final int C = 8;

    @Test
    void theHistoryPagesReadDuringCollectionHoldSlotsTheLookupsByNameComeAfter() {
        // 800 collection requests, of which one listing of 4 pages; 10 history pages, then 3 lookups by name
        var calls = List.of(new MinimumCalls.Calls("us-east-1", "kms:DescribeKey", "kms:DescribeKey", 796, false),
                new MinimumCalls.Calls("us-east-1", "ec2:DescribeSubnets", "ec2:DescribeSubnets", 4, true),
                new MinimumCalls.Calls("us-east-1", "cloudtrail:LookupEvents", "cloudtrail:LookupEvents", 13, false));
        var plans = Map.of("us-east-1", new History.Plan(10, 3));

        CriticalPath bound = CriticalPath.of(calls, plans, L, C, 0.5);

        // the 800 requests and the 10 pages each hold one of the 8 slots for L; the 13 LookupEvents once only
        assertThat(bound.collectWork()).isCloseTo((800 + 10) * L / C, within(1e-9));
        assertThat(bound.collectChain()).isCloseTo((2 + 4 + 2) * L, within(1e-9));
        // 10 pages in token order, no faster than LookupEvents' 2/s after its burst of 2: 4 s, after STS and regions
        assertThat(bound.historyAhead()).isCloseTo(2 * L + (10 - 2) / 2.0 + L, within(1e-9));
        assertThat(bound.attributionQuota()).isCloseTo((3 - 2) / 2.0 + L, within(1e-9));
        assertThat(bound.total()).isCloseTo(bound.historyAhead() + 0.5 + bound.attributionQuota(), within(1e-9));
    }

    @Test
    void eachRequestTakesTheTimeItIsGiven() {
        var calls = List.of(new MinimumCalls.Calls("us-east-1", "kms:DescribeKey", "kms:DescribeKey", 800, false));

        assertThat(CriticalPath.of(calls, Map.of(), 0.0306, C, 0).collectWork())
                .isCloseTo(800 * 0.0306 / C, within(1e-9));
    }
}
