package dev.mercato.examples.cli;

import static dev.mercato.examples.cli.CliExamples.mercato;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mercato simulate --html FILE}: one self-contained page with the text output's figures,
 * the same bytes for the same seed. {@link HtmlReportInChromiumExamples} renders it.
 */
class HtmlReportExamples {

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        CliExamples.Run a = mercato(first, "simulate", "--preset", "b2c-mall", "--seed", "7", "--days", "10", "--html", "r.html");
        CliExamples.Run b = mercato(second, "simulate", "--preset", "b2c-mall", "--seed", "7", "--days", "10", "--html", "r.html");
        CliExamples.Run c = mercato(dir, "simulate", "--preset", "b2c-mall", "--seed", "8", "--days", "10", "--html", "r.html");
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.out().endsWith("Check: balanced, to the cent.\nreport written to r.html\n"), a.out());
        byte[] html = Files.readAllBytes(first.resolve("r.html"));
        assertArrayEquals(html, Files.readAllBytes(second.resolve("r.html")));
        assertFalse(Arrays.equals(html, Files.readAllBytes(dir.resolve("r.html"))));
        assertEquals(a.out(), b.out());
        assertEquals(0, c.exit(), c.err());
    }

    @Test
    void theReportShowsTheFiguresTheTextOutputPrints(@TempDir Path dir) throws IOException {
        CliExamples.Run run = mercato(dir, "simulate", "--preset", "b2c-mall", "--seed", "42", "--days", "14", "--html",
                "report.html");
        assertEquals(0, run.exit(), run.err());
        String html = Files.readString(dir.resolve("report.html"));
        String out = run.out();
        assertAll(
                () -> assertKpi(html, "orders", figure(out, "orders +(\\d+):")),
                () -> assertKpi(html, "gmv", figure(out, "GMV +(\\d+\\.\\d\\d) ")),
                () -> assertKpi(html, "aov", figure(out, "AOV +(\\d+\\.\\d\\d) ")),
                () -> assertKpi(html, "take-rate", figure(out, "take rate +(\\d+\\.\\d%) ")),
                () -> assertKpi(html, "refund-rate", figure(out, "refund rate +(\\d+\\.\\d%) ")),
                () -> assertKpi(html, "conversion", figure(out, "conversion (\\d+\\.\\d%)")),
                // the documented run's figures, worked out in docs/cli.md
                () -> assertKpi(html, "gmv", "53166.80"),
                () -> assertKpi(html, "aov", "366.67"),
                () -> assertTrue(html.contains(">962.79 (0.4%)</text>"), "commission by stream"),
                () -> assertTrue(html.contains(">177.84 (0.1%)</text>"), "payment fee by stream"),
                () -> assertTrue(html.contains(">240000.00 (99.3%)</text>"), "annual fee by stream"),
                () -> assertTrue(html.contains(">440.00 (0.2%)</text>"), "membership by stream"));
        // Each seller's statement row, and each money check line, as printed.
        Matcher statement = Pattern.compile(
                "(?m)^  ([a-z-]+) +(\\d+) +(-?[\\d.]+) +(-?[\\d.]+) +(-?[\\d.]+) +(-?[\\d.]+) +(-?[\\d.]+)$").matcher(out);
        int sellers = 0;
        while (statement.find()) {
            sellers++;
            StringBuilder row = new StringBuilder("<tr>");
            for (int i = 1; i <= 7; i++) {
                row.append("<td>").append(statement.group(i)).append("</td>");
            }
            assertTrue(html.contains(row.append("</tr>")), statement.group());
        }
        assertEquals(4, sellers, out);
        String checks = out.substring(out.indexOf("Money check:\n") + "Money check:\n".length(),
                out.indexOf("report written to"));
        for (String line : checks.strip().split("\n")) {
            assertTrue(html.contains(HtmlReport.esc(line.strip())), line);
        }
        assertTrue(html.contains("\u2713 Ledger balanced, to the cent"));
    }

    @Test
    void theDaysSumToTheRunsFiguresToTheFen() {
        SimulationReport r = new Simulation(new MallScenario(), 3, 12, 25).run();
        assertEquals(12, r.daily().size());
        assertEquals(r.orders(), r.daily().stream().mapToInt(SimulationReport.Day::orders).sum());
        assertEquals(r.paid(), r.daily().stream().mapToInt(SimulationReport.Day::paid).sum());
        assertEquals(r.gmvMinor(), r.daily().stream().mapToLong(SimulationReport.Day::gmvMinor).sum());
        assertEquals(r.refunded(), r.daily().stream().mapToInt(SimulationReport.Day::refunded).sum());
        assertEquals(r.refundedMinor(), r.daily().stream().mapToLong(SimulationReport.Day::refundedMinor).sum());
        assertTrue(r.refunded() > 0, "a refund happened");
        assertEquals(r.ledger().platformRevenue(),
                r.ledger().revenueByStream().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(r.daily().get(0).date().plusDays(11), r.daily().get(11).date());
    }

    @Test
    void thePageLoadsNothingAndRunsNothing(@TempDir Path dir) throws IOException {
        CliExamples.Run run = mercato(dir, "simulate", "--preset", "b2c-mall", "--seed", "1", "--days", "14", "--html",
                "r.html");
        assertEquals(0, run.exit(), run.err());
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""), "a policy that loads nothing");
        for (String remote : List.of("http:", "https:", "//", "<script", "src=", "href=", "url(", "@import")) {
            assertFalse(html.contains(remote), remote);
        }
        for (String chart : List.of("daily-gmv", "order-funnel", "revenue-by-stream", "daily-refunds", "ledger-composition")) {
            assertTrue(html.contains("<svg id=\"" + chart + "\""), chart);
        }
    }

    @Test
    void aRunWithNothingReleasedYetSaysSoInsteadOfDrawingEmptyCharts(@TempDir Path dir) throws IOException {
        // c2c-marketplace earns nothing before a release (b2c-mall's plan fees are revenue from the first day).
        CliExamples.Run run = mercato(dir, "simulate", "--preset", "c2c-marketplace", "--seed", "1", "--days", "3", "--html",
                "r.html");
        assertEquals(0, run.exit(), run.err());
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("No revenue yet: no escrow was released."), html);
        assertTrue(html.contains("No escrow released yet: nothing in the sellers' statements."), html);
        assertFalse(html.contains("<svg id=\"seller-payouts\""), "no empty payouts chart");
        assertKpi(html, "take-rate", "-");
        assertTrue(html.contains("<svg id=\"daily-gmv\""));
    }

    @Test
    void textIsEscaped() {
        assertEquals("&lt;b&gt;Tom &amp; Jerry&#39;s &quot;shop&quot;&lt;/b&gt;", HtmlReport.esc("<b>Tom & Jerry's \"shop\"</b>"));
        assertEquals("50178.10 \u00b7 \u2713", HtmlReport.esc("50178.10 \u00b7 \u2713"));
    }

    @Test
    void axisStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(100, HtmlReport.niceStep(0, 4));
        assertEquals(1, HtmlReport.niceStep(3, 4));
        assertEquals(2, HtmlReport.niceStep(5, 4));
        assertEquals(200_000, HtmlReport.niceStep(696_330, 4));   // 6963.30 on four steps of 2000
        assertEquals(100_000, HtmlReport.niceStep(400_000, 4));
        assertEquals(200_000, HtmlReport.niceStep(400_001, 4));
        assertEquals(5_000_000_000_000L, HtmlReport.niceStep(19_000_000_000_000L, 4));
    }

    private static String figure(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertTrue(m.find(), regex + " in " + out);
        return m.group(1);
    }

    private static void assertKpi(String html, String id, String value) {
        assertTrue(html.contains("<div class=\"kpi\" id=\"kpi-" + id + "\"><div class=\"label\">"), id);
        String card = html.substring(html.indexOf("id=\"kpi-" + id + "\""));
        assertTrue(card.substring(0, card.indexOf("</div></div>")).contains("<div class=\"value\">" + value + "</div>"),
                id + " shows " + value);
    }
}
