package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL402", name = "connect-shared-stack-container", severity = Severity.ERROR,
        summary = "A script connects a container that runs in host, none or container: network mode to another network.")
public final class ConnectSharedStackContainer extends SimulationRule {
    public ConnectSharedStackContainer() {
        super(ScriptSimulator.Kind.CONNECT_SHARED_STACK);
    }
}
