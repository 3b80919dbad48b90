package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code mercato} command line run in-process: the sample files give their documented
 * results, bad files give errors naming the file, the JSON path and the problem, usage errors
 * exit with 2 and failures with 1. Expected amounts are worked out by hand in each test.
 */
class CliExamples {
    /** The repository root: sample paths and docs/cli.md are relative to it. */
    static final Path ROOT = findRoot();

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    static Run mercato(Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Mercato.commandLine(workingDirectory);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run mercato(String... args) {
        return mercato(ROOT, args);
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docs/cli.md")) && Files.isDirectory(dir.resolve("examples/samples"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root with docs/cli.md above " + Path.of("").toAbsolutePath());
    }

    static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    static void assertFailure(Run run, int exit, String message) {
        assertAll(() -> assertEquals(exit, run.exit(), "exit code; stderr: " + run.err()),
                () -> assertEquals("", run.out(), "nothing on standard output"),
                () -> assertEquals(message, run.err().lines().findFirst().orElse("")));
    }

    // ---- price ---------------------------------------------------------------------------

    @Test
    void theSampleCartCostsWhatAnnPaysInTheDemo() {
        Run run = mercato("price", "--rules", "examples/samples/rules.json", "--cart", "examples/samples/cart.json");
        assertEquals(0, run.exit(), run.err());
        JsonNode priced = run.json();
        // 784.00 list - 115.90 discounts + 30.00 shipping - 22.00 free shipping (tea 10 + porcelain 12).
        assertEquals("676.10", priced.path("payable").asText());
        assertEquals("115.90", priced.path("totals").path("discounts").asText());
        // double-11: 778.10 after the silk shop's 10% (5.90) is two steps of 300, so 80.00 off, platform-funded.
        JsonNode doubleEleven = find(priced.path("explanation"), "promotion", "double-11");
        assertEquals("80.00", doubleEleven.path("platformFunded").asText());
        assertEquals("applied CNY 80.00 - spent CNY 778.10 across shops, saves CNY 80.00", doubleEleven.path("says").asText());
        // The tea shop's 268.00 + 128.00 = 396.00 is 104.00 short of its 500 threshold.
        JsonNode tea = find(priced.path("explanation"), "promotion", "tea-500-minus-50");
        assertEquals(false, tea.path("applied").asBoolean());
        assertEquals("below-threshold", tea.path("reason").asText());
        // The silk shop's 47.64 is below the free-shipping threshold of 99: it pays its 8.00.
        assertEquals("55.64", find(priced.path("sellers"), "seller", "silk-shop").path("payable").asText());
        // Porcelain: 329.00 - 33.83 (its share of the 80.00) - 30.00 coupon = 265.17.
        assertEquals("265.17", find(priced.path("lines"), "id", "3").path("final").asText());
    }

    @Test
    void aNegativeQuantityNamesTheFileAndTheJsonPath() {
        assertFailure(mercato("price", "--rules", "examples/samples/rules.json", "--cart",
                        "examples/samples/bad/cart-negative-quantity.json"), 1,
                "mercato price: examples/samples/bad/cart-negative-quantity.json: $.lines[1].quantity:"
                        + " must be at least 1, was -2");
    }

    @Test
    void aWrongTypeNamesTheFileAndTheJsonPath() {
        assertFailure(mercato("price", "--rules", "examples/samples/rules.json", "--cart",
                        "examples/samples/bad/cart-wrong-type.json"), 1,
                "mercato price: examples/samples/bad/cart-wrong-type.json: $.lines[1].quantity:"
                        + " must be a whole number, was the string \"two\"");
    }

    @Test
    void malformedJsonNamesTheFileTheLineAndColumnAndTheValueNearIt() {
        Run run = mercato("price", "--rules", "examples/samples/rules.json", "--cart",
                "examples/samples/bad/cart-malformed.json");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("mercato price: examples/samples/bad/cart-malformed.json: line 5, column 66"
                + " (near $.lines[0].quantity): is not valid JSON: "), run.err());
    }

    @Test
    void aMissingFileFailsNamingTheFile() {
        assertFailure(mercato("price", "--rules", "examples/samples/rules.json", "--cart", "no/such/cart.json"), 1,
                "mercato price: no/such/cart.json: no such file");
    }

    @Test
    void anUnknownFieldIsAnErrorListingTheKnownFields(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cart.json"), """
                {"currency": "CNY", "at": "2026-11-11T02:00:00Z",
                 "lines": [{"sku": "tea", "seller": "tea-shop", "quantity": 1, "unitprice": "25.00"}]}""");
        Files.copy(ROOT.resolve("examples/samples/rules.json"), dir.resolve("rules.json"));
        assertFailure(mercato(dir, "price", "--rules", "rules.json", "--cart", "cart.json"), 1,
                "mercato price: cart.json: $.lines[0].unitprice: is not a known field;"
                        + " known fields: category, id, quantity, seller, sku, unitPrice");
    }

    @Test
    void anAmountWithMoreDecimalsThanTheCurrencyIsRefusedAtItsPath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cart.json"), """
                {"currency": "JPY", "at": "2026-11-11T02:00:00Z",
                 "lines": [{"sku": "tea", "seller": "tea-shop", "quantity": 1, "unitPrice": "980.5"}]}""");
        Files.writeString(dir.resolve("rules.json"), "{\"currency\": \"JPY\", \"promotions\": []}");
        Run run = mercato(dir, "price", "--rules", "rules.json", "--cart", "cart.json");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("mercato price: cart.json: $.lines[0].unitPrice: "), run.err());
        assertTrue(run.err().contains("JPY"), run.err());
    }

    @Test
    void aBadRulesFileNamesThePromotionsPath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.json"), """
                {"currency": "CNY", "promotions": [
                  {"kind": "free-shipping", "id": "free-over-99", "threshold": 99},
                  {"kind": "free-shiping", "id": "typo", "threshold": 99}]}""");
        Files.copy(ROOT.resolve("examples/samples/cart.json"), dir.resolve("cart.json"));
        Run run = mercato(dir, "price", "--rules", "rules.json", "--cart", "cart.json");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("mercato price: rules.json: $.promotions[1].kind: unknown kind \"free-shiping\""),
                run.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2() {
        Run run = mercato("price", "--rules", "examples/samples/rules.json", "--cart", "examples/samples/cart.json",
                "--frobnicate");
        assertFailure(run, 2, "mercato price: Unknown option: '--frobnicate'");
        assertTrue(run.err().contains("Try 'mercato price --help' for more information."), run.err());
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        assertFailure(mercato("price", "--cart", "examples/samples/cart.json"), 2,
                "mercato price: Missing required option: '--rules=FILE'");
    }

    // ---- settle --------------------------------------------------------------------------

    @Test
    void theSampleOrdersSettledWithTheMallScheduleGiveTheDemosSellerNets() {
        Run run = mercato("settle", "--preset", "b2c-mall", "--orders", "examples/samples/orders.json");
        assertEquals(0, run.exit(), run.err());
        JsonNode statements = run.json().path("statements");
        // tea-shop: gross 396.00 (355.29 paid + 40.71 subsidy); commission 0.5% of food 396.00 = 1.98;
        // payment fee 0.6% of 355.29 = 2.13; net 396.00 - 1.98 - 2.13 = 391.89.
        JsonNode tea = find(statements, "seller", "tea-shop");
        assertEquals("1.98", tea.path("commission").asText());
        assertEquals("2.13", tea.path("sellerFees").asText());
        assertEquals("391.89", tea.path("sellerNet").asText());
        // porcelain-studio: gross 299.00; commission 5% of 299.00 = 14.95; fee 0.6% of 265.17 = 1.59; net 282.46.
        assertEquals("282.46", find(statements, "seller", "porcelain-studio").path("sellerNet").asText());
        // silk-shop: gross 61.10 (47.64 + 5.46 + 8.00 shipping); commission 5% of 53.10 = 2.66 (half up);
        // fee 0.6% of 55.64 = 0.33; net 58.11.
        assertEquals("58.11", find(statements, "seller", "silk-shop").path("sellerNet").asText());
        assertEquals("732.46", run.json().path("total").path("sellerNet").asText());
    }

    @Test
    void aScheduleFileChargesCommissionTheServiceFeeThePaymentFeeAndCreatorShares() {
        Run run = mercato("settle", "--schedule", "examples/samples/schedule.json", "--orders",
                "examples/samples/orders-creator.json");
        assertEquals(0, run.exit(), run.err());
        JsonNode line = run.json().path("statements").get(0).path("lines").get(0);
        // paid 106.20: commission 3% = 3.186 -> 3.19; service fee 1% = 1.062 -> 1.06;
        // payment fee 0.6% of 114.20 (paid + shipping) = 0.6852 -> 0.69; shares 5% = 5.31 and 1% = 1.062 -> 1.06.
        assertEquals("3.19", line.path("commission").path("amount").asText());
        assertEquals("1.06", find(line.path("fees"), "id", "service-fee").path("amount").asText());
        assertEquals("0.69", find(line.path("fees"), "id", "alipay").path("amount").asText());
        assertEquals("5.31", find(line.path("shares"), "party", "creator-lin").path("amount").asText());
        assertEquals("1.06", find(line.path("shares"), "party", "referrer-wu").path("amount").asText());
        // 114.20 gross - 3.19 - 1.06 - 0.69 - 5.31 - 1.06 = 102.89.
        assertEquals("102.89", line.path("sellerNet").asText());
    }

    @Test
    void aNegativeAmountInTheOrdersFileNamesItsPath() {
        assertFailure(mercato("settle", "--preset", "b2c-mall", "--orders",
                        "examples/samples/bad/orders-negative-paid.json"), 1,
                "mercato settle: examples/samples/bad/orders-negative-paid.json: $.orders[0].lines[0].paid:"
                        + " must not be negative, was -240.45");
    }

    @Test
    void ordersInAnotherCurrencyThanTheScheduleAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orders.json"), Files.readString(ROOT.resolve("examples/samples/orders.json"))
                .replace("\"currency\": \"CNY\"", "\"currency\": \"USD\""));
        assertFailure(mercato(dir, "settle", "--preset", "b2c-mall", "--orders", "orders.json"), 1,
                "mercato settle: orders.json: $.currency: is USD, the schedule's currency is CNY");
    }

    @Test
    void aBadScheduleFileNamesTheSchedulePath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("schedule.json"), Files.readString(ROOT.resolve("examples/samples/schedule.json"))
                .replace("\"rate\": \"3%\"", "\"rate\": \"three\""));
        Run run = mercato(dir, "settle", "--schedule", "schedule.json", "--orders",
                ROOT.resolve("examples/samples/orders.json").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("mercato settle: schedule.json: $.commission.rules[0].rate: "), run.err());
    }

    @Test
    void anUnknownPresetIsAUsageError() {
        assertFailure(mercato("settle", "--preset", "tmall", "--orders", "examples/samples/orders.json"), 2,
                "mercato settle: Unknown preset 'tmall'; presets: c2c-marketplace, b2c-mall, hybrid-self-operated,"
                        + " o2o-services, group-buy, presale, b2b");
    }

    @Test
    void aScheduleAndAPresetTogetherAreAUsageError() {
        Run run = mercato("settle", "--preset", "b2c-mall", "--schedule", "examples/samples/schedule.json",
                "--orders", "examples/samples/orders.json");
        assertEquals(2, run.exit(), run.err());
    }

    // ---- presets, demo, help, version ----------------------------------------------------

    @Test
    void thePresetsAreTheScheduleExamplesOfTheLibraryAndTheScenarios() {
        assertTrue(Presets.names().containsAll(ScheduleJson.EXAMPLES), Presets.names()::toString);
        Run run = mercato("presets");
        assertEquals(0, run.exit(), run.err());
        for (String name : Presets.names()) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(name + " ")), () -> name + " not listed:\n" + run.out());
            Presets.schedule(name);   // each preset's schedule loads
        }
        // The lines that say scenario are exactly the presets simulate runs.
        assertEquals(Presets.scenarioReady(), run.out().lines().filter(l -> l.contains(" scenario "))
                .map(l -> l.substring(0, l.indexOf(' '))).toList());
        assertEquals(List.of("c2c-marketplace", "b2c-mall", "hybrid-self-operated", "o2o-services", "group-buy",
                "presale", "b2b"), Presets.scenarioReady());
    }

    @Test
    void theDemoCommandPrintsTheMarketplaceStoryAndItsLedgerCheck() {
        Run run = mercato("demo");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Mercato marketplace demo"), run.out());
        assertTrue(run.out().contains("Check: the ledger balances and the buyer's 676.10 is fully accounted for, to the cent."),
                run.out());
    }

    @Test
    void theVersionIsTheBuildsVersion() {
        Run run = mercato("--version");
        assertEquals(0, run.exit());
        assertEquals("mercato " + System.getProperty("mercato.version") + "\n", run.out());
    }

    @Test
    void helpListsEveryCommand() {
        Run run = mercato("--help");
        assertEquals(0, run.exit());
        for (String command : List.of("demo", "price", "settle", "simulate", "presets")) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), () -> command + ":\n" + run.out());
        }
    }

    @Test
    void withoutACommandTheUsageIsPrintedAsAUsageError() {
        Run run = mercato();
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Usage: mercato"), run.err());
    }

    // ---- docs/cli.md ---------------------------------------------------------------------

    /** One {@code $ mercato ...} example of docs/cli.md with what it prints and its exit code. */
    record DocExample(List<String> args, String output, int exit) {}

    @Test
    void everyExampleInDocsCliMdPrintsWhatTheDocShows() throws IOException {
        List<DocExample> examples = docExamples(Files.readAllLines(ROOT.resolve("docs/cli.md")));
        assertTrue(examples.size() >= 12, "docs/cli.md should hold its examples, found " + examples.size());
        assertAll(examples.stream().map(example -> () -> {
            Run run = mercato(example.args().toArray(String[]::new));
            String printed = (run.out() + run.err()).stripTrailing();
            assertEquals(example.output(), printed, "mercato " + String.join(" ", example.args()));
            assertEquals(example.exit(), run.exit(), "exit code of mercato " + String.join(" ", example.args()));
        }));
    }

    static List<DocExample> docExamples(List<String> lines) {
        List<DocExample> examples = new ArrayList<>();
        boolean console = false;
        List<String> args = null;
        List<String> output = new ArrayList<>();
        int exit = 0;
        Function<List<String>, String> join = l -> String.join("\n", l).stripTrailing();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean fence = line.startsWith("```");
            boolean command = console && line.startsWith("$ mercato");
            boolean echo = console && line.equals("$ echo $?");
            if ((fence || command) && args != null) {
                examples.add(new DocExample(args, join.apply(output), exit));
                args = null;
            }
            if (fence) {
                console = !console && line.equals("```console");
            } else if (command) {
                args = List.of(line.substring("$ mercato".length()).trim().split("\\s+"));
                output = new ArrayList<>();
                exit = 0;
            } else if (echo && args != null) {
                exit = Integer.parseInt(lines.get(++i).trim());
            } else if (args != null) {
                output.add(line);
            }
        }
        return examples;
    }
}
