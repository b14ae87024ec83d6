package org.deepfact.knime.standin;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a class header or a declared member exactly as a line of KNIME's API listing
 * ({@code knime-standin/api/README.md}): {@code <binary class name> | <declaration> [@Deprecated...]}.
 */
final class ApiLines {

    /** Not part of the API, so the listing leaves them out. */
    private static final int NOT_API = Modifier.SYNCHRONIZED | Modifier.NATIVE | Modifier.STRICT
        | Modifier.TRANSIENT | Modifier.VOLATILE;

    private ApiLines() {
    }

    /** @return whether the listing would contain this class (public or protected) */
    static boolean isApi(final Class<?> c) {
        return (c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0 && !c.isAnonymousClass()
            && !c.isLocalClass() && !c.isSynthetic();
    }

    /** @return whether the listing would contain this member of an API class */
    static boolean isApi(final Member m) {
        if (m.isSynthetic() || (m instanceof Method && ((Method)m).isBridge())) {
            return false;
        }
        return m.getDeclaringClass().isInterface() ? (m.getModifiers() & Modifier.PRIVATE) == 0
            : (m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
    }

    /** @return the class header line */
    static String header(final Class<?> c) {
        final StringBuilder b = new StringBuilder(c.getName()).append(" | ");
        int mods = c.getModifiers() & Modifier.classModifiers() & ~NOT_API;
        final String kind;
        if (c.isInterface()) {
            mods &= ~Modifier.ABSTRACT;
            kind = "interface";
        } else {
            kind = c.isEnum() ? "enum" : "class";
        }
        b.append(modifiers(mods)).append(kind);
        typeParameters(b, c.getTypeParameters());
        final Type sup = c.getGenericSuperclass();
        if (sup != null && sup != Object.class && !c.isEnum()) {
            b.append(" extends ").append(sup.getTypeName());
        }
        final Type[] ifaces = c.getGenericInterfaces();
        if (ifaces.length > 0) {
            b.append(c.isInterface() ? " extends " : " implements ").append(names(ifaces));
        }
        return b.append(deprecation(c.getAnnotation(Deprecated.class))).toString();
    }

    /** @return the line of a declared constructor, method or field */
    static String member(final Member m) {
        final boolean inInterface = m.getDeclaringClass().isInterface();
        final StringBuilder b = new StringBuilder(m.getDeclaringClass().getName()).append(" | ");
        int mods = m.getModifiers() & ~NOT_API;
        if (m instanceof Field) {
            final Field f = (Field)m;
            mods &= Modifier.fieldModifiers();
            if (inInterface) {
                mods &= ~(Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL);
            }
            b.append(modifiers(mods)).append(f.getGenericType().getTypeName()).append(' ').append(f.getName());
            return b.append(deprecation(f.getAnnotation(Deprecated.class))).toString();
        }
        final Executable e = (Executable)m;
        mods &= m instanceof Method ? Modifier.methodModifiers() : Modifier.constructorModifiers();
        if (inInterface) {
            if (((Method)e).isDefault()) {
                b.append("default ");
            }
            mods &= ~(Modifier.PUBLIC | Modifier.ABSTRACT);
        }
        b.append(modifiers(mods));
        if (e.getTypeParameters().length > 0) {
            typeParameters(b, e.getTypeParameters());
            b.append(' ');
        }
        if (e instanceof Constructor) {
            b.append("<init>");
        } else {
            b.append(((Method)e).getGenericReturnType().getTypeName()).append(' ').append(e.getName());
        }
        b.append('(').append(names(e.getGenericParameterTypes())).append(')');
        if (e.getGenericExceptionTypes().length > 0) {
            b.append(" throws ").append(names(e.getGenericExceptionTypes()));
        }
        return b.append(deprecation(e.getAnnotation(Deprecated.class))).toString();
    }

    /** @return a line without its deprecation mark */
    static String withoutDeprecation(final String line) {
        final int at = line.lastIndexOf(" @Deprecated");
        return at < 0 ? line : line.substring(0, at);
    }

    /**
     * @return what identifies a member across versions whatever its modifiers and return type:
     *         {@code class | name(parameters)}, {@code class | <init>(parameters)}, {@code class | field};
     *         for a class header {@code class | }
     */
    static String signatureKey(final String line) {
        final String plain = withoutDeprecation(line);
        final int bar = plain.indexOf(" | ");
        final String owner = plain.substring(0, bar + 3);
        final String decl = plain.substring(bar + 3);
        if (isHeader(decl)) {
            return owner;
        }
        final int paren = decl.indexOf('(');
        if (paren < 0) {
            return owner + decl.substring(decl.lastIndexOf(' ') + 1);
        }
        final int nameStart = decl.lastIndexOf(' ', paren) + 1;
        final int end = decl.indexOf(')', paren);
        return owner + decl.substring(nameStart, end + 1);
    }

    /** @return whether a declaration (the part after {@code " | "}) is a class header */
    static boolean isHeader(final String decl) {
        final String head = decl.split(" <| extends | implements | @", 2)[0];
        return head.endsWith("class") || head.endsWith("interface") || head.endsWith("enum");
    }

    private static String modifiers(final int mods) {
        final String s = Modifier.toString(mods);
        return s.isEmpty() ? "" : s + " ";
    }

    private static void typeParameters(final StringBuilder b, final TypeVariable<?>[] params) {
        if (params.length == 0) {
            return;
        }
        final List<String> rendered = new ArrayList<>();
        for (TypeVariable<?> p : params) {
            final Type[] bounds = p.getBounds();
            final boolean plain = bounds.length == 1 && bounds[0] == Object.class;
            rendered.add(plain ? p.getName() : p.getName() + " extends "
                + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & ")));
        }
        b.append(b.charAt(b.length() - 1) == ' ' ? "" : " ").append('<').append(String.join(", ", rendered))
            .append('>');
    }

    private static String names(final Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }

    private static String deprecation(final Deprecated d) {
        if (d == null) {
            return "";
        }
        final List<String> parts = new ArrayList<>();
        if (d.forRemoval()) {
            parts.add("forRemoval");
        }
        if (!d.since().isEmpty()) {
            parts.add("since " + d.since());
        }
        return parts.isEmpty() ? " @Deprecated" : " @Deprecated(" + String.join(", ", parts) + ")";
    }
}
