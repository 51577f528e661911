package io.hipaaaudit.demo;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * An HTTP client for the SDK that sends every request, as signed for its AWS endpoint, to a local wire-format
 * endpoint instead. The recorder sits in front of it, so the evidence shows the requests as the SDK made them
 * (to {@code https://ec2.us-east-1.amazonaws.com/} and so on), exactly what a scan of the real account records.
 */
final class LocalRoute implements SdkHttpClient {
    private final URI target;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(20)).build();

    LocalRoute(URI target) {
        this.target = target;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest local = request.httpRequest().toBuilder()
                .protocol(target.getScheme()).host(target.getHost()).port(target.getPort()).build();
        HttpExecuteRequest.Builder copy = HttpExecuteRequest.builder().request(local);
        request.contentStreamProvider().ifPresent(copy::contentStreamProvider);
        request.metricCollector().ifPresent(copy::metricCollector);
        return http.prepareRequest(copy.build());
    }

    @Override
    public String clientName() {
        return "demo-local-route";
    }

    @Override
    public void close() {
        http.close();
    }
}
