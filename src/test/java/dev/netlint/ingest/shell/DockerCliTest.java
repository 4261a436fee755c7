package dev.netlint.ingest.shell;

import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DockerCliTest {
    static Project read(String text) throws InputException {
        Model model = new Model();
        IngestContext ctx = new IngestContext(model, Map.of(), f -> "host-a", new Directives());
        new ShellScriptReader().read(SourceFile.ofText("s.sh", text), ctx);
        assertThat(model.projects()).hasSize(1);
        return model.projects().get(0);
    }

    @Test
    void runFlagsInEverySpelling() throws InputException {
        Project p = read("sudo -E docker container run -dit --name=web --net=front -p80:80 --publish 127.0.0.1:8443:443/tcp "
                + "-P --expose 9000 -h web1 --dns 10.0.0.2 --mac-address 02:42:ac:11:00:02 --add-host db:10.0.0.9 "
                + "--link db:db --network-alias www --ip 10.1.0.5 --ip6 fd4e::5 nginx --net ignored\n");
        assertThat(p.kind()).isEqualTo(Project.Kind.SEQUENTIAL);
        assertThat(p.host()).isEqualTo("host-a");
        Container c = p.container("web").orElseThrow();
        assertThat(c.networkMode().kind()).isEqualTo(NetworkMode.Kind.NETWORK);
        assertThat(c.networkMode().target()).isEqualTo("front");
        assertThat(c.ports()).extracting(x -> x.hostPortStart() + ":" + x.containerPortStart() + "/" + x.protocol())
                .containsExactly("80:80/tcp", "8443:443/tcp");
        assertThat(c.ports().get(1).hostIp().raw()).isEqualTo("127.0.0.1");
        assertThat(c.publishAll()).isTrue();
        assertThat(c.expose()).extracting(t -> t.value()).containsExactly("9000");
        assertThat(c.hostname().value()).isEqualTo("web1");
        assertThat(c.dns()).extracting(t -> t.value()).containsExactly("10.0.0.2");
        assertThat(c.macAddress().value()).isEqualTo("02:42:ac:11:00:02");
        assertThat(c.extraHosts()).extracting(t -> t.value()).containsExactly("db:10.0.0.9");
        assertThat(c.links()).extracting(t -> t.value()).containsExactly("db:db");
        Attachment a = c.attachments().get(0);
        assertThat(a.network().value()).isEqualTo("front");
        assertThat(a.ipv4().raw()).isEqualTo("10.1.0.5");
        assertThat(a.ipv6().raw()).isEqualTo("fd4e::5");
        assertThat(a.aliases()).extracting(t -> t.value()).containsExactly("www");
        Operation.RunContainer run = (Operation.RunContainer) p.operations().get(0);
        assertThat(run.networks()).extracting(t -> t.value()).containsExactly("front"); // not the command's --net
        assertThat(run.start()).isTrue();
        assertThat(run.opaque()).isFalse();
        // the --ip value's location: line 1, column of "10.1.0.5"
        String line = "sudo -E docker container run -dit --name=web --net=front -p80:80 --publish 127.0.0.1:8443:443/tcp "
                + "-P --expose 9000 -h web1 --dns 10.0.0.2 --mac-address 02:42:ac:11:00:02 --add-host db:10.0.0.9 "
                + "--link db:db --network-alias www --ip 10.1.0.5";
        assertThat(a.ipv4().location().column()).isEqualTo(line.length() - "10.1.0.5".length() + 1);
    }

    @Test
    void createDoesNotStartAndAdvancedNetworkSyntax() throws InputException {
        Project p = read("docker create --name c1 --network name=back,alias=api,ip=10.2.0.7 img\n");
        Operation.RunContainer run = (Operation.RunContainer) p.operations().get(0);
        assertThat(run.start()).isFalse();
        Attachment a = p.container("c1").orElseThrow().attachments().get(0);
        assertThat(a.network().value()).isEqualTo("back");
        assertThat(a.aliases()).extracting(t -> t.value()).containsExactly("api");
        assertThat(a.ipv4().raw()).isEqualTo("10.2.0.7");
    }

    @Test
    void networkCreatePairsRangesWithTheirSubnets() throws InputException {
        Project p = read("docker network create -d macvlan --subnet 10.3.0.0/24 --subnet=10.4.0.0/24 "
                + "--ip-range 10.4.0.128/25 --gateway 10.3.0.1 --aux-address r=10.4.0.2 -o parent=eth0.10 "
                + "-o macvlan_mode=bridge --internal --attachable --ipv6 lan\n"
                + "docker network create --gateway 10.5.0.1 lone\n");
        Network n = p.network("lan").orElseThrow();
        assertThat(n.driverName()).contains("macvlan");
        assertThat(n.parent().orElseThrow().value()).isEqualTo("eth0.10");
        assertThat(n.option("macvlan_mode").orElseThrow().value()).isEqualTo("bridge");
        assertThat(n.internal()).isTrue();
        assertThat(n.attachable()).isTrue();
        assertThat(n.ipv6Enabled()).isTrue();
        List<IpamPool> pools = n.pools();
        assertThat(pools).hasSize(2);
        assertThat(pools.get(0).gateway().raw()).isEqualTo("10.3.0.1");
        assertThat(pools.get(1).ipRange().raw()).isEqualTo("10.4.0.128/25");
        assertThat(pools.get(1).auxAddresses()).containsKey("r");
        IpamPool orphan = p.network("lone").orElseThrow().pools().get(0);
        assertThat(orphan.subnet()).isNull();
        assertThat(orphan.gateway().raw()).isEqualTo("10.5.0.1");
    }

    @Test
    void connectDisconnectRmServiceSwarm() throws InputException {
        Project p = read("""
                docker run -d --name api --net back img
                docker network connect --ip 10.6.0.9 --alias a1 --alias=a2 front api
                docker network disconnect -f front api
                docker rm -f api other
                docker network rm front back
                docker swarm init --default-addr-pool 10.7.0.0/16
                docker service create --name web --network mesh --publish published=8080,target=80 nginx
                docker -H tcp://elsewhere:2375 network create remote
                docker compose up -d
                """);
        List<Operation> ops = p.operations();
        assertThat(ops).extracting(o -> o.getClass().getSimpleName()).containsExactly("RunContainer", "Connect",
                "Disconnect", "RemoveContainer", "RemoveContainer", "RemoveNetwork", "RemoveNetwork", "SwarmInit",
                "CreateService");
        Operation.Connect c = (Operation.Connect) ops.get(1);
        assertThat(c.network().value()).isEqualTo("front");
        assertThat(c.container().value()).isEqualTo("api");
        assertThat(c.aliases()).extracting(t -> t.value()).containsExactly("a1", "a2");
        // the connect's address is also an attachment of the container, for the IPAM rules
        assertThat(p.container("api").orElseThrow().attachments()).extracting(a -> a.network().value())
                .containsExactly("back", "front");
        Operation.CreateService s = (Operation.CreateService) ops.get(8);
        assertThat(s.service().ports().get(0).hostPortStart()).isEqualTo(8080);
        assertThat(((Operation.SwarmInit) ops.get(7)).defaultAddrPools().get(0).raw()).isEqualTo("10.7.0.0/16");
    }

    @Test
    void aKnownFlagWithAnUnknownValueStaysThatFlag() throws InputException {
        Project p = read("docker network create -d macvlan --subnet=\"${LAN}\" --gateway=$GW -o parent=eth0 lan\n"
                + "docker run -d --name s --net=container:\"$APP\" -p 80:80 img\n");
        Network n = p.network("lan").orElseThrow();
        assertThat(n.pools().get(0).subnet().isUnknown()).isTrue();
        assertThat(n.pools().get(0).gateway().isUnknown()).isTrue();
        assertThat(n.parent().orElseThrow().value()).isEqualTo("eth0");
        Container s = p.container("s").orElseThrow();
        assertThat(s.networkMode().kind()).isEqualTo(NetworkMode.Kind.CONTAINER);
        assertThat(((Operation.RunContainer) p.operations().get(1)).opaque()).isFalse();
    }

    @Test
    void configFromTakesTheConfigOnlyNetworksSettings() throws InputException {
        Project p = read("docker network create --config-only --subnet 10.8.0.0/24 -o parent=\"$IF\" cfg\n"
                + "docker network create -d macvlan --scope swarm --config-from cfg lan\n");
        assertThat(p.network("cfg")).isEmpty();
        Network lan = p.network("lan").orElseThrow();
        assertThat(lan.pools().get(0).subnet().raw()).isEqualTo("10.8.0.0/24");
        assertThat(lan.parent().orElseThrow().unknown()).isTrue();
    }

    @Test
    void unreadableFlagsMakeTheRunOpaque() throws InputException {
        Project p = read("docker run -d --name x $OPTS img\ndocker run -d --name y --net \"$NET\" img\n");
        assertThat(((Operation.RunContainer) p.operations().get(0)).opaque()).isTrue();
        assertThat(p.container("y").orElseThrow().networkMode().unknown()).isTrue();
    }

    @Test
    void scriptsAreClaimedByNameOrShebang() {
        ShellScriptReader r = new ShellScriptReader();
        assertThat(r.claimsByName(Path.of("deploy.sh"))).isTrue();
        assertThat(r.claimsByName(Path.of("x.bash"))).isTrue();
        assertThat(r.claimsByName(Path.of("compose.yaml"))).isFalse();
        SourceFile f = SourceFile.ofText("deploy", "");
        assertThat(r.claimsByContent(f, "#!/bin/bash\necho".getBytes())).isTrue();
        assertThat(r.claimsByContent(f, "#!/usr/bin/env sh\n".getBytes())).isTrue();
        assertThat(r.claimsByContent(f, "#! /bin/sh -e\n".getBytes())).isTrue();
        assertThat(r.claimsByContent(f, "#!/usr/bin/python3\n".getBytes())).isFalse();
        assertThat(r.claimsByContent(f, "services:\n".getBytes())).isFalse();
    }

    @Test
    void scriptsWithoutDockerCommandsAddNoProject() throws InputException {
        Model model = new Model();
        IngestContext ctx = new IngestContext(model, Map.of(), f -> f, new Directives());
        new ShellScriptReader().read(SourceFile.ofText("s.sh", "echo hello\n"), ctx);
        assertThat(model.projects()).isEmpty();
    }
}
