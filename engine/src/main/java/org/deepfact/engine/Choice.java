package org.deepfact.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A choice users spell in files, settings and on the command line: each engine enum of choices
 * (initialisation, optimizer, sampling scheme, stop reason, ...) owns its public ids here, so the
 * CLI, the node settings, the CSV writers and the node descriptions all take them from one place.
 */
public interface Choice {

    /** @return the constant's name (every enum has it) */
    String name();

    /**
     * @return the public id, lower-case snake, e.g. "max_iterations"; by default the constant's
     *         name in lower case
     */
    default String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return other spellings accepted when parsing (never written) */
    default List<String> aliases() {
        return List.of();
    }

    /** @return the ids of every constant of {@code type}, in declaration order */
    static <E extends Enum<E> & Choice> String[] ids(Class<E> type) {
        E[] all = type.getEnumConstants();
        String[] ids = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            ids[i] = all[i].id();
        }
        return ids;
    }

    /** @return e.g. "gd, grouprmsprop or adam" */
    static <E extends Enum<E> & Choice> String describe(Class<E> type) {
        String[] ids = ids(type);
        return ids.length == 1 ? ids[0]
                : String.join(", ", List.of(ids).subList(0, ids.length - 1)) + " or " + ids[ids.length - 1];
    }

    /**
     * Parses an id or alias, ignoring case and surrounding blanks.
     *
     * @param what the name of the choice in the error message, e.g. "optimizer"
     * @throws IllegalArgumentException naming the text and the accepted ids
     */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String text, String what) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            List<String> names = new ArrayList<>(e.aliases());
            names.add(e.id());
            if (names.contains(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown " + what + " '" + text + "': expected " + describe(type));
    }
}
