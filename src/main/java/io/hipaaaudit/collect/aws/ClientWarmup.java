package io.hipaaaudit.collect.aws;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Class initialisation of what a live scan's first request needs (the SDK's core, the STS client, the
 * url-connection HTTP client, the default credentials chain), on a thread of its own while the command line is
 * parsed and the rule pack loads: about half a second of the path to the first request, none of it depending on
 * the options. It builds one STS client with no credentials and closes it: no request is sent, no credentials are
 * resolved, nothing is kept.
 */
public final class ClientWarmup {
    /** Sources that contact no AWS endpoint, for which the warm-up would be CPU spent for nothing. */
    private static final List<String> OFFLINE = List.of("--replay", "--snapshot", "--template", "--skip-aws",
            "--help", "-h", "--version", "-V");

    private ClientWarmup() {}

    /** Starts the warm-up when {@code args} are those of a scan that collects from AWS; returns at once. */
    public static void startFor(String... args) {
        if (args.length == 0 || !args[0].equals("scan")
                || java.util.Arrays.stream(args).anyMatch(a -> OFFLINE.contains(a.split("=", 2)[0]))) {
            return;
        }
        Thread thread = new Thread(ClientWarmup::run, "aws-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static void run() {
        try (SdkHttpClient http = AwsClients.httpClient(Duration.ofSeconds(10));
             StsClient sts = StsClient.builder().region(Region.US_EAST_1)
                     .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(http).build()) {
            Class.forName("software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
        } catch (RuntimeException | LinkageError | ClassNotFoundException e) {
            // only a head start: the scan builds its own clients and reports its own errors
        }
    }
}
