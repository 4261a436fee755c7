package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a JSON input is, judged by content: the shape of the top level and the keys of the first
 * objects. Used to claim files by content and to decide, per array element, how to read it.
 */
public enum JsonShape {
    /** An array of {@code docker network inspect} objects. */
    DOCKER_NETWORKS,
    /** An array of {@code docker inspect} container objects. */
    CONTAINERS,
    /** An array of {@code podman network inspect} objects. */
    PODMAN_NETWORKS,
    /** An array of docker/podman objects of another kind (volumes, images, services...). */
    OTHER_DOCKER_OBJECTS,
    /** A daemon.json object. */
    DAEMON_CONFIG,
    /** {@code []}: inspect output that matched nothing. */
    EMPTY_ARRAY,
    /** JSON (or not) that is none of the above: package.json, tsconfig.json, data files. */
    UNRELATED;

    /** Keys only daemon.json has at its top level (generic words like "debug" or "labels" are left out). */
    static final Set<String> DAEMON_KEYS = Set.of(
            "bip", "fixed-cidr", "fixed-cidr-v6", "default-address-pools", "icc", "ip", "ipv6", "ip6tables",
            "userland-proxy", "userland-proxy-path", "iptables", "ip-forward", "ip-masq", "mtu", "bridge",
            "default-gateway", "default-gateway-v6", "dns", "dns-opts", "dns-search", "log-driver", "log-opts",
            "log-level", "storage-driver", "storage-opts", "data-root", "graph", "exec-root", "registry-mirrors",
            "insecure-registries", "live-restore", "default-runtime", "runtimes", "exec-opts", "userns-remap",
            "default-ulimits", "max-concurrent-downloads", "max-concurrent-uploads", "cgroup-parent",
            "containerd", "default-shm-size", "seccomp-profile", "default-cgroupns-mode", "tlsverify",
            "tlscacert", "tlscert", "tlskey", "metrics-addr", "no-new-privileges", "selinux-enabled",
            "swarm-default-advertise-addr", "authorization-plugins", "allow-nondistributable-artifacts",
            "node-generic-resources", "oom-score-adjust", "shutdown-timeout", "default-network-opts");

    public boolean isInspectOutput() {
        return this == DOCKER_NETWORKS || this == CONTAINERS || this == PODMAN_NETWORKS
                || this == OTHER_DOCKER_OBJECTS;
    }

    /** The keys {@link #ofElement} and {@link #describeOther} look at; a reader need only track these. */
    static final List<String> SHAPE_KEYS = List.of("Args", "Created", "CreatedAt", "Driver", "HostConfig", "ID",
            "IPAM", "Id", "Image", "Labels", "Mountpoint", "Name", "NetworkSettings", "Path", "RepoTags", "RootFS",
            "Scope", "Spec", "State", "Version", "created", "driver", "id", "name", "network_interface", "subnets");
    private static final Map<String, Integer> SHAPE_KEY_BITS = new HashMap<>();

    static {
        for (int i = 0; i < SHAPE_KEYS.size(); i++) {
            SHAPE_KEY_BITS.put(SHAPE_KEYS.get(i), i);
        }
    }

    /**
     * The shape keys an element holds, as bits: a reader adds every key it meets, and a fleet's
     * million elements cost a long each instead of a hash set.
     */
    static final class ShapeKeys extends AbstractSet<String> {
        private long bits;

        @Override
        public boolean add(String key) {
            Integer bit = SHAPE_KEY_BITS.get(key);
            if (bit == null || (bits & (1L << bit)) != 0) {
                return false;
            }
            bits |= 1L << bit;
            return true;
        }

        @Override
        public boolean contains(Object key) {
            Integer bit = SHAPE_KEY_BITS.get(key);
            if (bit == null) {
                throw new IllegalArgumentException(key + " is not one of JsonShape.SHAPE_KEYS");
            }
            return (bits & (1L << bit)) != 0;
        }

        @Override
        public Iterator<String> iterator() {
            List<String> held = new ArrayList<>();
            for (int i = 0; i < SHAPE_KEYS.size(); i++) {
                if ((bits & (1L << i)) != 0) {
                    held.add(SHAPE_KEYS.get(i));
                }
            }
            return held.iterator();
        }

        @Override
        public int size() {
            return Long.bitCount(bits);
        }
    }

    /** Classifies one array element by the keys it has (or, while sniffing, the keys seen so far). */
    public static JsonShape ofElement(Set<String> keys) {
        if (keys.contains("IPAM") || (keys.contains("Scope") && keys.contains("Driver") && !keys.contains("Mountpoint"))) {
            return DOCKER_NETWORKS;
        }
        if (keys.contains("HostConfig") || keys.contains("NetworkSettings")
                || (keys.contains("State") && keys.contains("Image"))
                || (keys.contains("Path") && keys.contains("Args"))) {
            return CONTAINERS;
        }
        if (keys.contains("network_interface") || keys.contains("subnets")
                || (keys.contains("name") && keys.contains("driver") && keys.contains("id"))) {
            return PODMAN_NETWORKS;
        }
        boolean named = keys.contains("Id") || keys.contains("ID") || keys.contains("Name") || keys.contains("name");
        boolean dockerish = keys.contains("Created") || keys.contains("CreatedAt") || keys.contains("Mountpoint")
                || keys.contains("RepoTags") || keys.contains("Spec") || keys.contains("Labels")
                || keys.contains("Driver") || keys.contains("Scope") || keys.contains("created");
        return named && dockerish ? OTHER_DOCKER_OBJECTS : UNRELATED;
    }

    /** What the elements of an unrecognised docker array probably are, for the NL004 note. */
    static String describeOther(Set<String> keys) {
        if (keys.contains("Mountpoint")) {
            return "`docker volume inspect` output";
        }
        if (keys.contains("RepoTags") || keys.contains("RootFS")) {
            return "`docker image inspect` output";
        }
        if (keys.contains("Spec") && keys.contains("Version")) {
            return "swarm object output (`docker service/node/secret inspect`)";
        }
        return "docker/podman output of another kind of object";
    }

    /** Sniffs the first bytes of a file. Never throws: a truncated head is judged by what it shows. */
    public static JsonShape sniff(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
            i++;
        }
        if (i >= head.length || (head[i] != '[' && head[i] != '{')) {
            return UNRELATED;
        }
        Set<String> keys = new LinkedHashSet<>();
        try (JsonParser p = Json.openHead(head)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                return sniffDaemon(p);
            }
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                return p.nextToken() == null ? EMPTY_ARRAY : UNRELATED;
            }
            if (t != JsonToken.START_OBJECT) {
                return UNRELATED;
            }
            collectKeys(p, keys);
            return ofElement(keys);
        } catch (IOException | RuntimeException e) {
            // The head ends mid-document, or the text is not JSON: judge by the keys seen so far.
            JsonShape s = ofElement(keys);
            return s;
        }
    }

    private static JsonShape sniffDaemon(JsonParser p) throws IOException {
        try {
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                if (DAEMON_KEYS.contains(p.currentName())) {
                    return DAEMON_CONFIG;
                }
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException e) {
            return UNRELATED;
        }
        return UNRELATED;
    }

    /** Field names of the current object (depth 1 only); stops at its end. */
    private static void collectKeys(JsonParser p, Set<String> keys) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            keys.add(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
    }
}
