package io.hipaaaudit.rules.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import io.hipaaaudit.rules.RuleLoader;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build's cache of checked rule expressions: complete for the bundled pack, equal to a fresh check, safe. */
class CheckedCacheTest {
    @Test
    void theBuildCheckedEveryExpressionOfTheBundledPack() {
        Map<String, CelAbstractSyntaxTree> checked = CelSupport.checkedWhileLoading(() -> RuleLoader.load(List.of()));
        assertThat(checked).hasSizeGreaterThan(100);
        assertThat(CheckedCache.bundled().expressions()).containsAll(checked.keySet());
    }

    @Test
    void aCachedTreeIsTheTreeTheCheckerGives() {
        CheckedCache cache = CheckedCache.bundled();
        assertThat(cache.size()).isGreaterThan(100);
        for (String expression : cache.expressions()) {
            Map<String, CelAbstractSyntaxTree> fresh = CelSupport.checkedWhileLoading(() -> CelSupport.compile(expression));
            assertThat(proto(cache.find(expression).orElseThrow())).as(expression).isEqualTo(proto(fresh.get(expression)));
        }
    }

    @Test
    void aCacheFromAnotherEnvironmentIsIgnored() throws Exception {
        CelAbstractSyntaxTree ast = CelSupport.checkedWhileLoading(() -> CelSupport.compile("resource.a == 1"))
                .get("resource.a == 1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckedCache.write(Map.of("resource.a == 1", ast), "another build", out);
        assertThat(CheckedCache.read(out.toByteArray(), "another build").find("resource.a == 1")).isPresent();
        assertThat(CheckedCache.read(out.toByteArray(), CheckedCache.environment()).size()).isZero();
        assertThat(CheckedCache.environment()).hasSize(64);
    }

    @Test
    void anExpressionTheBuildDidNotSeeCompilesAsAlways() {
        assertThat(CelSupport.compile("size(resource.custom) > 2 && true").ok()).isTrue();
        CelSupport.Compiled bad = CelSupport.compile("resource.a +");
        assertThat(bad.ok()).isFalse();
        assertThat(bad.error()).isNotBlank();
    }

    @Test
    void aFieldPathIsReadWithoutTheParserUnlessItNamesAReservedWord() {
        CelSupport.Compiled path = CelSupport.compile(" resource.kmsKey.manager ");
        assertThat(path.ok()).isTrue();
        assertThat(path.fieldPath()).containsExactly("kmsKey", "manager");
        assertThat(path.reads()).containsExactly(new FactPaths.Read("kmsKey.manager", false));
        assertThat(CelSupport.compile("resource.in").ok()).as("a reserved word is no field").isFalse();
    }

    private static dev.cel.expr.CheckedExpr proto(CelAbstractSyntaxTree ast) {
        return CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr();
    }
}
