package dev.mercato.examples.cli;

import static dev.mercato.examples.cli.CliExamples.mercato;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report rendered by headless Chromium (Debian's {@code chromium} package): the page
 * draws its charts, the console stays empty (the page's policy would log any load it refused),
 * and a screenshot is kept in {@code examples/target/report.png} for a person to look at.
 * Without Chromium the tests are skipped, except under {@code CI=true}, where they fail
 * ({@code .ci/run} installs it).
 */
class HtmlReportInChromiumExamples {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path TARGET = Path.of("target");
    /** The GMV bars' colour: in the screenshot wherever a day's bar drew. */
    private static final int BLUE = 0x2563eb;
    /** The seller payouts' colour. */
    private static final int GREEN = 0x059669;

    private static Path html;

    /** Each test is skipped, or fails under CI, without Chromium; the first writes the report. */
    @BeforeEach
    void chromiumAndTheReport() throws IOException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (ci) {
            assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing; .ci/run installs Debian's chromium");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing (apt-get install chromium); skipped outside CI");
        if (html != null) {
            return;
        }
        Files.createDirectories(TARGET);
        CliExamples.Run run = mercato(TARGET.toAbsolutePath(), "simulate", "--preset", "b2c-mall", "--seed", "42",
                "--days", "14", "--html", "report.html");
        assertEquals(0, run.exit(), run.err());
        html = TARGET.resolve("report.html").toAbsolutePath();
    }

    @Test
    void theScreenshotShowsTheChartsDrawn(@TempDir Path profile) throws Exception {
        Path png = TARGET.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Chromium result = chromium(profile, "--screenshot=" + png, "--window-size=1280,2000");
        assertEquals(0, result.exit(), result.log());
        assertTrue(Files.exists(png), "no screenshot; " + result.log());
        assertTrue(Files.size(png) > 20_000, "a screenshot of " + Files.size(png) + " bytes is nearly empty");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a PNG ImageIO reads");
        assertEquals(1280, image.getWidth());
        assertEquals(2000, image.getHeight());
        int first = image.getRGB(0, 0) & 0xffffff;
        int others = 0;
        int blue = 0;
        int green = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                others += rgb == first ? 0 : 1;
                blue += rgb == BLUE ? 1 : 0;
                green += rgb == GREEN ? 1 : 0;
            }
        }
        assertTrue(others > 10_000, "the screenshot is nearly one colour");
        // Fourteen GMV columns and the funnel's bars are well over 10,000 pixels (a quarter sampled).
        assertTrue(blue > 10_000, "the GMV columns did not draw: " + blue + " blue pixels sampled");
        assertTrue(green > 2_000, "the payout bars did not draw: " + green + " green pixels sampled");
    }

    @Test
    void theRenderedPageHoldsTheChartsAndKpisAndTheConsoleStaysEmpty(@TempDir Path profile) throws Exception {
        Chromium result = chromium(profile, "--dump-dom");
        assertEquals(0, result.exit(), result.log());
        String dom = result.out();
        for (String chart : List.of("daily-gmv", "order-funnel", "revenue-by-stream", "daily-refunds", "seller-payouts",
                "ledger-composition")) {
            assertTrue(dom.contains("<svg id=\"" + chart + "\" class=\"chart\""), chart + " is not in the DOM");
        }
        assertEquals(14, count(chart(dom, "daily-gmv"), "<rect "), "a GMV column per day");
        assertEquals(14, count(chart(dom, "daily-refunds"), "<rect "), "a refund column per day");
        assertEquals(8, count(chart(dom, "order-funnel"), "<rect "), "a funnel bar per stage and outcome");
        for (String kpi : List.of("<div class=\"value\">162</div>", "<div class=\"value\">53166.80</div>",
                "<div class=\"value\">366.67</div>", "<div class=\"value\">3.8%</div>", "<div class=\"value\">8.3%</div>",
                "<div class=\"value\">91.4%</div>")) {
            assertTrue(dom.contains(kpi), kpi + " is not in the DOM");
        }
        assertTrue(dom.contains("Check: balanced, to the cent."));
        List<String> console = result.log().lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertEquals(List.of(), console, "the browser console");
    }

    /** One chart's SVG as the browser serialised it. */
    private static String chart(String dom, String id) {
        int start = dom.indexOf("<svg id=\"" + id + "\"");
        assertTrue(start >= 0, id + " is not in the DOM");
        return dom.substring(start, dom.indexOf("</svg>", start));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private record Chromium(int exit, String out, String log) {}

    /** Runs headless Chromium on the report with a fresh profile, for at most a minute and a half. */
    private static Chromium chromium(Path profile, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.resolve("profile"), "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(options));
        command.add(html.toUri().toString());
        Path out = profile.resolve("stdout.txt");
        Path log = profile.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish in 90 s: " + command);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        return new Chromium(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(log, StandardCharsets.UTF_8));
    }
}
