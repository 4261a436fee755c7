package dev.netlint.ingest.shell;

import java.util.List;

/**
 * The flags of the docker CLI commands netlint reads, transcribed from docker/cli at v20.10.24 (the
 * Debian client), plus the flags later releases added, marked {@code since=}. Facts only: for each flag
 * its long name, shorthand, pflag type, hidden/deprecated state and annotations. See docs/cli-flags.md
 * for the source files and what changed up to the current release.
 */
final class DockerFlags {
    private DockerFlags() {
    }

    /** cobra's persistent {@code --help}, with {@code -h} (shorthand deprecated) on every command but run/create. */
    private static final String HELP = """
            help                    h  bool   hidden
            """;

    /** cmd/docker and cli/flags: what may come between {@code docker} and the subcommand. */
    static final FlagSpec GLOBAL = new FlagSpec("docker", false, FlagSpec.Args.ANY, true, """
            config                  -  string
            context                 c  string
            debug                   D  bool
            host                    H  list
            log-level               l  string
            tls                     -  bool
            tlscacert               -  value
            tlscert                 -  value
            tlskey                  -  value
            tlsverify               -  bool
            version                 v  bool
            """ + HELP);

    /** cli/command/container/opts.go addFlags: shared by run and create. */
    private static final String CONTAINER = """
            add-host                -  list
            annotation              -  map    api=1.43 since=24.0
            attach                  a  list
            blkio-weight            -  uint16
            blkio-weight-device     -  list
            cap-add                 -  list
            cap-drop                -  list
            cgroup-parent           -  string
            cgroupns                -  string api=1.41
            cidfile                 -  string
            cpu-count               -  int64  os=windows
            cpu-percent             -  int64  os=windows
            cpu-period              -  int64
            cpu-quota               -  int64
            cpu-rt-period           -  int64  api=1.25
            cpu-rt-runtime          -  int64  api=1.25
            cpu-shares              c  int64
            cpus                    -  value  api=1.25
            cpuset-cpus             -  string
            cpuset-mems             -  string
            device                  -  list
            device-cgroup-rule      -  list
            device-read-bps         -  list
            device-read-iops        -  list
            device-write-bps        -  list
            device-write-iops       -  list
            dns                     -  list
            dns-opt                 -  list   hidden as=dns-option
            dns-option              -  list
            dns-search              -  list
            domainname              -  string
            entrypoint              -  string
            env                     e  list
            env-file                -  list
            expose                  -  list
            gpus                    -  list   api=1.40
            group-add               -  list
            health-cmd              -  string
            health-interval         -  duration
            health-retries          -  int
            health-start-interval   -  duration api=1.44 since=25.0
            health-start-period     -  duration api=1.29
            health-timeout          -  duration
            hostname                h  string
            init                    -  bool   api=1.25
            interactive             i  bool
            io-maxbandwidth         -  value  os=windows
            io-maxiops              -  uint64 os=windows
            ip                      -  string
            ip6                     -  string
            ipc                     -  string
            isolation               -  string
            kernel-memory           -  value  deprecated=29.0
            label                   l  list
            label-file              -  list
            link                    -  list
            link-local-ip           -  list
            log-driver              -  string
            log-opt                 -  list
            mac-address             -  string
            memory                  m  value
            memory-reservation      -  value
            memory-swap             -  value
            memory-swappiness       -  int64
            mount                   -  list
            net                     -  list   hidden as=network
            net-alias               -  list   hidden as=network-alias
            network                 -  list
            network-alias           -  list
            no-healthcheck          -  bool
            oom-kill-disable        -  bool
            oom-score-adj           -  int
            pid                     -  string
            pids-limit              -  int64
            privileged              -  bool
            publish                 p  list
            publish-all             P  bool
            read-only               -  bool
            restart                 -  string
            rm                      -  bool
            runtime                 -  string
            security-opt            -  list
            shm-size                -  value
            stop-signal             -  string
            stop-timeout            -  int    api=1.25
            storage-opt             -  list
            sysctl                  -  map
            tmpfs                   -  list
            tty                     t  bool
            ulimit                  -  list
            user                    u  string
            userns                  -  string
            uts                     -  string
            volume                  v  list
            volume-driver           -  string
            volumes-from            -  list
            workdir                 w  string
            """;

    /** Flags run and create add beside addFlags (their own --help has no -h: that is --hostname). */
    private static final String CREATE_OWN = """
            disable-content-trust   -  bool   deprecated=29.0
            help                    -  bool
            name                    -  string
            platform                -  string api=1.32
            pull                    -  string
            quiet                   q  bool   since=23.0
            use-api-socket          -  bool   since=28.1
            """;

    /** cli/command/container/run.go: flags stop at the image. */
    static final FlagSpec RUN = new FlagSpec("docker run", false, FlagSpec.Args.atLeast(1), true, CONTAINER
            + CREATE_OWN + """
            detach                  d  bool
            detach-keys             -  string
            sig-proxy               -  bool
            """);

    /** cli/command/container/create.go. */
    static final FlagSpec CREATE = new FlagSpec("docker create", false, FlagSpec.Args.atLeast(1), true, CONTAINER
            + CREATE_OWN);

    /** cli/command/container/start.go. */
    static final FlagSpec START = new FlagSpec("docker start", true, FlagSpec.Args.atLeast(1), true, """
            attach                  a  bool
            checkpoint              -  string experimental os=linux
            checkpoint-dir          -  string experimental os=linux
            detach-keys             -  string
            interactive             i  bool
            """ + HELP);

    /** cli/command/container/rm.go. */
    static final FlagSpec RM = new FlagSpec("docker rm", true, FlagSpec.Args.atLeast(1), true, """
            force                   f  bool
            link                    l  bool
            volumes                 v  bool
            """ + HELP);

    /** cli/command/container/prune.go (the command needs API 1.25). */
    static final FlagSpec CONTAINER_PRUNE = new FlagSpec("docker container prune", true, FlagSpec.Args.NONE, true,
            """
            filter                  -  list
            force                   f  bool
            """ + HELP);

    /** cli/command/network/create.go. */
    static final FlagSpec NETWORK_CREATE = new FlagSpec("docker network create", true, FlagSpec.Args.exactly(1), true,
            """
            attachable              -  bool   api=1.25
            aux-address             -  map
            config-from             -  string api=1.30
            config-only             -  bool   api=1.30
            driver                  d  string
            gateway                 -  slice
            ingress                 -  bool   api=1.29
            internal                -  bool
            ip-range                -  slice
            ipam-driver             -  string
            ipam-opt                -  map
            ipv4                    -  bool   since=28.0
            ipv6                    -  bool
            label                   -  list
            opt                     o  map
            scope                   -  string api=1.30
            subnet                  -  slice
            """ + HELP);

    /** cli/command/network/connect.go. */
    static final FlagSpec NETWORK_CONNECT = new FlagSpec("docker network connect", true, FlagSpec.Args.exactly(2),
            true, """
            alias                   -  slice
            driver-opt              -  slice
            gw-priority             -  int    since=28.0
            ip                      -  string
            ip6                     -  string
            link                    -  list
            link-local-ip           -  slice
            """ + HELP);

    /** cli/command/network/disconnect.go. */
    static final FlagSpec NETWORK_DISCONNECT = new FlagSpec("docker network disconnect", true,
            FlagSpec.Args.exactly(2), true, """
            force                   f  bool
            """ + HELP);

    /** cli/command/network/remove.go (alias: remove). */
    static final FlagSpec NETWORK_RM = new FlagSpec("docker network rm", true, FlagSpec.Args.atLeast(1), true, """
            force                   f  bool   since=23.0
            """ + HELP);

    /** cli/command/network/list.go (alias: list). */
    static final FlagSpec NETWORK_LS = new FlagSpec("docker network ls", true, FlagSpec.Args.NONE, true, """
            filter                  f  list
            format                  -  string
            no-trunc                -  bool
            quiet                   q  bool
            """ + HELP);

    /** cli/command/network/inspect.go. */
    static final FlagSpec NETWORK_INSPECT = new FlagSpec("docker network inspect", true, FlagSpec.Args.atLeast(1),
            true, """
            format                  f  string
            verbose                 v  bool
            """ + HELP);

    /** cli/command/network/prune.go (the command needs API 1.25). */
    static final FlagSpec NETWORK_PRUNE = new FlagSpec("docker network prune", true, FlagSpec.Args.NONE, true, """
            filter                  -  list
            force                   f  bool
            """ + HELP);

    /** cli/command/system/prune.go. */
    static final FlagSpec SYSTEM_PRUNE = new FlagSpec("docker system prune", true, FlagSpec.Args.NONE, true, """
            all                     a  bool
            filter                  -  list   api=1.28
            force                   f  bool
            volumes                 -  bool
            """ + HELP);

    /** cli/command/swarm/init.go with opts.go addSwarmFlags and addSwarmCAFlags. */
    static final FlagSpec SWARM_INIT = new FlagSpec("docker swarm init", true, FlagSpec.Args.NONE, true, """
            advertise-addr          -  string
            autolock                -  bool
            availability            -  string
            cert-expiry             -  duration
            data-path-addr          -  string api=1.31
            data-path-port          -  uint32 api=1.40
            default-addr-pool       -  slice  api=1.39
            default-addr-pool-mask-length - uint32 api=1.39
            dispatcher-heartbeat    -  duration
            external-ca             -  list
            force-new-cluster       -  bool
            listen-addr             -  value
            max-snapshots           -  uint64 api=1.25
            snapshot-interval       -  uint64 api=1.25
            task-history-limit      -  int64
            """ + HELP);

    /**
     * docker service create: only the flags netlint reads are listed, so the table is not complete and
     * an unlisted flag makes the command opaque instead of refused.
     */
    static final FlagSpec SERVICE_CREATE = new FlagSpec("docker service create", false, FlagSpec.Args.atLeast(1),
            false, """
            detach                  d  bool
            env                     e  list
            hostname                -  string
            init                    -  bool
            label                   l  list
            mode                    -  string
            mount                   -  list
            name                    -  string
            network                 -  list
            no-healthcheck          -  bool
            no-resolve-image        -  bool
            publish                 p  list
            quiet                   q  bool
            read-only               -  bool
            tty                     t  bool
            user                    u  string
            with-registry-auth      -  bool
            workdir                 w  string
            config                  -  list
            constraint              -  list
            container-label         -  list
            credential-spec         -  value
            dns                     -  list
            dns-option              -  list
            dns-search              -  list
            endpoint-mode           -  string
            entrypoint              -  value
            env-file                -  list
            generic-resource        -  list
            group                   -  list
            health-cmd              -  string
            health-interval         -  value
            health-retries          -  int
            health-start-period     -  value
            health-timeout          -  value
            host                    -  list
            isolation               -  string
            limit-cpu               -  value
            limit-memory            -  value
            limit-pids              -  int64
            log-driver              -  string
            log-opt                 -  list
            max-concurrent          -  value
            placement-pref          -  list
            replicas                -  value
            replicas-max-per-node   -  uint64
            reserve-cpu             -  value
            reserve-memory          -  value
            restart-condition       -  string
            restart-delay           -  value
            restart-max-attempts    -  value
            restart-window          -  value
            rollback-delay          -  duration
            rollback-failure-action -  string
            rollback-max-failure-ratio - value
            rollback-monitor        -  duration
            rollback-order          -  string
            rollback-parallelism    -  uint64
            secret                  -  list
            stop-grace-period       -  value
            stop-signal             -  string
            sysctl                  -  list
            ulimit                  -  list
            update-delay            -  duration
            update-failure-action   -  string
            update-max-failure-ratio - value
            update-monitor          -  duration
            update-order            -  string
            update-parallelism      -  uint64
            cap-add                 -  list
            cap-drop                -  list
            """ + HELP);

    /** Every complete table, for tests and docs. */
    static List<FlagSpec> all() {
        return List.of(GLOBAL, RUN, CREATE, START, RM, CONTAINER_PRUNE, NETWORK_CREATE, NETWORK_CONNECT,
                NETWORK_DISCONNECT, NETWORK_RM, NETWORK_LS, NETWORK_INSPECT, NETWORK_PRUNE, SYSTEM_PRUNE, SWARM_INIT);
    }
}
