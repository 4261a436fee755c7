package dev.netlint.ingest.shell;

import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.List;
import java.util.Set;

/**
 * Turns docker CLI invocations into model operations, in order. Only the commands that shape
 * networking are read; others are ignored. Global options that point the CLI at another daemon
 * ({@code -H}, {@code --context}) make the command unknown, so it is skipped.
 *
 * <p>This class strips wrappers, parses the global options and dispatches; each family of
 * subcommands is read by its own class ({@link ContainerCommands}, {@link NetworkCommands},
 * {@link SwarmCommands}).
 */
final class DockerCli {
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "time", "nohup", "exec", "command", "builtin");
    private static final Set<String> SUDO_VALUE_FLAGS = Set.of("-u", "-g", "-p", "-U", "-C", "-D", "-r", "-t", "-T", "-h");

    private final CliContext cx;
    private final ContainerCommands containers;
    private final NetworkCommands networks;
    private final SwarmCommands swarm;

    DockerCli(ShellSource source, Project project) {
        this.cx = new CliContext(source, project);
        this.containers = new ContainerCommands(cx);
        this.networks = new NetworkCommands(cx);
        this.swarm = new SwarmCommands(cx);
    }

    /** Whether a command name is the docker CLI ({@code docker}, {@code /usr/bin/docker}). */
    static boolean isDockerBinary(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.equals("docker");
    }

    void apply(ShellCommand cmd) {
        List<ShellWord> w = cmd.words();
        int i = 0;
        // sudo docker ..., env X=1 docker ..., time docker ...
        for (int guard = 0; guard < 8 && i < w.size() && !w.get(i).unknown() && WRAPPERS.contains(w.get(i).value()); guard++) {
            String wrapper = w.get(i).value();
            i++;
            while (i < w.size() && !w.get(i).unknown()) {
                String v = w.get(i).value();
                if (v.startsWith("-")) {
                    i += wrapper.equals("sudo") && SUDO_VALUE_FLAGS.contains(v) ? 2 : 1;
                } else if (wrapper.equals("env") && v.contains("=")) {
                    i++;
                } else {
                    break;
                }
            }
        }
        if (i >= w.size() || w.get(i).unknown() || !isDockerBinary(w.get(i).value())) {
            return;
        }
        SourceLocation where = cx.source.location(cmd.start(), cmd.end());
        boolean cond = cmd.conditional();
        FlagSpec.Parsed global = parse(DockerFlags.GLOBAL, w, i + 1, "docker", where, cond, false);
        if (!global.runs() || global.firstPositional() < 0) {
            return;
        }
        int sub = global.firstPositional();
        if (w.get(sub).unknown()) {
            return;
        }
        // -H/--context point the CLI at another daemon: not this host; its refusals still count
        boolean elsewhere = global.has("host") || global.has("context");
        Invocation at = new Invocation(w, where, cond, elsewhere, hasPlaceholders(cmd));
        String name = w.get(sub).value();
        String action = sub + 1 < w.size() && !w.get(sub + 1).unknown() ? w.get(sub + 1).value() : "";
        switch (name) {
            case "run" -> at.command(DockerFlags.RUN, sub + 1, "docker run").then(c -> containers.run(c, true));
            case "create" -> at.command(DockerFlags.CREATE, sub + 1, "docker create")
                    .then(c -> containers.run(c, false));
            case "start" -> at.command(DockerFlags.START, sub + 1, "docker start");
            case "rm" -> at.command(DockerFlags.RM, sub + 1, "docker rm").then(containers::remove);
            case "container" -> {
                int from = sub + 2;
                switch (action) {
                    case "run" -> at.command(DockerFlags.RUN, from, "docker container run")
                            .then(c -> containers.run(c, true));
                    case "create" -> at.command(DockerFlags.CREATE, from, "docker container create")
                            .then(c -> containers.run(c, false));
                    case "start" -> at.command(DockerFlags.START, from, "docker container start");
                    case "rm", "remove" -> at.command(DockerFlags.RM, from, "docker container rm")
                            .then(containers::remove);
                    case "prune" -> {
                        if (at.command(DockerFlags.CONTAINER_PRUNE, from, "docker container prune").effective()) {
                            cx.project.add(new Operation.RemoveContainer(Text.unknown("prune", where), where, cond));
                        }
                    }
                    default -> { }
                }
            }
            case "network" -> {
                int from = sub + 2;
                switch (action) {
                    case "create" -> at.command(DockerFlags.NETWORK_CREATE, from, "docker network create")
                            .then(networks::create);
                    case "connect" -> at.command(DockerFlags.NETWORK_CONNECT, from, "docker network connect")
                            .then(networks::connect);
                    case "disconnect" -> at.command(DockerFlags.NETWORK_DISCONNECT, from, "docker network disconnect")
                            .then(networks::disconnect);
                    case "rm", "remove" -> at.command(DockerFlags.NETWORK_RM, from, "docker network rm")
                            .then(networks::remove);
                    case "ls", "list" -> at.command(DockerFlags.NETWORK_LS, from, "docker network ls");
                    case "inspect" -> at.command(DockerFlags.NETWORK_INSPECT, from, "docker network inspect");
                    case "prune" -> {
                        if (at.command(DockerFlags.NETWORK_PRUNE, from, "docker network prune").effective()) {
                            cx.project.add(new Operation.RemoveNetwork(Text.unknown("prune", where), where, cond));
                        }
                    }
                    default -> { }
                }
            }
            case "system" -> {
                if (action.equals("prune")
                        && at.command(DockerFlags.SYSTEM_PRUNE, sub + 2, "docker system prune").effective()) {
                    cx.project.add(new Operation.RemoveContainer(Text.unknown("prune", where), where, cond));
                    cx.project.add(new Operation.RemoveNetwork(Text.unknown("prune", where), where, cond));
                }
            }
            case "service" -> {
                if (action.equals("create")) {
                    at.command(DockerFlags.SERVICE_CREATE, sub + 2, "docker service create").then(swarm::service);
                }
            }
            case "swarm" -> {
                if (action.equals("init")) {
                    at.command(DockerFlags.SWARM_INIT, sub + 2, "docker swarm init").then(swarm::init);
                } else if (action.equals("join") && !elsewhere) {
                    cx.project.add(new Operation.SwarmInit(List.of(), where, true));
                }
            }
            default -> { }
        }
    }

    /**
     * Whether the command's lines hold a documentation placeholder such as {@code <network-name>}: the
     * shell reads it as a redirection, so the words docker would get are not the ones meant.
     */
    private boolean hasPlaceholders(ShellCommand cmd) {
        String text = cx.source.text();
        int end = text.indexOf('\n', Math.min(cmd.end(), text.length()));
        String raw = text.substring(Math.min(cmd.start(), text.length()), end < 0 ? text.length() : end);
        return ANGLE_PLACEHOLDER.matcher(raw).find();
    }

    private static final java.util.regex.Pattern ANGLE_PLACEHOLDER =
            java.util.regex.Pattern.compile("<[A-Za-z][A-Za-z0-9 _.:/-]*>");

    /** One docker command line: its words, location, whether it may not run, and whether it targets another daemon. */
    private final class Invocation {
        private final List<ShellWord> words;
        private final SourceLocation where;
        private final boolean conditional;
        private final boolean elsewhere;
        private final boolean template;

        Invocation(List<ShellWord> words, SourceLocation where, boolean conditional, boolean elsewhere,
                   boolean template) {
            this.words = words;
            this.where = where;
            this.conditional = conditional;
            this.elsewhere = elsewhere;
            this.template = template;
        }

        /** Parses the subcommand's arguments; a refusal is recorded as the command's only effect. */
        Command command(FlagSpec spec, int from, String shownPath) {
            FlagSpec.Parsed p = parse(spec, words, from, shownPath, where, conditional, template);
            return new Command(p, where, conditional, p.runs() && !elsewhere);
        }
    }

    /** A parsed subcommand; {@code effective} when it runs on this host. */
    record Command(FlagSpec.Parsed p, SourceLocation where, boolean cond, boolean effective) {
        /** Reads the command into the model only when it runs on this host. */
        void then(java.util.function.Consumer<Command> reader) {
            if (effective) {
                reader.accept(this);
            }
        }
    }

    private FlagSpec.Parsed parse(FlagSpec spec, List<ShellWord> w, int from, String shownPath, SourceLocation where,
                                  boolean cond, boolean template) {
        FlagSpec.Parsed p = spec.parse(w, from, shownPath, template);
        FlagSpec.Refusal r = p.refusal();
        if (r != null) {
            SourceLocation at = r.at() == null ? where : cx.loc(r.at());
            cx.project.add(new Operation.Refused("docker", shownPath, r.message(), r.hint(), at, cond));
        }
        return p;
    }
}
