package org.deepfact.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.deepfact.engine.Choice;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line spellings of the engine's choices: picocli converters and completion candidates
 * that take the ids from the engine enums, so an option accepts and lists exactly what the
 * engine, the CSVs and the KNIME settings use.
 */
final class ChoiceOptions {

    private ChoiceOptions() {
    }

    /**
     * Accepts exactly the ids {@link Choice#ids} lists (any case), not the engine's aliases: the
     * command line's spellings are a contract and stay the ones it documents.
     */
    abstract static class Of<E extends Enum<E> & Choice> implements ITypeConverter<E>, Iterable<String> {
        private final Class<E> type;
        private final String what;

        Of(Class<E> type, String what) {
            this.type = type;
            this.what = what;
        }

        @Override
        public E convert(String value) {
            if (!List.of(Choice.ids(type)).contains(value.trim().toLowerCase(Locale.ROOT))) {
                throw new TypeConversionException("unknown " + what + " '" + value + "': expected "
                        + Choice.describe(type));
            }
            return Choice.parse(type, value, what);
        }

        @Override
        public Iterator<String> iterator() {
            return List.of(Choice.ids(type)).iterator();
        }
    }

    static final class Init extends Of<InitKind> {
        Init() {
            super(InitKind.class, "initialisation");
        }
    }

    static final class Factorization extends Of<org.deepfact.engine.model.Factorization> {
        Factorization() {
            super(org.deepfact.engine.model.Factorization.class, "factorization");
        }
    }

    static final class Optimizer extends Of<OptimizerKind> {
        Optimizer() {
            super(OptimizerKind.class, "optimizer");
        }
    }
}
