package dev.netlint.ingest.shell;

import java.util.List;

/**
 * Command lines and what the docker 20.10 client says about them: its refusal (the first line of its
 * stderr), or null when it accepts the arguments. {@link FlagSpecTest} checks netlint's parser against
 * them, {@link CliVerbatimTest} checks them against {@code /usr/bin/docker}. Words are split on blanks.
 */
final class CliRefusalCases {
    record Case(String line, String refusal, String hint) {
        List<String> argv() {
            return List.of(line.trim().split("\\s+"));
        }
    }

    private CliRefusalCases() {
    }

    static final List<Case> CASES = List.of(
            // the tutorial
            new Case("docker network create -d macvlan --subnet=192.168.0.0/24 --ip-range=192.168.0.64/28 "
                    + "--gateway=192.168.0.1 -o macvlan_mode=bridge -i parent=eth0 my_macvlan",
                    "unknown shorthand flag: 'i' in -i", "did you mean -o?"),
            // unknown flags, long and short, in bundles, single-dash long names, global
            new Case("docker network create --subnett 10.121.0.0/24 nlt-cli-a", "unknown flag: --subnett",
                    "did you mean --subnet?"),
            new Case("docker network create --drive bridge nlt-cli-a", "unknown flag: --drive", "did you mean --driver?"),
            new Case("docker network create -subnet=10.121.0.0/24 nlt-cli-a", "unknown shorthand flag: 's' in -subnet=10.121.0.0/24",
                    "did you mean --subnet?"),
            new Case("docker run -dz img", "unknown shorthand flag: 'z' in -z", null),
            new Case("docker run -d -Z img", "unknown shorthand flag: 'Z' in -Z", null),
            new Case("docker network connect --ipp 10.121.0.5 nlt-cli-n nlt-cli-c", "unknown flag: --ipp", "did you mean --ip?"),
            new Case("docker -x network ls", "unknown shorthand flag: 'x' in -x", "did you mean -c?"),
            new Case("docker --hots tcp://x network ls", "unknown flag: --hots", "did you mean --host?"),
            new Case("docker run --net-alias=a --netwrk nlt-cli-n img", "unknown flag: --netwrk", "did you mean --network?"),
            new Case("docker network rm --forse nlt-cli-n", "unknown flag: --forse", "did you mean --force?"),
            new Case("docker rm -fx nlt-cli-c", "unknown shorthand flag: 'x' in -x", null),
            new Case("docker start --detach nlt-cli-c", "unknown flag: --detach", "did you mean --attach?"),
            new Case("docker network inspect --verbos nlt-cli-n", "unknown flag: --verbos", "did you mean --verbose?"),
            new Case("docker swarm init --default-addr-pools 10.121.0.0/16", "unknown flag: --default-addr-pools",
                    "did you mean --default-addr-pool?"),
            new Case("docker container prune --all", "unknown flag: --all", null),
            // missing values
            new Case("docker run -d --name nlt-cli-c -p", "flag needs an argument: 'p' in -p", null),
            new Case("docker run -dp", "flag needs an argument: 'p' in -p", null),
            new Case("docker network create --subnet", "flag needs an argument: --subnet", null),
            new Case("docker run --name", "flag needs an argument: --name", null),
            // bad syntax and bad booleans
            new Case("docker network create ---x nlt-cli-a", "bad flag syntax: ---x", null),
            new Case("docker network create --=x nlt-cli-a", "bad flag syntax: --=x", null),
            new Case("docker network create --ipv6=maybe nlt-cli-a",
                    "invalid argument \"maybe\" for \"--ipv6\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax", null),
            new Case("docker run -d=yes img",
                    "invalid argument \"yes\" for \"-d, --detach\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax", null),
            new Case("docker run -d= img", "unknown shorthand flag: '=' in -=", null),
            // positional counts
            new Case("docker network create", "\"docker network create\" requires exactly 1 argument.", null),
            new Case("docker network create nlt-cli-a nlt-cli-b", "\"docker network create\" requires exactly 1 argument.", null),
            new Case("docker network connect nlt-cli-n", "\"docker network connect\" requires exactly 2 arguments.", null),
            new Case("docker network disconnect -f nlt-cli-n", "\"docker network disconnect\" requires exactly 2 arguments.", null),
            new Case("docker network rm", "\"docker network rm\" requires at least 1 argument.", null),
            new Case("docker network remove", "\"docker network rm\" requires at least 1 argument.", null),
            new Case("docker run", "\"docker run\" requires at least 1 argument.", null),
            new Case("docker container create --name nlt-cli-c", "\"docker container create\" requires at least 1 argument.", null),
            new Case("docker rm", "\"docker rm\" requires at least 1 argument.", null),
            new Case("docker start", "\"docker start\" requires at least 1 argument.", null),
            new Case("docker network ls extra", "\"docker network ls\" accepts no arguments.", null),
            new Case("docker network prune -f extra", "\"docker network prune\" accepts no arguments.", null),
            new Case("docker swarm init extra", "\"docker swarm init\" accepts no arguments.", null),
            // a flag error comes before the argument count
            new Case("docker network create -i", "unknown shorthand flag: 'i' in -i", null),
            // accepted
            new Case("docker run -dit --rm=false -p8080:80 --name=nlt-cli-c --net nlt-cli-n img sh -c -x", null, null),
            new Case("docker run -d -- img --not-a-flag", null, null),
            new Case("docker network create nlt-cli-a --internal -o parent=x --subnet=10.121.0.0/24,10.121.1.0/24", null, null),
            new Case("docker network create -d=bridge --attachable=false -- nlt-cli-a", null, null),
            new Case("docker network create -h", null, null),
            new Case("docker network create --subnet 10.121.0.0/24 --help", null, null),
            new Case("docker -D -l debug --config /tmp/nlt-cli network ls -q", null, null),
            new Case("docker run -h nlt-cli-host --dns-opt ndots:1 --net-alias a img", null, null),
            new Case("docker network connect --alias a,b --ip=10.121.0.5 nlt-cli-n nlt-cli-c", null, null),
            new Case("docker network disconnect -f nlt-cli-n nlt-cli-c", null, null),
            new Case("docker rm -fv nlt-cli-c nlt-cli-d", null, null));
}
