package dev.mercato.examples.cli;

import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.pricing.money.MinorUnits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;

/**
 * The HTML report of {@code mercato simulate --html FILE}: one self-contained page (inline CSS,
 * charts drawn here as inline SVG, no script, and a content security policy that forbids loading
 * anything) with the run's KPIs, daily GMV, the order funnel, platform revenue by stream, refunds,
 * seller payouts and the money check. Every figure is the one the text output prints, from the
 * same {@link SimulationReport}; chart geometry is whole tenths of a pixel computed in
 * integers, so the same report renders the same bytes. Every text is escaped.
 */
final class HtmlReport {
    private static final String BLUE = "#2563eb";
    private static final String GREEN = "#059669";
    private static final String RED = "#dc2626";
    private static final String AMBER = "#d97706";
    private static final String GREY = "#9ca3af";
    private static final List<String> STREAM_COLOURS = List.of(BLUE, "#7c3aed", "#0891b2", AMBER, "#db2777", GREEN,
            "#4b5563");

    private static final String CSS = """
            :root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --bg: #f3f4f6; --card: #ffffff; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
                   font: 14px/1.45 "Liberation Sans", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
            main { max-width: 1160px; margin: 0 auto; padding: 28px 24px 32px; }
            header { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; margin-bottom: 18px; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 16px; margin: 0 0 2px; }
            p { margin: 0; }
            .sub, .caption, .note, footer { color: var(--muted); }
            .caption { font-size: 12.5px; margin-bottom: 12px; }
            .verdict { padding: 10px 16px; border-radius: 8px; font-weight: 700; white-space: nowrap; }
            .verdict.ok { background: #d1fae5; color: #065f46; }
            .verdict.bad { background: #fee2e2; color: #991b1b; }
            .kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin-bottom: 16px; }
            .kpi, section { background: var(--card); border-radius: 10px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); }
            .kpi { padding: 14px 16px; }
            .kpi .label { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
            .kpi .value { font-size: 22px; font-weight: 700; margin: 2px 0; font-variant-numeric: tabular-nums; }
            .kpi .note { font-size: 12px; }
            section { padding: 18px 20px; margin-bottom: 16px; }
            .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-bottom: 16px; }
            .pair section { margin-bottom: 0; }
            svg { display: block; width: 100%; height: auto; }
            svg text { font-size: 11px; fill: #4b5563; }
            svg text.value { fill: var(--ink); font-weight: 700; }
            svg .grid { stroke: var(--line); }
            table { border-collapse: collapse; width: 100%; margin-top: 12px; font-variant-numeric: tabular-nums; }
            th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            th { font-size: 12px; color: var(--muted); font-weight: 600; }
            .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 10px; font-size: 12.5px; }
            .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
            .checks { margin: 14px 0 0; padding: 12px 14px; background: #f9fafb; border-radius: 8px;
                      font: 12.5px/1.7 "Liberation Mono", "DejaVu Sans Mono", monospace; white-space: pre-wrap; }
            .days { font-size: 12.5px; margin-top: 10px; }
            footer { font-size: 12px; text-align: center; }
            """;

    private final StringBuilder html = new StringBuilder(32_768);

    private HtmlReport() {}

    /**
     * The report of one run.
     *
     * @param preset the preset's name
     * @param seed the seed
     * @param r the run's figures
     * @param check the run's money check, as the text output prints it
     * @return the page, UTF-8 text with {@code "\n"} line ends
     */
    static String render(String preset, long seed, SimulationReport r, SimulateCommand.MoneyCheck check) {
        HtmlReport page = new HtmlReport();
        page.page(preset, seed, r, check);
        return page.html.toString();
    }

    private void page(String preset, long seed, SimulationReport r, SimulateCommand.MoneyCheck check) {
        String title = "Mercato simulation: " + preset + ", seed " + seed + ", " + r.days() + " days";
        line("<!DOCTYPE html>");
        line("<html lang=\"en\">");
        line("<head>");
        line("<meta charset=\"utf-8\">");
        line("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        line("<title>" + esc(title) + "</title>");
        line("<style>");
        html.append(CSS);
        line("</style>");
        line("</head>");
        line("<body>");
        line("<main>");
        header(preset, seed, r, check);
        kpis(r);
        dailyGmv(r);
        line("<div class=\"pair\">");
        funnel(r);
        revenue(r);
        line("</div>");
        line("<div class=\"pair\">");
        refunds(r);
        payouts(preset, r);
        line("</div>");
        ledger(r, check);
        line("<footer>" + esc("mercato simulate --preset " + preset + " --seed " + seed + " --days " + r.days()
                + " --buyers " + r.buyers() + " \u00b7 all amounts in CNY \u00b7 the same arguments write the same bytes")
                + "</footer>");
        line("</main>");
        line("</body>");
        line("</html>");
    }

    private void header(String preset, long seed, SimulationReport r, SimulateCommand.MoneyCheck check) {
        line("<header>");
        line("<div>");
        line("<h1>" + esc("Simulated " + preset + ": " + r.days() + (r.days() == 1 ? " day" : " days")) + "</h1>");
        line("<p class=\"sub\">" + esc("seed " + seed + " \u00b7 " + r.buyers() + " buyers \u00b7 "
                + "the Commerce facade in memory with guaranteed transactions, the sandbox payment provider") + "</p>");
        line("</div>");
        line("<div id=\"verdict\" class=\"verdict " + (check.balanced() ? "ok" : "bad") + "\">"
                + esc(check.balanced() ? "\u2713 Ledger balanced, to the cent" : "\u2717 NOT BALANCED") + "</div>");
        line("</header>");
    }

    private void kpis(SimulationReport r) {
        line("<div class=\"kpis\">");
        kpi("orders", "Orders", Integer.toString(r.orders()), r.paid() + " paid, " + r.closedUnpaid() + " closed unpaid");
        kpi("gmv", "GMV", SimulateCommand.fen(r.gmvMinor()), "CNY, payables of paid orders");
        kpi("aov", "AOV", SimulateCommand.aov(r), "CNY, GMV / paid orders");
        kpi("take-rate", "Take rate", SimulateCommand.takeRate(r).orElse("-"), "commission and fees / gross released");
        kpi("refund-rate", "Refund rate", SimulateCommand.percent(r.refunded(), r.paid()),
                r.refunded() + " of " + r.paid() + " paid orders, " + SimulateCommand.fen(r.refundedMinor()));
        kpi("conversion", "Conversion", SimulateCommand.percent(r.checkouts(), r.cartsStarted()),
                r.checkouts() + " carts checked out of " + r.cartsStarted() + " started");
        kpi("repurchase-rate", "Repurchase rate", SimulateCommand.percent(r.repeatBuyers(), r.payingBuyers()),
                r.repeatBuyers() + " of " + r.payingBuyers() + " paying buyers paid twice or more");
        line("</div>");
    }

    private void kpi(String id, String label, String value, String note) {
        line("<div class=\"kpi\" id=\"kpi-" + id + "\"><div class=\"label\">" + esc(label) + "</div><div class=\"value\">"
                + esc(value) + "</div><div class=\"note\">" + esc(note) + "</div></div>");
    }

    private void dailyGmv(SimulationReport r) {
        line("<section>");
        line("<h2>Daily GMV</h2>");
        line("<p class=\"caption\">" + esc("Payables of the orders placed each day and paid, refunded ones included;"
                + " they sum to the GMV, " + SimulateCommand.fen(r.gmvMinor()) + ".") + "</p>");
        List<Bar> bars = new ArrayList<>();
        for (SimulationReport.Day day : r.daily()) {
            bars.add(new Bar(day.date().toString().substring(5), day.gmvMinor(), day.date() + ": GMV "
                    + SimulateCommand.fen(day.gmvMinor()) + ", " + day.paid() + " of " + day.orders() + " orders paid"));
        }
        columns("daily-gmv", "Daily GMV", bars, BLUE, 1080, 260, bars.size() <= 16);
        line("</section>");
    }

    private void funnel(SimulationReport r) {
        line("<section>");
        line("<h2>Order funnel</h2>");
        line("<p class=\"caption\">Each order once: how far it got, and how it left. Shares of the orders placed.</p>");
        long placed = r.orders();
        List<HBar> bars = List.of(
                count("placed", r.orders(), placed, BLUE),
                count("paid", r.paid(), placed, BLUE),
                count("shipped", r.shipped(), placed, BLUE),
                count("delivered", r.delivered(), placed, BLUE),
                count("completed", r.completed(), placed, GREEN),
                count("refunded", r.refunded(), placed, RED),
                count("closed unpaid", r.closedUnpaid(), placed, GREY),
                count("awaiting payment", r.awaitingPayment(), placed, GREY));
        rows("order-funnel", "Order funnel", bars, placed, 520);
        line("</section>");
    }

    private static HBar count(String label, int value, long placed, String colour) {
        return new HBar(label, value, value + " (" + SimulateCommand.percent(value, placed) + ")", colour);
    }

    private void revenue(SimulationReport r) {
        SimulationReport.Ledger l = r.ledger();
        line("<section>");
        line("<h2>Platform revenue by stream</h2>");
        line("<p class=\"caption\">" + esc("The ledger's platform revenue accounts: " + SimulateCommand.fen(l.platformRevenue())
                + " in all: what released escrows kept, and the fees and plan fees the platform charged.") + "</p>");
        List<HBar> bars = new ArrayList<>();
        long max = 0;
        for (Map.Entry<RevenueStream, Long> stream : l.revenueByStream().entrySet()) {
            long minor = stream.getValue();
            max = Math.max(max, minor);
            bars.add(new HBar(SimulateCommand.streamName(stream.getKey()), minor, SimulateCommand.fen(minor) + " ("
                    + SimulateCommand.percent(minor, l.platformRevenue()) + ")",
                    STREAM_COLOURS.get(stream.getKey().ordinal() % STREAM_COLOURS.size())));
        }
        if (bars.isEmpty()) {
            line("<p class=\"note\">No revenue yet: no escrow was released.</p>");
        } else {
            rows("revenue-by-stream", "Platform revenue by stream", bars, max, 520);
        }
        line("</section>");
    }

    private void refunds(SimulationReport r) {
        line("<section>");
        line("<h2>Refunds</h2>");
        line("<p class=\"caption\">" + esc("Refunds (before shipment and after-sale) by the day they were paid: " + r.refunded()
                + " orders, " + SimulateCommand.fen(r.refundedMinor()) + ", "
                + SimulateCommand.percent(r.refundedMinor(), r.gmvMinor()) + " of GMV.") + "</p>");
        List<Bar> bars = new ArrayList<>();
        for (SimulationReport.Day day : r.daily()) {
            bars.add(new Bar(day.date().toString().substring(5), day.refundedMinor(), day.date() + ": "
                    + day.refunded() + " refunded, " + SimulateCommand.fen(day.refundedMinor())));
        }
        columns("daily-refunds", "Refunds by day", bars, RED, 520, 220, false);
        List<String> refundDays = new ArrayList<>();
        for (SimulationReport.Day day : r.daily()) {
            if (day.refunded() > 0) {
                refundDays.add(day.date().toString().substring(5) + ": " + day.refunded()
                        + (day.refunded() == 1 ? " order, " : " orders, ") + SimulateCommand.fen(day.refundedMinor()));
            }
        }
        if (!refundDays.isEmpty() && refundDays.size() <= 12) {
            line("<p class=\"note days\" id=\"refund-days\">" + esc(String.join(" \u00b7 ", refundDays)) + "</p>");
        }
        line("</section>");
    }

    private void payouts(String preset, SimulationReport r) {
        line("<section>");
        line("<h2>Seller payouts</h2>");
        if (r.statements().stream().allMatch(s -> s.releasedOrders() == 0)) {
            line("<p class=\"caption\">No escrow released yet: nothing in the sellers' statements.</p>");
            line("</section>");
            return;
        }
        line("<p class=\"caption\">" + esc("What each seller nets, " + SimulateCommand.period(r)
                + ", by its settlement statement from the ledger: released gross less refunds after release,"
                + " commission and fees.") + "</p>");
        List<HBar> bars = new ArrayList<>();
        long max = 0;
        for (SimulationReport.SellerStatement seller : r.statements()) {
            long net = MinorUnits.toMinor(seller.statement().net());
            max = Math.max(max, net);
            bars.add(new HBar(seller.sellerId(), net, JsonOutput.amount(seller.statement().net()), GREEN));
        }
        rows("seller-payouts", "Seller payouts", bars, max, 520);
        line("<table id=\"statements\">");
        line("<thead><tr><th>seller</th><th>orders</th><th>gross</th><th>refunds</th><th>commission</th><th>fees</th>"
                + "<th>net</th></tr></thead>");
        line("<tbody>");
        for (SimulationReport.SellerStatement seller : r.statements()) {
            SettlementStatement s = seller.statement();
            line("<tr><td>" + esc(seller.sellerId()) + "</td><td>" + seller.releasedOrders() + "</td>"
                    + amountCell(s.gross()) + amountCell(s.refunds()) + amountCell(s.commission()) + amountCell(s.fees())
                    + amountCell(s.net()) + "</tr>");
        }
        line("</tbody>");
        line("</table>");
        line("</section>");
    }

    private static String amountCell(MonetaryAmount amount) {
        return "<td>" + esc(JsonOutput.amount(amount)) + "</td>";
    }

    private void ledger(SimulationReport r, SimulateCommand.MoneyCheck check) {
        SimulationReport.Ledger l = r.ledger();
        line("<section id=\"ledger\">");
        line("<h2>Ledger check</h2>");
        line("<p class=\"caption\">" + esc("Where the " + SimulateCommand.fen(l.buyerFundsIn())
                + " buyers paid in is now, by the facade's ledger, and the money check of the text output.") + "</p>");
        List<HBar> parts = List.of(
                new HBar("held in escrow", l.held(), SimulateCommand.fen(l.held()), AMBER),
                new HBar("seller payables", l.sellerPayables(), SimulateCommand.fen(l.sellerPayables()), GREEN),
                new HBar("platform revenue", l.platformRevenue(), SimulateCommand.fen(l.platformRevenue()), BLUE),
                new HBar("refunds", l.refunds(), SimulateCommand.fen(l.refunds()), RED));
        stacked("ledger-composition", "Buyers' money by ledger account", parts, 1080);
        line("<div class=\"legend\">");
        for (HBar part : parts) {
            // A negative payable is what sellers owe the platform (fees charged before the sales
            // that pay them): no share of the buyers' money, and not drawn in the bar.
            String share = part.value() < 0 ? "owed by sellers, not drawn"
                    : SimulateCommand.percent(part.value(), l.buyerFundsIn());
            line("<span><span class=\"swatch\" style=\"background:" + part.colour() + "\"></span>" + esc(part.label() + " "
                    + part.text() + " (" + share + ")") + "</span>");
        }
        line("</div>");
        StringBuilder lines = new StringBuilder();
        for (String comparison : check.lines()) {
            lines.append(esc(comparison)).append('\n');
        }
        lines.append(esc(check.balanced() ? "Check: balanced, to the cent." : "Check: NOT BALANCED"));
        line("<div class=\"checks\" id=\"money-check\">" + lines + "</div>");
        line("</section>");
    }

    // ---- charts ---------------------------------------------------------------------------

    /** A column of a column chart: its axis label, its value in fen, and its tooltip. */
    private record Bar(String label, long value, String tooltip) {}

    /** A bar of a bar chart: its label, its value (fen or a count), the value as shown, its colour. */
    private record HBar(String label, long value, String text, String colour) {}

    /** A column chart of amounts in fen, with a y axis in yuan. */
    private void columns(String id, String name, List<Bar> bars, String colour, int width, int height, boolean values) {
        int left = 56;
        int right = 8;
        int top = values ? 18 : 8;
        int bottom = 24;
        long plotWidth = width - left - right;
        long plotHeight = height - top - bottom;
        long max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value());
        }
        long step = niceStep(max, 4);
        long ticks = Math.max(1, (max + step - 1) / step);
        long axisMax = step * ticks;
        open(id, name, width, height);
        for (long tick = 0; tick <= ticks; tick++) {
            long y = (top + plotHeight) * 10 - tick * plotHeight * 10 / ticks;
            line("<line class=\"grid\" x1=\"" + left + "\" x2=\"" + (width - right) + "\" y1=\"" + tenths(y) + "\" y2=\""
                    + tenths(y) + "\"/>");
            line("<text x=\"" + (left - 6) + "\" y=\"" + tenths(y + 40) + "\" text-anchor=\"end\">"
                    + esc(yuan(tick * step)) + "</text>");
        }
        int n = bars.size();
        int fit = width / 48;   // date labels that fit side by side
        int labelEvery = Math.max(1, (n + fit - 1) / fit);
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            long slot = plotWidth * 10 / n;
            long x = left * 10L + i * plotWidth * 10 / n + slot / 7;
            long barWidth = Math.max(10, slot - 2 * (slot / 7));
            long barHeight = Math.max(0, bar.value()) * plotHeight * 10 / axisMax;
            long y = (top + plotHeight) * 10 - barHeight;
            line("<rect x=\"" + tenths(x) + "\" y=\"" + tenths(y) + "\" width=\"" + tenths(barWidth) + "\" height=\""
                    + tenths(barHeight) + "\" fill=\"" + colour + "\"><title>" + esc(bar.tooltip()) + "</title></rect>");
            long centre = x + barWidth / 2;
            if (values && bar.value() != 0) {
                line("<text class=\"value\" x=\"" + tenths(centre) + "\" y=\"" + tenths(y - 40)
                        + "\" text-anchor=\"middle\">" + esc(SimulateCommand.fen(bar.value())) + "</text>");
            }
            if (i % labelEvery == 0) {
                line("<text x=\"" + tenths(centre) + "\" y=\"" + (height - 7) + "\" text-anchor=\"middle\">"
                        + esc(bar.label()) + "</text>");
            }
        }
        line("</svg>");
    }

    /** A bar chart, one labelled row per bar, scaled to {@code max}. */
    private void rows(String id, String name, List<HBar> bars, long max, int width) {
        int label = 170;
        int valueSpace = 120;
        int rowHeight = 28;
        int height = bars.size() * rowHeight + 4;
        long barSpace = width - label - valueSpace;
        open(id, name, width, height);
        for (int i = 0; i < bars.size(); i++) {
            HBar bar = bars.get(i);
            int y = i * rowHeight + 4;
            long length = max <= 0 ? 0 : Math.max(0, bar.value()) * barSpace * 10 / max;
            line("<text x=\"" + (label - 10) + "\" y=\"" + (y + 15) + "\" text-anchor=\"end\">" + esc(bar.label()) + "</text>");
            line("<rect x=\"" + label + "\" y=\"" + y + "\" width=\"" + tenths(Math.max(length, 10)) + "\" height=\""
                    + (rowHeight - 8) + "\" rx=\"3\" fill=\"" + bar.colour() + "\"><title>" + esc(bar.label() + ": "
                    + bar.text()) + "</title></rect>");
            line("<text class=\"value\" x=\"" + tenths(label * 10L + Math.max(length, 10) + 60) + "\" y=\"" + (y + 15)
                    + "\">" + esc(bar.text()) + "</text>");
        }
        line("</svg>");
    }

    /** One bar split into parts, each as wide as its share of the whole. */
    private void stacked(String id, String name, List<HBar> parts, int width) {
        int height = 36;
        long total = 0;
        for (HBar part : parts) {
            total = Math.addExact(total, Math.max(0, part.value()));
        }
        open(id, name, width, height);
        line("<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\" rx=\"4\" fill=\"#f3f4f6\"/>");
        long x = 0;
        for (HBar part : parts) {
            long length = total == 0 ? 0 : Math.max(0, part.value()) * width * 10 / total;
            if (length > 0) {
                line("<rect x=\"" + tenths(x) + "\" y=\"0\" width=\"" + tenths(length) + "\" height=\"" + height
                        + "\" fill=\"" + part.colour() + "\"><title>" + esc(part.label() + ": " + part.text())
                        + "</title></rect>");
            }
            x += length;
        }
        line("</svg>");
    }

    private void open(String id, String name, int width, int height) {
        line("<svg id=\"" + id + "\" class=\"chart\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + esc(name) + "\">");
    }

    /**
     * The smallest step of 1, 2 or 5 times a power of ten that covers {@code max} in at most
     * {@code ticks} steps; 100 (one yuan) for nothing.
     */
    static long niceStep(long max, int ticks) {
        if (max <= 0) {
            return 100;
        }
        for (long power = 1; ; power = Math.multiplyExact(power, 10)) {
            for (long factor : new long[] {1, 2, 5}) {
                long step = Math.multiplyExact(factor, power);
                if (step >= (max + ticks - 1) / ticks) {
                    return step;
                }
            }
        }
    }

    /** Fen as yuan without trailing zeros: an axis label. */
    private static String yuan(long minor) {
        return BigDecimal.valueOf(minor, 2).stripTrailingZeros().toPlainString();
    }

    /** Tenths of a pixel as an SVG number, {@code 123.4}. */
    private static String tenths(long value) {
        String sign = value < 0 ? "-" : "";
        long abs = Math.abs(value);
        return sign + abs / 10 + (abs % 10 == 0 ? "" : "." + abs % 10);
    }

    /**
     * Text escaped for HTML element content and quoted attribute values.
     *
     * @param text any text
     * @return the text with {@code & < > " '} as character references
     */
    static String esc(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private void line(String text) {
        html.append(text).append('\n');
    }
}
