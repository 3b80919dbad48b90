package dev.mercato.examples.cli;

import static dev.mercato.examples.cli.CliExamples.mercato;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mercato simulate} on the b2c-mall scenario: deterministic, its mechanisms exercised, its money checked (every preset: {@link PresetScenarioExamples}). */
class SimulateExamples {

    @Test
    void theSameSeedPrintsTheSameBytesAndAnotherSeedDoesNot() {
        CliExamples.Run first = mercato("simulate", "--preset", "b2c-mall", "--seed", "7", "--days", "10");
        CliExamples.Run second = mercato("simulate", "--preset", "b2c-mall", "--seed", "7", "--days", "10");
        CliExamples.Run other = mercato("simulate", "--preset", "b2c-mall", "--seed", "8", "--days", "10");
        assertEquals(0, first.exit(), first.err());
        assertEquals(first.out(), second.out());
        assertNotEquals(first.out(), other.out());
    }

    @Test
    void aTwoWeekRunDeclinesClosesRefundsCompletesAndBalances(@TempDir Path dir) throws IOException {
        CliExamples.Run run = mercato(dir, "simulate", "--preset", "b2c-mall", "--seed", "1", "--days", "14",
                "--buyers", "30", "--json", "figures.json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Check: balanced, to the cent."), run.out());
        assertTrue(run.out().endsWith("figures written to figures.json\n"), run.out());
        JsonNode figures = new ObjectMapper().readTree(Files.readString(dir.resolve("figures.json")));
        JsonNode orders = figures.path("orders");
        // Every mechanism of the scenario happened at least once.
        JsonNode mechanisms = figures.path("mechanisms");
        assertEquals(List.of("shop deposit lodged", "annual fee charged", "platform coupon used", "member price paid",
                "payment declined and retried", "order closed unpaid", "refunded before shipment",
                "receipt confirmed by the buyer", "dispute ended by an operator", "goods returned and refunded",
                "order completed", "seller paid out"), List.copyOf(iterable(mechanisms.fieldNames())));
        for (String name : iterable(mechanisms.fieldNames())) {
            assertTrue(mechanisms.path(name).asInt() > 0, name + " never happened: " + mechanisms);
        }
        assertEquals(orders.path("closedUnpaid").asInt(), mechanisms.path("order closed unpaid").asInt());
        assertEquals(orders.path("refunded").asInt(), mechanisms.path("refunded before shipment").asInt()
                + mechanisms.path("goods returned and refunded").asInt(), "refunded before shipment or after sale");
        assertEquals(orders.path("completed").asInt(), mechanisms.path("order completed").asInt());
        // Conversion counts carts: no more checked out than started.
        assertTrue(figures.path("carts").path("checkedOut").asInt() <= figures.path("carts").path("started").asInt());
        // Every order ends in exactly one of: paid (and later), closed unpaid, awaiting payment.
        assertEquals(orders.path("placed").asInt(), orders.path("paid").asInt() + orders.path("closedUnpaid").asInt()
                + orders.path("cancelledUnpaid").asInt() + orders.path("awaitingPayment").asInt());
        // Payments captured exactly the paid orders' payables; AOV is GMV / paid orders to the fen.
        assertEquals(figures.path("gmv").asText(), figures.path("captured").asText());
        BigDecimal aov = new BigDecimal(figures.path("gmv").asText())
                .divide(BigDecimal.valueOf(orders.path("paid").asInt()), 2, java.math.RoundingMode.HALF_UP);
        assertEquals(aov.toPlainString(), figures.path("aov").asText());
        // The sellers' statements from the ledger: each net is its gross less refunds, commission and
        // fees (no shares, tax or compensation in this preset; the gross holds the platform coupon's subsidy), and the nets are what the escrows
        // credited the sellers' accounts.
        JsonNode statements = figures.path("sellerStatements");
        assertEquals("2026-11-01T00:00:00Z", statements.path("from").asText());
        assertEquals("2026-11-15T00:00:00Z", statements.path("to").asText());
        BigDecimal nets = BigDecimal.ZERO;
        int released = 0;
        for (JsonNode seller : statements.path("statements")) {
            BigDecimal net = new BigDecimal(seller.path("gross").asText())
                    .subtract(new BigDecimal(seller.path("refunds").asText()))
                    .subtract(new BigDecimal(seller.path("commission").asText()))
                    .subtract(new BigDecimal(seller.path("fees").asText()));
            assertEquals(net, new BigDecimal(seller.path("net").asText()), seller::toString);
            nets = nets.add(net);
            released += seller.path("releasedOrders").asInt();
        }
        assertEquals(nets, new BigDecimal(statements.path("total").path("net").asText()));
        // The platform coupon's discount is a platform subsidy in the released gross.
        assertTrue(new BigDecimal(statements.path("total").path("platformSubsidies").asText()).signum() > 0,
                statements::toString);
        assertEquals(released, statements.path("total").path("releasedOrders").asInt());
        assertTrue(released >= orders.path("completed").asInt(), "a completed order was released");
        // The mall pays sellers out daily: what the statements say was paid out left the payables.
        assertTrue(new BigDecimal(statements.path("total").path("payouts").asText()).signum() > 0, statements::toString);
        // The ledger's platform revenue is the sum of its streams, commission and payment fee among them.
        JsonNode streams = figures.path("ledger").path("platformRevenueByStream");
        BigDecimal byStream = BigDecimal.ZERO;
        for (JsonNode stream : streams) {
            byStream = byStream.add(new BigDecimal(stream.asText()));
        }
        assertEquals(new BigDecimal(figures.path("ledger").path("platformRevenue").asText()), byStream);
        assertTrue(streams.has("commission") && streams.has("payment-fee"), streams::toString);
    }

    @Test
    void theMoneyCheckFailsWhenTheStatementsNetsAreNotWhatTheEscrowsCreditedTheSellers() {
        SimulationReport r = new Simulation(new MallScenario(), 3, 10, 20).run();
        assertTrue(SimulateCommand.moneyCheck(r).balanced(), () -> String.join("\n", SimulateCommand.moneyCheck(r).lines()));
        SimulationReport.Ledger l = r.ledger();
        SimulationReport.Ledger off = new SimulationReport.Ledger(l.sumOfAllBalances(), l.buyerFundsIn(), l.held(),
                l.sellerPayables(), l.platformRevenue(), l.refunds(), l.subsidies(), l.other(), l.escrowsToSellers() - 1,
                l.revenueByStream());
        SimulationReport wrong = new SimulationReport(r.preset(), r.days(), r.buyers(), r.cartsStarted(), r.checkouts(),
                r.orders(), r.paid(), r.closedUnpaid(), r.cancelledUnpaid(), r.awaitingPayment(), r.refunded(), r.shipped(),
                r.delivered(), r.completed(), r.payingBuyers(), r.repeatBuyers(), r.gmvMinor(), r.refundedMinor(),
                r.capturedMinor(), r.planFeesMinor(), r.statements(), off, r.daily(), r.mechanisms());
        SimulateCommand.MoneyCheck check = SimulateCommand.moneyCheck(wrong);
        assertTrue(!check.balanced(), () -> String.join("\n", check.lines()));
        assertTrue(check.lines().stream().anyMatch(line -> line.startsWith("seller statements: ")
                && line.contains(" != what the escrows credited seller accounts in the ledger ")), check.lines()::toString);
    }

    @Test
    void aLongRunOffATerminalPrintsPlainProgressOnStandardErrorAndTheSameStandardOutput() {
        // 25 days x 80 buyers = 2,000 buyer-days: long enough to show progress.
        CliExamples.Run first = mercato("simulate", "--preset", "b2c-mall", "--seed", "5", "--days", "25", "--buyers", "80");
        CliExamples.Run second = mercato("simulate", "--preset", "b2c-mall", "--seed", "5", "--days", "25", "--buyers", "80");
        assertEquals(0, first.exit(), first.err());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().startsWith("Simulated b2c-mall: seed 5, 25 days, 80 buyers"), first.out());
        assertTrue(first.out().endsWith("Check: balanced, to the cent.\n"), first.out());
        assertTrue(!first.out().contains("simulated day") && first.out().indexOf('\r') < 0, first.out());
        List<String> progress = first.err().lines().toList();
        assertEquals(10, progress.size(), first.err());
        assertTrue(first.err().indexOf('\r') < 0, "plain lines, no redrawing");
        Pattern line = Pattern.compile("simulated day (\\d+) of 25, (\\d+) orders placed");
        for (String l : progress) {
            assertTrue(line.matcher(l).matches(), l);
        }
        assertEquals("simulated day 3 of 25,", progress.get(0).substring(0, 22));
        Matcher last = line.matcher(progress.get(9));
        assertTrue(last.matches() && last.group(1).equals("25"), progress.get(9));
        assertTrue(first.out().contains("\norders              " + last.group(2) + ": "), "the last line counts every order");
    }

    @Test
    void aShortRunShowsNoProgress() {
        CliExamples.Run run = mercato("simulate", "--preset", "b2c-mall", "--seed", "5", "--days", "24", "--buyers", "83");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void onATerminalProgressIsOneLineRedrawnAndErasedAtTheEnd() {
        StringWriter err = new StringWriter();
        Progress progress = Progress.of(new PrintWriter(err), true, 3, 1_000);
        progress.dayDone(1, 40);
        progress.dayDone(2, 85);
        progress.dayDone(3, 131);
        progress.finish();
        String first = "simulating [##########....................] 1/3 days, 40 orders";
        assertEquals("\r" + first
                + "\rsimulating [####################..........] 2/3 days, 85 orders"
                + "\rsimulating [##############################] 3/3 days, 131 orders"
                + "\r" + " ".repeat(first.length() + 1) + "\r", err.toString());
    }

    @Test
    void aShortNameRunsItsPreset() {
        for (var alias : Presets.ALIASES.entrySet()) {
            CliExamples.Run shortName = mercato("simulate", "--preset", alias.getKey(), "--seed", "3", "--days", "2");
            CliExamples.Run full = mercato("simulate", "--preset", alias.getValue(), "--seed", "3", "--days", "2");
            assertEquals(0, shortName.exit(), shortName.err());
            assertEquals(full.out(), shortName.out(), alias.getKey());
            assertTrue(Presets.names().contains(alias.getValue()), alias.getValue());
        }
        assertEquals(0, mercato("settle", "--preset", "o2o", "--orders", "examples/samples/orders.json").exit());
    }

    @Test
    void anUnknownPresetIsAUsageError() {
        CliExamples.Run run = mercato("simulate", "--preset", "marketplace", "--seed", "1", "--days", "3");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("mercato simulate: Unknown preset 'marketplace'; presets: "
                + String.join(", ", Presets.names())), run.err());
        assertEquals(Presets.names(), Presets.scenarioReady(), "every preset has a scenario");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> items) {
        List<T> all = new java.util.ArrayList<>();
        items.forEachRemaining(all::add);
        return all;
    }

    @Test
    void daysOutOfRangeAreAUsageError() {
        CliExamples.Run run = mercato("simulate", "--preset", "b2c-mall", "--seed", "1", "--days", "0");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("mercato simulate: --days must be between 1 and 366, was 0"), run.err());
    }

    @Test
    void aSeedThatIsNotANumberIsAUsageError() {
        CliExamples.Run run = mercato("simulate", "--preset", "b2c-mall", "--seed", "forty-two", "--days", "3");
        assertEquals(2, run.exit(), run.err());
    }
}
