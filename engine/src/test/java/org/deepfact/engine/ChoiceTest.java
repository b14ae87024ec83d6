package org.deepfact.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deepfact.engine.data.SamplingScheme;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.StopReason;
import org.junit.jupiter.api.Test;

/** The public spellings every writer and reader of choices relies on. */
class ChoiceTest {

    @Test
    void idsAreTheDocumentedSpellingsInDeclarationOrder() {
        assertArrayEquals(new String[] {"gd", "grouprmsprop", "adam"}, Choice.ids(OptimizerKind.class));
        assertArrayEquals(new String[] {"gaussian", "uniform", "identity", "orthogonal"}, Choice.ids(InitKind.class));
        assertArrayEquals(new String[] {"converged", "max_iterations", "diverged"}, Choice.ids(StopReason.class));
        assertArrayEquals(new String[] {"uniform_count", "uniform_fraction", "bernoulli", "per_row", "power_law"},
                Choice.ids(SamplingScheme.class));
    }

    @Test
    void parseTakesIdsAndAliasesInAnyCaseAndRoundTrips() {
        for (OptimizerKind k : OptimizerKind.values()) {
            assertEquals(k, OptimizerKind.parse(k.id()));
        }
        assertEquals(OptimizerKind.GD, OptimizerKind.parse(" SGD "));
        assertEquals(OptimizerKind.GROUP_RMSPROP, OptimizerKind.parse("Group_RMSprop"));
        assertEquals(InitKind.IDENTITY, InitKind.parse("IDENTITY"));
        assertEquals(StopReason.MAX_ITERATIONS, StopReason.parse("max_iterations"));
    }

    @Test
    void anUnknownSpellingNamesItAndTheAcceptedIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("lbfgs"));
        assertEquals("Unknown optimizer 'lbfgs': expected gd, grouprmsprop or adam", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InitKind.parse(null));
    }
}
