package dev.netlint.rules.modes;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Text;
import dev.netlint.rules.Finding;
import dev.netlint.testing.ComposeModelFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.netlint.testing.ComposeModelFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

class ModeRulesTest {

    @Test
    void hostModeWithPortsWarnsOnceAtTheFirstEntryAndQuotesTheDaemon() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container web = f.service("web");
        f.mode(web, "host");
        PortMapping p1 = f.port(web, "8080:80");
        PortMapping p2 = f.port(web, "2379");
        List<Finding> out = f.run(new HostModePortsDiscarded());
        assertThat(out).extracting(x -> x.location().line()).containsExactly(line(p1));
        assertThat(p2).isNotNull();
        assertThat(out.get(0).message()).contains("(and 1 more entry)").contains("Published ports are discarded when using host network mode")
                .contains("\"host\" network_mode is incompatible with port_bindings").contains("service \"web\"");
    }

    @Test
    void hostModeWithoutPortsAndBridgeWithPortsAreNotNL201() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.mode(f.service("a"), "host");
        f.port(f.service("b"), "8080:80");
        assertThat(f.run(new HostModePortsDiscarded())).isEmpty();
    }

    @Test
    void hostModeIsANoteAtTheModeLine() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container web = f.service("web");
        f.mode(web, "host");
        assertThat(f.run(new HostNetworkMode())).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo(web.networkMode().location()))
                .satisfies(x -> assertThat(x.message()).contains("CIS Docker Benchmark 5.10"));
    }

    @Test
    void noneModeWithPortsWarns() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container c = f.service("batch");
        f.mode(c, "none");
        PortMapping p = f.port(c, "127.0.0.1:9000:9000");
        assertThat(f.run(new NoneModePortsUnpublished())).singleElement()
                .satisfies(x -> assertThat(x.location().line()).isEqualTo(line(p)));
    }

    @Test
    void sharedStackRefusesEachConflictingOptionOnce() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.service("vpn");
        Container app = f.service("app");
        f.mode(app, "service:vpn");
        PortMapping p = f.port(app, "8080:80");
        f.port(app, "8443:443");
        Text ex = f.text("9000");
        app.expose(ex);
        Text hn = f.text("app");
        app.hostname(hn);
        Text dns = f.text("10.50.0.53");
        app.dns(dns);
        Text mac = f.text("02:42:0a:32:00:10");
        app.macAddress(mac);
        Text eh = f.text("db:10.50.0.9");
        app.extraHost(eh);
        Text link = f.text("db");
        app.link(link);
        List<Finding> out = f.run(new ConflictingNetworkModeOption());
        assertThat(out).extracting(x -> x.location().line())
                .containsExactly(line(p), line(ex), line(hn), line(dns), line(mac), line(eh)); // links: NL212
        assertThat(out).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                        .contains("conflicting options: port publishing and the container type network mode"))
                .anySatisfy(m -> assertThat(m).contains("conflicting options: port exposing and the container type network mode"))
                .anySatisfy(m -> assertThat(m).contains("conflicting options: hostname and the network mode"))
                .anySatisfy(m -> assertThat(m).contains("conflicting options: dns and the network mode"))
                .anySatisfy(m -> assertThat(m).contains("conflicting options: mac-address and the network mode"))
                .anySatisfy(m -> assertThat(m).contains("conflicting options: custom host-to-IP mapping and the network mode"))
                .noneSatisfy(m -> assertThat(m).contains("links")); // links are NL212's
    }

    @Test
    void hostModeMacAddressIsRefusedButHostnameDnsAndExtraHostsAreNot() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container c = f.service("nlt-a");
        f.mode(c, "host");
        c.hostname(f.text("h")).dns(f.text("10.50.0.53")).extraHost(f.text("x:10.50.0.9"));
        assertThat(f.run(new ConflictingNetworkModeOption())).isEmpty();
        Text mac = f.text("02:42:0a:32:00:99");
        c.macAddress(mac);
        assertThat(f.run(new ConflictingNetworkModeOption())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("mac_address").contains("service \"nlt-a\""));
    }

    @Test
    void containerModeWithPublishAllIsRefused() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container c = f.service("b");
        f.mode(c, "container:a");
        c.publishAll(f.at());
        assertThat(f.run(new ConflictingNetworkModeOption())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("port publishing"));
    }

    @Test
    void scriptsAreLeftToTheScriptSimulationForRefusedOptions() {
        var s = ComposeModelFixtures.script("run.sh");
        Container c = s.service("b");
        s.mode(c, "container:a");
        s.port(c, "8080:80");
        c.hostname(s.text("h"));
        Container h = s.service("c");
        s.mode(h, "host");
        s.port(h, "8080:80");
        h.link(s.text("a:a"));
        h.networkAlias(s.text("foo"));
        assertThat(s.run(new ConflictingNetworkModeOption())).isEmpty();
        assertThat(s.run(new HostModePortsDiscarded())).isEmpty();
        assertThat(s.run(new LinksOnHostNetwork())).isEmpty();
        assertThat(s.run(new AliasOnBuiltinNetwork())).isEmpty();
        assertThat(s.run(new HostNetworkMode())).as("scripts are not noted").isEmpty();
    }

    @Test
    void serviceModeNamingAMissingServiceIsAnErrorWithATypoHint() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.service("vpn-gateway");
        Container app = f.service("app");
        f.mode(app, "service:vpn_gateway");
        Container ok = f.service("ok");
        f.mode(ok, "service:vpn-gateway");
        Container other = f.service("other");
        f.mode(other, "container:some-container-elsewhere");
        assertThat(f.run(new NetworkModeUnknownService())).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo(app.networkMode().location()))
                .satisfies(x -> assertThat(x.message()).contains("did you mean \"vpn-gateway\"")
                        .contains("which is undefined"));
    }

    @Test
    void serviceModeMatchesServiceKeysNotContainerNames() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container db = new Container("my-postgres", f.at()).serviceName("db");
        f.project().add(db);
        Container tool = f.service("tool");
        f.mode(tool, "service:db");
        assertThat(f.run(new NetworkModeUnknownService())).isEmpty();
    }

    @Test
    void networkModeWithNetworksIsAnErrorOnlyInCompose() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.network("front");
        Container c = f.service("web");
        f.mode(c, "host");
        f.attach(c, "front");
        assertThat(f.run(new NetworkModeWithNetworks())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("'network_mode' and 'networks' cannot be combined"));

        var s = ComposeModelFixtures.script("run.sh");
        Container r = s.service("a");
        s.mode(r, "host");
        s.attach(r, "n1");
        assertThat(s.run(new NetworkModeWithNetworks())).isEmpty();
    }

    @Test
    void undefinedNetworkIsAnErrorButDefaultAndDeclaredAreFine() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.network("front");
        Container web = f.service("web");
        f.attach(web, "front");
        f.attach(web, "default");
        Attachment bad = f.attach(web, "backend");
        Attachment unknown = new Attachment(Text.unknown("${NET}", f.at()), null);
        web.attach(unknown);
        assertThat(f.run(new UndefinedNetwork())).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo(bad.network().location()))
                .satisfies(x -> assertThat(x.message()).contains("refers to undefined network backend")
                        .contains("uses an undefined network \"backend\""));
    }

    @Test
    void scriptsNeverGetUndefinedNetwork() {
        var s = ComposeModelFixtures.script("run.sh");
        s.attach(s.service("a"), "never-created");
        assertThat(s.run(new UndefinedNetwork())).isEmpty();
    }

    @Test
    void unusedNetworkIsANoteAndTheImplicitDefaultCountsAsUsed() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Network used = f.network("front");
        Network unused = f.network("legacy");
        Network def = f.network("default");
        f.attach(f.service("web"), "front");
        f.service("worker"); // no networks: joins default
        assertThat(f.run(new UnusedNetwork())).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo(unused.location()));
        assertThat(used).isNotNull();
        assertThat(def).isNotNull();
    }

    @Test
    void unusedNetworkSkipsAnImplicitDefaultAndStaysQuietWhenAServiceNetworkIsUnknown() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.network("default").implicit(true);
        f.attach(f.service("web"), "front");
        f.network("front");
        assertThat(f.run(new UnusedNetwork())).isEmpty();
        f.network("maybe");
        Container x = f.service("x").attach(new Attachment(Text.unknown("${N}", f.at()), null));
        assertThat(f.run(new UnusedNetwork())).isEmpty();
        x.attachments().clear();
        assertThat(f.run(new UnusedNetwork())).hasSize(1);
        f.service("inherits").extendsLocation(f.at());
        assertThat(f.run(new UnusedNetwork())).isEmpty();
    }

    @Test
    void externalNetworkWithCreationKeysWarnsPerKey() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Network n = f.network("proxy").external(true);
        var driverAt = f.at();
        var ipamAt = f.at();
        n.declaredKey("external", f.at()).declaredKey("driver", driverAt).declaredKey("ipam", ipamAt)
                .declaredKey("name", f.at());
        f.attach(f.service("web"), "proxy");
        assertThat(f.run(new ExternalNetworkIgnoredKeys())).extracting(Finding::location)
                .containsExactly(driverAt, ipamAt);
        Network plain = f.network("own");
        plain.declaredKey("driver", f.at());
        assertThat(f.run(new ExternalNetworkIgnoredKeys())).hasSize(2);
    }

    @Test
    void portsOnlyOnLanNetworksWarnButAMixWithABridgeDoesNot() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.network("lan", "macvlan");
        f.network("lan2", "ipvlan");
        f.network("front");
        Container onlyLan = f.service("dns");
        f.attach(onlyLan, "lan");
        f.attach(onlyLan, "lan2");
        PortMapping p = f.port(onlyLan, "53:53/udp");
        Container mixed = f.service("web");
        f.attach(mixed, "lan");
        f.attach(mixed, "front");
        f.port(mixed, "8080:80");
        assertThat(f.run(new PortsOnLanNetwork())).singleElement()
                .satisfies(x -> assertThat(x.location().line()).isEqualTo(line(p)));
    }

    @Test
    void declaredDefaultOnMacvlanMakesPlainServicesLanOnly() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.network("default", "macvlan");
        f.port(f.service("web"), "8080:80");
        assertThat(f.run(new PortsOnLanNetwork())).hasSize(1);
    }

    @Test
    void aliasesAreRefusedOnExplicitBridgeHostNoneAndSharedStacks() {
        var s = ComposeModelFixtures.compose("c.yaml");
        for (String mode : List.of("bridge", "host", "none", "container:db")) {
            Container c = s.service("c-" + mode.replace(':', '-'));
            s.mode(c, mode);
            c.networkAlias(s.text("foo"));
        }
        Container userNet = s.service("ok");
        s.mode(userNet, "nlt-n1");
        userNet.networkAlias(s.text("foo"));
        assertThat(s.run(new AliasOnBuiltinNetwork())).hasSize(4)
                .allSatisfy(x -> assertThat(x.message()).contains("network-scoped aliases are only supported for user-defined networks"));
        var observed = ComposeModelFixtures.observed("docker://local");
        Container o = observed.service("exposes");
        observed.mode(o, "container:db");
        o.expose(observed.text("80/tcp"));
        assertThat(observed.run(new ConflictingNetworkModeOption())).as("inspect shows the image's EXPOSE").isEmpty();
        assertThat(s.run(new AliasIgnoredOnDefaultBridge())).isEmpty();
        var script = ComposeModelFixtures.script("run.sh");
        Container c = script.service("a");
        script.mode(c, "bridge");
        c.networkAlias(script.text("foo"));
        assertThat(script.run(new AliasOnBuiltinNetwork())).as("a script is judged by its commands, and this one has none")
                .isEmpty();
    }

    @Test
    void aliasWithoutAnyNetworkIsAcceptedAndDroppedInScriptsOnly() {
        var s = ComposeModelFixtures.script("run.sh");
        s.service("a").networkAlias(s.text("foo"));
        assertThat(s.run(new AliasIgnoredOnDefaultBridge())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("silently drops"));
        assertThat(s.run(new AliasOnBuiltinNetwork())).isEmpty();
    }

    @Test
    void composeAliasOnAnExternalNetworkThatIsTheDefaultBridge() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.network("default").external(true).externalName(f.text("bridge"));
        f.network("front");
        Container web = f.service("web");
        f.attach(web, "default").alias(f.text("www"));
        Container api = f.service("api");
        f.attach(api, "front").alias(f.text("api.internal"));
        assertThat(f.run(new AliasOnBuiltinNetwork())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("service \"web\""));
    }

    @Test
    void linksInHostModeAreRefusedButOnTheDefaultBridgeAccepted() {
        var s = ComposeModelFixtures.compose("c.yaml");
        Container h = s.service("b");
        s.mode(h, "host");
        h.link(s.text("a:a"));
        Container legacy = s.service("c");
        legacy.link(s.text("a:db"));
        assertThat(s.run(new LinksOnHostNetwork())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("host type networking can't be used with links"));
    }

    @Test
    void lanNetworksWithoutParentOrSubnetWarnUnlessExternalOrInternal() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Network bare = f.network("lan", "macvlan");
        Network good = f.network("lan2", "macvlan");
        good.option("parent", f.text("eth0"));
        f.subnet(good, "10.50.10.0/24");
        Network ext = f.network("lan3", "ipvlan").external(true);
        Network internal = f.network("isolated", "macvlan").internal(true);
        f.network("plain");
        assertThat(f.run(new LanNetworkWithoutParent())).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo(bare.driver().location()));
        assertThat(f.run(new LanNetworkWithoutSubnet())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("\"lan\""));
        assertThat(ext.external()).isTrue();
        assertThat(internal.internal()).isTrue();
    }

    @Test
    void ipvlanL3GatewayWarnsAtTheGateway() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Network l3 = f.network("routed", "ipvlan");
        l3.option("parent", f.text("eth0")).option("ipvlan_mode", f.text("l3"));
        var pool = f.subnet(l3, "10.50.20.0/24");
        pool.gateway(dev.netlint.model.AddressValue.address("10.50.20.1", f.at()));
        Network l2 = f.network("flat", "ipvlan");
        l2.option("parent", f.text("eth0")).option("ipvlan_mode", f.text("l2"));
        f.subnet(l2, "10.50.21.0/24").gateway(dev.netlint.model.AddressValue.address("10.50.21.1", f.at()));
        assertThat(f.run(new IpvlanL3GatewayIgnored())).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo(pool.gateway().location()));
    }

    @Test
    void aFileWithoutNetworksIsAFragmentAndGetsANoteInsteadOfAnError() {
        var f = ComposeModelFixtures.compose("extensions/curator.yml");
        Attachment elk = f.attach(f.service("curator"), "elk");
        assertThat(f.run(new UndefinedNetwork())).isEmpty();
        assertThat(f.run(new NetworkUndeclaredInFragment())).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo(elk.network().location()));
    }

    @Test
    void aNetworkDeclaredByAComposeFileInTheSameDirectoryIsNotUndefined() {
        var base = ComposeModelFixtures.compose("app/compose.yaml");
        base.network("backend");
        base.network("front");
        var prod = ComposeModelFixtures.compose("app/compose.prod.yaml");
        prod.network("monitoring");
        Container api = prod.service("api");
        prod.attach(api, "backend");
        prod.attach(api, "monitoring");
        Attachment typo = prod.attach(api, "frnt");
        base.model().projects().forEach(prod.model()::add);
        assertThat(prod.run(new UndefinedNetwork())).singleElement()
                .satisfies(x -> assertThat(x.location()).isEqualTo(typo.network().location()));
        var other = ComposeModelFixtures.compose("elsewhere/compose.yaml");
        other.network("x");
        other.attach(other.service("web"), "backend");
        other.model().add(base.project());
        assertThat(other.run(new UndefinedNetwork())).hasSize(1);
    }
}
