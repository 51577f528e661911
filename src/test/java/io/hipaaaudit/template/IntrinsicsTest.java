package io.hipaaaudit.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intrinsics resolved as far as the template allows; what it cannot settle is unknown and says why. */
class IntrinsicsTest {
    @TempDir
    Path dir;

    private Intrinsics intrinsics(Map<String, Object> params, Optional<String> region) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                Parameters:
                  Env: {Type: String, Default: prod}
                  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
                  NoDefault: {Type: String}
                Mappings:
                  Sizes:
                    prod: {instance: db.r6g.large}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  Unknowable: !Equals [!Ref NoDefault, x]
                  ProdOrUnknown: !Or [!Condition IsProd, !Condition Unknowable]
                Resources:
                  Key: {Type: AWS::KMS::Key}
                  Secret: {Type: AWS::SecretsManager::Secret}
                  Group: {Type: AWS::EC2::SecurityGroup}
                """);
        return new Intrinsics(new Stack("s", TemplateReader.read(file), params, region, Optional.of("123456789012"), "s"));
    }

    @Test
    void referencesResolveToStableSyntheticIds() throws Exception {
        Intrinsics i = intrinsics(Map.of(), Optional.of("us-east-1"));

        assertThat(i.resolve(Map.of("Ref", "Group"))).isEqualTo("Group");
        assertThat(i.resolve(Map.of("Fn::GetAtt", List.of("Group", "GroupId")))).isEqualTo("Group");
        assertThat(i.resolve(Map.of("Fn::GetAtt", List.of("Key", "Arn"))))
                .isEqualTo("arn:aws:kms:us-east-1:s:key/Key");
        assertThat(i.resolve(Map.of("Ref", "Secret"))).isEqualTo("arn:aws:secretsmanager:us-east-1:s:secret:Secret");
    }

    @Test
    void parametersTakeTheGivenValueElseTheDefaultElseUnknown() throws Exception {
        Intrinsics i = intrinsics(Map.of("Subnets", "subnet-1, subnet-2"), Optional.empty());

        assertThat(i.resolve(Map.of("Ref", "Env"))).isEqualTo("prod");
        assertThat(i.resolve(Map.of("Ref", "Subnets"))).isEqualTo(List.of("subnet-1", "subnet-2"));
        assertThat(i.resolve(Map.of("Ref", "NoDefault"))).isInstanceOf(Unknown.class);
        assertThat(i.resolve(Map.of("Ref", "AWS::Region"))).isInstanceOf(Unknown.class);
        assertThat(i.resolve(Map.of("Ref", "AWS::AccountId"))).isEqualTo("123456789012");
        assertThat(i.resolve(Map.of("Ref", "AWS::StackName"))).isEqualTo("s");
    }

    @Test
    void subJoinSelectSplitAndFindInMap() throws Exception {
        Intrinsics i = intrinsics(Map.of(), Optional.of("eu-west-1"));

        assertThat(i.resolve(Map.of("Fn::Sub", "com.amazonaws.${AWS::Region}.kms ${!Literal}")))
                .isEqualTo("com.amazonaws.eu-west-1.kms ${Literal}");
        assertThat(i.resolve(Map.of("Fn::Sub", List.of("${A}-${Env}", Map.of("A", "x"))))).isEqualTo("x-prod");
        assertThat(i.resolve(Map.of("Fn::Join", List.of(":", List.of("a", Map.of("Ref", "Env")))))).isEqualTo("a:prod");
        assertThat(i.resolve(Map.of("Fn::Select", List.of(1L, Map.of("Fn::GetAZs", ""))))).isEqualTo("eu-west-1b");
        assertThat(i.resolve(Map.of("Fn::Split", List.of(",", "a,b")))).isEqualTo(List.of("a", "b"));
        assertThat(i.resolve(Map.of("Fn::FindInMap", List.of("Sizes", Map.of("Ref", "Env"), "instance"))))
                .isEqualTo("db.r6g.large");
        assertThat(i.resolve(Map.of("Fn::Sub", "${NoDefault}"))).isInstanceOf(Unknown.class);
    }

    @Test
    void conditionsDecideFnIfAndUnknownsSpread() throws Exception {
        Intrinsics i = intrinsics(Map.of(), Optional.empty());

        assertThat(i.resolve(Map.of("Fn::If", List.of("IsProd", "a", "b")))).isEqualTo("a");
        assertThat(i.resolve(Map.of("Fn::If", List.of("Unknowable", "a", "b")))).isInstanceOf(Unknown.class);
        // a decided operand settles Or although the other one is unknown
        assertThat(i.condition("ProdOrUnknown")).isEqualTo(Boolean.TRUE);
        assertThat(i.resolve(Map.of("Fn::ImportValue", "Shared"))).isEqualTo(new Unknown("Fn::ImportValue Shared"));
        assertThat(i.resolve(Map.of("Tags", List.of(Map.of("Ref", "AWS::NoValue"), "kept"))))
                .isEqualTo(Map.of("Tags", List.of("kept")));
        Object joined = i.resolve(Map.of("Fn::Join", List.of("", List.of("a", Map.of("Fn::ImportValue", "X")))));
        assertThat(joined).isInstanceOf(Unknown.class);
    }
}
