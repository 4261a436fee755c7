package dev.netlint.config;

import dev.netlint.engine.LintSettings;
import dev.netlint.rules.Rule;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How netlint turns the configuration file and the command line into {@link LintSettings}: the
 * one place that does it, used by the CLI and by the fixture test (so a root {@code .netlint.yaml}
 * applies to both alike). Command-line flags override the file.
 */
public final class SettingsResolver {
    private SettingsResolver() {
    }

    /** What the command line says; empty lists and null mean "not given". */
    public record Flags(Path configFile, List<String> disable, List<String> enable, boolean reportUnusedDisables,
                        FailOn failOn, boolean noConfig, Integer maxFindingsPerFile) {
        public Flags(Path configFile, List<String> disable, List<String> enable, boolean reportUnusedDisables,
                     FailOn failOn) {
            this(configFile, disable, enable, reportUnusedDisables, failOn, false, null);
        }

        public static Flags none() {
            return new Flags(null, List.of(), List.of(), false, null);
        }
    }

    /** The settings, the configuration they came from (if any), and the effective fail-on. */
    public record Resolved(LintSettings settings, Optional<NetlintConfig.Loaded> config, FailOn failOn) {
    }

    /**
     * @param workingDirectory where the configuration is searched from (upwards) and what
     *                         relative names are shown relative to
     */
    public static Resolved resolve(Path workingDirectory, Flags flags, List<Rule> rules) throws ConfigException {
        return resolve(workingDirectory, flags, () -> rules);
    }

    /**
     * As {@link #resolve(Path, Flags, List)}, asking for the rules only once the configuration file
     * is read: the CLI builds them on another thread meanwhile.
     */
    public static Resolved resolve(Path workingDirectory, Flags flags, Supplier<List<Rule>> ruleSupplier)
            throws ConfigException {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        Optional<NetlintConfig.Loaded> loaded;
        if (flags.noConfig()) {
            loaded = Optional.empty();
        } else if (flags.configFile() != null) {
            Path file = cwd.resolve(flags.configFile());
            loaded = Optional.of(ConfigLoader.load(file, flags.configFile().toString()));
        } else {
            Optional<Path> found = ConfigLoader.find(cwd);
            loaded = found.isEmpty() ? Optional.empty()
                    : Optional.of(ConfigLoader.load(found.get(), display(found.get())));
        }
        List<Rule> rules = ruleSupplier.get();
        LintSettings settings = new LintSettings();
        FailOn failOn = FailOn.ERROR;
        if (loaded.isPresent()) {
            failOn = ConfigApplier.apply(loaded.get(), settings, rules).orElse(failOn);
        }
        for (String d : flags.disable()) {
            for (String id : known(rules, d, "--disable")) {
                settings.disabled().add(id);
                settings.enabled().remove(id);
            }
        }
        for (String e : flags.enable()) {
            for (String id : known(rules, e, "--enable")) {
                settings.enabled().add(id);
                settings.disabled().remove(id);
            }
        }
        boolean fromConfig = loaded.map(l -> Boolean.TRUE.equals(l.config().reportUnusedDisables())).orElse(false);
        settings.reportUnusedDirectives(flags.reportUnusedDisables() || fromConfig);
        if (flags.failOn() != null) {
            failOn = flags.failOn();
        }
        Integer max = flags.maxFindingsPerFile() != null ? flags.maxFindingsPerFile()
                : loaded.map(l -> l.config().maxFindingsPerFile()).orElse(null);
        if (max != null) {
            if (max < 1) {
                throw new ConfigException("maxFindingsPerFile must be at least 1, not " + max);
            }
            settings.maxFindingsPerFile(max);
        }
        return new Resolved(settings, loaded, failOn);
    }

    /** The ids an id, name or former id stands for. */
    private static List<String> known(List<Rule> rules, String given, String option) throws ConfigException {
        List<String> id = ConfigApplier.ruleIds(rules, given);
        if (id.isEmpty()) {
            throw new ConfigException(option + ": unknown rule '" + given.trim() + "' (`netlint rules` lists them)");
        }
        return id;
    }

    /** A path as the user would write it: relative to the working directory when under it. */
    static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
