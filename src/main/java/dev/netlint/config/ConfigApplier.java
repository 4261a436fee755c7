package dev.netlint.config;

import dev.netlint.engine.LintSettings;
import dev.netlint.ingest.DocumentOrder;
import dev.netlint.model.AddressValue;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.Segment;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Rule;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns a bound configuration into {@link LintSettings}: rule switches and severities, ignored
 * globs, site facts for the model (host networks, bip, pools, hosts, segments). Values that
 * cannot be right (an unknown rule, a malformed CIDR) are rejected with their location.
 */
public final class ConfigApplier {
    private ConfigApplier() {
    }

    /** Applies {@code loaded} to {@code settings}; returns the configured failOn, if any. */
    public static Optional<FailOn> apply(NetlintConfig.Loaded loaded, LintSettings settings, List<Rule> rules)
            throws ConfigException {
        NetlintConfig c = loaded.config();
        String file = loaded.displayName();
        for (Map.Entry<String, ConfigValue> e : c.rules().entrySet()) {
            ConfigValue v = e.getValue();
            List<String> targets = ruleIds(rules, e.getKey());
            if (targets.isEmpty()) {
                throw ConfigException.at(file, v.line(), v.column(), "rules: unknown rule '" + e.getKey()
                        + "' (`netlint rules` lists them)");
            }
            for (String id : targets) {
                switch (v.lower()) {
                    case "off" -> {
                        settings.disabledByConfig().add(id);
                        settings.disabled().add(id);
                        settings.enabled().remove(id);
                    }
                    case "on" -> {
                        settings.enabled().add(id);
                        settings.disabled().remove(id);
                    }
                    case "error", "warning", "note" -> {
                        settings.severityOverrides().put(id, Severity.parse(v.value()));
                        settings.enabled().add(id);
                        settings.disabled().remove(id);
                    }
                    default -> throw ConfigException.at(file, v.line(), v.column(), "rules: " + e.getKey() + ": '"
                            + v.value() + "' is not one of off, on, error, warning, note");
                }
            }
        }

        settings.ignoredPaths().addAll(c.ignore());
        if (!c.ignore().isEmpty()) {
            settings.ignoreBase(loaded.directory());
        }

        List<AddressValue> hostNetworks = new ArrayList<>();
        for (ConfigValue v : c.hostNetworks()) {
            hostNetworks.add(cidr(file, "hostNetworks", v));
        }
        List<AddressValue> ownedPublic = new ArrayList<>();
        for (ConfigValue v : c.ownedPublicBlocks()) {
            ownedPublic.add(cidr(file, "ownedPublicBlocks", v));
        }
        List<AddressValue> freeSubnetCandidates = new ArrayList<>();
        for (ConfigValue v : c.freeSubnetCandidates()) {
            freeSubnetCandidates.add(cidr(file, "freeSubnetCandidates", v));
        }
        AddressValue bip = c.bip() == null ? null : cidr(file, "bip", c.bip());
        List<DaemonSettings.AddressPool> pools = new ArrayList<>();
        for (NetlintConfig.Pool p : c.defaultAddressPools()) {
            AddressValue base = cidr(file, "defaultAddressPools.base", p.base());
            int size = poolSize(file, p, base);
            pools.add(new DaemonSettings.AddressPool(base, size, at(file, p.base())));
        }
        List<Segment> segments = new ArrayList<>();
        for (NetlintConfig.SegmentConfig s : c.segments()) {
            segments.add(segment(file, s));
        }

        Optional<FailOn> failOn = Optional.empty();
        if (c.failOn() != null) {
            failOn = FailOn.parse(c.failOn().value());
            if (failOn.isEmpty()) {
                throw ConfigException.at(file, c.failOn().line(), c.failOn().column(), "failOn: '"
                        + c.failOn().value() + "' is not one of error, warning, note, none");
            }
        }

        Map<String, List<PathMatcher>> hostGlobs = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : c.hosts().entrySet()) {
            List<PathMatcher> ms = new ArrayList<>();
            for (String g : h.getValue()) {
                try {
                    ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException(file + ": hosts: " + h.getKey() + ": invalid glob '" + g + "'");
                }
            }
            hostGlobs.put(h.getKey(), ms);
        }
        if (!hostGlobs.isEmpty()) {
            Function<String, String> fallback = settings.hostOfFile();
            Path base = loaded.directory();
            settings.hostOfFile(shown -> hostOf(shown, base, hostGlobs).orElseGet(() -> fallback.apply(shown)));
        }

        for (NetlintConfig.ProjectConfig pc : c.projects()) {
            if (pc.files().isEmpty()) {
                throw new ConfigException(file + ": projects: a project needs at least one file in files:");
            }
            Path base = loaded.directory();
            settings.declaredProjects().add(new dev.netlint.ingest.DeclaredProject(
                    pc.files().stream().map(f -> base.resolve(f).normalize()).toList(), pc.profiles(),
                    pc.envFile().stream().map(f -> base.resolve(f).normalize()).toList(), file));
        }
        java.util.Set<String> profiles = java.util.Set.copyOf(c.profiles());
        List<PathMatcher> sequentialDocs = globs(file, "documents.sequential", c.documents().sequential());
        List<PathMatcher> independentDocs = globs(file, "documents.independent", c.documents().independent());
        if (!sequentialDocs.isEmpty() || !independentDocs.isEmpty()) {
            Function<String, DocumentOrder> fallback = settings.documentOrderOfFile();
            Path base = loaded.directory();
            settings.documentOrderOfFile(shown -> {
                Path rel = relative(shown, base);
                if (independentDocs.stream().anyMatch(m -> m.matches(rel))) {
                    return DocumentOrder.INDEPENDENT;
                }
                if (sequentialDocs.stream().anyMatch(m -> m.matches(rel))) {
                    return DocumentOrder.SEQUENTIAL;
                }
                return fallback.apply(shown);
            });
        }

        boolean topology = !c.hosts().isEmpty() || !c.segments().isEmpty();
        Consumer<Model> facts = model -> {
            model.hostNetworks().addAll(hostNetworks);
            model.ownedPublicBlocks().addAll(ownedPublic);
            model.freeSubnetCandidates().addAll(freeSubnetCandidates);
            if (bip != null) {
                model.configuredBip(bip);
            }
            model.configuredPools().addAll(pools);
            for (String host : hostGlobs.keySet()) {
                model.host(host);
            }
            model.segments().addAll(segments);
            if (topology) {
                model.topologyDeclared(true);
            }
            if (!profiles.isEmpty()) {
                model.activeProfiles(profiles);
            }
        };
        settings.modelFacts().add(facts);
        return failOn;
    }

    /** The ids a rule id, name or former id (alias) stands for; empty when it names no rule. */
    public static List<String> ruleIds(List<Rule> rules, String given) {
        return dev.netlint.rules.RuleRegistry.resolve(rules, given).stream().map(r -> r.info().id()).toList();
    }

    /** id and name (upper case) → id, for every rule. */
    public static Map<String, String> ruleIds(List<Rule> rules) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Rule r : rules) {
            ids.put(r.info().id().toUpperCase(Locale.ROOT), r.info().id());
            ids.put(r.info().name().toUpperCase(Locale.ROOT), r.info().id());
        }
        return ids;
    }

    static Optional<String> hostOf(String shown, Path base, Map<String, List<PathMatcher>> hostGlobs) {
        Path abs = Path.of(shown).toAbsolutePath().normalize();
        Path rel = abs.startsWith(base) ? base.relativize(abs) : Path.of(shown);
        for (Map.Entry<String, List<PathMatcher>> h : hostGlobs.entrySet()) {
            for (PathMatcher m : h.getValue()) {
                if (m.matches(rel)) {
                    return Optional.of(h.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static List<PathMatcher> globs(String file, String key, List<String> globs) throws ConfigException {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            try {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
                // as in ignore: a glob without '/' matches a file name at any depth
                out.add(g.contains("/") ? m : p -> p.getFileName() != null && m.matches(p.getFileName()));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(file + ": " + key + ": invalid glob '" + g + "'");
            }
        }
        return out;
    }

    /** A file's path relative to the configuration's directory (as written when it lies elsewhere). */
    private static Path relative(String shown, Path base) {
        Path abs = Path.of(shown).toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs) : Path.of(shown);
    }

    private static Segment segment(String file, NetlintConfig.SegmentConfig s) throws ConfigException {
        ConfigValue anchor = s.subnet() != null ? s.subnet() : s.gateway();
        SourceLocation where = anchor == null ? SourceLocation.of(file, 1, 1) : at(file, anchor);
        Segment seg = new Segment(s.name(), where);
        seg.hosts().addAll(s.hosts());
        if (s.subnet() != null) {
            seg.subnet(cidr(file, "segments." + s.name() + ".subnet", s.subnet()));
        }
        if (s.gateway() != null) {
            seg.gateway(address(file, "segments." + s.name() + ".gateway", s.gateway()));
        }
        for (ConfigValue r : s.reserved()) {
            seg.reservedAddresses().add(address(file, "segments." + s.name() + ".reserved", r));
        }
        return seg;
    }

    private static int poolSize(String file, NetlintConfig.Pool p, AddressValue base) throws ConfigException {
        ConfigValue v = p.size();
        int size;
        try {
            size = Integer.parseInt(v.value().trim());
        } catch (NumberFormatException e) {
            throw ConfigException.at(file, v.line(), v.column(), "defaultAddressPools.size: '" + v.value()
                    + "' is not a prefix length");
        }
        int baseLen = base.asCidr().orElseThrow().prefixLength();
        int max = base.asCidr().orElseThrow().family() == dev.netlint.address.IpFamily.IPV4 ? 32 : 128;
        if (size < baseLen || size > max) {
            throw ConfigException.at(file, v.line(), v.column(), "defaultAddressPools.size: /" + size
                    + " must be between the base's /" + baseLen + " and /" + max);
        }
        return size;
    }

    private static SourceLocation at(String file, ConfigValue v) {
        return SourceLocation.of(file, v.line(), v.column(), v.line(), v.column() + v.value().length());
    }

    private static AddressValue cidr(String file, String key, ConfigValue v) throws ConfigException {
        AddressValue a = AddressValue.cidr(v.value().trim(), at(file, v));
        if (a.isMalformed()) {
            throw ConfigException.at(file, v.line(), v.column(), key + ": " + a.error());
        }
        return a;
    }

    private static AddressValue address(String file, String key, ConfigValue v) throws ConfigException {
        AddressValue a = AddressValue.address(v.value().trim(), at(file, v));
        if (a.isMalformed()) {
            throw ConfigException.at(file, v.line(), v.column(), key + ": " + a.error());
        }
        return a;
    }
}
