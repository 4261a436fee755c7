package dev.netlint.deploy;

import dev.netlint.model.Model;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays every project's deployment (see {@link Deployment}) against one daemon state per project,
 * step by step: each check is asked about the state before the step, in the engine's order (the
 * CLI's validation, then the daemon's create checks, the name, start), and the step is then applied
 * as the daemon would apply it after that verdict. Findings are kept per check, for the rules to
 * collect; the replay runs once per model, whichever rules are enabled, because a refusal changes
 * what follows even when no one reports it.
 */
public final class Simulation {
    /** One thing a check found. */
    public record Found(SourceLocation location, String message, dev.netlint.model.Fix fix) {
    }

    private final Map<Class<?>, List<Found>> found = new HashMap<>();

    private Simulation(Model model, List<? extends StepCheck> checks) {
        List<StepCheck> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparing(StepCheck::phase));
        for (Project p : model.projects()) {
            replay(model, p, ordered);
        }
    }

    /** The simulation of a model with these checks, computed once per model. */
    public static Simulation of(Model model, List<? extends StepCheck> checks) {
        return model.derived(Simulation.class, m -> new Simulation(m, checks));
    }

    /** What one check found, in deployment order. */
    public List<Found> findings(StepCheck check) {
        return found.getOrDefault(check.getClass(), List.of());
    }

    private void replay(Model model, Project p, List<StepCheck> checks) {
        List<Operation> ops = Deployment.of(p, model.activeProfiles());
        if (ops.isEmpty()) {
            return;
        }
        // A script starts from a daemon without swarm unless it initialises one; a compose project may
        // be deployed as a stack onto a swarm, so that is unknown there.
        DeployState state = new DeployState(p.kind() == Project.Kind.SEQUENTIAL ? Boolean.FALSE : null,
                model.activeProfiles());
        for (Operation op : ops) {
            Step step = new Step(model, p, op, model.activeProfiles());
            StepCheck.Verdict verdict = StepCheck.Verdict.ACCEPTED;
            StepCheck.Phase refusedAt = null;
            for (StepCheck check : checks) {
                StepCheck.Phase phase = check.phase();
                boolean runs = phase == StepCheck.Phase.NAME || refusedAt == null || refusedAt == phase;
                if (!runs || (phase == StepCheck.Phase.ADVICE && verdict != StepCheck.Verdict.ACCEPTED)) {
                    continue;
                }
                List<Found> mine = found.computeIfAbsent(check.getClass(), k -> new ArrayList<>());
                StepCheck.Verdict v = check.check(step, state, new Step.Report() {
                    @Override
                    public void report(SourceLocation where, String message) {
                        mine.add(new Found(where, message, null));
                    }

                    @Override
                    public void report(SourceLocation where, String message, dev.netlint.model.Fix fix) {
                        mine.add(new Found(where, message, fix));
                    }
                });
                if (rank(v) > rank(verdict)) {
                    verdict = v;
                }
                if (v == StepCheck.Verdict.REFUSED && refusedAt == null) {
                    refusedAt = phase;
                }
            }
            if (op instanceof Operation.RunContainer r && !Deployment.concurrent(p) && (verdict == StepCheck.Verdict.START_REFUSED
                    || verdict == StepCheck.Verdict.START_REFUSED_UNCERTAIN)) {
                state.hostPorts().countRefusedClaims(step, r.container());
            }
            state.apply(step, verdict);
        }
    }

    private static int rank(StepCheck.Verdict v) {
        return switch (v) {
            case ACCEPTED -> 0;
            case START_REFUSED -> 1;
            case START_REFUSED_UNCERTAIN -> 2;
            case REFUSED -> 3;
        };
    }
}
