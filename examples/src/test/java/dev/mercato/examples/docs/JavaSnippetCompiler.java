package dev.mercato.examples.docs;

import dev.mercato.examples.docs.DocSnippets.Snippet;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the java blocks of the docs in one compiler run against the test class path, each block
 * in a package of its own, and reports every error at its page and line (see {@link DocSnippets}
 * for how a block is wrapped).
 */
final class JavaSnippetCompiler {
    /** What every block may use without importing it. */
    static final List<String> STANDARD_IMPORTS = List.of(
            "java.math.BigDecimal", "java.time.*", "java.util.*", "java.util.function.*",
            "javax.money.*", "org.javamoney.moneta.Money",
            "dev.mercato.pricing.error.*", "dev.mercato.pricing.money.*", "dev.mercato.pricing.commission.*",
            "dev.mercato.pricing.fee.*", "dev.mercato.pricing.revenue.*", "dev.mercato.pricing.promotion.*",
            "dev.mercato.pricing.promotion.rule.*", "dev.mercato.pricing.promotion.json.*",
            "dev.mercato.pricing.revenue.json.*", "dev.mercato.pricing.membership.*", "dev.mercato.pricing.tax.*",
            "dev.mercato.pricing.testkit.*",
            "dev.mercato.payments.*", "dev.mercato.payments.sandbox.*", "dev.mercato.payments.contract.*",
            "dev.mercato.logistics.*", "dev.mercato.logistics.sandbox.*", "dev.mercato.logistics.contract.*",
            "dev.mercato.core.*", "dev.mercato.core.actor.*", "dev.mercato.core.cart.*", "dev.mercato.core.catalog.*",
            "dev.mercato.core.checkout.*", "dev.mercato.core.event.*", "dev.mercato.core.inventory.*",
            "dev.mercato.core.order.*", "dev.mercato.core.storage.*", "dev.mercato.core.storage.memory.*",
            "dev.mercato.core.ledger.*", "dev.mercato.core.escrow.*", "dev.mercato.core.fulfilment.*",
            "dev.mercato.core.timer.*", "dev.mercato.core.membership.*", "dev.mercato.core.settlement.*",
            "dev.mercato.core.promotion.*", "dev.mercato.core.seller.*", "dev.mercato.core.risk.*",
            "dev.mercato.core.review.*", "dev.mercato.storage.postgres.*",
            "net.jqwik.api.*", "static org.junit.jupiter.api.Assertions.*", "dev.mercato.examples.docs.host.*");

    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^(@\\w+(\\(.*\\))?\\s+)*((public|protected|private|abstract|static|final|sealed|non-sealed|strictfp)\\s+)*"
                    + "(class|interface|enum|record|@interface)\\s+\\w+");
    private static final Pattern MEMBER_START = Pattern.compile(
            "^(@\\w+|(public|protected|private|static|final|abstract|default|synchronized)\\s)");
    private static final Pattern RETURN_AT_MARGIN = Pattern.compile("(?m)^return\\b");
    private static final Pattern LEADING_IMPORT = Pattern.compile("\\s*(import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;)");
    private static final String WRAPPER = "Snippet";

    /** How a block is turned into a compilation unit. */
    enum Shape { COMPILATION_UNIT, MEMBERS, STATEMENTS }

    /** One block as generated source, with where its body starts in that source. */
    record Unit(Snippet snippet, String packageName, String source, int bodyStartLine, int bodyLines, Shape shape) {
        String className() {
            return packageName + "." + WRAPPER;
        }
    }

    /** The result: the problems, one line each, and the classes written (for running). */
    record Result(List<String> problems, Path classes, List<Unit> units) {
    }

    private JavaSnippetCompiler() {
    }

    static Shape shapeOf(String code) {
        String start = code.strip();
        if (TYPE_DECLARATION.matcher(code).find()) {
            return Shape.COMPILATION_UNIT;
        }
        return MEMBER_START.matcher(start).find() ? Shape.MEMBERS : Shape.STATEMENTS;
    }

    /** The generated source of block {@code index}. */
    static Unit unitOf(Snippet snippet, int index) {
        String packageName = "docsnippets.s" + index;
        List<String> imports = new ArrayList<>();
        String body = hoistImports(snippet.body(), imports);
        String prelude = snippet.prelude();
        for (Matcher m = LEADING_IMPORT.matcher(prelude); m.lookingAt(); m = LEADING_IMPORT.matcher(prelude)) {
            imports.add(m.group(1));
            prelude = prelude.substring(m.end());
        }
        Shape shape = shapeOf(stripComments(body));
        StringBuilder source = new StringBuilder("package ").append(packageName).append(";\n");
        for (String i : STANDARD_IMPORTS) {
            source.append("import ").append(i).append(";\n");
        }
        for (String i : imports) {
            source.append(i).append('\n');
        }
        switch (shape) {
            case COMPILATION_UNIT -> { }
            case MEMBERS -> source.append("final class ").append(WRAPPER).append(" {\n").append(prelude);
            case STATEMENTS -> source.append("final class ").append(WRAPPER).append(" {\n").append(prelude)
                    .append(RETURN_AT_MARGIN.matcher(body).find() ? "Object" : "void")
                    .append(" run() throws Exception {\n");
        }
        int bodyStart = (int) source.chars().filter(c -> c == '\n').count() + 1;
        source.append(body);
        int bodyLines = (int) body.chars().filter(c -> c == '\n').count();
        switch (shape) {
            case COMPILATION_UNIT -> source.append(prelude);
            case MEMBERS -> source.append("}\n");
            case STATEMENTS -> source.append("}\n}\n");
        }
        return new Unit(snippet, packageName, source.toString(), bodyStart, bodyLines, shape);
    }

    /** Moves the {@code import} lines at the top of {@code code} to {@code imports}, leaving blank lines. */
    private static String hoistImports(String code, List<String> imports) {
        StringBuilder rest = new StringBuilder();
        boolean header = true;
        for (String line : code.split("\n", -1)) {
            String stripped = line.strip();
            if (header && stripped.startsWith("import ")) {
                imports.add(stripped);
                rest.append('\n');
            } else {
                if (!stripped.isEmpty() && !stripped.startsWith("//")) {
                    header = false;
                }
                rest.append(line).append('\n');
            }
        }
        return rest.substring(0, rest.length() - 1);
    }

    private static String stripComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    /**
     * Compiles every block that is not skipped, in one compiler run, into {@code classes}.
     *
     * @return one problem per compiler error, as {@code page:line: message}
     */
    static Result compile(List<Snippet> snippets, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the build on a JDK, not a JRE");
        }
        List<Unit> units = new ArrayList<>();
        List<JavaFileObject> sources = new ArrayList<>();
        for (Snippet snippet : snippets) {
            if (snippet.skipReason().isPresent()) {
                continue;
            }
            Unit unit = unitOf(snippet, units.size());
            units.add(unit);
            sources.add(new Source(unit));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> problems = new ArrayList<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-Xlint:none", "-nowarn",
                    "-Xmaxerrs", "1000", "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString());
            StringWriter out = new StringWriter();
            compiler.getTask(out, files, diagnostics, options, null, sources).call();
            if (!out.toString().isBlank()) {
                problems.add("compiler output: " + out);
            }
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            if (!(d.getSource() instanceof Source source)) {
                problems.add("error: " + d.getMessage(Locale.ROOT));
                continue;
            }
            Unit unit = source.unit;
            long line = d.getLineNumber();
            String where;
            if (line >= unit.bodyStartLine() && line < unit.bodyStartLine() + unit.bodyLines()) {
                where = unit.snippet().file() + ":" + unit.snippet().pageLine((int) line - unit.bodyStartLine());
            } else {
                String generated = line >= 1 ? unit.source().split("\n", -1)[(int) line - 1].strip() : "";
                where = unit.snippet().where() + " (in the snippet-prelude or the wrapper: '" + generated + "')";
            }
            problems.add(where + ": " + d.getMessage(Locale.ROOT).lines().map(String::strip).filter(l -> !l.isEmpty())
                    .collect(java.util.stream.Collectors.joining("; "))
                    + " [" + unit.shape().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "]");
        }
        return new Result(problems, classes, units);
    }

    /**
     * Runs the compiled blocks marked {@code snippet: run}.
     *
     * @return one problem per block that threw, as {@code page:line: exception}
     */
    static List<String> runMarked(Result compiled) throws IOException {
        List<String> problems = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {compiled.classes().toUri().toURL()},
                JavaSnippetCompiler.class.getClassLoader())) {
            for (Unit unit : compiled.units()) {
                if (!unit.snippet().run()) {
                    continue;
                }
                if (unit.shape() != Shape.STATEMENTS) {
                    problems.add(unit.snippet().where() + ": 'snippet: run' needs a block of statements");
                    continue;
                }
                try {
                    Class<?> wrapper = loader.loadClass(unit.className());
                    var constructor = wrapper.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    Method run = wrapper.getDeclaredMethod("run");
                    run.setAccessible(true);
                    run.invoke(constructor.newInstance());
                } catch (InvocationTargetException e) {
                    problems.add(unit.snippet().where() + ": running it threw " + e.getCause());
                } catch (ReflectiveOperationException e) {
                    problems.add(unit.snippet().where() + ": could not run it: " + e);
                }
            }
        }
        return problems;
    }

    private static final class Source extends SimpleJavaFileObject {
        final Unit unit;

        Source(Unit unit) {
            super(URI.create("string:///" + unit.packageName().replace('.', '/') + "/" + WRAPPER + ".java"), Kind.SOURCE);
            this.unit = unit;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return unit.source();
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return kind == Kind.SOURCE; // a block may declare a public type of any name
        }
    }
}
