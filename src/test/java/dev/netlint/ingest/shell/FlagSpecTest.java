package dev.netlint.ingest.shell;

import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Model;
import dev.netlint.model.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FlagSpecTest {
    static List<Operation> ops(String script) throws InputException {
        Model model = new Model();
        IngestContext ctx = new IngestContext(model, Map.of(), f -> "host-a", new Directives());
        new ShellScriptReader().read(SourceFile.ofText("s.sh", script), ctx);
        return model.projects().isEmpty() ? List.of() : model.projects().get(0).operations();
    }

    static Stream<CliRefusalCases.Case> cases() {
        return CliRefusalCases.CASES.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void refusesWithTheClisOwnMessage(CliRefusalCases.Case c) throws InputException {
        List<Operation> ops = ops(c.line() + "\n");
        List<Operation.Refused> refused = ops.stream().filter(o -> o instanceof Operation.Refused)
                .map(o -> (Operation.Refused) o).toList();
        if (c.refusal() == null) {
            assertThat(refused).as(c.line()).isEmpty();
            return;
        }
        assertThat(refused).as(c.line()).hasSize(1);
        assertThat(refused.get(0).message()).isEqualTo(c.refusal());
        assertThat(refused.get(0).hint()).isEqualTo(c.hint());
        assertThat(ops).as("a refused command does nothing else").hasSize(1);
    }

    @Test
    void theTutorialCreatesNoNetworkAndNamesTheCommandAndTheFlag() throws InputException {
        String line = "docker network create -d macvlan --subnet=192.168.0.0/24 -o macvlan_mode=bridge -i parent=eth0 "
                + "my_macvlan\ndocker run -d --name web --network my_macvlan img\n";
        Model model = new Model();
        new ShellScriptReader().read(SourceFile.ofText("s.sh", line),
                new IngestContext(model, Map.of(), f -> "h", new Directives()));
        var p = model.projects().get(0);
        assertThat(p.networks()).isEmpty();
        Operation.Refused r = (Operation.Refused) p.operations().get(0);
        assertThat(r.command()).isEqualTo("docker network create");
        assertThat(r.tool()).isEqualTo("docker");
        assertThat(r.location().line()).isEqualTo(1);
        assertThat(r.location().column()).isEqualTo(line.indexOf("-i parent") + 1);
        assertThat(p.operations().get(1)).isInstanceOf(Operation.RunContainer.class);
    }

    @Test
    void combinedShorthandsValuesAndBooleans() {
        List<ShellWord> w = words("-dit", "--rm=false", "-p8080:80", "-p=9090:90", "--name", "web", "-e", "A=1",
                "img", "--name", "inner");
        FlagSpec.Parsed p = DockerFlags.RUN.parse(w, 0);
        assertThat(p.runs()).isTrue();
        assertThat(p.has("detach") && p.has("interactive") && p.has("tty")).isTrue();
        assertThat(p.last("rm").bool()).isFalse();
        assertThat(p.all("publish")).extracting(FlagSpec.Flag::text).containsExactly("8080:80", "9090:90");
        assertThat(p.last("name").text()).isEqualTo("web"); // the --name after the image is the container's
        assertThat(p.positionals()).extracting(ShellWord::value).containsExactly("img", "--name", "inner");
        assertThat(p.firstPositional()).isEqualTo(8);
    }

    @Test
    void interspersedArgumentsDashDashAndSlices() {
        FlagSpec.Parsed p = DockerFlags.NETWORK_CREATE.parse(
                words("net", "--subnet=10.0.0.0/24,10.1.0.0/24", "--internal", "--", "-x"), 0);
        assertThat(p.refusal().message()).isEqualTo("\"docker network create\" requires exactly 2 arguments."
                .replace("2 arguments", "1 argument"));
        FlagSpec.Parsed ok = DockerFlags.NETWORK_CREATE.parse(words("net", "--subnet=10.0.0.0/24,10.1.0.0/24",
                "--internal"), 0);
        assertThat(ok.runs()).isTrue();
        assertThat(ok.all("subnet")).extracting(FlagSpec.Flag::text).containsExactly("10.0.0.0/24", "10.1.0.0/24");
        assertThat(ok.positionals()).extracting(ShellWord::value).containsExactly("net");
    }

    @Test
    void runTimeValuesHideOnlyWhatTheyMayBe() {
        // a quoted unknown word is one word: the unknown flag after it is still refused
        FlagSpec.Parsed quoted = DockerFlags.NETWORK_CREATE.parse(List.of(
                new ShellWord("\"$NAME\"", true, 0, 7), new ShellWord("--bogus", false, 8, 15)), 0);
        assertThat(quoted.refusal().message()).isEqualTo("unknown flag: --bogus");
        // an unquoted $OPTS may be any words (even "--label" taking the next word): nothing after it is refused
        FlagSpec.Parsed split = DockerFlags.NETWORK_CREATE.parse(List.of(
                new ShellWord("$OPTS", true, 0, 5), new ShellWord("--bogus", false, 6, 13),
                new ShellWord("a", false, 14, 15), new ShellWord("b", false, 16, 17)), 0);
        assertThat(split.refusal()).isNull();
        assertThat(split.opaque()).isTrue();
        // a known flag's unknown value stays that flag
        FlagSpec.Parsed value = DockerFlags.NETWORK_CREATE.parse(List.of(
                new ShellWord("--subnet=\"$S\"", true, 0, 13), new ShellWord("n", false, 14, 15)), 0);
        assertThat(value.runs()).isTrue();
        assertThat(value.last("subnet").value().unknown()).isTrue();
        assertThat(value.opaque()).isFalse();
    }

    @Test
    void documentationPlaceholdersAreNotCountedAsArguments() throws InputException {
        // <network-name> reads as a redirection, [OPTIONS] and ... stand for any number of words
        List<Operation> ops = ops("""
                docker network create -d macvlan -o parent=<iface> <network-name>
                docker network connect <network> <container>
                docker network create [OPTIONS] NETWORK
                docker network rm NETWORK...
                docker network create -d bridge --subnet 10.9.0.0/24 -x ... net
                """);
        assertThat(ops).filteredOn(o -> o instanceof Operation.Refused)
                .extracting(o -> ((Operation.Refused) o).message())
                .containsExactly("unknown shorthand flag: 'x' in -x"); // a flag error is one in a template too
    }

    @Test
    void helpPrintsUsageAndDoesNothing() {
        FlagSpec.Parsed p = DockerFlags.NETWORK_CREATE.parse(words("--help"), 0);
        assertThat(p.help()).isTrue();
        assertThat(p.refusal()).isNull();
        assertThat(p.runs()).isFalse();
        // in run, -h is --hostname
        FlagSpec.Parsed run = DockerFlags.RUN.parse(words("-h", "box", "img"), 0);
        assertThat(run.last("hostname").text()).isEqualTo("box");
        assertThat(run.runs()).isTrue();
    }

    @Test
    void hiddenSpellingsShareTheirFlagsValue() {
        FlagSpec.Parsed p = DockerFlags.RUN.parse(words("--net", "a", "--network=b", "--net-alias", "x",
                "--dns-opt", "ndots:1", "img"), 0);
        assertThat(p.all("network")).extracting(FlagSpec.Flag::text).containsExactly("a", "b");
        assertThat(p.all("network-alias")).extracting(FlagSpec.Flag::text).containsExactly("x");
        assertThat(p.all("dns-option")).extracting(FlagSpec.Flag::text).containsExactly("ndots:1");
    }

    @Test
    void tablesAreWellFormed() {
        for (FlagSpec spec : DockerFlags.all()) {
            Set<String> names = new HashSet<>();
            for (CliFlag f : spec.flags()) {
                assertThat(names.add(f.name())).as(spec.path() + " " + f.name()).isTrue();
                assertThat(f.name()).matches("[a-z0-9][a-z0-9-]*");
                if (f.storesAs() != null) {
                    assertThat(spec.flag(f.storesAs())).as(spec.path() + " " + f.name() + " as").isNotNull();
                }
            }
            assertThat(spec.flag("help")).as(spec.path() + " --help").isNotNull();
        }
        assertThat(FlagSuggestions.distance("hots", "host")).isEqualTo(1);
        assertThat(FlagParser.quoteChar('\'')).isEqualTo("'\\''");
    }

    private static List<ShellWord> words(String... values) {
        int at = 0;
        List<ShellWord> out = new java.util.ArrayList<>();
        for (String v : values) {
            out.add(new ShellWord(v, false, at, at + v.length()));
            at += v.length() + 1;
        }
        return out;
    }
}
