package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.evidence.HttpExchange;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The recording path of Lambda answers: environment values are replaced and names kept, wherever a function
 * configuration sits in the answer; REST requests are told apart by their query (each page its own replay key) and
 * named by their path.
 */
class LambdaRedactionTest {
    @Test
    void environmentValuesAreReplacedAndNamesKept() throws Exception {
        String body = "{\"Functions\":[{\"FunctionName\":\"f\",\"Environment\":{\"Variables\":{\"DB_PASSWORD\":"
                + "\"canary-7f3a9e\",\"LOG_LEVEL\":\"info\"},\"Error\":{\"ErrorCode\":\"x\",\"Message\":\"m\"}}}],"
                + "\"NextMarker\":\"abc\"}";

        String kept = AwsRedaction.responseBody(body);

        assertThat(kept).doesNotContain("canary-7f3a9e").doesNotContain("info");
        var tree = io.hipaaaudit.json.Json.json().readTree(kept);
        var variables = tree.at("/Functions/0/Environment/Variables");
        assertThat(variables.get("DB_PASSWORD").asText()).isEqualTo(AwsRedaction.REDACTED);
        assertThat(variables.get("LOG_LEVEL").asText()).isEqualTo(AwsRedaction.REDACTED);
        assertThat(tree.get("NextMarker").asText()).isEqualTo("abc");
        assertThat(tree.at("/Functions/0/FunctionName").asText()).isEqualTo("f");
        // the answer without variables is kept byte for byte
        String none = "{\"Functions\":[{\"FunctionName\":\"g\"}]}";
        assertThat(AwsRedaction.responseBody(none)).isEqualTo(none);
    }

    @Test
    void restPagesHaveKeysOfTheirOwnAndAnAction() {
        var first = new HttpExchange.Request("GET", "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/?MaxItems=50",
                Map.of(), "");
        var second = new HttpExchange.Request("GET",
                "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/?Marker=page-2&MaxItems=50", Map.of(), "");
        var reordered = new HttpExchange.Request("GET",
                "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/?MaxItems=50&Marker=page-2", Map.of(), "");

        assertThat(ExchangeKey.of("lambda", "us-east-1", first)).isNotEqualTo(ExchangeKey.of("lambda", "us-east-1", second));
        assertThat(ExchangeKey.of("lambda", "us-east-1", second)).isEqualTo(ExchangeKey.of("lambda", "us-east-1", reordered));
        assertThat(ExchangeKey.action("", "", first.url())).isEqualTo("ListFunctions");
        // GetFunction (functions/<name>) is not ListFunctions: the IAM policy test would see it as a call of its own
        assertThat(ExchangeKey.action("", "", "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/f"))
                .isEqualTo("Unknown");
        assertThat(ExchangeKey.action("TrentService.DescribeKey", "{}", "https://kms/")).isEqualTo("DescribeKey");
    }
}
