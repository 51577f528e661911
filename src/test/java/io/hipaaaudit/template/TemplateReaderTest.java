package io.hipaaaudit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.json.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML short forms read from the parser's tags, JSON as is, and the line of every logical id. */
class TemplateReaderTest {
    @TempDir
    Path dir;

    private TemplateFile read(String yaml) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, yaml);
        return TemplateReader.read(file);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(TemplateFile t, String id) {
        return (Map<String, Object>) ((Map<String, Object>) t.section("Resources").get(id)).get("Properties");
    }

    @Test
    void shortFormTagsBecomeTheirLongForms() throws Exception {
        TemplateFile t = read("""
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      A: !Ref Param
                      B: !GetAtt Key.Arn
                      C: !GetAtt [Key, Arn]
                      D: !Sub "arn:${AWS::Partition}:x"
                      E: !Join ["-", [a, !Ref B]]
                      F: !Select [0, !GetAZs ""]
                      G: !If [IsProd, 1, 2]
                      H: !ImportValue Shared
                      I: !FindInMap [M, !Ref "AWS::Region", k]
                      J: !Base64 text
                      K: !Split [",", "a,b"]
                      L: !Not [!Condition IsProd]
                      M: !And [!Equals [a, a], !Or [!Condition X, !Condition Y]]
                """);

        Map<String, Object> p = props(t, "Db");
        assertThat(p.get("A")).isEqualTo(Map.of("Ref", "Param"));
        assertThat(p.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Key", "Arn")));
        assertThat(p.get("C")).isEqualTo(Map.of("Fn::GetAtt", List.of("Key", "Arn")));
        assertThat(p.get("D")).isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:x"));
        assertThat(p.get("E")).isEqualTo(Map.of("Fn::Join", List.of("-", List.of("a", Map.of("Ref", "B")))));
        assertThat(p.get("F")).isEqualTo(Map.of("Fn::Select", List.of(0L, Map.of("Fn::GetAZs", ""))));
        assertThat(p.get("H")).isEqualTo(Map.of("Fn::ImportValue", "Shared"));
        assertThat(p.get("I")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", Map.of("Ref", "AWS::Region"), "k")));
        assertThat(p.get("J")).isEqualTo(Map.of("Fn::Base64", "text"));
        assertThat(p.get("L")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))));
        assertThat(p.get("M").toString()).contains("Fn::And", "Fn::Equals", "Fn::Or", "Condition=X");
    }

    @Test
    void theLineOfEachLogicalIdIsKept() throws Exception {
        TemplateFile t = read("""
                Parameters:
                  P: {Type: String}
                Resources:
                  First:
                    Type: AWS::EC2::VPC

                  Second:
                    Type: AWS::EC2::Subnet
                """);

        assertThat(t.lineOf("First")).isEqualTo(4);
        assertThat(t.lineOf("Second")).isEqualTo(7);
        assertThat(t.resourceLines()).doesNotContainKey("P");
    }

    @Test
    void aJsonTemplateIsReadWithItsLines() throws Exception {
        TemplateFile t = TemplateReader.read(Path.of("src/test/resources/templates/cdk.out/HealthAppKeys.template.json"));

        assertThat(t.section("Resources")).containsKeys("AuditKey", "DataNestedStack");
        assertThat(t.lineOf("AuditKey")).isEqualTo(9);
    }

    @Test
    void badInputIsOneLineNamingTheFileAndLine() throws Exception {
        assertThatThrownBy(() -> read("Resources:\n  A:\n    Type: x\n    Properties: !Bogus 1\n"))
                .isInstanceOf(InputException.class).hasMessageMatching(".*t\\.yaml:4: unknown tag !Bogus");
        assertThatThrownBy(() -> read("Resources:\n  A: [unclosed\n"))
                .isInstanceOf(InputException.class).hasMessageMatching(".*t\\.yaml:\\d+:\\d+: .*");
        assertThatThrownBy(() -> read("Outputs: {}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("no Resources section");
        assertThatThrownBy(() -> read("Resources:\n  A: {Type: x}\n  A: {Type: y}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("t.yaml:3").hasMessageContaining("'A'");
    }
}
