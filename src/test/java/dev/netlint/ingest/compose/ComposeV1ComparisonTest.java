package dev.netlint.ingest.compose;

import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * netlint's project view against compose's own: Debian's docker-compose 1.29.2 ({@code docker-compose
 * config}, no daemon needed) on every fixture project and every corpus compose file it can load.
 * Compared per service: the service names, the networks it joins, its published ports and its
 * profiles. v1 cannot load include:, !reset/!override or newer syntax; those projects are listed as
 * not comparable (the loader's unit tests and the fixtures cover them against compose-go's rules).
 * Missing docker-compose skips the test, and fails it when CI=true.
 */
class ComposeV1ComparisonTest {
    private static final Path FIXTURES = Path.of("fixtures", "compose");
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "compose");

    @Test
    void netlint_sees_the_projects_docker_compose_v1_sees() throws Exception {
        requireDockerCompose();
        List<Path> mains = new ArrayList<>();
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            s.filter(Files::isRegularFile).filter(p -> ComposeReader.MAIN_NAMES.contains(p.getFileName().toString()))
                    .sorted().forEach(mains::add);
        }
        if (Files.isDirectory(CORPUS)) {
            try (Stream<Path> s = Files.list(CORPUS)) {
                s.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().forEach(mains::add);
            }
        }
        List<String> mismatches = new ArrayList<>();
        List<String> notLoadable = new ArrayList<>();
        int compared = 0;
        // docker-compose (Python) starts slowly: run a few at once, compare in order.
        List<String> reasons = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Optional<Map<String, Object>>>> configs = new ArrayList<>();
        for (Path main : mains) {
            configs.add(pool.submit(() -> dockerComposeConfig(main, reasons)));
        }
        pool.shutdown();
        for (int i = 0; i < mains.size(); i++) {
            Path main = mains.get(i);
            Optional<Map<String, Object>> v1 = configs.get(i).get();
            if (v1.isEmpty()) {
                continue;
            }
            compared++;
            Map<String, String> ours = view(netlintProject(main));
            Map<String, String> theirs = view(v1.get());
            if (!ours.equals(theirs)) {
                for (String k : new TreeSet<>(union(ours.keySet(), theirs.keySet()))) {
                    if (!java.util.Objects.equals(ours.get(k), theirs.get(k))) {
                        mismatches.add(main + " " + k + ": netlint " + ours.get(k) + ", docker-compose " + theirs.get(k));
                    }
                }
            }
        }
        notLoadable.addAll(new TreeSet<>(reasons));
        System.out.printf("docker-compose v1 comparison: %d projects compared, %d not loadable by v1%n", compared,
                notLoadable.size());
        notLoadable.forEach(n -> System.out.println("  not loadable by v1: " + n));
        assertThat(compared).as("projects docker-compose could load").isGreaterThan(5);
        assertThat(mismatches).as("differences between netlint's project view and docker-compose config").isEmpty();
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    // ---- netlint's view ----------------------------------------------------------------------

    private static Project netlintProject(Path main) {
        Model m = new Linter(new LintSettings().environment(Map.of())).run(List.of(main.toString())).model();
        return m.projects().stream().filter(p -> p.location().file().equals(main.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("netlint built no project from " + main + ": "
                        + m.inputProblems()));
    }

    /** "service/aspect" → a canonical text, for the four aspects compared. */
    private static Map<String, String> view(Project p) {
        Map<String, String> out = new TreeMap<>();
        for (Container c : p.containers()) {
            String s = c.serviceName();
            out.put(s + "/service", "present");
            out.put(s + "/networks", new TreeSet<>(c.attachments().stream().map(Attachment::network)
                    .map(t -> t.value()).toList()).toString());
            List<String> ports = new ArrayList<>();
            for (PortMapping m : c.ports()) {
                if (m.sexagesimalRisk()) {
                    ports.add("(sexagesimal)");
                } else if (m.hostPortStart() == null && !m.hostPortUnknown() && m.hostIp() == null && !m.unknown()) {
                    ports.add("expose-only " + range(m.containerPortStart(), m.containerPortEnd()) + "/" + m.protocol());
                } else {
                    String ip = m.hostIp() == null || m.hostIpUnknown() ? "" : m.hostIp().raw();
                    String host = m.hostPortStart() == null ? "" : range(m.hostPortStart(), m.hostPortEnd());
                    ports.addAll(expand(ip, host, range(m.containerPortStart(), m.containerPortEnd()), m.protocol()));
                }
            }
            ports.sort(null);
            out.put(s + "/ports", ports.toString());
            out.put(s + "/profiles", new TreeSet<>(c.profiles()).toString());
        }
        return out;
    }

    /** One entry per port: v1 prints a range in the long syntax as one entry per port. */
    private static List<String> expand(String ip, String host, String container, String proto) {
        int[] c = bounds(container);
        int[] h = host.isEmpty() ? null : bounds(host);
        if (c == null || c[0] == c[1] || (h != null && h[1] - h[0] != c[1] - c[0])) {
            return List.of(ip + "|" + host + "|" + container + "|" + proto);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= c[1] - c[0]; i++) {
            out.add(ip + "|" + (h == null ? "" : String.valueOf(h[0] + i)) + "|" + (c[0] + i) + "|" + proto);
        }
        return out;
    }

    private static int[] bounds(String r) {
        if (!r.matches("\\d+(-\\d+)?")) {
            return null;
        }
        String[] e = r.split("-");
        return new int[] {Integer.parseInt(e[0]), Integer.parseInt(e[e.length - 1])};
    }

    private static String range(int a, int b) {
        return a == b ? String.valueOf(a) : a + "-" + b;
    }

    // ---- docker-compose's view ---------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, String> view(Map<String, Object> config) {
        Map<String, String> out = new TreeMap<>();
        Object services = config.get("services");
        if (!(services instanceof Map<?, ?> svcs)) {
            return out;
        }
        for (Map.Entry<?, ?> e : svcs.entrySet()) {
            String s = String.valueOf(e.getKey());
            Map<String, Object> svc = e.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            out.put(s + "/service", "present");
            TreeSet<String> nets = new TreeSet<>();
            Object n = svc.get("networks");
            if (n instanceof Map<?, ?> nm) {
                nm.keySet().forEach(k -> nets.add(String.valueOf(k)));
            } else if (n instanceof List<?> nl) {
                nl.forEach(k -> nets.add(String.valueOf(k)));
            }
            out.put(s + "/networks", nets.toString());
            List<String> ports = new ArrayList<>();
            if (svc.get("ports") instanceof List<?> pl) {
                for (Object p : pl) {
                    String one = port(p);
                    String[] f = one.split("\\|", -1);
                    ports.addAll(f.length == 4 ? expand(f[0], f[1], f[2], f[3]) : List.of(one));
                }
            }
            ports.sort(null);
            out.put(s + "/ports", ports.toString());
            TreeSet<String> profiles = new TreeSet<>();
            if (svc.get("profiles") instanceof List<?> prl) {
                prl.forEach(x -> profiles.add(String.valueOf(x)));
            }
            out.put(s + "/profiles", profiles.toString());
        }
        return out;
    }

    /** v1 prints "[ip:][host]:container/proto" strings, or the long syntax as a mapping. */
    private static String port(Object p) {
        if (p instanceof Map<?, ?> m) {
            if (m.get("published") == null && m.get("host_ip") == null) {
                return "expose-only " + m.get("target") + "/" + (m.get("protocol") == null ? "tcp" : m.get("protocol"));
            }
            String ip = m.get("host_ip") == null ? "" : String.valueOf(m.get("host_ip"));
            String host = m.get("published") == null ? "" : String.valueOf(m.get("published"));
            String proto = m.get("protocol") == null ? "tcp" : String.valueOf(m.get("protocol"));
            return ip + "|" + host + "|" + m.get("target") + "|" + proto;
        }
        String s = String.valueOf(p);
        if (p instanceof Integer) {
            return "(sexagesimal)";
        }
        String proto = "tcp";
        int slash = s.indexOf('/');
        if (slash >= 0) {
            proto = s.substring(slash + 1);
            s = s.substring(0, slash);
        }
        String[] parts = s.split(":", -1);
        if (parts.length == 1) {
            return "expose-only " + parts[0] + "/" + proto;
        }
        String container = parts[parts.length - 1];
        String host = parts[parts.length - 2];
        String ip = parts.length > 2 ? String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2)) : "";
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        return ip + "|" + host + "|" + container + "|" + proto;
    }

    /** The project docker-compose builds for this main file, run as a user would in its directory. */
    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> dockerComposeConfig(Path main, List<String> notLoadable)
            throws IOException, InterruptedException {
        Path dir = main.toAbsolutePath().getParent();
        List<String> cmd = new ArrayList<>(List.of("docker-compose"));
        if (!ComposeReader.MAIN_NAMES.contains(main.getFileName().toString())) {
            cmd.addAll(List.of("-f", main.getFileName().toString()));
        }
        cmd.add("config");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        // No value from this machine's environment: only what the project itself sets.
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        Path out = Files.createTempFile("netlint-compose-config-", ".yaml");
        Path err = Files.createTempFile("netlint-compose-config-", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                notLoadable.add(main + ": timed out");
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                String why = Files.readString(err, StandardCharsets.UTF_8).strip();
                notLoadable.add(main + ": " + why.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit "
                        + p.exitValue()));
                return Optional.empty();
            }
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(
                    Files.readString(out, StandardCharsets.UTF_8));
            return doc instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void requireDockerCompose() {
        boolean present;
        try {
            present = new ProcessBuilder("docker-compose", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("docker-compose is required when CI=true (apt-get install docker-compose)");
        }
        assumeTrue(present, "docker-compose is not installed; skipping (this fails when CI=true)");
    }
}
