package dev.mercato.examples.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.core.settlement.SettlementStatement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.money.MonetaryAmount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mercato simulate}: runs a preset's scenario for some days and prints its orders, GMV,
 * AOV, refund rate, take rate, each seller's settlement statement (from the ledger) and the money check, and on request
 * writes them as JSON or as an HTML report ({@link HtmlReport}). The same seed prints the same
 * bytes. A long run shows its progress on standard error ({@link Progress}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulates a platform on a preset for some days (buyers, carts, checkout,"
                + " payments with declines, refunds, shipping, confirmations) and prints its figures"
                + " and money check. The same seed prints the same output.")
final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    private Mercato mercato;

    @Spec
    private CommandSpec spec;

    @Option(names = "--preset", required = true, paramLabel = "NAME",
            description = "a preset (see mercato presets; c2c, hybrid and o2o are short for c2c-marketplace,"
                    + " hybrid-self-operated and o2o-services)")
    private String preset;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "the random seed")
    private long seed;

    @Option(names = "--days", required = true, paramLabel = "D", description = "days to simulate, 1 to 366")
    private int days;

    @Option(names = "--buyers", paramLabel = "B", defaultValue = "20",
            description = "buyers in the population, 1 to 10000 (default: ${DEFAULT-VALUE})")
    private int buyers;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures to this file as JSON")
    private String json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "also write a self-contained HTML report with charts to this file")
    private String html;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "run on PostgreSQL (an empty database or schema, e.g. ...&currentSchema=sim): the schema is"
                    + " migrated and the data stays; the figures are those of the same seed in memory")
    private String jdbcUrl;

    @Override
    public Integer call() {
        preset = Presets.canonical(preset);
        if (!Presets.names().contains(preset)) {
            throw new ParameterException(spec.commandLine(), "Unknown preset '" + preset + "'; presets: "
                    + String.join(", ", Presets.names()));
        }
        if (days < 1 || days > 366) {
            throw new ParameterException(spec.commandLine(), "--days must be between 1 and 366, was " + days);
        }
        if (buyers < 1 || buyers > 10_000) {
            throw new ParameterException(spec.commandLine(), "--buyers must be between 1 and 10000, was " + buyers);
        }
        Progress progress = Progress.of(spec.commandLine().getErr(), System.console() != null, days, buyers);
        SimulationReport report;
        if (jdbcUrl == null) {
            report = new Simulation(Presets.scenario(preset).orElseThrow(), seed, days, buyers).run(progress);
        } else {
            try (com.zaxxer.hikari.HikariDataSource pool = dev.mercato.examples.DemoCommand.pool(jdbcUrl)) {
                dev.mercato.storage.postgres.MercatoSchema.migrate(pool);
                requireEmpty(pool);
                report = new Simulation(Presets.scenario(preset).orElseThrow(), seed, days, buyers,
                        Optional.of(dev.mercato.storage.postgres.PostgresStorage.create(pool))).run(progress);
            }
        }
        progress.finish();
        PrintWriter out = spec.commandLine().getOut();
        boolean balanced = print(out, report);
        if (json != null) {
            write(report, balanced);
            out.println("figures written to " + json);
        }
        if (html != null) {
            writeFile(html, HtmlReport.render(preset, seed, report, moneyCheck(report)));
            out.println("report written to " + html);
        }
        out.flush();
        if (!balanced) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": the money check failed");
            return spec.exitCodeOnExecutionException();
        }
        return 0;
    }

    /** A simulation counts everything in its storage: it runs on an empty database only. */
    private void requireEmpty(javax.sql.DataSource pool) {
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rows = s.executeQuery("SELECT (SELECT count(*) FROM mercato_document)"
                        + " + (SELECT count(*) FROM mercato_ledger_entry)")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new ParameterException(spec.commandLine(), "--jdbc-url: the database already holds Mercato data"
                        + " (the figures would count it); give an empty database or schema, e.g. &currentSchema=sim_"
                        + seed);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the database at --jdbc-url: " + e.getMessage(), e);
        }
    }

    private boolean print(PrintWriter out, SimulationReport r) {
        out.println("Simulated " + preset + ": seed " + seed + ", " + r.days() + " days, " + r.buyers()
                + " buyers (the Commerce facade " + (jdbcUrl == null ? "in memory" : "on PostgreSQL")
                + " with guaranteed transactions, the sandbox payment provider)");
        out.println();
        row(out, "carts", r.cartsStarted() + " started, " + r.checkouts() + " checked out (conversion "
                + percent(r.checkouts(), r.cartsStarted()) + ")");
        row(out, "orders", r.orders() + ": " + r.paid() + " paid, " + r.closedUnpaid() + " closed unpaid, "
                + (r.cancelledUnpaid() == 0 ? "" : r.cancelledUnpaid() + " cancelled unpaid, ")
                + r.awaitingPayment() + " awaiting payment");
        row(out, "fulfilment", r.shipped() + " shipped, " + r.delivered() + " delivered, " + r.completed() + " completed");
        row(out, "GMV", fen(r.gmvMinor()) + " (payables of paid orders)");
        row(out, "AOV", aov(r) + " (GMV / paid orders)");
        row(out, "repurchase rate", percent(r.repeatBuyers(), r.payingBuyers()) + " of paying buyers paid twice or more ("
                + r.repeatBuyers() + " of " + r.payingBuyers() + ")");
        row(out, "refund rate", percent(r.refunded(), r.paid()) + " of paid orders (" + r.refunded() + "), "
                + percent(r.refundedMinor(), r.gmvMinor()) + " of GMV (" + fen(r.refundedMinor()) + " refunded before shipment or after sale)");
        takeRate(r).ifPresent(rate -> row(out, "take rate", rate
                + " (commission and fees / gross released, the sellers' statements)"));
        row(out, "platform revenue", fen(r.ledger().platformRevenue()) + revenueByStream(r.ledger())
                + " (the ledger's revenue accounts)");
        out.println();
        out.println("Mechanisms exercised:");
        int width = r.mechanisms().keySet().stream().mapToInt(String::length).max().orElse(0);
        r.mechanisms().forEach((name, count) -> out.println(String.format(Locale.ROOT, "  %-" + width + "s %6d", name, count)));
        if (!r.statements().isEmpty()) {
            out.println();
            out.println("Seller statements, " + period(r) + " (the ledger's, Commerce.statement):");
            out.println(String.format(Locale.ROOT, "  %-20s %6s %11s %10s %11s %9s %11s", "seller", "orders", "gross",
                    "refunds", "commission", "fees", "net"));
            for (SimulationReport.SellerStatement seller : r.statements()) {
                SettlementStatement s = seller.statement();
                out.println(String.format(Locale.ROOT, "  %-20s %6d %11s %10s %11s %9s %11s", seller.sellerId(),
                        seller.releasedOrders(), JsonOutput.amount(s.gross()), JsonOutput.amount(s.refunds()),
                        JsonOutput.amount(s.commission()), JsonOutput.amount(s.fees()), JsonOutput.amount(s.net())));
            }
        }
        out.println();
        out.println("Money check:");
        MoneyCheck check = moneyCheck(r);
        for (String line : check.lines()) {
            out.println("  " + line);
        }
        out.println(check.balanced() ? "Check: balanced, to the cent." : "Check: NOT BALANCED");
        return check.balanced();
    }

    /**
     * The money check of a run: each comparison as a sentence, and whether they all hold.
     *
     * @param lines the comparisons, in the order they are printed
     * @param balanced whether every comparison holds
     */
    record MoneyCheck(List<String> lines, boolean balanced) {
        /** Copies the lines. */
        MoneyCheck {
            lines = List.copyOf(lines);
        }
    }

    /** Compares the run's payments, refunds, sellers' statements and ledger. */
    static MoneyCheck moneyCheck(SimulationReport r) {
        List<String> lines = new ArrayList<>();
        SimulationReport.Ledger l = r.ledger();
        boolean paymentsMatch = r.capturedMinor() == r.gmvMinor();
        lines.add("payments captured " + fen(r.capturedMinor()) + (paymentsMatch ? " = " : " != ")
                + "payables of paid orders " + fen(r.gmvMinor()));
        boolean refundsBooked = r.refundedMinor() <= r.gmvMinor() && r.refundedMinor() == l.refunds();
        lines.add("refunds " + fen(r.refundedMinor()) + " <= GMV" + (refundsBooked ? ", = " : ", != ")
                + "the ledger's refunds " + fen(l.refunds()));
        StatementTotals t = StatementTotals.of(r);
        boolean settled = true;
        if (!r.statements().isEmpty()) {
            long deducted = Math.addExact(Math.addExact(Math.addExact(t.refunds(), t.commission()), t.fees()),
                    Math.addExact(Math.addExact(t.shares(), t.tax()), t.compensation()));
            boolean split = Math.subtractExact(t.gross(), deducted) == t.net();
            boolean credited = t.net() == l.escrowsToSellers();
            settled = split && credited;
            lines.add("seller statements: gross " + fen(t.gross()) + " - refunds " + fen(t.refunds()) + " - commission "
                    + fen(t.commission()) + " - fees " + fen(t.fees())
                    + (t.shares() == 0 ? "" : " - creator shares " + fen(t.shares()))
                    + (t.tax() == 0 ? "" : " - tax " + fen(t.tax()))
                    + (t.compensation() == 0 ? "" : " - compensation " + fen(t.compensation()))
                    + (split ? " = " : " != ") + "nets " + fen(t.net()) + (credited ? " = " : " != ")
                    + "what the escrows credited seller accounts in the ledger " + fen(l.escrowsToSellers()));
        }
        boolean ledgerBalances = l.sumOfAllBalances() == 0;
        boolean everyUnitBooked = l.buyerFundsIn() == Math.addExact(r.capturedMinor(), r.planFeesMinor());
        lines.add("ledger: all balances sum to " + fen(l.sumOfAllBalances()) + "; buyers paid in " + fen(l.buyerFundsIn())
                + (everyUnitBooked ? " = " : " != ") + "payments captured"
                + (r.planFeesMinor() == 0 ? "" : " + plan fees " + fen(r.planFeesMinor())));
        long whereItIs = l.held() + l.sellerPayables() + l.platformRevenue() + l.refunds() + l.other();
        boolean accounted = whereItIs == Math.addExact(l.buyerFundsIn(), l.subsidies());
        lines.add("ledger: held in escrow " + fen(l.held()) + " + seller payables " + fen(l.sellerPayables())
                + " + platform revenue " + fen(l.platformRevenue()) + " + refunds " + fen(l.refunds())
                + (l.other() == 0 ? "" : " + other accounts " + fen(l.other())) + " = " + fen(whereItIs)
                + (l.subsidies() == 0 ? "" : (accounted ? " = " : " != ") + "buyers paid in + platform subsidies "
                        + fen(l.subsidies())));
        return new MoneyCheck(lines, paymentsMatch && refundsBooked && settled && ledgerBalances && everyUnitBooked
                && accounted);
    }

    /** GMV / paid orders, or {@code -} without paid orders. */
    static String aov(SimulationReport r) {
        return r.paid() == 0 ? "-" : fen(divide(r.gmvMinor(), r.paid()));
    }

    /**
     * (Commission + seller-borne fees) / gross released, over the sellers' statements; empty when
     * nothing was released.
     */
    static Optional<String> takeRate(SimulationReport r) {
        StatementTotals t = StatementTotals.of(r);
        return t.gross() == 0 ? Optional.empty() : Optional.of(percent(Math.addExact(t.commission(), t.fees()), t.gross()));
    }

    /** The statements' period, {@code 2026-11-01 to 2026-11-14} (both days included). */
    static String period(SimulationReport r) {
        java.time.LocalDate first = r.daily().get(0).date();
        return first + " to " + first.plusDays(r.days() - 1L);
    }

    /**
     * The sellers' statements summed, in fen.
     *
     * @param gross released to sellers before deductions
     * @param refunds refunds after release
     * @param commission commission kept
     * @param fees service and payment fees kept
     * @param shares revenue shares paid from the sellers' sales
     * @param tax tax posted from the released lines
     * @param compensation compensation paid at the sellers' expense
     * @param net the sellers' nets
     * @param platformSubsidies platform-funded discounts inside {@code gross}
     */
    record StatementTotals(long gross, long refunds, long commission, long fees, long shares, long tax,
            long compensation, long net, long platformSubsidies) {
        /** The totals of a run's statements. */
        static StatementTotals of(SimulationReport r) {
            long[] t = new long[9];
            for (SimulationReport.SellerStatement seller : r.statements()) {
                SettlementStatement s = seller.statement();
                MonetaryAmount[] parts = {s.gross(), s.refunds(), s.commission(), s.fees(), s.shares(), s.tax(),
                        s.compensation(), s.net(), s.platformSubsidies()};
                for (int i = 0; i < parts.length; i++) {
                    t[i] = Math.addExact(t[i], minor(parts[i]));
                }
            }
            return new StatementTotals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]);
        }
    }

    /** A stream for people: {@code PAYMENT_FEE} is "payment fee". */
    static String streamName(RevenueStream stream) {
        return stream.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String revenueByStream(SimulationReport.Ledger l) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<RevenueStream, Long> stream : l.revenueByStream().entrySet()) {
            parts.add(streamName(stream.getKey()) + " " + fen(stream.getValue()));
        }
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }

    private void write(SimulationReport r, boolean balanced) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("preset", preset).put("seed", seed).put("days", r.days()).put("buyers", r.buyers());
        root.putObject("carts").put("started", r.cartsStarted()).put("checkedOut", r.checkouts());
        root.putObject("orders").put("placed", r.orders()).put("paid", r.paid()).put("closedUnpaid", r.closedUnpaid())
                .put("cancelledUnpaid", r.cancelledUnpaid()).put("awaitingPayment", r.awaitingPayment())
                .put("refunded", r.refunded()).put("shipped", r.shipped()).put("delivered", r.delivered())
                .put("completed", r.completed());
        root.putObject("repurchase").put("payingBuyers", r.payingBuyers()).put("repeatBuyers", r.repeatBuyers());
        root.put("currency", "CNY").put("gmv", fen(r.gmvMinor()));
        if (r.paid() == 0) {
            root.putNull("aov");
        } else {
            root.put("aov", fen(divide(r.gmvMinor(), r.paid())));
        }
        root.put("refunded", fen(r.refundedMinor())).put("captured", fen(r.capturedMinor()));
        if (r.planFeesMinor() != 0) {
            root.put("planFees", fen(r.planFeesMinor()));
        }
        ObjectNode mechanisms = root.putObject("mechanisms");
        r.mechanisms().forEach(mechanisms::put);
        SimulationReport.Ledger l = r.ledger();
        ObjectNode ledger = root.putObject("ledger").put("sumOfAllBalances", fen(l.sumOfAllBalances()))
                .put("buyerFundsIn", fen(l.buyerFundsIn())).put("held", fen(l.held()))
                .put("sellerPayables", fen(l.sellerPayables())).put("platformRevenue", fen(l.platformRevenue()))
                .put("refunds", fen(l.refunds())).put("platformSubsidies", fen(l.subsidies()))
                .put("otherAccounts", fen(l.other()));
        ObjectNode streams = ledger.putObject("platformRevenueByStream");
        l.revenueByStream().forEach((stream, minor) -> streams.put(streamName(stream).replace(' ', '-'), fen(minor)));
        if (!r.statements().isEmpty()) {
            root.set("sellerStatements", JsonOutput.sellerStatements(r.statements()));
        }
        root.put("balanced", balanced);
        writeFile(json, JsonOutput.print(root) + "\n");
    }

    private void writeFile(String file, String text) {
        try {
            Files.writeString(mercato.workingDirectory().resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println(String.format(Locale.ROOT, "%-19s %s", label, value));
    }

    private static long minor(MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }

    /** Fen as yuan with both decimals, {@code 50178.10}. */
    static String fen(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    /** A quotient of fen, rounded half up to the fen: a figure for people, not money moved. */
    private static long divide(long minor, long count) {
        return BigDecimal.valueOf(minor).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A share as a percentage with one decimal, rounded half up; {@code -} of nothing. */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
