package org.deepfact.cli.reproduce;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reproduce}: the paper's figures from one command, on the same engine as the nodes. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduces the figures of Arora, Cohen, Hu, Luo, 'Implicit Regularization in Deep Matrix "
                + "Factorization' (NeurIPS 2019) with the engine the KNIME nodes use. Start with "
                + "'reproduce completion --quick'.",
        subcommands = {CompletionCommand.class, SensingCommand.class, DynamicsCommand.class, NormsCommand.class,
            GlrlCommand.class, GunasekarCommand.class, TensorCommand.class, MergeCommand.class})
public final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: completion, sensing, dynamics, norms, glrl, gunasekar, tensor or merge");
    }
}
