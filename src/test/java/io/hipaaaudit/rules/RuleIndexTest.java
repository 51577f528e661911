package io.hipaaaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled pack's index of rule files: written by the build, read from the jar instead of walking it. */
class RuleIndexTest {
    @TempDir
    Path dir;

    @Test
    void theIndexTheBuildWroteNamesEveryBundledRuleFile() throws IOException {
        Path classes = Path.of("target", "classes");
        List<String> expected = RuleLoader.ruleFiles(classes.resolve("rules")).stream()
                .map(f -> "rules/" + classes.resolve("rules").relativize(f).toString().replace('\\', '/')).toList();
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(Files.readAllLines(classes.resolve(RuleLoader.INDEX))).containsExactlyElementsOf(expected);
    }

    @Test
    void theIndexNamesTheRuleFilesOnlyInWalkOrder() throws IOException {
        for (String f : List.of("rules/b/two/rule.yaml", "rules/a/one/rule.yaml", "rules/a/one/fixtures.yaml",
                "rules/frameworks/hipaa-security-rule.yaml")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "x");
        }
        RuleLoader.writeIndex(dir);
        assertThat(Files.readAllLines(dir.resolve(RuleLoader.INDEX)))
                .containsExactly("rules/a/one/rule.yaml", "rules/b/two/rule.yaml");
    }

    @Test
    void aJarWithAnIndexIsReadByItAndOneWithoutIsWalked() throws IOException {
        String framework = "rules/" + RuleLoader.FRAMEWORK;
        Path indexed = jar("indexed.jar", framework, "rules/a/one/rule.yaml", "rules/b/two/rule.yaml",
                "rules/b/two/fixtures.yaml", RuleLoader.INDEX + "=rules/b/two/rule.yaml\n");
        try (JarFile jar = new JarFile(indexed.toFile())) {
            assertThat(RuleLoader.bundledEntries(jar)).extracting(JarEntry::getName)
                    .containsExactly(framework, "rules/b/two/rule.yaml");
        }
        Path walked = jar("walked.jar", framework, "rules/a/one/rule.yaml", "rules/b/two/fixtures.yaml",
                "rules/b/two/rule.yaml");
        try (JarFile jar = new JarFile(walked.toFile())) {
            assertThat(RuleLoader.bundledEntries(jar)).extracting(JarEntry::getName)
                    .containsExactly(framework, "rules/a/one/rule.yaml", "rules/b/two/rule.yaml");
        }
    }

    @Test
    void anIndexNamingAMissingFileIsAnError() throws IOException {
        Path broken = jar("broken.jar", "rules/" + RuleLoader.FRAMEWORK, RuleLoader.INDEX + "=rules/gone/rule.yaml\n");
        try (JarFile jar = new JarFile(broken.toFile())) {
            assertThatThrownBy(() -> RuleLoader.bundledEntries(jar)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("rules/gone/rule.yaml");
        }
    }

    /** A jar of the named entries; {@code name=text} gives an entry its text, others hold their own name. */
    private Path jar(String file, String... entries) throws IOException {
        Path path = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out)) {
            for (String e : entries) {
                int eq = e.indexOf('=');
                String name = eq < 0 ? e : e.substring(0, eq);
                jar.putNextEntry(new JarEntry(name));
                jar.write((eq < 0 ? name : e.substring(eq + 1)).getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return path;
    }
}
