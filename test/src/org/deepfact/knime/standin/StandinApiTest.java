package org.deepfact.knime.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.deepfact.knime.testing.BundleClasses;
import org.knime.core.data.DataCell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The stand-in must be a subset of KNIME's real API, so that what compiles offline compiles against KNIME: every
 * public or protected class and member of the stand-in bundle (read from its entries, not from a hand list) is
 * rendered as a line of KNIME's API listing ({@code knime-standin/api/}, shipped inside the stand-in bundle) and must
 * be there, character for character: kind, modifiers, generic signature, checked exceptions, deprecation. Second,
 * nothing of KNIME that the plugin uses (read from the constant pools of its classes, plus the KNIME methods it
 * overrides) may be gone, changed or deprecated for removal in KNIME 5.11.0, except the classic {@code NodeFactory}
 * dialog and view methods named in {@link #KNOWN_FOR_REMOVAL}. Third, SIGNATURES.md lists exactly the stand-in's API.
 * Skipped against the real org.knime.core (no listing in it).
 */
class StandinApiTest {

    /** The reference: the lowest KNIME the plugin accepts. */
    private static final String REFERENCE = "5.5.0";

    /** The newest release listed, to see what is deprecated for removal since. */
    private static final String NEWEST = "5.11.0";

    /**
     * Deprecated for removal since 5.6 but abstract in NodeFactory, so every classic node must implement them; they
     * are our reason to move to the modern dialogs (NodeParameters) later.
     */
    private static final Set<String> KNOWN_FOR_REMOVAL = Set.of(
        "org.knime.core.node.NodeFactory | createNodeView(int, T)",
        "org.knime.core.node.NodeFactory | hasDialog()",
        "org.knime.core.node.NodeFactory | createNodeDialogPane()");

    /**
     * Stand-in classes in packages the listing does not cover; checked by hand against KNIME's source (see
     * SIGNATURES.md). A new class here must be added deliberately.
     */
    private static final Set<String> NOT_IN_LISTING =
        Set.of("org.knime.core.data.filestore.internal.NotInWorkflowDataRepository");

    private static final Pattern KNIME_TYPE = Pattern.compile("(?:^|L)(org/knime/[A-Za-z0-9_/$]+)");

    private static final Bundle STANDIN = FrameworkUtil.getBundle(DataCell.class);

    @Test
    void everyStandinClassAndMemberIsKnime550Api() throws Exception {
        final Listing knime = listing(REFERENCE);
        final List<Class<?>> classes = standinClasses();
        assertTrue(classes.size() > 50, "found too few stand-in classes to check: " + classes);
        final List<String> problems = new ArrayList<>();
        final Set<String> unlisted = new TreeSet<>();
        int checked = 0;
        for (Class<?> c : classes) {
            if (!ApiLines.isApi(c)) {
                if (c.getEnclosingClass() == null && !c.isSynthetic()) {
                    problems.add("non-public top-level class (KNIME's package has no such class): " + c.getName());
                }
                continue;
            }
            if (!knime.packages.contains(c.getPackageName())) {
                unlisted.add(c.getName());
                continue;
            }
            checkHeader(c, knime, problems);
            final Set<String> rendered = new TreeSet<>();
            for (Member m : declaredMembers(c)) {
                if (ApiLines.isApi(m)) {
                    final String line = ApiLines.member(m);
                    rendered.add(line);
                    checked++;
                    if (!knime.lines.contains(line)) {
                        problems.add(mismatch(line, knime));
                    }
                }
            }
            if (isSubclassable(c)) {
                // a subclass that compiles offline must not miss an abstract method KNIME demands
                for (String line : knime.byClass.getOrDefault(c.getName(), List.of())) {
                    final String decl = line.split(" \\| ", 2)[1];
                    if (!ApiLines.isHeader(decl) && decl.matches("(public|protected) abstract .*")
                        && !rendered.contains(line)) {
                        problems.add("abstract in KNIME " + REFERENCE + " but missing in the stand-in:\n    " + line);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " difference(s) between the stand-in and KNIME " + REFERENCE + ":\n"
                + String.join("\n", problems));
        }
        assertEquals(NOT_IN_LISTING, unlisted, "stand-in classes in packages the listing does not cover");
        assertTrue(checked > 300, "checked too few members: " + checked);
    }

    @Test
    void nothingThePluginUsesIsGoneChangedOrDeprecatedForRemovalIn511() throws Exception {
        final Listing newest = listing(NEWEST);
        final Bundle plugin = FrameworkUtil.getBundle(getClass());
        final List<String> classFiles = BundleClasses.entries(plugin, "org/");
        assertTrue(classFiles.size() > 20, "found too few plugin classes to scan: " + classFiles);
        final Set<String> used = new TreeSet<>();
        final List<String> problems = new ArrayList<>();
        for (String path : classFiles) {
            final Class<?> c = plugin.loadClass(BundleClasses.className(path));
            final ConstantPool pool;
            try (InputStream in = plugin.getEntry(path).openStream()) {
                pool = new ConstantPool(in.readAllBytes());
            }
            for (ConstantPool.Ref ref : pool.refs) {
                if (ref.owner().startsWith("[") || ref.owner().startsWith("java")) {
                    continue;
                }
                final Member m = resolve(plugin.loadClass(ref.owner()), ref);
                if (m == null) {
                    problems.add("cannot resolve " + ref + " used in " + c.getName());
                } else if (m.getDeclaringClass().getName().startsWith("org.knime.")) {
                    used.add(ApiLines.member(m));
                }
            }
            for (String s : pool.utf8) {
                final Matcher t = KNIME_TYPE.matcher(s);
                while (t.find()) {
                    used.add(ApiLines.header(plugin.loadClass(t.group(1).replace('/', '.'))));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                final Method overridden = overriddenKnimeMethod(m);
                if (overridden != null) {
                    used.add(ApiLines.member(overridden));
                }
            }
        }
        assertTrue(used.size() > 50, "found too few KNIME members used by the plugin: " + used);
        final Set<String> knownSeen = new TreeSet<>();
        for (String line : used) {
            final String key = ApiLines.signatureKey(line);
            final String now = newest.bySignature.get(key);
            if (now == null) {
                problems.add("used by the plugin but not in KNIME " + NEWEST + " (removed or changed):\n    " + line);
            } else if (now.contains("@Deprecated(forRemoval")) {
                if (KNOWN_FOR_REMOVAL.contains(key)) {
                    knownSeen.add(key);
                } else {
                    problems.add("used by the plugin, deprecated for removal in KNIME " + NEWEST + ":\n    " + now);
                }
            } else if (!sameDeclaration(line, now)) {
                problems.add("used by the plugin, changed in KNIME " + NEWEST + ":\n    " + REFERENCE + ": " + line
                    + "\n    " + NEWEST + ": " + now);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        // the scan sees overrides: every node factory implements the known ones
        assertEquals(KNOWN_FOR_REMOVAL, knownSeen, "known deprecated-for-removal members the plugin uses");
    }

    /**
     * SIGNATURES.md lists the stand-in's API as lines of the listing (shipped in the stand-in bundle beside it); it must
     * list exactly what the stand-in has, so it cannot drift either. On failure the message is the section to paste.
     */
    @Test
    void signaturesMdListsExactlyTheStandinApi() throws Exception {
        listing(REFERENCE); // skips against the real org.knime.core
        final URL doc = STANDIN.getEntry("SIGNATURES.md");
        assertTrue(doc != null, "SIGNATURES.md is not in the stand-in bundle (build.properties)");
        final Set<String> documented = new TreeSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(doc.openStream(), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> l.startsWith("org.knime.") && l.contains(" | ")).forEach(documented::add);
        }
        final Map<String, List<String>> byPackage = new TreeMap<>();
        final Set<String> actual = new TreeSet<>();
        for (Class<?> c : standinClasses()) {
            if (ApiLines.isApi(c)) {
                final List<String> lines = new ArrayList<>(List.of(ApiLines.header(c)));
                declaredMembers(c).stream().filter(ApiLines::isApi).map(ApiLines::member).sorted()
                    .forEach(lines::add);
                actual.addAll(lines);
                byPackage.computeIfAbsent(c.getPackageName(), k -> new ArrayList<>()).addAll(lines);
            }
        }
        if (!documented.equals(actual)) {
            final StringBuilder section = new StringBuilder();
            byPackage.forEach((pkg, lines) -> section.append("\n### ").append(pkg).append("\n\n```text\n")
                .append(String.join("\n", lines)).append("\n```\n"));
            fail("SIGNATURES.md does not list the stand-in's API; its API section should read:\n" + section);
        }
    }

    private static void checkHeader(final Class<?> c, final Listing knime, final List<String> problems) {
        final String line = ApiLines.header(c);
        final String expected = knime.bySignature.get(c.getName() + " | ");
        if (expected == null) {
            problems.add("class KNIME " + REFERENCE + " does not have:\n    stand-in: " + line);
            return;
        }
        if (line.equals(expected)) {
            return;
        }
        // A stand-in may leave out supertypes KNIME has (fewer members visible offline is safe), nothing else.
        final Header ours = new Header(line);
        final Header theirs = new Header(expected);
        boolean ok = ours.prefix.equals(theirs.prefix) && ours.deprecation.equals(theirs.deprecation);
        final Set<String> knimeSupertypes = knime.supertypeClosure(c.getName());
        if (ours.superclass != null && !ours.superclass.equals(theirs.superclass)
            && !knimeSupertypes.contains(erasure(ours.superclass))) {
            ok = false;
        }
        for (String i : ours.interfaces) {
            ok &= theirs.interfaces.contains(i) || knimeSupertypes.contains(erasure(i));
        }
        if (!ok) {
            problems.add("class header differs:\n    stand-in: " + line + "\n    expected: " + expected);
        }
    }

    /** @return whether two lines declare the same, apart from deprecation (and a header's supertypes) */
    private static boolean sameDeclaration(final String a, final String b) {
        final String decl = a.substring(a.indexOf(" | ") + 3);
        return ApiLines.isHeader(ApiLines.withoutDeprecation(decl)) ? new Header(a).prefix.equals(new Header(b).prefix)
            : ApiLines.withoutDeprecation(a).equals(ApiLines.withoutDeprecation(b));
    }

    /** @return whether the plugin could extend this class: abstract, with a public or protected constructor */
    private static boolean isSubclassable(final Class<?> c) {
        return !c.isInterface() && Modifier.isAbstract(c.getModifiers()) && Arrays.stream(c.getDeclaredConstructors())
            .anyMatch(k -> (k.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0);
    }

    private static String mismatch(final String line, final Listing knime) {
        final String key = ApiLines.signatureKey(line);
        final String expected = knime.bySignature.get(key);
        if (expected != null) {
            return "member differs:\n    stand-in: " + line + "\n    expected: " + expected;
        }
        // nothing with these parameters here: show what KNIME has under that name, here or elsewhere
        final String owner = key.substring(0, key.indexOf(" | "));
        final String member = key.substring(key.indexOf(" | ") + 3);
        final String name = member.contains("(") ? member.substring(0, member.indexOf('(') + 1) : member;
        final List<String> here = knime.byClass.getOrDefault(owner, List.of()).stream()
            .filter(l -> ApiLines.signatureKey(l).startsWith(owner + " | " + name)).collect(Collectors.toList());
        final String pkg = owner.substring(0, owner.lastIndexOf('.') + 1);
        final Set<String> elsewhere = knime.bySignature.keySet().stream()
            .filter(k -> k.substring(k.indexOf(" | ") + 3).equals(member) && !k.startsWith(owner + " | "))
            .map(k -> k.substring(0, k.indexOf(" | ")))
            .filter(o -> o.startsWith(pkg) && o.indexOf('.', pkg.length()) < 0)
            .collect(Collectors.toCollection(TreeSet::new));
        return "member KNIME " + REFERENCE + " does not declare in this class:\n    stand-in: " + line
            + (here.isEmpty() ? "\n    expected: nothing named " + name.replace("(", "") + " in " + owner
                : here.stream().map(l -> "\n    expected one of: " + l).collect(Collectors.joining()))
            + (elsewhere.isEmpty() ? "" : "\n    (in its package KNIME declares " + member + " in " + elsewhere + ")");
    }

    private static List<Member> declaredMembers(final Class<?> c) {
        final List<Member> members = new ArrayList<>();
        members.addAll(Arrays.asList(c.getDeclaredConstructors()));
        members.addAll(Arrays.asList(c.getDeclaredMethods()));
        members.addAll(Arrays.asList(c.getDeclaredFields()));
        return members;
    }

    /** @return every class of the stand-in bundle, from its .class entries */
    private static List<Class<?>> standinClasses() throws ClassNotFoundException {
        final List<Class<?>> classes = new ArrayList<>();
        for (String path : BundleClasses.entries(STANDIN, "org/knime/")) {
            classes.add(STANDIN.loadClass(BundleClasses.className(path)));
        }
        classes.sort((a, b) -> a.getName().compareTo(b.getName()));
        return classes;
    }

    /** @return the field or method a reference lands on, searching the owner's supertypes as the JVM does */
    private static Member resolve(final Class<?> owner, final ConstantPool.Ref ref) {
        for (Class<?> c : supertypes(owner)) {
            if (ref.field()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(ref.name()) && descriptor(f.getType()).equals(ref.descriptor())) {
                        return f;
                    }
                }
            } else {
                final List<Executable> candidates = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
                candidates.addAll(Arrays.asList(c.getDeclaredConstructors()));
                for (Executable e : candidates) {
                    final String name = e instanceof Constructor ? "<init>" : e.getName();
                    if (name.equals(ref.name()) && descriptor(e).equals(ref.descriptor())) {
                        return e;
                    }
                }
                if ("<init>".equals(ref.name())) {
                    return null;
                }
            }
        }
        return null;
    }

    /** @return the KNIME method {@code m} overrides or implements, or null */
    private static Method overriddenKnimeMethod(final Method m) {
        if (m.isSynthetic() || m.isBridge() || Modifier.isStatic(m.getModifiers())
            || Modifier.isPrivate(m.getModifiers())) {
            return null;
        }
        final List<Class<?>> supers = supertypes(m.getDeclaringClass());
        for (Class<?> c : supers.subList(1, supers.size())) {
            if (!c.getName().startsWith("org.knime.")) {
                continue;
            }
            try {
                final Method o = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (!Modifier.isPrivate(o.getModifiers()) && !Modifier.isStatic(o.getModifiers())) {
                    return o;
                }
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return null;
    }

    /** @return the class, its superclasses, then all its interfaces (breadth first) */
    private static List<Class<?>> supertypes(final Class<?> start) {
        final List<Class<?>> order = new ArrayList<>();
        for (Class<?> c = start; c != null; c = c.getSuperclass()) {
            order.add(c);
        }
        final Set<Class<?>> seen = new LinkedHashSet<>(order);
        final Deque<Class<?>> queue = new ArrayDeque<>(order);
        while (!queue.isEmpty()) {
            for (Class<?> i : queue.poll().getInterfaces()) {
                if (seen.add(i)) {
                    queue.add(i);
                }
            }
        }
        return new ArrayList<>(seen);
    }

    private static String descriptor(final Executable e) {
        final String params = Arrays.stream(e.getParameterTypes()).map(StandinApiTest::descriptor)
            .collect(Collectors.joining());
        final Class<?> ret = e instanceof Method ? ((Method)e).getReturnType() : void.class;
        return "(" + params + ")" + descriptor(ret);
    }

    private static String descriptor(final Class<?> t) {
        if (t.isArray()) {
            return t.getName().replace('.', '/');
        }
        if (!t.isPrimitive()) {
            return "L" + t.getName().replace('.', '/') + ";";
        }
        return Map.of(int.class, "I", long.class, "J", double.class, "D", float.class, "F", boolean.class, "Z",
            byte.class, "B", char.class, "C", short.class, "S", void.class, "V").get(t);
    }

    private static String erasure(final String type) {
        final int lt = type.indexOf('<');
        return lt < 0 ? type : type.substring(0, lt);
    }

    /** @return the listing shipped in the stand-in bundle; skips the test against the real org.knime.core */
    private static Listing listing(final String version) throws IOException {
        final URL url = STANDIN.getEntry("api/org.knime.core-" + version + ".api.txt");
        assumeTrue(url != null, "org.knime.core is not the stand-in (it carries no API listing)");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            return new Listing(r.lines().filter(l -> l.contains(" | ")).collect(Collectors.toList()));
        }
    }

    /** One version's listing, indexed. */
    private static final class Listing {
        final Set<String> lines = new LinkedHashSet<>();

        final Map<String, List<String>> byClass = new HashMap<>();

        final Map<String, String> bySignature = new HashMap<>();

        final Set<String> packages = new TreeSet<>();

        Listing(final List<String> all) {
            for (String line : all) {
                lines.add(line);
                final String owner = line.substring(0, line.indexOf(" | "));
                byClass.computeIfAbsent(owner, k -> new ArrayList<>()).add(line);
                bySignature.putIfAbsent(ApiLines.signatureKey(line), line);
                packages.add(owner.substring(0, owner.lastIndexOf('.')));
            }
        }

        /** @return the erased names of all supertypes of a listed class (listed ones and Java's) */
        Set<String> supertypeClosure(final String className) {
            final Set<String> out = new TreeSet<>();
            final Deque<String> todo = new ArrayDeque<>(List.of(className));
            while (!todo.isEmpty()) {
                final String name = todo.poll();
                final String header = bySignature.get(name + " | ");
                final List<String> direct = new ArrayList<>();
                if (header != null) {
                    final Header h = new Header(header);
                    if (h.superclass != null) {
                        direct.add(erasure(h.superclass));
                    }
                    h.interfaces.forEach(i -> direct.add(erasure(i)));
                } else {
                    javaSupertypes(name).forEach(direct::add);
                }
                for (String d : direct) {
                    if (out.add(d)) {
                        todo.add(d);
                    }
                }
            }
            return out;
        }

        private static Stream<String> javaSupertypes(final String name) {
            try {
                final Class<?> c = Class.forName(name, false, ClassLoader.getSystemClassLoader());
                final List<Class<?>> direct = new ArrayList<>(Arrays.asList(c.getInterfaces()));
                if (c.getSuperclass() != null) {
                    direct.add(c.getSuperclass());
                }
                return direct.stream().map(Class::getName);
            } catch (ClassNotFoundException e) {
                return Stream.empty(); // a KNIME type outside the listed packages
            }
        }
    }

    /** A class header split at its top-level {@code extends} / {@code implements}. */
    private static final class Header {
        final String prefix;

        final String superclass;

        final List<String> interfaces;

        final String deprecation;

        Header(final String line) {
            final String plain = ApiLines.withoutDeprecation(line);
            deprecation = line.substring(plain.length());
            final int ext = topLevel(plain, " extends ");
            final int impl = topLevel(plain, " implements ");
            final boolean isInterface = plain.contains(" interface");
            final int end = Stream.of(ext, impl).filter(i -> i >= 0).min(Integer::compare).orElse(plain.length());
            prefix = plain.substring(0, end);
            String sup = null;
            List<String> ifaces = Collections.emptyList();
            if (ext >= 0) {
                final String rest = plain.substring(ext + 9, impl >= 0 ? impl : plain.length());
                if (isInterface) {
                    ifaces = splitTopLevel(rest);
                } else {
                    sup = rest;
                }
            }
            if (impl >= 0) {
                ifaces = splitTopLevel(plain.substring(impl + 12));
            }
            superclass = sup;
            interfaces = ifaces;
        }

        private static int topLevel(final String s, final String word) {
            int depth = 0;
            for (int i = 0; i < s.length(); i++) {
                final char ch = s.charAt(i);
                depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
                if (depth == 0 && s.startsWith(word, i)) {
                    return i;
                }
            }
            return -1;
        }

        private static List<String> splitTopLevel(final String s) {
            final List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                final char ch = s.charAt(i);
                depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
                if (depth == 0 && ch == ',') {
                    parts.add(s.substring(start, i).trim());
                    start = i + 1;
                }
            }
            parts.add(s.substring(start).trim());
            return parts;
        }
    }
}
