package dev.netlint.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netlint.config.ConfigException;
import dev.netlint.config.SettingsResolver;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.Environment;
import dev.netlint.report.ReportContext;
import dev.netlint.report.Reporter;
import dev.netlint.report.SourceLines;
import dev.netlint.rules.RuleRegistry;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole directory trees (file names, contents, symbolic links in and out of the tree) built from
 * fuzz data, linted, and reported in every format: no byte sequence of a file planted outside the
 * tree and no value of the process environment may reach any report, whatever the tree holds.
 * The markers contain '§', which the generated names and contents never do, so the fuzzer cannot
 * write them into the tree itself. {@code mvn verify} replays the seeds in
 * {@code src/test/resources/dev/netlint/security/TreeLeakFuzzTestInputs/lintTree/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=TreeLeakFuzzTest} fuzzes for real.
 */
class TreeLeakFuzzTest {
    private static final String PLANTED = "§planted-" + UUID.randomUUID() + "§";
    private static final String SECRET = "§secret-" + UUID.randomUUID() + "§";
    private static final List<String> NAMES = List.of("compose.yaml", "compose.override.yaml", ".env",
            ".netlint.yaml", "deploy.sh", "README.md", "networks.json", "daemon.json", "sub/compose.yml",
            "sub/.env", "docker-compose.yml", "::error::x/compose.yaml", "--fail-on=none", "@args.json", "run");
    private static final List<String> SNIPPETS = List.of(
            "services:\n  web:\n    image: x\n    networks: [front]\nnetworks:\n  front:\n    ipam:\n      config:\n"
                    + "        - subnet: ${SECRET_KEY}\n          gateway: ${SECRET_KEY:-10.9.9.1}\n",
            "SUBNET=${SECRET_KEY}\nSECRET_KEY\n",
            "docker network create --subnet \"$SECRET_KEY\" n\n",
            "```sh\ndocker network create --gateway ${SECRET_KEY} x\n```\n",
            "[{\"Name\":\"n\",\"IPAM\":{\"Config\":[{\"Subnet\":\"${SECRET_KEY}\"}]}}]\n",
            "{\"bip\": \"${SECRET_KEY}\"}\n",
            "rules:\n  ${SECRET_KEY}: off\n");

    @FuzzTest(maxDuration = "60s")
    void lintTree(FuzzedDataProvider data) throws IOException {
        Path work = Files.createTempDirectory("netlint-tree-fuzz");
        try {
            Path outside = Files.createDirectories(work.resolve("outside"));
            Path planted = Files.writeString(outside.resolve("planted.yaml"),
                    "services:\n  web:\n    networks: [" + PLANTED + "]\n" + PLANTED + "\n");
            Path tree = Files.createDirectories(work.resolve("tree"));
            int files = data.consumeInt(1, 8);
            for (int i = 0; i < files && data.remainingBytes() > 0; i++) {
                String name = data.pickValue(NAMES);
                Path p = tree.resolve(name);
                Files.createDirectories(p.getParent());
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                switch (data.consumeInt(0, 4)) {
                    case 0 -> Files.createSymbolicLink(p, planted);
                    case 1 -> Files.createSymbolicLink(p, p.getParent().relativize(planted));
                    case 2 -> Files.createSymbolicLink(p, outside);
                    case 3 -> Files.writeString(p, clean(data.pickValue(SNIPPETS) + data.consumeString(200)));
                    default -> Files.writeString(p, clean(data.consumeString(400)));
                }
            }
            LintSettings settings;
            try {
                settings = SettingsResolver.resolve(tree, SettingsResolver.Flags.none(), RuleRegistry.all()).settings();
            } catch (ConfigException e) {
                assertClean("configuration error", e.getMessage());
                settings = new LintSettings();
            }
            settings.environment(Environment.empty().with(Map.of("SECRET_KEY", SECRET), Environment.Origin.PROCESS));
            Linter.Run run = new Linter(settings).run(List.of(tree.toString()));
            for (Reporter.Format format : Reporter.Format.values()) {
                StringWriter w = new StringWriter();
                format.reporter().write(run.result(), new ReportContext(RuleRegistry.all(), "fuzz",
                        new SourceLines(run.sources()), false, tree), w);
                assertClean(format.toString(), w.toString());
            }
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String clean(String s) {
        return s.replace("§", "");
    }

    private static void assertClean(String where, String output) {
        assertThat(output).as(where).doesNotContain(PLANTED).doesNotContain(SECRET);
    }
}
