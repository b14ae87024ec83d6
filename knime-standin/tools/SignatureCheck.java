import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/**
 * Checks the offline stand-in against the real org.knime.core: every class of the stand-in
 * must exist in the real jar with the same kind and modifiers, supertypes that the real class
 * also has, and every public or protected member with an identical declaration (a throws
 * clause no broader than KNIME's), declared in the class or inherited from a superclass.
 *
 * <pre>
 * java knime-standin/tools/SignatureCheck.java REAL-org.knime.core.jar [knime-standin/target/org.knime.core-5.5.0.jar]
 * </pre>
 *
 * REAL may be a class path of several jars (joined with the path separator) when KNIME keeps
 * some classes in other bundles. Uses javap (JDK), so nothing is loaded or initialised; exit
 * code 1 when anything differs.
 */
public final class SignatureCheck {

    private static final ToolProvider JAVAP = ToolProvider.findFirst("javap")
            .orElseThrow(() -> new IllegalStateException("javap not found: run with a JDK"));

    private final String realJar;
    private final String standinJar;
    private final List<String> problems = new ArrayList<>();

    private SignatureCheck(String realJar, String standinJar) {
        this.realJar = realJar;
        this.standinJar = standinJar;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java SignatureCheck.java REAL-org.knime.core.jar [STANDIN.jar]");
            System.exit(2);
        }
        String standin = args.length == 2 ? args[1] : "knime-standin/target/org.knime.core-5.5.0.jar";
        SignatureCheck check = new SignatureCheck(args[0], standin);
        List<String> classes = classesIn(standin);
        for (String c : classes) {
            check.checkClass(c);
        }
        check.problems.forEach(System.out::println);
        System.out.println(classes.size() + " stand-in classes checked, " + check.problems.size() + " problem(s)");
        System.exit(check.problems.isEmpty() ? 0 : 1);
    }

    private static List<String> classesIn(String jar) throws Exception {
        try (JarFile f = new JarFile(jar)) {
            return f.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.contains("module-info"))
                    .map(n -> n.substring(0, n.length() - 6).replace('/', '.'))
                    .sorted().collect(Collectors.toList());
        }
    }

    private void checkClass(String name) {
        Decl mine = Decl.parse(javap(standinJar, name));
        if (mine.header == null) {
            return; // private nested class: not API
        }
        if (!mine.header.startsWith("public") && !mine.header.startsWith("protected")) {
            return;
        }
        Decl real = Decl.parse(javap(realJar, name));
        if (real.header == null) {
            problems.add("MISSING CLASS " + name);
            return;
        }
        if (!modifiers(mine.header).equals(modifiers(real.header))) {
            problems.add("CLASS " + name + ": stand-in '" + mine.header + "' vs KNIME '" + real.header + "'");
        }
        Set<String> realSupers = allSupertypes(name);
        for (String s : mine.supertypes()) {
            if (!s.equals("java.lang.Object") && !realSupers.contains(s)) {
                problems.add("SUPERTYPE " + name + ": stand-in has " + s + ", KNIME does not");
            }
        }
        for (String member : mine.members) {
            if (!(member.startsWith("public") || member.startsWith("protected"))) {
                continue;
            }
            if (!hasMember(realJar, name, member, true)) {
                problems.add("MEMBER " + name + ": " + member);
            }
        }
        // An abstract method only KNIME has would break our subclasses against the real jar.
        for (String member : real.members) {
            if (member.contains(" abstract ") && !hasMember(standinJar, name, member, false)) {
                problems.add("ABSTRACT IN KNIME ONLY " + name + ": " + member);
            }
        }
    }

    /**
     * The declaration, in the jar's class or one of its superclasses there; with checkThrows,
     * only with a throws clause at least as broad as the member's.
     */
    private static boolean hasMember(String jar, String className, String member, boolean checkThrows) {
        String bare = withoutThrows(member);
        Set<String> wanted = throwsOf(member);
        for (String c = className; c != null; ) {
            Decl decl = Decl.parse(javap(jar, c));
            if (decl.header == null) {
                return false;
            }
            for (String m : decl.members) {
                if (withoutThrows(m).equals(bare) && (!checkThrows || throwsOf(m).containsAll(wanted))) {
                    return true;
                }
            }
            c = decl.superclass();
        }
        return false;
    }

    private Set<String> allSupertypes(String name) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(name));
        while (!todo.isEmpty()) {
            Decl d = Decl.parse(javap(realJar, todo.remove(0)));
            for (String s : d.supertypes()) {
                if (out.add(s)) {
                    todo.add(s);
                }
            }
        }
        return out;
    }

    private static String withoutThrows(String member) {
        int i = member.indexOf(" throws ");
        return i < 0 ? member : member.substring(0, i) + ";";
    }

    private static Set<String> throwsOf(String member) {
        int i = member.indexOf(" throws ");
        if (i < 0) {
            return Set.of();
        }
        String list = member.substring(i + 8, member.length() - 1);
        return Arrays.stream(list.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> modifiers(String header) {
        Set<String> out = new TreeSet<>();
        for (String word : header.split("[ <]")) {
            switch (word) {
                case "public", "protected", "final", "abstract", "static", "interface", "class", "enum" -> out.add(word);
                default -> { }
            }
        }
        if (out.contains("interface")) {
            out.remove("abstract"); // javap prints interfaces as "abstract interface" in places
        }
        return out;
    }

    /** javap -p output for a class of a jar; empty when the class is not there. */
    private static String javap(String jar, String className) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = JAVAP.run(new PrintWriter(out), new PrintWriter(err), "-p", "-classpath", jar, className);
        return rc == 0 ? out.toString() : "";
    }

    /** A class as javap prints it: header line and member lines. */
    private record Decl(String header, List<String> members) {

        static Decl parse(String javap) {
            String header = null;
            List<String> members = new ArrayList<>();
            for (String raw : javap.split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("Compiled from") || line.equals("}")) {
                    continue;
                }
                if (header == null && line.endsWith("{")) {
                    header = line.substring(0, line.length() - 1).strip();
                } else if (line.endsWith(";")) {
                    members.add(line.replace("default ", ""));
                }
            }
            return new Decl(header, members);
        }

        String superclass() {
            if (header == null || header.contains(" interface ")) {
                return null;
            }
            String h = stripGenerics(header);
            int i = h.indexOf(" extends ");
            if (i < 0) {
                return null;
            }
            String rest = h.substring(i + 9);
            int end = rest.indexOf(" implements ");
            return (end < 0 ? rest : rest.substring(0, end)).strip();
        }

        List<String> supertypes() {
            if (header == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            String h = stripGenerics(header);
            for (String keyword : new String[] {" extends ", " implements "}) {
                int i = h.indexOf(keyword);
                if (i >= 0) {
                    String rest = h.substring(i + keyword.length());
                    int end = keyword.equals(" extends ") ? rest.indexOf(" implements ") : -1;
                    for (String s : (end < 0 ? rest : rest.substring(0, end)).split(",")) {
                        out.add(s.strip());
                    }
                }
            }
            return out;
        }

        private static String stripGenerics(String s) {
            StringBuilder b = new StringBuilder();
            int depth = 0;
            for (char ch : s.toCharArray()) {
                if (ch == '<') {
                    depth++;
                } else if (ch == '>') {
                    depth--;
                } else if (depth == 0) {
                    b.append(ch);
                }
            }
            return b.toString();
        }
    }
}
