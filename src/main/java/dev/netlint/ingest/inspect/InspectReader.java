package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.ingest.daemonjson.DaemonJsonReader;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.SkippedInput;
import dev.netlint.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code docker network inspect}, {@code docker inspect} (containers) and
 * {@code podman network inspect} output, streaming with Jackson: the text of a dump is never held
 * whole, only one array element's fields at a time. Each file becomes one OBSERVED project on the
 * host the configuration assigns to it (by default, the file is its own host).
 *
 * <p>Files are recognised by content. A {@code *.json} file found while walking a directory is
 * claimed by name and then judged by content: a daemon.json object goes to
 * {@link DaemonJsonReader}; JSON that is not Docker output at all (package.json, tsconfig.json, a
 * data file) is left alone silently; an array of Docker objects of another kind (volumes, images)
 * is recorded as a skipped input, which NL004 reports as a note.
 */
public final class InspectReader implements InputReader {
    /** How much of a file content sniffing looks at. */
    static final int SNIFF_BYTES = 16 * 1024;

    @Override
    public String format() {
        return "inspect";
    }

    @Override
    public boolean claimsByName(Path path) {
        return InputReader.hasExtension(path, ".json");
    }

    @Override
    public boolean claimsByContent(SourceFile file, byte[] head) {
        return JsonShape.sniff(head).isInspectOutput();
    }

    @Override
    public void read(SourceFile file, IngestContext context) throws InputException {
        prepare(file).apply(context);
    }

    /**
     * Parses the whole dump without touching the model (so files can be parsed on several threads);
     * the result adds the file's networks and containers to the model in file order. A parse error
     * is thrown by the result, after what was read before it, as a sequential read would.
     */
    @Override
    public Prepared prepare(SourceFile file) throws InputException {
        JsonShape shape;
        try {
            shape = JsonShape.sniff(file.head(SNIFF_BYTES));
        } catch (IOException e) {
            throw new InputException(0, 0, "cannot read: " + e.getMessage());
        }
        if (shape == JsonShape.DAEMON_CONFIG) {
            return context -> new DaemonJsonReader().read(file, context);
        }
        if (!shape.isInspectOutput()) {
            return context -> { }; // not Docker output (or an empty array): nothing to check, nothing to say
        }
        Session session = new Session(file);
        session.run();
        return session::apply;
    }

    /** One file being read: parsed first ({@link #run}), then added to a model ({@link #apply}). */
    private static final class Session {
        private final SourceFile file;
        private final String name;
        /** Networks and containers in file order. */
        private final List<Object> items = new ArrayList<>();
        private final Map<Network, String> configFrom = new LinkedHashMap<>();
        private final ParseContext cx;
        private int skippedElements;
        private SourceLocation firstSkipped;
        private String skippedKind;
        private InputException failure;

        Session(SourceFile file) {
            this.file = file;
            this.name = file.displayName();
            this.cx = new ParseContext(name);
        }

        void run() {
            try {
                parse();
            } catch (InputException e) {
                failure = e;
            }
        }

        void apply(IngestContext context) throws InputException {
            if (!items.isEmpty()) {
                Project project = new Project(name, Project.Kind.OBSERVED, SourceLocation.of(name, 1, 1),
                        context.hostOf(name));
                context.model().add(project);
                for (Object item : items) {
                    if (item instanceof Network n) {
                        project.add(n);
                    } else {
                        project.add((Container) item);
                    }
                }
                resolveConfigFrom(project);
            }
            if (skippedElements > 0) {
                String what = skippedKind != null ? skippedKind : "not network or container inspect output";
                String count = skippedElements == 1 ? "1 element" : skippedElements + " elements";
                context.model().skipped(new SkippedInput(firstSkipped, count + " of this array "
                        + (skippedElements == 1 ? "is " : "are ") + what
                        + "; netlint reads `docker network inspect`, `docker inspect` of containers and "
                        + "`podman network inspect`, so " + (skippedElements == 1 ? "it was" : "they were")
                        + " skipped"));
            }
            if (failure != null) {
                throw failure;
            }
        }

        /** A network made with --config-from takes its IPAM and options from the config-only network. */
        private void resolveConfigFrom(Project project) {
            for (Map.Entry<Network, String> cf : configFrom.entrySet()) {
                Network n = cf.getKey();
                project.network(cf.getValue()).ifPresent(src -> {
                    if (n.pools().isEmpty()) {
                        src.pools().forEach(n::pool);
                    }
                    src.options().forEach((k, v) -> {
                        if (!n.options().containsKey(k)) {
                            n.option(k, v);
                        }
                    });
                });
            }
        }

        private void parse() throws InputException {
            Json.read(file, "inspect output", this::array);
        }

        private void array(JsonParser p) throws IOException, InputException {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new InputException(p.currentLocation().getLineNr(), p.currentLocation().getColumnNr(),
                            "invalid JSON in inspect output: unexpected end of the file (truncated JSON?)");
                }
                if (t != JsonToken.START_OBJECT) {
                    skip(Json.here(p, name), Json.kind(t));
                    p.skipChildren();
                    continue;
                }
                element(p);
            }
            if (p.nextToken() != null) {
                throw new InputException(p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(),
                        "invalid JSON in inspect output: more content after the top-level array");
            }
        }

        private void skip(SourceLocation where, String kind) {
            if (skippedElements++ == 0) {
                firstSkipped = where;
                skippedKind = kind;
            }
        }

        /** Reads one array element; the parser is on its START_OBJECT. */
        private void element(JsonParser p) throws IOException {
            SourceLocation start = Json.here(p, name);
            Element e = new Element(start);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                e.keys.add(key); // kept only if it tells what the element is
                p.nextToken();
                field(p, key, e);
            }
            JsonShape kind = JsonShape.ofElement(e.keys);
            switch (kind) {
                case DOCKER_NETWORKS -> {
                    Network n = DockerNetworkParser.network(e);
                    if (e.configFrom != null) {
                        configFrom.put(n, e.configFrom);
                    }
                    items.add(n);
                }
                case PODMAN_NETWORKS -> items.add(PodmanNetworkParser.network(e));
                case CONTAINERS -> items.add(ContainerParser.container(e));
                case OTHER_DOCKER_OBJECTS -> skip(start, JsonShape.describeOther(e.keys));
                default -> skip(start, "not network or container inspect output");
            }
        }

        /** One field, whatever the element turns out to be: its kind is known only at its end. */
        private void field(JsonParser p, String key, Element e) throws IOException {
            switch (key) {
                case "Name" -> e.name = Json.scalar(p, name);
                case "name" -> e.podName = Json.scalar(p, name);
                case "Id", "id" -> {
                    // a prefix is as unique as the whole random id, and a fleet's worth of ids stays small
                    e.id = Json.prefix(p, 24);
                }
                case "Driver" -> e.driver = Json.word(p, name, cx.words);
                case "driver" -> e.podDriver = Json.word(p, name, cx.words);
                case "EnableIPv6", "ipv6_enabled" -> {
                    e.ipv6Location = Json.here(p, name);
                    e.ipv6 = Json.bool(p);
                }
                case "Internal", "internal" -> e.internal = Json.bool(p);
                case "Attachable" -> e.attachable = Json.bool(p);
                case "ConfigOnly" -> {
                    SourceLocation at = Json.here(p, name);
                    e.configOnlyLocation = Boolean.TRUE.equals(Json.bool(p)) ? at : null;
                }
                case "IPAM" -> DockerNetworkParser.ipam(p, cx, e);
                case "Options", "options" -> e.options = cx.stringMap(p);
                case "Containers" -> DockerNetworkParser.endpoints(p, cx, e);
                case "ConfigFrom" -> e.configFrom = DockerNetworkParser.configFrom(p);
                case "network_interface" -> e.networkInterface = Json.string(p, name);
                case "subnets" -> PodmanNetworkParser.subnets(p, cx, e);
                case "HostConfig" -> ContainerParser.hostConfig(p, cx, e);
                case "NetworkSettings" -> ContainerParser.networkSettings(p, cx, e);
                default -> p.skipChildren();
            }
        }
    }
}
