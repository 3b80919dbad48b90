package dev.mercato.benchmarks;

import dev.mercato.benchmarks.SpringEscrowMachine.Event;
import dev.mercato.benchmarks.SpringEscrowMachine.State;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.Deductions;
import dev.mercato.core.escrow.Disputed;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Transition;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.persist.StateMachinePersister;

/**
 * Mercato's escrow beside Spring Statemachine 4 modelling the same states and events.
 *
 * <p>One operation is a round trip of two transitions, open a dispute on a held escrow and end
 * it (Held to Disputed to Held), with the buyer as the acting party in both libraries.
 *
 * <ul>
 *   <li>{@code hot*}: the transitions alone, on a state in memory: Mercato's state records, and
 *       a started Spring machine.</li>
 *   <li>{@code request*}: each transition as a request would run it: restore the escrow from
 *       storage, fire one event, persist. Mercato: {@code EscrowService} over
 *       {@code InMemoryStorage} (versioned aggregate, timers, journal replay). Spring: one machine
 *       restored and persisted with {@code DefaultStateMachinePersister} over an in-memory map.</li>
 * </ul>
 *
 * <p>Target: at least 50x on the per-request cycle. Bytes per escrow: {@link EscrowFootprint}.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EscrowBenchmark {
    static final Actor.Buyer BUYER = new Actor.Buyer("b-1");
    static final Instant AT = Instant.parse("2026-11-11T10:00:00Z");

    private Held held;
    private EscrowService service;
    private StateMachine<State, Event> hotMachine;
    private StateMachine<State, Event> requestMachine;
    private StateMachinePersister<State, Event, String> persister;

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    static EscrowTerms terms(String id) {
        return EscrowTerms.of(id, "b-1", "s-1", cny("100.00"))
                .withDeductions(new Deductions(cny("5.00"), cny("1.00"), cny("0.60")));
    }

    /** Builds a held escrow in each library, in memory and in storage. */
    @Setup
    public void setUp() throws Exception {
        Transition paid = Escrow.open(terms("o-1"), AT).pay(BUYER, AT);
        held = (Held) paid.state();

        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "whsec-bench", Set.of(Monetary.getCurrency("CNY"))));
        service = EscrowService.create(InMemoryStorage.create(), Journal.inMemory(), sandbox, clock);
        service.open(terms("o-1"));
        if (!(service.pay("o-1", BUYER, new PaymentSource("tok_visa")).escrow() instanceof Held)) {
            throw new IllegalStateException("the sandbox payment did not hold the escrow");
        }

        hotMachine = SpringEscrowMachine.create();
        hotMachine.startReactively().block();
        SpringEscrowMachine.describe(hotMachine, "o-1", "b-1", "s-1", 10_000);
        require(SpringEscrowMachine.send(hotMachine, Event.PAY, "b-1"), "pay");

        Map<String, StateMachineContext<State, Event>> store = new HashMap<>();
        persister = SpringEscrowMachine.persister(store);
        requestMachine = SpringEscrowMachine.create();
        requestMachine.startReactively().block();
        SpringEscrowMachine.describe(requestMachine, "o-1", "b-1", "s-1", 10_000);
        require(SpringEscrowMachine.send(requestMachine, Event.PAY, "b-1"), "pay");
        persister.persist(requestMachine, "o-1");

        require(requestSpringStatemachine() && hotSpringStatemachine(), "dispute round trip");
        require(requestMercato() instanceof Transition.Accepted && hotMercato() instanceof Held, "dispute round trip");
        require(service.find("o-1").orElseThrow() instanceof Held, "held after the round trip");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("setup failed: " + what);
        }
    }

    /** Mercato: Held.openDispute then Disputed.endWithoutResolution, on records in memory. */
    @Benchmark
    public Escrow hotMercato() {
        Disputed disputed = (Disputed) held.openDispute(BUYER, AT).state();
        return disputed.endWithoutResolution(BUYER, AT).state();
    }

    /** Spring Statemachine: OPEN_DISPUTE then END_DISPUTE on a started machine. */
    @Benchmark
    public boolean hotSpringStatemachine() {
        return SpringEscrowMachine.send(hotMachine, Event.OPEN_DISPUTE, "b-1")
                & SpringEscrowMachine.send(hotMachine, Event.END_DISPUTE, "b-1");
    }

    /** Mercato: two service requests, each restoring the escrow from storage, firing, persisting. */
    @Benchmark
    public Transition requestMercato() {
        service.openDispute("o-1", BUYER);
        return service.endDispute("o-1", BUYER);
    }

    /** Spring Statemachine: two requests, each restore, send, persist. */
    @Benchmark
    public boolean requestSpringStatemachine() throws Exception {
        persister.restore(requestMachine, "o-1");
        boolean opened = SpringEscrowMachine.send(requestMachine, Event.OPEN_DISPUTE, "b-1");
        persister.persist(requestMachine, "o-1");
        persister.restore(requestMachine, "o-1");
        boolean ended = SpringEscrowMachine.send(requestMachine, Event.END_DISPUTE, "b-1");
        persister.persist(requestMachine, "o-1");
        return opened & ended;
    }
}
