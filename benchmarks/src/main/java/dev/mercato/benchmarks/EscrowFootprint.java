package dev.mercato.benchmarks;

import dev.mercato.benchmarks.SpringEscrowMachine.Event;
import dev.mercato.benchmarks.SpringEscrowMachine.State;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import javax.money.Monetary;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.persist.StateMachinePersister;

/**
 * Bytes per escrow, measured as retained heap: build {@code n} distinct escrows, keep them
 * reachable, and divide the growth of the used heap (after repeated {@code System.gc()}) by
 * {@code n}. Everything an instance keeps alive that others do not share is counted (ids,
 * amounts, timers); shared constants are not. Same JVM, same method for both libraries.
 *
 * <p>Usage: {@code EscrowFootprint [n] [output file]}.
 */
public final class EscrowFootprint {
    private EscrowFootprint() {}

    /**
     * Measures and prints the table.
     *
     * @param args the number of instances (default 20000) and an optional output file
     * @throws Exception if the Spring machine cannot be persisted or the file not written
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int machines = Math.max(10, n / 10);
        StringBuilder out = new StringBuilder("bytes per escrow (retained heap, n = " + n + ")\n");
        row(out, "Mercato Held state record", n, i -> {
            return Escrow.open(EscrowBenchmark.terms("o-" + i), EscrowBenchmark.AT).pay(EscrowBenchmark.BUYER,
                    EscrowBenchmark.AT).state();
        });
        Clock clock = Clock.fixed(EscrowBenchmark.AT, ZoneOffset.UTC);
        EscrowService service = EscrowService.create(InMemoryStorage.create(), Journal.inMemory(),
                SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec", Set.of(Monetary.getCurrency("CNY")))),
                clock);
        row(out, "Mercato escrow in InMemoryStorage (record, version, timer)", n, i -> {
            service.open(EscrowBenchmark.terms("s-" + i));
            return null;
        });
        Map<String, StateMachineContext<State, Event>> store = new HashMap<>();
        StateMachinePersister<State, Event, String> persister = SpringEscrowMachine.persister(store);
        StateMachine<State, Event> one = SpringEscrowMachine.create();
        one.startReactively().block();
        row(out, "Spring Statemachine persisted context (state + extended state)", n, i -> {
            SpringEscrowMachine.describe(one, "o-" + i, "b-1", "s-1", 10_000L + i);
            try {
                persister.persist(one, "o-" + i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        row(out, "Spring Statemachine live machine (started, held)", machines, i -> {
            StateMachine<State, Event> m = SpringEscrowMachine.create();
            m.startReactively().block();
            SpringEscrowMachine.describe(m, "o-" + i, "b-1", "s-1", 10_000L + i);
            SpringEscrowMachine.send(m, Event.PAY, "b-1");
            return m;
        });
        if (service.find("s-0").isEmpty() || store.size() < n) {
            throw new IllegalStateException("the measured escrows were not kept");
        }
        System.out.print(out);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), out, StandardCharsets.UTF_8);
        }
    }

    private static void row(StringBuilder out, String what, int n, IntFunction<Object> make) throws IOException {
        for (int i = 0; i < Math.min(n, 1_000); i++) {
            make.apply(-1 - i);
        }
        long before = usedHeap();
        Object[] keep = new Object[n];
        for (int i = 0; i < n; i++) {
            keep[i] = make.apply(i);
        }
        long after = usedHeap();
        long perInstance = (after - before - 16L - 4L * n) / n;
        out.append(String.format(Locale.ROOT, "%-70s %8d bytes%n", what, perInstance));
        if (keep.length != n) {
            throw new IllegalStateException("unreachable");
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
