package dev.netlint.bench;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.ingest.inspect.InspectReader;
import dev.netlint.model.Model;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleRegistry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fleet-scale benchmark (not a test): {@code generate DIR HOSTS NETS} writes one
 * {@code docker network inspect} dump per host; {@code run DIR HOSTS} reads the first HOSTS dumps
 * and runs the rules, printing wall times and heap figures. bench/fleet-scale.sh drives it, one JVM
 * per size so peaks do not carry over.
 *
 * <p>Each host's dump holds, per 1000 networks: 940 bridge networks (subnets reused on every host,
 * as hosts carve the same pools), 50 macvlan networks on VLAN-tagged parents with one container
 * each (hosts grouped ten to a site; every host of a site gets its own /28 of each VLAN's /24 in
 * 100.64.0.0/10, and every 97th host repeats its neighbour's range so the rules have something to
 * find), and 10 swarm overlays shared by the site (same ids on every node).
 */
public final class FleetScaleBench {
    private FleetScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "run" -> run(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("generate DIR HOSTS NETS | run DIR HOSTS");
        }
    }

    static Path dump(Path dir, int host) {
        return dir.resolve(String.format("node%04d.json", host));
    }

    static void generate(Path dir, int hosts, int nets) throws IOException {
        Files.createDirectories(dir);
        int macvlans = nets / 20;
        int overlays = nets / 100;
        int bridges = nets - macvlans - overlays;
        for (int h = 0; h < hosts; h++) {
            Path f = dump(dir, h);
            if (Files.exists(f)) {
                continue;
            }
            int site = h / 10;
            int slot = h % 10;
            if (h % 97 == 96 && slot > 0) {
                slot -= 1; // a host configured like its neighbour: duplicate ranges on the LAN
            }
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                w.write("[\n");
                boolean first = true;
                for (int i = 0; i < bridges; i++) {
                    int a = 16 + i / 256;
                    int b = i % 256;
                    first = network(w, first, "app" + i + "_default", id(h, i), "local", "bridge",
                            "10." + a + "." + b + ".0/24", null, "10." + a + "." + b + ".1", Map.of(), null);
                }
                for (int v = 0; v < macvlans; v++) {
                    int index = site * macvlans + v;
                    // the index-th /24 of 100.64.0.0/10 (16384 of them)
                    String prefix = "100." + (64 + index / 256 % 64) + "." + (index % 256) + ".";
                    int start = 16 + slot * 16;
                    String ep = prefix + (start + 1) + "/24";
                    first = network(w, first, "lan" + v, id(h, bridges + v), "local", "macvlan",
                            prefix + "0/24", prefix + start + "/28", prefix + "1",
                            Map.of("parent", "eth0." + (100 + v), "macvlan_mode", "bridge"), ep);
                }
                for (int o = 0; o < overlays; o++) {
                    first = network(w, first, "svc" + o, String.format("site%04dovl%05d", site, o), "swarm", "overlay",
                            "10.250." + o + ".0/24", null, "10.250." + o + ".1",
                            Map.of("com.docker.network.driver.overlay.vxlanid_list", String.valueOf(4097 + o)), null);
                }
                w.write("\n]\n");
            }
        }
    }

    private static String id(int host, int i) {
        return String.format("%016x%016x%016x%016x", host * 1_000_003L + i, (long) i * 7919L, host, 42L);
    }

    private static boolean network(BufferedWriter w, boolean first, String name, String id, String scope, String driver,
                                   String subnet, String range, String gateway, Map<String, String> options,
                                   String endpoint) throws IOException {
        if (!first) {
            w.write(",\n");
        }
        w.write("    {\n");
        w.write("        \"Name\": \"" + name + "\",\n");
        w.write("        \"Id\": \"" + id + "\",\n");
        w.write("        \"Created\": \"2024-03-11T09:14:02.117312451Z\",\n");
        w.write("        \"Scope\": \"" + scope + "\",\n");
        w.write("        \"Driver\": \"" + driver + "\",\n");
        w.write("        \"EnableIPv6\": false,\n");
        w.write("        \"IPAM\": {\n            \"Driver\": \"default\",\n            \"Options\": {},\n");
        w.write("            \"Config\": [\n                {\n");
        w.write("                    \"Subnet\": \"" + subnet + "\",\n");
        if (range != null) {
            w.write("                    \"IPRange\": \"" + range + "\",\n");
        }
        w.write("                    \"Gateway\": \"" + gateway + "\"\n                }\n            ]\n        },\n");
        w.write("        \"Internal\": false,\n        \"Attachable\": false,\n        \"Ingress\": false,\n");
        w.write("        \"ConfigFrom\": {\n            \"Network\": \"\"\n        },\n        \"ConfigOnly\": false,\n");
        w.write("        \"Containers\": {");
        if (endpoint != null) {
            w.write("\n            \"" + id.replace('0', 'c') + "\": {\n");
            w.write("                \"Name\": \"" + name + "-sensor\",\n");
            w.write("                \"EndpointID\": \"" + id + "\",\n");
            w.write("                \"MacAddress\": \"02:42:0a:00:00:02\",\n");
            w.write("                \"IPv4Address\": \"" + endpoint + "\",\n");
            w.write("                \"IPv6Address\": \"\"\n            }\n        ");
        }
        w.write("},\n");
        w.write("        \"Options\": {");
        boolean firstOpt = true;
        for (Map.Entry<String, String> o : new java.util.TreeMap<>(options).entrySet()) {
            w.write((firstOpt ? "\n" : ",\n") + "            \"" + o.getKey() + "\": \"" + o.getValue() + "\"");
            firstOpt = false;
        }
        w.write(options.isEmpty() ? "},\n" : "\n        },\n");
        w.write("        \"Labels\": {}\n    }");
        return false;
    }

    static void run(Path dir, int hosts) throws InputException, IOException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        long bytes = 0;
        List<SourceFile> files = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            Path f = dump(dir, h);
            bytes += Files.size(f);
            files.add(new SourceFile(f, f.toString()));
        }
        Model model = new Model();
        IngestContext context = new IngestContext(model, Map.of(), LintSettings::defaultHost, new Directives());
        InspectReader reader = new InspectReader();
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (SourceFile f : files) {
            reader.read(f, context);
        }
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        int networks = model.projects().stream().mapToInt(p -> p.networks().size()).sum();
        System.gc();
        long retained = mem.getHeapMemoryUsage().getUsed();

        List<Rule> crossHost = RuleRegistry.all().stream()
                .filter(r -> r.info().id().startsWith("NL5") || r.info().id().startsWith("NL6")).toList();
        long c2 = cpu.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        LintResult mine = new Linter(new LintSettings(), List.of(), crossHost).analyse(model, new Directives(), List.of(), hosts);
        long t3 = System.nanoTime();
        long c3 = cpu.getCurrentThreadCpuTime();
        Model fresh = model; // the rules share per-model work; a second full run shows the other rules' cost
        LintResult all = new Linter(new LintSettings()).analyse(fresh, new Directives(), List.of(), hosts);
        long t4 = System.nanoTime();
        long c4 = cpu.getCurrentThreadCpuTime();
        sampler.interrupt();
        peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);

        Map<String, Long> byRule = new java.util.TreeMap<>();
        mine.findings().forEach(f -> byRule.merge(f.ruleId(), 1L, Long::sum));
        System.out.printf("networks=%d hosts=%d input=%.0f MiB%n", networks, hosts, bytes / 1048576.0);
        System.out.printf("  ingest (stream-parse dumps into the model): wall %.2f s, cpu %.2f s (%.0f MiB/s of cpu)%n",
                (t1 - t0) / 1e9, (c1 - c0) / 1e9, bytes / 1048576.0 / ((c1 - c0) / 1e9));
        System.out.printf("  analysis, NL5xx+NL6xx rules:               wall %.2f s, cpu %.2f s  findings %s%n",
                (t3 - t2) / 1e9, (c3 - c2) / 1e9, byRule);
        System.out.printf("  analysis, every registered rule:           wall %.2f s, cpu %.2f s  (%d findings)%n",
                (t4 - t3) / 1e9, (c4 - c3) / 1e9, all.findings().size());
        System.out.printf("  machine load average at the end: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  heap: model retained after GC %.0f MiB, peak used (sampled every 5 ms) %.0f MiB, max %d MiB%n",
                retained / 1048576.0, peak.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
    }
}
