package dev.netlint.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The bound content of a {@code .netlint.yaml}. Every key is optional; absent lists and maps are
 * empty, absent scalars null. Where a value feeds the model or can be rejected it is a
 * {@link ConfigValue}, which remembers its line and column. See README.md (Configuration file) for the format.
 *
 * @param rules      rule id (or name) → off | on | error | warning | note
 * @param ignore     path globs never linted when a directory is walked, relative to the file's directory
 * @param hostNetworks the host's own LAN/VPN networks (CIDRs) that container networks must not overlap
 * @param bip        the daemon's default bridge address (as daemon.json's bip, e.g. 172.26.0.1/16)
 * @param defaultAddressPools the daemon's default-address-pools
 * @param failOn     error | warning | note | none: the default for --fail-on
 * @param hosts      host name → globs of the files that describe that host (topology)
 * @param segments   LANs shared by hosts' parent interfaces (topology)
 * @param reportUnusedDisables true: report directives that suppressed nothing (as --report-unused-disables)
 * @param envFromProcess true: resolve ${VAR} from the process environment too (as --env-from-process)
 * @param maxFindingsPerFile findings reported per file at most (as --max-findings-per-file)
 * @param profiles   compose profiles to analyse, as docker compose --profile (the --profile option wins)
 * @param projects   compose projects assembled from several files, declared explicitly
 * @param ownedPublicBlocks public CIDRs the site owns: container networks inside them are deliberate (NL111)
 * @param documents  which Markdown files are read in order and which hold independent examples
 * @param freeSubnetCandidates CIDR blocks fixes may move clashing subnets into (default: RFC 1918 outside
 *                   Docker's default pools, and fd00::/8)
 */
public record NetlintConfig(
        @JsonProperty("rules") Map<String, ConfigValue> rules,
        @JsonProperty("ignore") List<String> ignore,
        @JsonProperty("hostNetworks") List<ConfigValue> hostNetworks,
        @JsonProperty("bip") ConfigValue bip,
        @JsonProperty("defaultAddressPools") List<Pool> defaultAddressPools,
        @JsonProperty("failOn") ConfigValue failOn,
        @JsonProperty("hosts") Map<String, List<String>> hosts,
        @JsonProperty("segments") List<SegmentConfig> segments,
        @JsonProperty("reportUnusedDisables") Boolean reportUnusedDisables,
        @JsonProperty("envFromProcess") Boolean envFromProcess,
        @JsonProperty("maxFindingsPerFile") Integer maxFindingsPerFile,
        @JsonProperty("profiles") List<String> profiles,
        @JsonProperty("projects") List<ProjectConfig> projects,
        @JsonProperty("ownedPublicBlocks") List<ConfigValue> ownedPublicBlocks,
        @JsonProperty("documents") Documents documents,
        @JsonProperty("freeSubnetCandidates") List<ConfigValue> freeSubnetCandidates) {

    /** A compose project declared explicitly: its files in merge order, profiles to run, env files. */
    public record ProjectConfig(@JsonProperty(value = "files", required = true) List<String> files,
                                @JsonProperty("profiles") List<String> profiles,
                                @JsonProperty("env_file") @com.fasterxml.jackson.annotation.JsonFormat(
                                        with = com.fasterxml.jackson.annotation.JsonFormat.Feature
                                                .ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> envFile) {
        public ProjectConfig {
            files = files == null ? List.of() : List.copyOf(files);
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
            envFile = envFile == null ? List.of() : List.copyOf(envFile);
        }
    }

    /**
     * Globs of Markdown files whose shell blocks run in order (sequential) or each stand alone
     * (independent). A file matched by both is independent.
     */
    public record Documents(@JsonProperty("sequential") List<String> sequential,
                            @JsonProperty("independent") List<String> independent) {
        public Documents {
            sequential = sequential == null ? List.of() : List.copyOf(sequential);
            independent = independent == null ? List.of() : List.copyOf(independent);
        }
    }

    /** One default address pool: a base block and the prefix length carved out of it. */
    public record Pool(@JsonProperty(value = "base", required = true) ConfigValue base,
                       @JsonProperty(value = "size", required = true) ConfigValue size) {
    }

    /** A LAN segment shared by hosts (for the topology rules). */
    public record SegmentConfig(@JsonProperty(value = "name", required = true) String name,
                                @JsonProperty("hosts") List<String> hosts,
                                @JsonProperty("subnet") ConfigValue subnet,
                                @JsonProperty("gateway") ConfigValue gateway,
                                @JsonProperty("reserved") List<ConfigValue> reserved) {
        public SegmentConfig {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
            reserved = reserved == null ? List.of() : List.copyOf(reserved);
        }
    }

    public NetlintConfig {
        rules = rules == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        hostNetworks = hostNetworks == null ? List.of() : List.copyOf(hostNetworks);
        defaultAddressPools = defaultAddressPools == null ? List.of() : List.copyOf(defaultAddressPools);
        hosts = hosts == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hosts));
        segments = segments == null ? List.of() : List.copyOf(segments);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        projects = projects == null ? List.of() : List.copyOf(projects);
        ownedPublicBlocks = ownedPublicBlocks == null ? List.of() : List.copyOf(ownedPublicBlocks);
        documents = documents == null ? new Documents(null, null) : documents;
        freeSubnetCandidates = freeSubnetCandidates == null ? List.of() : List.copyOf(freeSubnetCandidates);
    }

    public static NetlintConfig empty() {
        return new NetlintConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A loaded configuration together with where it came from. */
    public record Loaded(NetlintConfig config, Path file, String displayName) {
        /** The directory relative globs in the file are resolved against. */
        public Path directory() {
            Path parent = file.toAbsolutePath().normalize().getParent();
            return parent == null ? file.toAbsolutePath() : parent;
        }
    }
}
