package dev.netlint.deploy;

/**
 * One check the daemon (or the docker CLI before it) makes on one deploy step. A rule implements it
 * with its own condition and message; the {@link Simulation} calls it with the state before the
 * step and applies the step as the daemon would after its verdict.
 */
public interface StepCheck {
    /** When the check runs; a refusal in one phase skips the later ones, as the engine stops there. */
    enum Phase {
        /** The docker CLI's own validation, before anything reaches the daemon. */
        CLI,
        /** The daemon's create-time validation (verifyContainerSettings, network create, connect). */
        CREATE,
        /** Name reservation: runs even after an earlier refusal of the same command is reported. */
        NAME,
        /** Refusals when the container starts (endpoint and address allocation, port binding). */
        START,
        /** Checks of a connect or disconnect against the container's attachments, after its endpoint settings. */
        ATTACHMENTS,
        /** Accepted but wrong: warnings and notes that change nothing. */
        ADVICE
    }

    /** What the daemon does with the step, as far as this check knows. */
    enum Verdict {
        ACCEPTED,
        /** Refused: nothing changes. */
        REFUSED,
        /** The container is created and fails to start; it holds its name, not its addresses. */
        START_REFUSED,
        /** The container is created and fails to start, and what it holds is no longer certain. */
        START_REFUSED_UNCERTAIN
    }

    Phase phase();

    /** Judges one step against the state before it; reports through {@code out}. */
    Verdict check(Step step, DeployState state, Step.Report out);
}
