package io.hipaaaudit.bench.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Pagination as the services do it: the page size is what the request asks for ({@code MaxResults},
 * {@code MaxRecords}, {@code Limit}), within the API's allowed range (outside it the request is rejected), and
 * the API's maximum when it asks nothing (a simplification: some EC2 APIs return everything then). The next
 * token is opaque and names the offset. {@code cap}, when below the maximum, makes pages smaller still, which the
 * services may also do; tests use it to make small listings page.
 */
final class Paging {
    /** Allowed page sizes per action: {min, max}. */
    static final Map<String, int[]> RANGES = Map.ofEntries(
            Map.entry("DescribeVpcs", new int[] {5, 1000}), Map.entry("DescribeSubnets", new int[] {5, 1000}),
            Map.entry("DescribeRouteTables", new int[] {5, 100}), Map.entry("DescribeNetworkAcls", new int[] {5, 100}),
            Map.entry("DescribeSecurityGroups", new int[] {5, 1000}),
            Map.entry("DescribeNetworkInterfaces", new int[] {5, 1000}),
            Map.entry("DescribeInternetGateways", new int[] {5, 1000}),
            Map.entry("DescribeEgressOnlyInternetGateways", new int[] {5, 255}),
            Map.entry("DescribeNatGateways", new int[] {5, 1000}), Map.entry("DescribeFlowLogs", new int[] {1, 1000}),
            Map.entry("DescribeManagedPrefixLists", new int[] {1, 100}),
            Map.entry("DescribeVpcEndpoints", new int[] {1, 1000}),
            Map.entry("GetManagedPrefixListEntries", new int[] {1, 100}),
            Map.entry("ListKeys", new int[] {1, 1000}), Map.entry("ListAliases", new int[] {1, 100}),
            Map.entry("ListSecrets", new int[] {1, 100}), Map.entry("ListFunctions", new int[] {1, 50}),
            Map.entry("LookupEvents", new int[] {1, 50}), Map.entry("DescribeLogGroups", new int[] {1, 50}));
    static final int[] RDS_RANGE = {20, 100};

    record Page<T>(List<T> items, String next) {}

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private Paging() {}

    static int[] range(String action) {
        return RANGES.getOrDefault(action, RDS_RANGE);
    }

    /** Items per page when the client asks for the maximum. */
    static int maxPage(String action, int cap) {
        return Math.min(range(action)[1], cap);
    }

    static <T> Page<T> page(String action, List<T> all, String requested, String token, int cap) {
        int[] range = range(action);
        int size = range[1];
        if (requested != null) {
            size = Integer.parseInt(requested);
            if (size < range[0] || size > range[1]) {
                throw new BadRequest("Value (" + size + ") for parameter maxResults is invalid. Expecting a value "
                        + "between " + range[0] + " and " + range[1] + ".");
            }
        }
        size = Math.min(size, cap);
        int from = token == null || token.isEmpty() ? 0 : offset(token);
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? token(to) : null);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                throw new IllegalArgumentException(text);
            }
            return Integer.parseInt(text.substring(7));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("The pagination token is invalid.");
        }
    }
}
