package dev.netlint.daemon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the generated differential cases: docker commands that combine flags and values from the
 * engine's checks (docs/engine-checks.md), grouped into small scenarios that each start from a clean
 * daemon. A fixed seed makes every run build the same cases.
 *
 * <p>Safety: every object is named {@code nlt-gen-*}; IPv4 subnets come from 10.122.0.0/15 and IPv6
 * ones from fd42:1220::/32 (never the host's 192.0.2.0/24 or fd00::/64; {@code /0} is left out
 * because it would cover them); macvlan/ipvlan parents are only the veth pair {@link #VETH}/{@link
 * #VETH_PEER} the test creates; published ports are 41200-41999, mostly on 127.0.0.1.
 */
final class DifferentialCaseGenerator {
    static final String PREFIX = "nlt-gen-";
    static final String VETH = "nlt-gv0";
    static final String VETH_PEER = "nlt-gv0p";
    static final String IMAGE = dev.netlint.testing.DockerTestDaemon.IMAGE;
    static final long SEED = 20_10_24L;

    /**
     * One docker command (arguments after {@code docker}). {@code test} is false for scaffolding
     * (clean-up between cases: replayed, never judged). A {@code dependent} test is judged only when
     * the last independent test before it succeeded (a run on a network that the daemon refused to
     * create says nothing about the run).
     */
    record Cmd(List<String> args, boolean test, String engine25, boolean dependent) {
        String render() {
            StringBuilder sb = new StringBuilder("docker");
            for (String a : args) {
                sb.append(' ').append(quote(a));
            }
            if (engine25 != null) {
                sb.append("  # engine25: ").append(engine25);
            }
            return sb.toString();
        }
    }

    /** Commands replayed in order against a clean daemon; {@code family} names the engine check family. */
    record Scenario(String name, String family, List<Cmd> commands, Set<String> containers, Set<String> networks) {
        /** Scenarios on the shared veth parents must not run at the same time as each other. */
        boolean usesParents() {
            return commands.stream().anyMatch(c -> c.args().stream().anyMatch(a -> a.startsWith("parent=")));
        }

        String script() {
            StringBuilder sb = new StringBuilder("#!/bin/sh\n# generated differential case " + name + " ("
                    + family + "), seed " + SEED + "\n");
            commands.forEach(c -> sb.append(c.render()).append('\n'));
            return sb.toString();
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+\\-\\[\\]]+");

    static String quote(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private final Random random = new Random(SEED);
    private final List<Scenario> scenarios = new ArrayList<>();
    private int block; // the next /24 of 10.122.0.0/15 and /64 of fd42:1220::/32
    private int port = 41200;

    /** A scenario being built. */
    private final class Builder {
        final String name;
        final String family;
        final List<Cmd> cmds = new ArrayList<>();
        final Set<String> containers = new LinkedHashSet<>();
        final Set<String> networks = new LinkedHashSet<>();
        final int k;

        Builder(String family) {
            this.family = family;
            this.k = block++;
            this.name = String.format(Locale.ROOT, "%03d-%s", scenarios.size(), family);
        }

        String net(String suffix) {
            String n = PREFIX + k + "-" + suffix;
            networks.add(n);
            return n;
        }

        String ctr(String suffix) {
            String n = PREFIX + k + "-" + suffix;
            containers.add(n);
            return n;
        }

        /** 10.122.0.0/15 split into /24 blocks: block k's address with last octet {@code host}. */
        String v4(int host) {
            return v4Of(k, host);
        }

        String v6(String host) {
            return "fd42:1220:" + Integer.toHexString(k + 1) + "::" + host;
        }

        Builder setup(String... args) {
            cmds.add(new Cmd(List.of(args), false, null, false));
            return this;
        }

        Builder test(String... args) {
            cmds.add(new Cmd(List.of(args), true, null, false));
            return this;
        }

        /** Clean-up of what the last test created: skipped when that test was refused. */
        Builder undo(String... args) {
            cmds.add(new Cmd(List.of(args), false, null, true));
            return this;
        }

        /** A new /24 block of its own (no clean-up needed between cases). */
        int fresh() {
            return block++;
        }

        Builder testAfter(String... args) {
            cmds.add(new Cmd(List.of(args), true, null, true));
            return this;
        }

        Builder test(List<String> args, String engine25) {
            cmds.add(new Cmd(List.copyOf(args), true, engine25, false));
            return this;
        }

        void done() {
            scenarios.add(new Scenario(name, family, List.copyOf(cmds), containers, networks));
        }
    }

    static String v4Of(int k, int host) {
        return "10." + (122 + k / 256) + "." + (k % 256) + "." + host;
    }

    static List<Scenario> generate() {
        DifferentialCaseGenerator g = new DifferentialCaseGenerator();
        g.subnets();
        g.ranges();
        g.gateways();
        g.auxAddresses();
        g.prefixEdges();
        g.ipv6();
        g.staticAddresses();
        g.modes();
        g.ports();
        g.bridgeOptions();
        g.lanDrivers();
        g.sequences();
        return List.copyOf(g.scenarios);
    }

    private List<String> driverArgs(String driver, String mode) {
        List<String> a = new ArrayList<>();
        if (driver.equals("bridge")) {
            return a;
        }
        a.add("-d");
        a.add(driver);
        a.add("-o");
        a.add("parent=" + VETH);
        if (mode != null) {
            a.add("-o");
            a.add(driver + "_mode=" + mode);
        }
        return a;
    }

    private String driver() {
        return List.of("bridge", "bridge", "macvlan", "ipvlan").get(random.nextInt(4));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> out = new ArrayList<>(head);
        out.addAll(List.of(tail));
        return out;
    }

    private static List<String> create(String... rest) {
        return concat(List.of("network", "create"), rest);
    }

    // ---- network create: subnets ----------------------------------------------------------------

    /** One network create per value; bridge cases each get a block of their own, LAN ones are removed again. */
    private void createEach(Builder b, String driver, String mode, List<List<String>> flagSets, List<String> engine25) {
        int i = 0;
        for (List<String> flags : flagSets) {
            List<String> args = new ArrayList<>(create());
            args.addAll(driverArgs(driver, mode));
            args.addAll(flags);
            String n = b.net(b.family.substring(0, 1) + i);
            args.add(n);
            b.test(args, engine25.get(i));
            if (!driver.equals("bridge")) {
                b.undo("network", "rm", n);
            }
            i++;
        }
    }

    private static List<String> none(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }

    private void subnets() {
        String[][] v4 = {
                {"0/24", null}, {"128/25", null}, {"8/29", null}, {"4/30", null}, {"6/31", null}, {"7/32", null},
                {"0/33", null}, {"5/24", "host bits"}, {"0", null}, {"256/24", null}, {"0/24x", null},
                {"0/-1", null}, {"0/024", "leading zero"}};
        for (String driver : List.of("bridge", "macvlan")) {
            Builder b = new Builder("subnet-" + driver);
            List<List<String>> flags = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            for (String[] v : v4) {
                if (driver.equals("macvlan") && random.nextInt(3) == 0) {
                    continue; // LAN cases are slower (created and removed one by one): a random two thirds
                }
                int k = driver.equals("bridge") ? b.fresh() : b.k;
                flags.add(List.of("--subnet", "10." + (122 + k / 256) + "." + (k % 256) + "." + v[0]));
                tags.add(v[1]);
            }
            createEach(b, driver, null, flags, tags);
            b.done();
        }
        // two subnets in one network: disjoint, nested, v4 + v6
        for (String driver : List.of("bridge", "macvlan")) {
            Builder b = new Builder("subnets-" + driver);
            String base = "10." + (122 + b.k / 256) + "." + (b.k % 256);
            String next = v4Of(b.fresh(), 0);
            List<List<String>> pairs = List.of(
                    List.of("--subnet", base + ".0/25", "--subnet", base + ".128/25"),
                    List.of("--subnet", base + ".0/24", "--subnet", base + ".64/26"),
                    List.of("--subnet", base + ".0/24", "--subnet", next + "/24"),
                    List.of("--ipv6", "--subnet", base + ".0/24", "--subnet", b.v6("/64")),
                    List.of("--ipv6", "--subnet", base + ".0/24", "--subnet", b.v6("/64"), "--subnet",
                            "fd42:1220:" + Integer.toHexString(b.k + 1) + ":1::/64"));
            List<List<String>> unique = new ArrayList<>();
            for (List<String> p : pairs) {
                // bridge: each case on its own blocks, so nothing has to be removed in between
                unique.add(driver.equals("bridge") ? shift(p, b) : p);
            }
            createEach(b, driver, null, unique, none(unique.size()));
            b.done();
        }
    }

    /** The same flags moved to a fresh IPv4 block and IPv6 /64s of their own. */
    private List<String> shift(List<String> flags, Builder b) {
        int k = b.fresh();
        int k2 = b.fresh();
        List<String> out = new ArrayList<>();
        for (String f : flags) {
            out.add(f.replace(v4Of(b.k, 0).replaceAll("0$", ""), v4Of(k, 0).replaceAll("0$", ""))
                    .replace(v4Of(b.k + 1, 0).replaceAll("0$", ""), v4Of(k2, 0).replaceAll("0$", ""))
                    .replace("fd42:1220:" + Integer.toHexString(b.k + 1) + ":", "fd42:1220:" + Integer.toHexString(k + 1)
                            + ":"));
        }
        return out;
    }

    // ---- ip-range ---------------------------------------------------------------------------------

    private void ranges() {
        for (String driver : List.of("bridge", "macvlan")) {
            Builder b = new Builder("range-" + driver);
            b.fresh(); // k + 1 is the "outside" block
            String[][] ranges = {
                    {b.v4(128) + "/25", null}, {b.v4(0) + "/24", null}, {b.v4(0) + "/23", "range wider"},
                    {v4Of(b.k + 1, 0) + "/25", null}, {b.v4(130) + "/25", "host bits"}, {b.v4(7) + "/32", null},
                    {b.v4(0) + "/33", null}, {b.v4(64) + "/26", null}, {"10.121.0.0/25", null}, {b.v6("/80"), null},
                    {b.v4(200) + "/29", null}, {b.v4(0) + "/25", null}};
            List<List<String>> flags = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            for (String[] r : ranges) {
                if (driver.equals("macvlan") && random.nextBoolean()) {
                    continue;
                }
                List<String> f = new ArrayList<>(List.of("--subnet", b.v4(0) + "/24", "--ip-range", r[0]));
                if (random.nextBoolean()) {
                    f.addAll(List.of("--gateway", b.v4(random.nextBoolean() ? 1 : 200)));
                }
                flags.add(driver.equals("bridge") ? shift(f, b) : f);
                tags.add(r[1]);
            }
            flags.add(List.of("--ip-range", b.v4(0) + "/25"));
            tags.add(null);
            createEach(b, driver, null, flags, tags);
            b.done();
        }
    }

    // ---- gateways --------------------------------------------------------------------------------

    private void gateways() {
        for (String driver : List.of("bridge", "macvlan", "ipvlan")) {
            Builder b = new Builder("gateway-" + driver);
            b.fresh();
            String[] gws = {b.v4(1), b.v4(254), b.v4(0), b.v4(255), v4Of(b.k + 1, 1), b.v4(300), "10.122.1",
                    b.v6("1"), "gw", b.v4(128)};
            List<List<String>> flags = new ArrayList<>();
            for (String gw : gws) {
                if (!driver.equals("bridge") && random.nextInt(3) != 0) {
                    continue; // LAN drivers: a random third
                }
                List<String> f = List.of("--subnet", b.v4(0) + "/24", "--gateway", gw);
                flags.add(driver.equals("bridge") ? shift(f, b) : f);
            }
            String[] gw6 = {b.v6("1"), b.v6(""), b.v6("ffff:ffff:ffff:ffff"), "fd42:1220:ffff::1", b.v4(1),
                    b.v6("ffff:ffff:ffff:fffe")};
            for (String gw : gw6) {
                if (!driver.equals("bridge") && random.nextInt(3) != 0) {
                    continue;
                }
                List<String> f = List.of("--ipv6", "--subnet", b.v4(0) + "/24", "--subnet", b.v6("/64"), "--gateway",
                        gw);
                flags.add(driver.equals("bridge") ? shift(f, b) : f);
            }
            flags.add(List.of("--gateway", b.v4(1)));
            createEach(b, driver, driver.equals("ipvlan") ? "l3" : null, flags, none(flags.size()));
            b.done();
        }
    }

    // ---- aux addresses ---------------------------------------------------------------------------

    private void auxAddresses() {
        for (String driver : List.of("bridge", "macvlan")) {
            Builder b = new Builder("aux-" + driver);
            b.fresh();
            List<List<String>> auxes = List.of(
                    List.of("--aux-address", "r1=" + b.v4(2)),
                    List.of("--aux-address", "r1=" + b.v4(1)),
                    List.of("--aux-address", "r1=" + b.v4(0)),
                    List.of("--aux-address", "r1=" + b.v4(255)),
                    List.of("--aux-address", "r1=" + v4Of(b.k + 1, 2)),
                    List.of("--aux-address", "r1=" + b.v4(300)),
                    List.of("--aux-address", "r1=" + b.v4(2), "--aux-address", "r2=" + b.v4(2)),
                    List.of("--aux-address", "r1=" + b.v4(2), "--aux-address", "r2=" + b.v4(3)),
                    List.of("--aux-address", "r1=" + b.v4(200), "--ip-range", b.v4(128) + "/25"),
                    List.of("--aux-address", "r1=" + b.v4(128), "--ip-range", b.v4(128) + "/25"),
                    List.of("--gateway", b.v4(2), "--aux-address", "r1=" + b.v4(2)),
                    List.of("--gateway", b.v4(2), "--aux-address", "r1=" + b.v4(1)));
            List<List<String>> flags = new ArrayList<>();
            for (List<String> aux : auxes) {
                if (driver.equals("macvlan") && random.nextBoolean()) {
                    continue;
                }
                List<String> f = concat(List.of("--subnet", b.v4(0) + "/24"), aux.toArray(String[]::new));
                flags.add(driver.equals("bridge") ? shift(f, b) : f);
            }
            flags.add(List.of("--aux-address", "r1=" + b.v4(2)));
            createEach(b, driver, null, flags, none(flags.size()));
            b.done();
        }
    }

    // ---- prefix edges, with a container where one fits --------------------------------------------

    private void prefixEdges() {
        Builder b = new Builder("prefix");
        // v4 subnet (within the block), gateway ("" = none), whether a container is run on it
        String[][] edges = {
                {"0/30", "", "run"}, {"0/30", "2", ""}, {"4/31", "", ""}, {"4/31", "5", ""}, {"4/31", "4", ""},
                {"9/32", "", ""}, {"9/32", "9", ""}, {"0/29", "6", "run"}, {"0/29", "7", ""}, {"0/28", "14", ""},
                {"0/28", "15", ""}};
        int i = 0;
        for (String[] e : edges) {
            int k = b.fresh();
            String base = "10." + (122 + k / 256) + "." + (k % 256) + ".";
            List<String> args = new ArrayList<>(create("--subnet", base + e[0]));
            if (!e[1].isEmpty()) {
                args.addAll(List.of("--gateway", base + e[1]));
            }
            String n = b.net("p" + i++);
            args.add(n);
            b.test(args, null);
            if (!e[2].isEmpty()) {
                b.testAfter("run", "-d", "--name", b.ctr("p" + i + "c"), "--network", n, IMAGE, "sleep", "300");
            }
        }
        // IPv6 edges with --ipv6; a run only where an address is left (/127: network address + gateway)
        String[][] v6 = {{"/126", "", "run"}, {"/127", "", ""}, {"/127", "1", ""}, {"/128", "", ""},
                {"/128", "0", ""}, {"/129", "", ""}, {"/64", "0", ""}, {"/120", "ff", ""}, {"/120", "fe", ""},
                {"/48", "", ""}};
        for (String[] e : v6) {
            int k = b.fresh();
            String six = "fd42:1220:" + Integer.toHexString(k + 1) + "::";
            List<String> args = new ArrayList<>(create("--ipv6", "--subnet", v4Of(k, 64) + "/26", "--subnet",
                    six + e[0]));
            if (!e[1].isEmpty()) {
                args.addAll(List.of("--gateway", e[1].equals("0") ? six : six + e[1]));
            }
            String n = b.net("p" + i++);
            args.add(n);
            b.test(args, null);
            if (!e[2].isEmpty()) {
                b.testAfter("run", "-d", "--name", b.ctr("p" + i + "c"), "--network", n, IMAGE, "sleep", "300");
            }
        }
        b.done();
    }

    // ---- IPv6 on and off -------------------------------------------------------------------------

    private void ipv6() {
        for (String driver : List.of("bridge", "macvlan")) {
            Builder b = new Builder("ipv6-" + driver);
            List<List<String>> variants = List.of(
                    List.of("--ipv6"),
                    List.of("--ipv6", "--subnet", b.v4(0) + "/24"),
                    List.of("--subnet", b.v4(0) + "/24", "--subnet", b.v6("/64")),
                    List.of("--ipv6", "--subnet", b.v4(0) + "/24", "--subnet", b.v6("/64")),
                    List.of("--ipv6", "--subnet", b.v4(0) + "/24", "--subnet", b.v6("5/64")),
                    List.of("--ipv6", "--subnet", b.v4(0) + "/24", "--subnet", "fd42:1220:" + Integer.toHexString(
                            b.k + 1) + ":::/64"),
                    List.of("--ipv6=false", "--subnet", b.v4(0) + "/24"),
                    List.of("--ipv6", "--subnet", b.v6("/64")));
            List<List<String>> flags = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            for (List<String> v : variants) {
                if (driver.equals("macvlan") && v.size() > 4 && random.nextBoolean()) {
                    continue;
                }
                flags.add(driver.equals("bridge") ? shift(v, b) : v);
                tags.add(v.contains(b.v6("5/64")) ? "host bits" : null);
            }
            createEach(b, driver, null, flags, tags);
            b.done();
        }
    }

    // ---- static addresses on run and connect ------------------------------------------------------

    private void staticAddresses() {
        Builder b = new Builder("static");
        b.fresh();
        String n = b.net("n");
        String auto = b.net("auto");
        b.setup("network", "create", "--ipv6", "--subnet", b.v4(0) + "/24", "--ip-range", b.v4(128) + "/25",
                "--gateway", b.v4(1), "--aux-address", "r1=" + b.v4(2), "--subnet", b.v6("/64"), n);
        b.setup("network", "create", auto);
        // --ip and --ip6 together, so the one under test never takes a dynamic address from the range
        String[][] runs = {
                {b.v4(10), b.v6("10")}, {b.v4(200), b.v6("11")}, {b.v4(1), b.v6("12")}, {b.v4(2), b.v6("13")},
                {b.v4(0), b.v6("14")}, {b.v4(255), b.v6("15")}, {v4Of(b.k + 1, 5), b.v6("16")},
                {"10.122.0.300", b.v6("17")}, {b.v6("5"), b.v6("18")}, {b.v4(10), b.v6("19")},
                {b.v4(20), b.v6("10")}, {b.v4(21), b.v6("1")}, {b.v4(22), b.v6("")},
                {b.v4(23), "fd42:1220:ffff::5"}, {b.v4(24), b.v4(11)}, {b.v4(25), b.v6("ffff:ffff:ffff:ffff")},
                {b.v4(127), b.v6("20")}, {b.v4(129), b.v6("21")}};
        int i = 0;
        for (String[] r : runs) {
            b.test("run", "-d", "--name", b.ctr("s" + i++), "--network", n, "--ip", r[0], "--ip6", r[1], IMAGE,
                    "sleep", "300");
        }
        for (String target : List.of("bridge", "host", "none", auto)) {
            b.test("run", "-d", "--name", b.ctr("s" + i++), "--network", target, "--ip", b.v4(30), IMAGE, "sleep",
                    "300");
        }
        b.test("run", "-d", "--name", b.ctr("s" + i++), "--ip", b.v4(31), IMAGE, "sleep", "300");
        // connect one running container with static addresses; each accepted connect is undone
        String t = b.ctr("t");
        b.setup("run", "-d", "--name", t, IMAGE, "sleep", "300");
        String[][] connects = {{"--ip", b.v4(40)}, {"--ip", v4Of(b.k + 1, 40)}, {"--ip", b.v4(1)},
                {"--ip", b.v4(10)}, {"--ip6", b.v6("40")}, {"--ip6", "fd42:1220:ffff::40"}, {"--ip", b.v4(255)},
                {"--ip", b.v6("41")}};
        for (String[] cn : connects) {
            b.test("network", "connect", cn[0], cn[1], n, t);
            b.undo("network", "disconnect", n, t);
        }
        b.test("network", "connect", "--ip", b.v4(42), auto, t);
        b.test("network", "connect", "--ip", b.v4(43), "bridge", t);
        b.done();
    }

    // ---- network modes vs options -------------------------------------------------------------------

    private void modes() {
        // checked when the container is created: docker create is enough (and much faster than run)
        String[][] options = {
                {"-p", "127.0.0.1:%PORT%:80"}, {"--hostname", "nlt-gen-h"}, {"--dns", "10.122.255.53"},
                {"--mac-address", "02:42:0a:7a:ff:01"}, {"--add-host", "nlt-gen-x:10.122.255.9"}, {"--expose", "80"},
                {"--network-alias", "nlt-gen-a"}, {"--link", "%BASE%:b"}, {"-P"}, {"--dns-search", "example.test"},
                {"--add-host", "nlt-gen-y:host-gateway"}, {"--dns", "notanip"}, {"--mac-address", "02:42:zz:00:00:01"},
                {"--add-host", "nlt-gen-z"}, {"--add-host", "nlt-gen-z:notanip"}, {"--dns-option", "ndots:2"},
                {"--mac-address", "02-42-0a-7a-ff-02"}, {"--add-host", "nlt-gen-w:fd42:1220::9"}};
        for (String mode : List.of("host", "none", "container", "bridge", "default", "user")) {
            Builder b = new Builder("modes-" + mode);
            String base = b.ctr("base");
            String user = b.net("u");
            if (mode.equals("user")) {
                b.setup("network", "create", "--subnet", b.v4(0) + "/24", user);
            }
            if (mode.equals("container")) {
                b.setup("run", "-d", "--name", base, IMAGE, "sleep", "300");
            } else {
                b.setup("create", "--name", base, IMAGE, "sleep", "300");
            }
            int i = 0;
            for (String[] o : options) {
                if (!mode.equals("container") && !mode.equals("host") && random.nextInt(4) == 0) {
                    continue; // the permissive modes: a random three quarters
                }
                List<String> args = new ArrayList<>(List.of("create", "--name", b.ctr("m" + i++)));
                switch (mode) {
                    case "container" -> args.addAll(List.of("--network", "container:" + base));
                    case "default" -> { }
                    case "user" -> args.addAll(List.of("--network", user));
                    default -> args.addAll(List.of("--network", mode));
                }
                for (String w : o) {
                    args.add(w.replace("%PORT%", Integer.toString(port++)).replace("%BASE%", base));
                }
                args.addAll(List.of(IMAGE, "sleep", "300"));
                b.test(args, null);
            }
            // a static address is checked when the container starts
            if (!mode.equals("default")) {
                List<String> args = new ArrayList<>(List.of("run", "-d", "--name", b.ctr("m" + i++)));
                args.addAll(List.of("--network", mode.equals("container") ? "container:" + base
                        : mode.equals("user") ? user : mode));
                args.addAll(List.of("--ip", b.v4(50), IMAGE, "sleep", "300"));
                b.test(args, null);
            }
            b.done();
        }
    }

    // ---- port specs ------------------------------------------------------------------------------

    private void ports() {
        Builder b = new Builder("ports");
        int p = port;
        port += 120;
        // syntax: refused or accepted when the container is created
        String[] specs = {
                "127.0.0.1:" + p + ":80", p + 1 + ":80", "127.0.0.1:" + (p + 2) + "-" + (p + 4) + ":80",
                "127.0.0.1:" + (p + 5) + "-" + (p + 6) + ":80-81", "80", "80/udp", "127.0.0.1::80",
                "[::1]:" + (p + 7) + ":80", "127.0.0.1:" + (p + 8) + ":80/xyz", "127.0.0.1:" + (p + 9) + "-" + (p + 10)
                + ":80-82", "70000:80", "127.0.0.1:" + (p + 11) + ":70000", "abc:80", "300.1.1.1:" + (p + 12) + ":80",
                "127.0.0.1:" + (p + 13) + ":", "127.0.0.1:" + (p + 15) + "-" + (p + 14) + ":80", "127.0.0.1:"
                + (p + 16) + ":81-80", "127.0.0.1:" + (p + 17) + ":80/UDP", ":80", "127.0.0.1:" + (p + 19) + ":0",
                "127.0.0.1:0:80", "127.0.0.1:" + (p + 20) + ":80/tcp/udp", "1.2.3.4.5:" + (p + 21) + ":80",
                "127.0.0.1:" + (p + 22) + ":8x", "127.0.0.1:" + (p + 23) + ":65535", "127.0.0.1:" + (p + 24)
                + ":65536", "127.0.0.1:" + (p + 25) + "-" + (p + 27) + ":80-82", "localhost:" + (p + 28) + ":80",
                "[::1]::80", "127.0.0.1:" + (p + 29) + ":80-81/udp", "0.0.0.0:" + (p + 30) + ":80"};
        int i = 0;
        for (String spec : specs) {
            b.test("create", "--name", b.ctr("p" + i++), "-p", spec, IMAGE, "sleep", "300");
        }
        // bindings: refused when the container starts
        int q = p + 40;
        String[][] runs = {
                {"127.0.0.1:" + q + ":80", "127.0.0.1:" + q + ":81"}, {"127.0.0.1:" + (q + 1) + ":80"},
                {"127.0.0.1:" + (q + 1) + ":80"}, {"127.0.0.1:" + (q + 1) + ":80/udp"},
                {"127.0.0.2:" + (q + 1) + ":80"}, {(q + 2) + ":80"}, {"127.0.0.1:" + (q + 2) + ":80"},
                {"127.0.0.1:" + (q + 3) + ":80", "127.0.0.1:" + (q + 3) + ":80/udp"},
                {"127.0.0.1:" + (q + 4) + ":80/sctp"}, {"[::1]:" + (q + 5) + ":80"}};
        for (String[] r : runs) {
            List<String> args = new ArrayList<>(List.of("run", "-d", "--name", b.ctr("p" + i++)));
            for (String spec : r) {
                args.addAll(List.of("-p", spec));
            }
            args.addAll(List.of(IMAGE, "sleep", "300"));
            b.test(args, null);
        }
        b.done();
    }

    // ---- bridge driver options --------------------------------------------------------------------

    private void bridgeOptions() {
        Builder b = new Builder("bridge-opts");
        String[] opts = {
                "com.docker.network.bridge.enable_icc=false", "com.docker.network.bridge.enable_icc=1",
                "com.docker.network.bridge.enable_icc=maybe", "com.docker.network.bridge.enable_icc=yes",
                "com.docker.network.bridge.enable_ip_masquerade=False", "com.docker.network.bridge.enable_ip_masquerade=no",
                "com.docker.network.driver.mtu=1400", "com.docker.network.driver.mtu=0",
                "com.docker.network.driver.mtu=-1", "com.docker.network.driver.mtu=abc",
                "com.docker.network.driver.mtu=1400.5", "com.docker.network.bridge.host_binding_ipv4=127.0.0.1",
                "com.docker.network.bridge.host_binding_ipv4=notanip", "com.docker.network.bridge.host_binding_ipv4=::1",
                "com.docker.network.bridge.default_bridge=perhaps", "com.docker.network.enable_ipv6=sure",
                "com.docker.network.bridge.name=nlt-gb" + b.k, "com.docker.network.container_iface_prefix=nlt",
                "nlt.unknown.option=1", "com.docker.network.bridge.enable_icc=TRUE",
                "com.docker.network.bridge.enable_icc=t", "com.docker.network.bridge.enable_icc=",
                "com.docker.network.driver.mtu=+1400", "com.docker.network.bridge.inhibit_ipv4=nope",
                "com.docker.network.host_ipv4=10.122.255.1", "com.docker.network.host_ipv4=bad",
                "com.docker.network.bridge.enable_ip_masquerade=true"};
        int i = 0;
        for (String o : opts) {
            b.test("network", "create", "-o", o, "--subnet", v4Of(b.fresh(), 0) + "/24", b.net("o" + i++));
        }
        // the same bridge name twice; and again once the first is removed
        String n1 = b.net("o" + i++);
        String n2 = b.net("o" + i++);
        String name = "com.docker.network.bridge.name=nlt-gc" + b.k;
        b.test("network", "create", "-o", name, "--subnet", v4Of(b.fresh(), 0) + "/25", n1);
        b.test("network", "create", "-o", name, "--subnet", v4Of(b.fresh(), 0) + "/25", n2);
        b.test("network", "rm", n1);
        b.test("network", "create", "-o", name, "--subnet", v4Of(b.fresh(), 0) + "/25", b.net("o" + i));
        b.done();
    }

    // ---- macvlan and ipvlan ------------------------------------------------------------------------

    private void lanDrivers() {
        Builder b = new Builder("lan");
        String[][] nets = {
                {"macvlan", "macvlan_mode=bridge"}, {"macvlan", "macvlan_mode=private"}, {"macvlan", "macvlan_mode=vepa"},
                {"macvlan", "macvlan_mode=passthru"}, {"macvlan", "macvlan_mode=bogus"}, {"macvlan", "macvlan_mode=BRIDGE"},
                {"macvlan", "macvlan_mode="}, {"ipvlan", "ipvlan_mode=l2"}, {"ipvlan", "ipvlan_mode=l3"},
                {"ipvlan", "ipvlan_mode=l3s"}, {"ipvlan", "ipvlan_mode=bogus"}, {"ipvlan", "ipvlan_mode=L2"},
                {"ipvlan", "ipvlan_flag=private"}, {"macvlan", "nlt.unknown=1"}};
        int i = 0;
        for (String[] d : nets) {
            String n = b.net("l" + i++);
            b.test("network", "create", "-d", d[0], "-o", "parent=" + VETH, "-o", d[1], "--subnet",
                    v4Of(b.k, 0) + "/24", n);
            b.undo("network", "rm", n);
        }
        for (String driver : List.of("macvlan", "ipvlan")) {
            for (String parent : List.of("lo", VETH + ".0", VETH + ".4095", VETH + ".abc", VETH + ".-1")) {
                String n = b.net("l" + i++);
                b.test("network", "create", "-d", driver, "-o", "parent=" + parent, "--subnet", v4Of(b.k, 0) + "/24",
                        n);
                b.undo("network", "rm", n);
            }
        }
        // parents in use: macvlan twice, then the peer, then ipvlan on the same parent
        String m1 = b.net("l" + i++);
        String m2 = b.net("l" + i++);
        String m3 = b.net("l" + i++);
        String m4 = b.net("l" + i++);
        b.test("network", "create", "-d", "macvlan", "-o", "parent=" + VETH, "--subnet", v4Of(b.k, 0) + "/25", m1);
        b.test("network", "create", "-d", "macvlan", "-o", "parent=" + VETH, "--subnet", v4Of(b.k, 128) + "/25", m2);
        b.test("network", "create", "-d", "macvlan", "-o", "parent=" + VETH_PEER, "--subnet", v4Of(b.k + 1, 0) + "/25",
                m3);
        b.test("network", "create", "-d", "ipvlan", "-o", "parent=" + VETH, "--subnet", v4Of(b.k + 1, 128) + "/25", m4);
        b.test("network", "rm", m1);
        b.test("network", "create", "-d", "macvlan", "-o", "parent=" + VETH, "--subnet", v4Of(b.k, 128) + "/25", m2);
        block++;
        b.done();
    }

    // ---- sequences: create, run, connect, disconnect, rm --------------------------------------------

    private void sequences() {
        for (int v = 0; v < 4; v++) {
            Builder b = new Builder("seq-connect");
            String n1 = b.net("n1");
            String n2 = b.net("n2");
            String a = b.ctr("a");
            b.test("network", "create", "--subnet", b.v4(0) + "/25", n1);
            b.test("network", "create", "--subnet", b.v4(128) + "/25", n2);
            b.test("run", "-d", "--name", a, "--network", n1, IMAGE, "sleep", "300");
            b.test("network", "connect", n2, a);
            b.test("network", "connect", n2, a);
            b.test("network", "connect", n1, a);
            b.test("network", "disconnect", n2, a);
            b.test("network", "disconnect", n2, a);
            b.test("network", "connect", "bridge", a);
            b.test("network", "connect", "--alias", "x" + v, n2, a);
            b.test("network", "disconnect", "bridge", a);
            b.test("network", "rm", n1);
            if (v % 2 == 0) {
                b.test("network", "disconnect", n1, a);
                b.test("network", "rm", n1);
            } else {
                b.test("rm", "-f", a);
                b.test("network", "rm", n1);
                b.test("network", "rm", n2);
            }
            b.test("network", "create", "--subnet", b.v4(0) + "/25", n1);
            b.done();
        }
        for (int v = 0; v < 2; v++) {
            Builder b = new Builder("seq-shared");
            String n1 = b.net("n1");
            String h = b.ctr("h");
            String z = b.ctr("z");
            String c = b.ctr("c");
            String s = b.ctr("s");
            b.test("network", "create", "--subnet", b.v4(0) + "/24", n1);
            b.test("run", "-d", "--name", h, "--network", "host", IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", z, "--network", "none", IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", c, IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", s, "--network", "container:" + c, IMAGE, "sleep", "300");
            List<String[]> tries = new ArrayList<>(List.of(
                    new String[] {"connect", n1, h}, new String[] {"connect", n1, z}, new String[] {"connect", n1, s},
                    new String[] {"connect", "host", c}, new String[] {"connect", "none", c},
                    new String[] {"disconnect", "host", h}, new String[] {"disconnect", "none", z},
                    new String[] {"connect", "bridge", z}, new String[] {"connect", "--ip", b.v4(9), "bridge", c},
                    new String[] {"connect", "--alias", "al", "bridge", c}, new String[] {"disconnect", "bridge", c},
                    new String[] {"connect", "bridge", c}));
            java.util.Collections.shuffle(tries.subList(0, 6), random);
            for (String[] t : tries) {
                b.test(concat(List.of("network"), t).toArray(String[]::new));
            }
            b.done();
        }
        for (int v = 0; v < 2; v++) {
            Builder b = new Builder("seq-names");
            String n1 = b.net("n1");
            String a = b.ctr("a");
            b.test("network", "create", "--subnet", b.v4(0) + "/24", n1);
            b.test("network", "create", "--subnet", v4Of(b.k + 1, 0) + "/24", n1);
            b.test("network", "create", "host");
            b.test("network", "create", "none");
            b.test("network", "create", "bridge");
            b.test("network", "rm", "host");
            b.test("network", "rm", "none");
            b.test("run", "-d", "--name", a, "--network", n1, IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", a, IMAGE, "sleep", "300");
            b.test("create", "--name", a, IMAGE, "sleep", "300");
            b.test("rm", "-f", a);
            b.test("create", "--name", a, "--network", n1, "--ip", b.v4(7), IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", b.ctr("b"), "--network", n1, "--ip", b.v4(7), IMAGE, "sleep", "300");
            b.test("network", "rm", n1);
            block++;
            b.done();
        }
        for (int v = 0; v < 2; v++) {
            Builder b = new Builder("seq-multinet");
            String n1 = b.net("n1");
            String n2 = b.net("n2");
            b.test("network", "create", "--subnet", b.v4(0) + "/25", n1);
            b.test("network", "create", "--subnet", b.v4(128) + "/25", n2);
            b.test("run", "-d", "--name", b.ctr("a"), "--network", n1, "--network", n2, IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", b.ctr("b"), "--network", "host", "--network", n1, IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", b.ctr("c"), "--network", "bridge", "--network", n2, IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", b.ctr("d"), "--network", n1, "--network", n1, IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", b.ctr("e"), "--network", "name=" + n1 + ",alias=x", IMAGE, "sleep", "300");
            b.test("run", "-d", "--name", b.ctr("f"), "--network", "name=" + n2 + ",ip=" + b.v4(140), IMAGE, "sleep",
                    "300");
            b.test("run", "-d", "--name", b.ctr("g"), "--network", "name=" + n2 + ",ip=" + b.v4(10), IMAGE, "sleep",
                    "300");
            b.done();
        }
    }
}
