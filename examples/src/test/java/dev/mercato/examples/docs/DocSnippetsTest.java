package dev.mercato.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.examples.docs.DocSnippets.Snippet;
import dev.mercato.examples.docs.XmlSnippetChecker.PomFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs that compile: every java block of README.md and docs/*.md compiles against today's API (and
 * the ones marked {@code snippet: run} run), every xml block is well-formed and names coordinates
 * the build has, at the build's versions. The conventions are in {@link DocSnippets}.
 */
class DocSnippetsTest {
    /** Skips are for blocks that cannot be made whole; a new one needs a reason and a look at this bound. */
    private static final int MAX_SKIPS = 3;

    private static final Path ROOT = DocSnippets.repositoryRoot();

    @TempDir
    Path classes;

    private static List<Snippet> snippets(String language) throws IOException {
        return DocSnippets.all(ROOT).stream().filter(s -> s.language().equals(language)).toList();
    }

    @Test
    void everyJavaBlockOfTheDocsCompilesAndTheMarkedOnesRun() throws IOException {
        List<Snippet> java = snippets("java");
        assertTrue(java.size() >= 30, "found only " + java.size() + " java blocks: is the extractor broken?");
        JavaSnippetCompiler.Result compiled = JavaSnippetCompiler.compile(java, classes);
        assertEquals(List.of(), compiled.problems(), () -> "java blocks that do not compile:\n"
                + String.join("\n", compiled.problems()));
        List<String> runs = JavaSnippetCompiler.runMarked(compiled);
        assertEquals(List.of(), runs, () -> "java blocks that fail when run:\n" + String.join("\n", runs));
        long ran = compiled.units().stream().filter(u -> u.snippet().run()).count();
        assertTrue(ran >= 1, "no block is marked 'snippet: run'");
        System.out.printf("doc snippets: %d java blocks compiled, %d run, %d skipped%n",
                compiled.units().size(), ran, java.size() - compiled.units().size());
    }

    @Test
    void everyXmlBlockOfTheDocsIsWellFormedAndNamesTheBuildsCoordinates() throws IOException {
        List<Snippet> xml = snippets("xml");
        assertTrue(xml.size() >= 5, "found only " + xml.size() + " xml blocks: is the extractor broken?");
        List<String> problems = XmlSnippetChecker.check(xml, PomFacts.read(ROOT));
        assertEquals(List.of(), problems, () -> "xml blocks that are wrong:\n" + String.join("\n", problems));
    }

    @Test
    void skipsAreFewAndEachGivesItsReason() throws IOException {
        List<String> skips = DocSnippets.all(ROOT).stream().filter(s -> s.skipReason().isPresent())
                .map(s -> s.where() + ": " + s.skipReason().get()).toList();
        assertTrue(skips.size() <= MAX_SKIPS, () -> "too many skipped blocks:\n" + String.join("\n", skips));
        skips.forEach(s -> System.out.println("doc snippet skipped: " + s));
    }

    /** The README's sentence "The BOM manages exactly ..." lists the BOM's artifacts, jars and test-jars. */
    @Test
    void theReadmeSaysExactlyWhatTheBomManages() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher paragraph = Pattern.compile("The BOM manages exactly(.*?)\\n\\s*\\n", Pattern.DOTALL).matcher(readme);
        assertTrue(paragraph.find(), "README.md has no paragraph starting 'The BOM manages exactly'");
        String text = paragraph.group(1);
        int testJars = text.indexOf("test-jars");
        assertTrue(testJars > 0, "the paragraph names no test-jars");
        Set<String> jars = artifactsIn(text.substring(0, testJars));
        Set<String> tests = artifactsIn(text.substring(testJars));
        Set<String> stated = new TreeSet<>(jars);
        tests.forEach(a -> stated.add(a + ":test-jar:tests"));
        assertEquals(new TreeSet<>(PomFacts.read(ROOT).bomArtifacts()), stated,
                "README.md's list of what the BOM manages against bom/pom.xml");
    }

    private static Set<String> artifactsIn(String text) {
        return Pattern.compile("`(mercato-[a-z-]+)`").matcher(text).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // The checker itself: planted mistakes must be reported at their page line.

    @Test
    void aBlockThatDoesNotCompileIsReportedAtItsPageLineWithTheCompilersMessage() throws IOException {
        String page = String.join("\n",
                "# A page",
                "",
                "```java",
                "MonetaryAmount fee = Money.of(5, \"CNY\");",
                "MonetaryAmount total = fee.toDollars();",       // page line 5: no such method
                "```",
                "<!-- snippet-prelude: Clock clock; -->",
                "```java",
                "Instant now = clock.instant();",
                "String wrong = now;",                          // page line 10: incompatible types
                "```",
                "<!-- snippet: skip a deliberately partial block -->",
                "```java",
                "this is not Java",
                "```",
                "");
        List<Snippet> snippets = DocSnippets.extract("docs/page.md", page);
        assertEquals(3, snippets.size());
        assertEquals(Optional.of("a deliberately partial block"), snippets.get(2).skipReason());
        List<String> problems = JavaSnippetCompiler.compile(snippets, classes).problems();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("docs/page.md:5: cannot find symbol"), problems.get(0));
        assertTrue(problems.get(1).startsWith("docs/page.md:10: incompatible types"), problems.get(1));
    }

    @Test
    void blocksAreShapedAsCompilationUnitsMembersOrStatements() throws IOException {
        String page = String.join("\n",
                "```java",
                "class Greeter { String hello() { return \"hi\"; } }",
                "```",
                "```java",
                "public static final Rate FEE = Rate.percent(5);",
                "```",
                "<!-- snippet: run -->",
                "```java",
                "List<MonetaryAmount> thirds = Allocation.evenly(Money.of(100, \"CNY\"), 3);",
                "if (thirds.size() != 3) throw new AssertionError(thirds);",
                "```",
                "<!-- snippet: run -->",
                "```java",
                "throw new IllegalStateException(\"planted\");",
                "```",
                "");
        List<Snippet> snippets = DocSnippets.extract("README.md", page);
        JavaSnippetCompiler.Result compiled = JavaSnippetCompiler.compile(snippets, classes);
        assertEquals(List.of(), compiled.problems());
        assertEquals(List.of(JavaSnippetCompiler.Shape.COMPILATION_UNIT, JavaSnippetCompiler.Shape.MEMBERS,
                        JavaSnippetCompiler.Shape.STATEMENTS, JavaSnippetCompiler.Shape.STATEMENTS),
                compiled.units().stream().map(JavaSnippetCompiler.Unit::shape).toList());
        List<String> runs = JavaSnippetCompiler.runMarked(compiled);
        assertEquals(1, runs.size(), runs::toString);
        assertTrue(runs.get(0).startsWith("README.md:13: running it threw java.lang.IllegalStateException: planted"),
                runs.get(0));
    }

    @Test
    void wrongVersionsUnknownArtifactsAndBrokenXmlAreReported() throws IOException {
        String page = String.join("\n",
                "```xml",
                "<dependency>",
                "  <groupId>net.jqwik</groupId>",
                "  <artifactId>jqwik</artifactId>",
                "  <version>1.0.0</version>",
                "</dependency>",
                "<dependency>",
                "  <groupId>dev.mercato</groupId>",
                "  <artifactId>mercato-nothing</artifactId>",
                "</dependency>",
                "<dependency>",
                "  <groupId>org.junit.jupiter</groupId>",
                "  <artifactId>junit-jupiter</artifactId>",
                "</dependency>",
                "```",
                "```xml",
                "<dependency>",
                "  <groupId>dev.mercato</groupId>",
                "</dependenc>",
                "```",
                "```xml",
                "<properties><moneta.version>1.3</moneta.version></properties>",
                "```",
                "");
        List<String> problems = XmlSnippetChecker.check(DocSnippets.extract("docs/page.md", page), PomFacts.read(ROOT));
        assertEquals(5, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("docs/page.md:1: net.jqwik:jqwik: version 1.0.0 but the build uses 1."),
                problems.get(0));
        assertTrue(problems.get(1).contains("mercato-nothing is not an artifact the BOM manages"), problems.get(1));
        assertTrue(problems.get(2).contains("junit-jupiter has no version"), problems.get(2));
        assertTrue(problems.get(3).startsWith("docs/page.md:19: not well-formed XML"), problems.get(3));
        assertTrue(problems.get(4).contains("<moneta.version> is 1.3 but the root pom says"), problems.get(4));
        assertFalse(PomFacts.read(ROOT).bomArtifacts().isEmpty());
    }
}
