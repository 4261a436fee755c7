package dev.netlint.rules;

import dev.netlint.deploy.Simulation;
import dev.netlint.deploy.StepCheck;
import dev.netlint.model.Model;

/**
 * A rule that judges deploy steps: its {@link StepCheck#check} holds the condition and the message;
 * the shared {@link Simulation} replays every input (compose, scripts) and asks it at each step.
 */
public abstract class SimulatedRule implements Rule, StepCheck {
    @Override
    public final void check(Model model, FindingSink out) {
        for (Simulation.Found f : Simulation.of(model, RuleRegistry.stepChecks()).findings(this)) {
            out.report(this, f.location(), f.message(), f.fix());
        }
    }
}
