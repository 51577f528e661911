package io.hipaaaudit.collect.aws;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Fails a listing whose service hands back a page token it has already handed back in the same listing, so a
 * paginator cannot loop for ever. It works for every paginated call of every service, from the SDK's model alone:
 * the request's token member ({@code NextToken}, or {@code Marker} in RDS and KMS, {@code ContinuationToken} in S3
 * ListBuckets) continues a listing, the response's ({@code NextToken}, {@code Marker}, KMS's {@code NextMarker},
 * S3's {@code ContinuationToken}) names the next page. A listing is one
 * operation, region and request apart from its token, followed from its first page through the tokens each page
 * returned, so two listings that differ in a parameter (the entries of two prefix lists) never meet.
 */
final class PaginationGuard implements ExecutionInterceptor {
    /** The request members that carry a page token, and the response members that return one. */
    private static final List<String> REQUEST_TOKENS = List.of("NextToken", "Marker", "PaginationToken",
            "ContinuationToken");
    /** In this order: where an answer has both, NextMarker names the next page and Marker echoes this one. */
    private static final List<String> RESPONSE_TOKENS = List.of("NextToken", "NextMarker", "Marker", "PaginationToken",
            "ContinuationToken");
    private static final ExecutionAttribute<Listing> LISTING = new ExecutionAttribute<>("hipaa-audit.listing");

    /** Per listing key, the listing each returned token belongs to: the next page's request finds it there. */
    private final Map<Key, Map<String, Listing>> open = new ConcurrentHashMap<>();

    private record Key(String action, String region, SdkRequest request) {}

    /** One listing: every token its pages returned. */
    private static final class Listing {
        final Key key;
        final Set<String> returned = new HashSet<>();

        Listing(Key key) {
            this.key = key;
        }
    }

    /** The mark a pagination loop leaves in a call's failure, whatever wraps it (see {@link Faults#code}). */
    static final class LoopException extends RuntimeException {
        LoopException(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        Optional<SdkField<?>> tokenField = member(request, REQUEST_TOKENS);
        if (tokenField.isEmpty()) {
            return;
        }
        SdkRequest.Builder bare = request.toBuilder();
        tokenField.get().set(bare, null);
        var region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        Key key = new Key(action(attributes), region == null ? "" : region.id(), bare.build());
        Object token = tokenField.get().getValueOrDefault(request);
        Listing listing = token instanceof String t && !t.isEmpty()
                ? open.getOrDefault(key, Map.of()).getOrDefault(t, new Listing(key))
                : new Listing(key);
        attributes.putAttribute(LISTING, listing);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Listing listing = attributes.getAttribute(LISTING);
        if (listing == null) {
            return;
        }
        Optional<SdkField<?>> field = member(context.response(), RESPONSE_TOKENS);
        Object next = field.map(f -> f.getValueOrDefault(context.response())).orElse(null);
        Map<String, Listing> tokens = open.computeIfAbsent(listing.key, k -> new ConcurrentHashMap<>());
        synchronized (listing) {
            if (!(next instanceof String token) || token.isEmpty()) {
                listing.returned.forEach(tokens::remove); // the last page: the listing is over
                return;
            }
            if (!listing.returned.add(token)) {
                listing.returned.forEach(tokens::remove);
                String text = listing.key.action() + " returned a " + field.get().memberName()
                        + " it had already returned";
                throw SdkClientException.builder().message(text).cause(new LoopException(text)).build();
            }
            tokens.put(token, listing);
        }
    }

    private static Optional<SdkField<?>> member(SdkPojo pojo, List<String> names) {
        for (String name : names) {
            for (SdkField<?> f : pojo.sdkFields()) {
                if (f.memberName().equals(name)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    private static String action(ExecutionAttributes attributes) {
        return ApiCallCounter.service(attributes) + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }
}
