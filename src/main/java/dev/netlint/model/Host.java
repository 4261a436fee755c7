package dev.netlint.model;

import java.util.ArrayList;
import java.util.List;

/** A machine running a daemon. Projects name their host; hosts carry the daemon's configuration. */
public final class Host {
    private final String name;
    private DaemonSettings daemon;
    private final List<AddressValue> hostAddresses = new ArrayList<>();

    public Host(String name) {
        this.name = name;
    }

    public String name() { return name; }
    /** daemon.json for this host, or null when none was given. */
    public DaemonSettings daemon() { return daemon; }
    public Host daemon(DaemonSettings d) { this.daemon = d; return this; }
    /** The host's own addresses on its LANs, when configured. */
    public List<AddressValue> hostAddresses() { return hostAddresses; }
}
