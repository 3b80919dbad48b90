package dev.mercato.examples.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced {@code java} and {@code xml} blocks of the README and {@code docs/*.md}, with the
 * markers that say how a block is checked.
 *
 * <p>The convention, for whoever writes a doc page:
 * <ul>
 *   <li>A {@code java} block holding a type declaration at its left margin (a class, interface,
 *       record or enum) is a compilation unit and is compiled as it is. A block whose code starts
 *       with a modifier or an annotation ({@code public static final ...}, {@code @Override ...})
 *       holds class members and is compiled inside a class. Any other block is statements,
 *       compiled as the body of a method ({@code Object run()} when it ends with a {@code return}
 *       at its left margin, {@code void run()} otherwise). Leading {@code import} lines are
 *       honoured. Every block sees the standard imports ({@link JavaSnippetCompiler#STANDARD_IMPORTS}):
 *       every exported {@code dev.mercato} package, the conformance kits, {@code java.util},
 *       {@code java.time}, {@code javax.money}, Moneta's {@code Money}, jqwik's API and JUnit's
 *       assertions.</li>
 *   <li>{@code <!-- snippet-prelude: ... -->} right before a fence declares, hidden from the
 *       reader, what the block takes from its surroundings: {@code import} lines, and fields,
 *       methods or types (members of the wrapping class for statements and members; top-level
 *       types after a compilation unit). Keep it to declarations of the names the prose around the
 *       block already introduces.</li>
 *   <li>Types that stand for the reader's own code ({@code AcmePayProvider}, {@code MyStorage},
 *       {@code TeaTime}, ...) are stand-ins in {@code dev.mercato.examples.docs.host}, which every
 *       block imports too; a name several standard packages share ({@code Shipment},
 *       {@code SellerType}) needs its single-type import in the block or its prelude.</li>
 *   <li>{@code <!-- snippet: run -->} right before a fence also runs a statements block (keep it
 *       cheap: no network, no sleeping).</li>
 *   <li>{@code <!-- snippet: skip REASON -->} right before a fence leaves a block unchecked; the
 *       reason is mandatory and the test lists every skip.</li>
 *   <li>An {@code xml} block must be well-formed (several sibling elements are wrapped in one
 *       root), and every Maven coordinate it names must exist: {@code dev.mercato} artifacts as
 *       the BOM manages them, at the project's version if a version is given; any other artifact
 *       with a literal version equal to the root pom's (the BOM manages only Mercato's own
 *       artifacts, so an integrator needs the version), unless the block imports a BOM that
 *       manages it.</li>
 * </ul>
 */
final class DocSnippets {
    private static final Pattern OPEN = Pattern.compile("^(\\s*)```(\\w+)\\s*$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern ONLY_COMMENTS = Pattern.compile("\\s*(<!--.*?-->\\s*)+", Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet(-prelude)?\\s*:(.*?)-->", Pattern.DOTALL);

    private DocSnippets() {
    }

    /**
     * One fenced block.
     *
     * @param file the page, relative to the repository root
     * @param line the 1-based line of the opening fence
     * @param language {@code java} or {@code xml}
     * @param body the block's text, without the fences and without the fence's indentation
     * @param prelude hidden declarations from {@code snippet-prelude}, empty if none
     * @param skipReason the reason given by {@code snippet: skip}, if any
     * @param run whether {@code snippet: run} asks for the block to be run
     */
    record Snippet(String file, int line, String language, String body, String prelude,
                   Optional<String> skipReason, boolean run) {
        String where() {
            return file + ":" + line;
        }

        /** The page line of the body's 0-based line {@code index}. */
        int pageLine(int index) {
            return line + 1 + index;
        }
    }

    /** The repository root: the nearest directory above the working directory with README.md, docs/ and bom/. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
                    && Files.isRegularFile(dir.resolve("bom/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (README.md, docs/, bom/pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    /** README.md and every docs/*.md under {@code root}, in name order. */
    static List<Path> pages(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Every java and xml block of every page under {@code root}. */
    static List<Snippet> all(Path root) throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (Path page : pages(root)) {
            all.addAll(extract(root.relativize(page).toString().replace('\\', '/'), Files.readString(page)));
        }
        return all;
    }

    /**
     * The java and xml blocks of one page.
     *
     * @throws IllegalArgumentException if a fence is not closed, or a marker is malformed
     */
    static List<Snippet> extract(String file, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Snippet> snippets = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher open = OPEN.matcher(lines[i]);
            if (!open.matches()) {
                i++;
                continue;
            }
            int fence = i;
            String indent = open.group(1);
            String language = open.group(2);
            StringBuilder body = new StringBuilder();
            i++;
            while (i < lines.length && !CLOSE.matcher(lines[i]).matches()) {
                String line = lines[i];
                body.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
                i++;
            }
            if (i == lines.length) {
                throw new IllegalArgumentException(file + ":" + (fence + 1) + ": the ```" + language + " block is never closed");
            }
            i++;
            if (!language.equals("java") && !language.equals("xml")) {
                continue;
            }
            String markers = commentsRightBefore(lines, fence);
            String prelude = "";
            Optional<String> skip = Optional.empty();
            boolean run = false;
            Matcher marker = MARKER.matcher(markers);
            while (marker.find()) {
                String content = marker.group(2).strip();
                if (marker.group(1) != null) {
                    prelude = prelude + content + "\n";
                } else if (content.equals("run")) {
                    run = true;
                } else if (content.startsWith("skip")) {
                    String reason = content.substring("skip".length()).strip();
                    if (reason.isEmpty()) {
                        throw new IllegalArgumentException(file + ":" + (fence + 1) + ": 'snippet: skip' needs a reason");
                    }
                    skip = Optional.of(reason);
                } else {
                    throw new IllegalArgumentException(file + ":" + (fence + 1) + ": unknown marker 'snippet: " + content
                            + "' (known: run, skip REASON, snippet-prelude: DECLARATIONS)");
                }
            }
            snippets.add(new Snippet(file, fence + 1, language, body.toString(), prelude, skip, run));
        }
        return snippets;
    }

    /** The HTML comments on the lines directly above {@code fence}, up to a blank line; "" if none. */
    private static String commentsRightBefore(String[] lines, int fence) {
        String comments = "";
        StringBuilder above = new StringBuilder();
        for (int j = fence - 1; j >= 0 && !lines[j].isBlank(); j--) {
            above.insert(0, lines[j] + "\n");
            if (ONLY_COMMENTS.matcher(above).matches()) {
                comments = above.toString();
            }
        }
        return comments;
    }
}
