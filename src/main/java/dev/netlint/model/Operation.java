package dev.netlint.model;

import java.util.List;

/** One command of a sequential project, in the order it runs. */
public sealed interface Operation {
    SourceLocation location();

    /** docker network create. */
    record CreateNetwork(Network network, SourceLocation location) implements Operation { }

    /** docker network rm. */
    record RemoveNetwork(Text network, SourceLocation location) implements Operation { }

    /** docker run / docker create; {@code networks} lists every --network given, in order. */
    record RunContainer(Container container, List<Text> networks, boolean start, SourceLocation location)
            implements Operation { }

    /** docker network connect. */
    record Connect(Text network, Text container, AddressValue ipv4, AddressValue ipv6, List<Text> aliases,
                   SourceLocation location) implements Operation { }

    /** docker network disconnect. */
    record Disconnect(Text network, Text container, SourceLocation location) implements Operation { }

    /** docker rm of a container. */
    record RemoveContainer(Text container, SourceLocation location) implements Operation { }

    /** docker swarm init: from here on overlay networks can be created. */
    record SwarmInit(List<AddressValue> defaultAddrPools, SourceLocation location) implements Operation { }

    /** docker service create. */
    record CreateService(Container service, List<Text> networks, SourceLocation location) implements Operation { }
}
