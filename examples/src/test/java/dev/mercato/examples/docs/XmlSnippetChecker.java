package dev.mercato.examples.docs;

import dev.mercato.examples.docs.DocSnippets.Snippet;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks the xml blocks of the docs: well-formed, and every Maven coordinate they name is one the
 * build has, at the version the build uses (see {@link DocSnippets} for the rules).
 */
final class XmlSnippetChecker {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private XmlSnippetChecker() {
    }

    /**
     * What the root pom and the BOM declare.
     *
     * @param projectVersion the version of every Mercato artifact
     * @param properties the root pom's properties
     * @param managed the root pom's managed third-party versions, by {@code groupId:artifactId}
     * @param bomArtifacts what the BOM manages, as {@code artifactId} or {@code artifactId:type:classifier}
     */
    record PomFacts(String projectVersion, Map<String, String> properties, Map<String, String> managed,
                    Set<String> bomArtifacts) {

        /** The version the build uses for a third-party artifact, if the root pom manages it. */
        Optional<String> versionOf(String groupId, String artifactId) {
            String managedVersion = managed.get(groupId + ":" + artifactId);
            if (managedVersion != null) {
                return Optional.of(managedVersion);
            }
            // Imported BOMs of the root pom: junit-bom gives Jupiter and Vintage the JUnit version,
            // and the Platform the same version with major 1 (5.13.4 -> 1.13.4); jackson-bom its version.
            String junit = properties.get("junit.version");
            if (groupId.equals("org.junit.jupiter") || groupId.equals("org.junit.vintage")) {
                return Optional.of(junit);
            }
            if (groupId.equals("org.junit.platform")) {
                return Optional.of("1" + junit.substring(junit.indexOf('.')));
            }
            if (groupId.startsWith("com.fasterxml.jackson.")) {
                return Optional.of(properties.get("jackson.version"));
            }
            return Optional.empty();
        }

        static PomFacts read(Path root) throws IOException {
            Element pom = parse(Files.readString(root.resolve("pom.xml"))).getDocumentElement();
            Map<String, String> properties = new HashMap<>();
            for (Element props : children(pom, "properties")) {
                for (Element p : children(props)) {
                    properties.put(p.getTagName(), p.getTextContent().strip());
                }
            }
            String version = text(pom, "version").orElseThrow();
            properties.put("project.version", version);
            Map<String, String> managed = new HashMap<>();
            for (Element d : managedDependencies(pom)) {
                String v = resolve(text(d, "version").orElse(""), properties);
                managed.put(text(d, "groupId").orElseThrow() + ":" + text(d, "artifactId").orElseThrow(), v);
            }
            Element bom = parse(Files.readString(root.resolve("bom/pom.xml"))).getDocumentElement();
            Set<String> bomArtifacts = new LinkedHashSet<>();
            for (Element d : managedDependencies(bom)) {
                bomArtifacts.add(key(text(d, "artifactId").orElseThrow(), text(d, "type"), text(d, "classifier")));
            }
            return new PomFacts(version, Map.copyOf(properties), Map.copyOf(managed), Set.copyOf(bomArtifacts));
        }
    }

    /** {@code artifactId} for a plain jar, else {@code artifactId:type:classifier}. */
    static String key(String artifactId, Optional<String> type, Optional<String> classifier) {
        String t = type.orElse("jar");
        String c = classifier.orElse("");
        return t.equals("jar") && c.isEmpty() ? artifactId : artifactId + ":" + t + ":" + c;
    }

    /** One problem per malformed block or wrong coordinate, as {@code page:line: message}. */
    static List<String> check(List<Snippet> snippets, PomFacts facts) {
        List<String> problems = new ArrayList<>();
        for (Snippet snippet : snippets) {
            if (snippet.skipReason().isPresent()) {
                continue;
            }
            Document doc;
            try {
                doc = parse("<snippet-root>\n" + snippet.body() + "</snippet-root>");
            } catch (IOException e) {
                int line = e.getCause() instanceof SAXParseException sax ? sax.getLineNumber() - 2 : -1;
                problems.add((line >= 0 ? snippet.file() + ":" + snippet.pageLine(line) : snippet.where())
                        + ": not well-formed XML: " + e.getCause().getMessage());
                continue;
            }
            problems.addAll(checkCoordinates(snippet, doc.getDocumentElement(), facts));
        }
        return problems;
    }

    private static List<String> checkCoordinates(Snippet snippet, Element root, PomFacts facts) {
        List<String> problems = new ArrayList<>();
        String at = snippet.where() + ": ";
        Map<String, String> own = new HashMap<>();
        NodeList propertyLists = root.getElementsByTagName("properties");
        for (int i = 0; i < propertyLists.getLength(); i++) {
            for (Element p : children((Element) propertyLists.item(i))) {
                String value = p.getTextContent().strip();
                own.put(p.getTagName(), value);
                String expected = facts.properties().get(p.getTagName());
                if (expected != null && !expected.equals(value)) {
                    problems.add(at + "<" + p.getTagName() + "> is " + value + " but the root pom says " + expected);
                }
            }
        }
        // A BOM this block imports manages versions for the block's own dependencies.
        Set<String> importedBoms = new LinkedHashSet<>();
        NodeList deps = root.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (text(d, "scope").orElse("").equals("import")) {
                importedBoms.add(text(d, "groupId").orElse("") + ":" + text(d, "artifactId").orElse(""));
            }
        }
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            Optional<String> groupId = text(d, "groupId");
            Optional<String> artifactId = text(d, "artifactId");
            if (groupId.isEmpty() || artifactId.isEmpty()) {
                problems.add(at + "a <dependency> without groupId or artifactId");
                continue;
            }
            String ga = groupId.get() + ":" + artifactId.get();
            Optional<String> version = text(d, "version").map(v -> resolve(v, own));
            if (version.isPresent() && PROPERTY.matcher(version.get()).find()) {
                problems.add(at + ga + ": version " + version.get() + " is a property the snippet does not define");
                continue;
            }
            if (groupId.get().equals("dev.mercato")) {
                String k = key(artifactId.get(), text(d, "type"), text(d, "classifier"));
                boolean isBom = artifactId.get().equals("mercato-bom") && text(d, "type").orElse("").equals("pom");
                if (!isBom && !facts.bomArtifacts().contains(k)) {
                    problems.add(at + "dev.mercato:" + k + " is not an artifact the BOM manages (it manages "
                            + facts.bomArtifacts() + ")");
                } else if (isBom && version.isEmpty()) {
                    problems.add(at + "the BOM import needs a version (" + facts.projectVersion() + ")");
                }
                if (version.isPresent() && !version.get().equals(facts.projectVersion())) {
                    problems.add(at + ga + ": version " + version.get() + " but Mercato's version is " + facts.projectVersion());
                }
                continue;
            }
            Optional<String> expected = facts.versionOf(groupId.get(), artifactId.get());
            if (expected.isEmpty()) {
                problems.add(at + ga + " is not a dependency the root pom knows; name one it manages");
                continue;
            }
            if (version.isEmpty()) {
                boolean managedHere = importedBoms.contains("org.junit:junit-bom") && groupId.get().startsWith("org.junit.");
                if (!managedHere) {
                    problems.add(at + ga + " has no version, and the Mercato BOM does not manage it: add <version>"
                            + expected.get() + "</version>");
                }
            } else if (!version.get().equals(expected.get())) {
                problems.add(at + ga + ": version " + version.get() + " but the build uses " + expected.get());
            }
        }
        return problems;
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = properties.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Element> managedDependencies(Element pom) {
        List<Element> managed = new ArrayList<>();
        for (Element dm : children(pom, "dependencyManagement")) {
            for (Element ds : children(dm, "dependencies")) {
                managed.addAll(children(ds, "dependency"));
            }
        }
        return managed;
    }

    private static Optional<String> text(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getTextContent().strip());
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static List<Element> children(Element parent, String tag) {
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).toList();
    }

    /** Parses XML with no DTDs and no external entities; a parse error is an IOException caused by the SAX error. */
    static Document parse(String xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new IOException(e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
