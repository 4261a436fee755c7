package dev.netlint.model;

import java.util.List;

/**
 * One command of a sequential project, in the order it runs. {@code conditional} marks a command
 * that may or may not run (inside an if/case/loop/function body, or after {@code ||}): a simulation
 * must not assume its effect, and must not judge it against state it cannot be sure of.
 */
public sealed interface Operation {
    SourceLocation location();

    boolean conditional();

    /** docker network create; {@code name} is the name as written (it may be unknown). */
    record CreateNetwork(Network network, Text name, SourceLocation location, boolean conditional)
            implements Operation { }

    /** docker network rm; an unknown name may remove any network. */
    record RemoveNetwork(Text network, SourceLocation location, boolean conditional) implements Operation { }

    /**
     * docker run / docker create. {@code networks} lists every --network given, in order;
     * {@code ipv4}/{@code ipv6} are the --ip/--ip6 flags whatever the network (null when absent);
     * {@code opaque} is set when some flags could not be read (an unresolved {@code $OPTS}), so
     * the container's final settings are not fully known.
     */
    record RunContainer(Container container, List<Text> networks, boolean start, AddressValue ipv4,
                        AddressValue ipv6, boolean opaque, SourceLocation location, boolean conditional,
                        List<Text> aliases)
            implements Operation {
        /** A run whose aliases are the container's --network-alias values. */
        public RunContainer(Container container, List<Text> networks, boolean start, AddressValue ipv4,
                            AddressValue ipv6, boolean opaque, SourceLocation location, boolean conditional) {
            this(container, networks, start, ipv4, ipv6, opaque, location, conditional, container.networkAliases());
        }
    }

    /** docker network connect. */
    record Connect(Text network, Text container, AddressValue ipv4, AddressValue ipv6, List<Text> aliases,
                   SourceLocation location, boolean conditional) implements Operation { }

    /** docker network disconnect. */
    record Disconnect(Text network, Text container, SourceLocation location, boolean conditional)
            implements Operation { }

    /** docker rm of a container; an unknown name may remove any container. */
    record RemoveContainer(Text container, SourceLocation location, boolean conditional) implements Operation { }

    /** docker swarm init (or join, which is always {@code conditional}: the node may be a worker). */
    record SwarmInit(List<AddressValue> defaultAddrPools, SourceLocation location, boolean conditional)
            implements Operation { }

    /** docker service create. */
    record CreateService(Container service, List<Text> networks, SourceLocation location, boolean conditional)
            implements Operation { }

    /**
     * A command that the deploy tool refuses before anything reaches the daemon (an unknown flag, a
     * missing value, the wrong number of arguments): none of it takes effect. {@code tool} and
     * {@code command} name it as written ("docker", "docker network create"); {@code message} is the
     * tool's own words; {@code hint} a likely correction ("did you mean -o?") or null.
     */
    record Refused(String tool, String command, String message, String hint, SourceLocation location,
                   boolean conditional) implements Operation { }
}
