package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.rules.RuleLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The logging parameters that decide whether statement text or bind values reach the log, through the real SDK
 * client: asked for by name, kept with their values (an engine default without a value is unset), and judged by
 * rds-parameter-group-no-phi-in-logs on the group, naming the instance that uses it.
 */
@Timeout(60)
class RdsLoggingParametersWireTest {
    private static final String RULE = "rds-parameter-group-no-phi-in-logs";
    private static final String LOGGING = """
            <Parameter><ParameterName>log_statement</ParameterName><ParameterValue>all</ParameterValue><Source>user</Source><ApplyType>dynamic</ApplyType><DataType>string</DataType><IsModifiable>true</IsModifiable></Parameter>
            <Parameter><ParameterName>log_min_duration_statement</ParameterName><Source>engine-default</Source><ApplyType>dynamic</ApplyType><DataType>integer</DataType><IsModifiable>true</IsModifiable></Parameter>
            <Parameter><ParameterName>log_parameter_max_length_on_error</ParameterName><ParameterValue>-1</ParameterValue><Source>user</Source><ApplyType>dynamic</ApplyType><DataType>integer</DataType><IsModifiable>true</IsModifiable></Parameter>
            <Parameter><ParameterName>auto_explain.log_min_duration</ParameterName><ParameterValue>0</ParameterValue><Source>user</Source><ApplyType>dynamic</ApplyType><DataType>integer</DataType><IsModifiable>true</IsModifiable></Parameter>
            <Parameter><ParameterName>work_mem</ParameterName><ParameterValue>65536</ParameterValue><Source>user</Source><ApplyType>dynamic</ApplyType><DataType>integer</DataType><IsModifiable>true</IsModifiable></Parameter>
            </Parameters>""";

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private Inventory scanWith(String parameters) {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBParameters").atPriority(0)
                .withRequestBody(containing("app-pg16"))
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBParameters@app-pg16.xml")
                        .replace("</Parameters>", parameters))));
        return new AwsCollector().collect(wire.options("us-east-1")).inventory();
    }

    private static Finding finding(Inventory inv, String group) {
        var rule = RuleLoader.load(List.of()).rules().stream().filter(r -> r.id().equals(RULE)).findFirst().orElseThrow();
        return new Evaluator(inv, new Environments("prod", null)).evaluate(rule).stream()
                .filter(f -> f.resource().id().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void theLoggingParametersAreAskedForByNameAndJudgedOnTheGroupWithTheInstanceThatUsesIt() {
        Inventory inv = scanWith(LOGGING);

        assertThat(inv.collectionErrors()).isEmpty();
        List<String> asked = wire.server.findAll(postRequestedFor(anyUrl())
                        .withRequestBody(containing("Action=DescribeDBParameters"))).stream()
                .flatMap(r -> ExchangeKey.formParams(r.getBodyAsString()).entrySet().stream())
                .filter(p -> p.getKey().startsWith("Filters.Filter.1.Values.")).flatMap(p -> p.getValue().stream())
                .toList();
        assertThat(asked).contains("log_min_duration_statement", "log_min_duration_sample", "log_statement_sample_rate",
                "log_transaction_sample_rate", "log_parameter_max_length", "log_parameter_max_length_on_error",
                "log_min_error_statement", "session_preload_libraries", "pgaudit.log_statement",
                "auto_explain.log_min_duration", "auto_explain.log_parameter_max_length", "auto_explain.sample_rate");
        DbParameterGroup group = inv.dbParameterGroups().stream().filter(g -> g.id().equals("app-pg16")).findFirst()
                .orElseThrow();
        assertThat(group.parameters().get("log_statement").value()).contains("all");
        assertThat(group.parameters().get("log_min_duration_statement").value()).isEqualTo(Optional.empty());
        assertThat(group.parameters()).doesNotContainKey("work_mem");

        Finding f = finding(inv, "app-pg16");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        // auto_explain is not preloaded by this group (pg_stat_statements,pgaudit): its setting is inert
        assertThat(f.message()).contains("log_statement=all", "log_parameter_max_length_on_error=-1", "app-db",
                "exports the postgresql log to CloudWatch Logs").doesNotContain("auto_explain", "log_min_duration_statement");
    }

    @Test
    void aLoggingParameterListedWithoutItsValueLeavesTheGroupUnassessed() {
        Inventory inv = scanWith(LOGGING.replace("<ParameterValue>all</ParameterValue>", ""));

        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("MissingField");
            assertThat(e.message()).contains("ParameterValue (log_statement)");
        });
        Finding f = finding(inv, "app-pg16");
        assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(f.message()).contains("rds:DescribeDBParameters", "MissingField");
    }
}
