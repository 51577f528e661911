package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped IAM policy is exactly what the scanner calls: every request a full scan sends to the endpoint is
 * turned back into its IAM action (from the SigV4 scope and the Action / X-Amz-Target), independently of the
 * collector's own counting, and the set must equal the policy's actions.
 */
class IamPolicyTest {
    private static final Pattern SCOPE = Pattern.compile("/[a-z0-9-]+/([a-z0-9]+)/aws4_request");
    private static final Pattern QUERY_ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");

    @Test
    void thePolicyGrantsExactlyTheActionsAScanCalls() throws IOException {
        Set<String> called = new TreeSet<>();
        try (AwsWire wire = new AwsWire().region("us-east-1").region("eu-west-1")) {
            // a full scan: collection, then the change history of the failing findings' resources
            RulePack pack = RuleLoader.load(List.of());
            io.hipaaaudit.scan.Scanner.run(io.hipaaaudit.scan.ScanRequest.builder(new io.hipaaaudit.scan.Source.Aws(
                    wire.options(), new io.hipaaaudit.scan.Source.Accounts.One(Optional.empty())), pack)
                    .environments(new Environments("default", "Environment")).build());
            wire.server.getAllServeEvents().forEach(event -> called.add(action(event.getRequest())));
        }
        assertThat(called).isEqualTo(policyActions()).allMatch(a -> a.matches("[a-z0-9]+:(Describe|Get|List|Lookup)[A-Za-z]+"));
    }

    static String action(LoggedRequest request) {
        Matcher scope = SCOPE.matcher(request.getHeader("Authorization"));
        assertThat(scope.find()).as("SigV4 scope in %s", request.getHeader("Authorization")).isTrue();
        String target = request.getHeader("X-Amz-Target");
        String name;
        if (scope.group(1).equals("s3")) {
            return "s3:" + s3Action(request);
        }
        if (target != null) {
            name = target.substring(target.lastIndexOf('.') + 1);
        } else if (request.getMethod().getName().equals("GET")) {
            // a REST API (Lambda): the action is named by the path; anything else would be a call the policy lacks
            name = ExchangeKey.action("", "", request.getAbsoluteUrl());
            assertThat(name).as("a REST request the scan should not send: %s", request.getUrl()).isNotEqualTo("Unknown");
        } else {
            Matcher action = QUERY_ACTION.matcher(request.getBodyAsString());
            assertThat(action.find()).isTrue();
            name = action.group(1);
        }
        return scope.group(1) + ":" + name;
    }

    /** The IAM action of an S3 REST request (path-style), by its path and sub-resource; IAM names differ from the API's. */
    static String s3Action(LoggedRequest request) {
        String path = request.getUrl().replaceAll("\\?.*$", "");
        if (path.equals("/v20180820/configuration/publicAccessBlock")) {
            return "GetAccountPublicAccessBlock";
        }
        if (path.equals("/")) {
            return "ListAllMyBuckets";
        }
        java.util.Map<String, String> bySubresource = java.util.Map.of("encryption", "GetEncryptionConfiguration",
                "publicAccessBlock", "GetBucketPublicAccessBlock", "policy", "GetBucketPolicy", "policyStatus",
                "GetBucketPolicyStatus", "lifecycle", "GetLifecycleConfiguration", "ownershipControls",
                "GetBucketOwnershipControls", "acl", "GetBucketAcl", "tagging", "GetBucketTagging", "location",
                "GetBucketLocation");
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        return bySubresource.entrySet().stream().filter(e -> request.queryParameter(e.getKey()).isPresent())
                .map(java.util.Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("an S3 request the policy does not know: " + request.getUrl()));
    }

    static Set<String> policyActions() throws IOException {
        JsonNode policy = new ObjectMapper().readTree(Path.of("scripts/iam-policy.json").toFile());
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            statement.get("Action").forEach(a -> actions.add(a.asText()));
        }
        return actions;
    }
}
