package dev.mercato.benchmarks;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.SettlementBatch;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settling {@code orders} one-line orders in memory: commission and fees from the
 * {@code b2c-mall} example schedule, in chunks of {@value #CHUNK} orders through {@code
 * RevenueSchedule.settleBatch} (each order still gets its own commission, its own payment fee and
 * its own release entry), then one balanced release entry per order (escrow held to seller
 * payable, commission and payment-fee revenue) posted with one {@code postAll} per chunk to a
 * journal sized for the orders ({@code Journal.inMemory(orders)}). Reference: the same amounts
 * computed in {@code long} (rates in basis points, half up) posted to {@link
 * LedgerBenchmark.HandLedger}, sized for the orders too. The setup checks, on a sample, that the
 * batch path leaves exactly the balances of the per-order path ({@code RevenueSchedule.settle} and
 * {@code Journal.post} per order), and that every seller payable and both revenue balances equal
 * the reference's.
 *
 * <p>Target: 1,000,000 orders under 5 s on 2 cores ({@code threads} = 1 or 2 worker threads
 * sharing one journal).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class SettlementBenchmark {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant ORDERED = Instant.parse("2026-11-11T10:00:00Z");
    static final String[] CATEGORIES = {"apparel/men/shirts", "apparel/women/dresses", "digital/phones", "food/tea",
        "jewellery/rings", "home/kitchen"};
    /** Commission in basis points per category above, as the b2c-mall schedule sets it on the order instant. */
    static final long[] COMMISSION_BP = {500, 800, 250, 50, 1000, 500};
    static final long FOOD_MINIMUM = 50;
    static final long PAYMENT_FEE_BP = 60;
    /** Orders settled and posted per batch. */
    static final int CHUNK = 1_000;

    /** Orders settled per operation. */
    @Param({"1000000"})
    public int orders;

    /** Worker threads for Mercato's settlement (one journal shared). */
    @Param({"1", "2"})
    public int threads;

    private RevenueSchedule schedule;
    private SaleLine[] lines;
    private long[] paidMinor;
    private int[] category;
    private ExecutorService pool;

    /** Builds the orders once; checks that Mercato and the reference agree. */
    @Setup
    public void setUp() {
        schedule = ScheduleJson.example("b2c-mall").revenue();
        lines = new SaleLine[orders];
        paidMinor = new long[orders];
        category = new int[orders];
        for (int i = 0; i < orders; i++) {
            long paid = 100 + (i * 7919L) % 99_900;
            int c = i % CATEGORIES.length;
            paidMinor[i] = paid;
            category[i] = c;
            lines[i] = SaleLine.builder().ids("o-" + i, "l-1").sku("sku-" + i % 5_000)
                    .seller("s-" + i % 1_000, SellerType.BRAND_FLAGSHIP).category(CATEGORIES[c])
                    .paid(Money.of(BigDecimal.valueOf(paid, 2), CNY)).orderedAt(ORDERED).paymentMethod("alipay")
                    .build();
        }
        pool = Executors.newFixedThreadPool(threads);
        int sample = Math.min(orders, 20_000);
        Journal perOrder = Journal.inMemory();
        settleRangePerOrder(perOrder, 0, sample);
        Journal journal = Journal.inMemory();
        settleRange(journal, 0, sample);
        if (!journal.balances().equals(perOrder.balances()) || journal.entries().size() != sample) {
            throw new IllegalStateException("the batch path's balances differ from the per-order path's");
        }
        LedgerBenchmark.HandLedger hand = new LedgerBenchmark.HandLedger();
        referenceRange(hand, 0, sample);
        int checked = 0;
        for (var balance : journal.balances().entrySet()) {
            String code = balance.getKey().code();
            if (code.startsWith("seller-payable:") || code.startsWith("platform-revenue:")) {
                long mercato = MinorUnits.toMinor(balance.getValue().get(CNY));
                if (mercato != hand.balance(code)) {
                    throw new IllegalStateException(code + ": Mercato " + mercato + ", reference " + hand.balance(code));
                }
                checked++;
            }
        }
        if (checked != Math.min(sample, 1_000) + 2) {
            throw new IllegalStateException("checked " + checked + " seller and revenue balances");
        }
    }

    /** Stops the worker threads. */
    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    /** Mercato: settle and post every order. */
    @Benchmark
    public Journal settleMercato() throws Exception {
        Journal journal = Journal.inMemory(orders);
        if (threads == 1) {
            settleRange(journal, 0, orders);
            return journal;
        }
        Future<?>[] parts = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) orders * t / threads);
            int to = (int) ((long) orders * (t + 1) / threads);
            parts[t] = pool.submit(() -> settleRange(journal, from, to));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        return journal;
    }

    /** The reference: the same amounts in long, into the hand-written ledger, one thread. */
    @Benchmark
    public LedgerBenchmark.HandLedger settleReference() {
        LedgerBenchmark.HandLedger hand = new LedgerBenchmark.HandLedger(orders);
        referenceRange(hand, 0, orders);
        return hand;
    }

    /** The batch path: settle a chunk of orders at once, post its release entries at once. */
    private void settleRange(Journal journal, int from, int to) {
        Account commissionRevenue = new Account.PlatformRevenue(RevenueStream.COMMISSION);
        Account feeRevenue = new Account.PlatformRevenue(RevenueStream.PAYMENT_FEE);
        List<SaleLine> all = Arrays.asList(lines);
        List<JournalEntry> entries = new ArrayList<>(CHUNK);
        for (int start = from; start < to; start += CHUNK) {
            SettlementBatch batch = schedule.settleBatch(all.subList(start, Math.min(to, start + CHUNK)));
            entries.clear();
            for (int k = 0; k < batch.size(); k++) {
                SaleLine line = batch.line(k);
                entries.add(JournalEntry.builder("release-" + line.orderId(), ORDERED, "release")
                        .minor(new Account.EscrowHeld(line.orderId()), CNY, -batch.sellerGrossMinor(k))
                        .minor(new Account.SellerPayable(line.sellerId()), CNY, batch.sellerNetMinor(k))
                        .minor(commissionRevenue, CNY, batch.commissionMinor(k))
                        .minor(feeRevenue, CNY, batch.sellerFeesMinor(k))
                        .build());
            }
            for (PostResult r : journal.postAll(entries)) {
                if (!r.isAccepted()) {
                    throw new IllegalStateException(r.toString());
                }
            }
        }
    }

    /** The per-order path, as before the batch API: one settlement and one post per order (setup check only). */
    private void settleRangePerOrder(Journal journal, int from, int to) {
        Account commissionRevenue = new Account.PlatformRevenue(RevenueStream.COMMISSION);
        Account feeRevenue = new Account.PlatformRevenue(RevenueStream.PAYMENT_FEE);
        for (int i = from; i < to; i++) {
            SaleLine line = lines[i];
            LineSettlement s = schedule.settle(List.of(line)).lines().get(0);
            long gross = MinorUnits.toMinor(s.sellerGross());
            long commission = MinorUnits.toMinor(s.commission().amount());
            long fees = MinorUnits.toMinor(s.sellerFees());
            JournalEntry entry = JournalEntry.builder("release-" + line.orderId(), ORDERED, "release")
                    .minor(new Account.EscrowHeld(line.orderId()), CNY, -gross)
                    .minor(new Account.SellerPayable(line.sellerId()), CNY, MinorUnits.toMinor(s.sellerNet()))
                    .minor(commissionRevenue, CNY, commission)
                    .minor(feeRevenue, CNY, fees)
                    .build();
            PostResult r = journal.post(entry);
            if (!r.isAccepted()) {
                throw new IllegalStateException(r.toString());
            }
        }
    }

    private void referenceRange(LedgerBenchmark.HandLedger hand, int from, int to) {
        for (int i = from; i < to; i++) {
            long paid = paidMinor[i];
            int c = category[i];
            long commission = halfUp(paid * COMMISSION_BP[c], 10_000);
            if (c == 3) {
                commission = Math.max(commission, FOOD_MINIMUM);
            }
            long fee = halfUp(paid * PAYMENT_FEE_BP, 10_000);
            String order = "o-" + i;
            hand.post("release-" + order,
                    new String[] {"escrow-held:" + order, "seller-payable:s-" + i % 1_000, "platform-revenue:commission",
                        "platform-revenue:payment_fee"},
                    new long[] {-paid, paid - commission - fee, commission, fee});
        }
    }

    private static long halfUp(long numerator, long denominator) {
        return (numerator + denominator / 2) / denominator;
    }
}
