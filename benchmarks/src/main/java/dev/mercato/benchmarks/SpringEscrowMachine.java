package dev.mercato.benchmarks;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.ExtendedState;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * Mercato's escrow lifecycle modelled in Spring Statemachine 4, the reference for
 * {@link EscrowBenchmark}: the same states and events, the same "who may" checks as guards
 * (the acting party travels in a message header, the escrow's parties and amount in the
 * extended state), and a persister over an in-memory store of machine contexts.
 */
final class SpringEscrowMachine {

    enum State { AWAITING_PAYMENT, AWAITING_GROUP, HELD, SHIPPED, DISPUTED, RELEASED, REFUNDED, CLOSED }

    enum Event { PAY, GROUP_FORMED, GROUP_FAILED, SHIP, CONFIRM_RECEIPT, AUTO_CONFIRM, EXTEND, OPEN_DISPUTE,
        END_DISPUTE, RESOLVE_RELEASE, RESOLVE_REFUND, REFUND, CLOSE_UNPAID, CANCEL }

    static final String ACTOR = "actor";

    private SpringEscrowMachine() {}

    /** A new machine, not started. */
    static StateMachine<State, Event> create() {
        try {
            StateMachineBuilder.Builder<State, Event> b = StateMachineBuilder.builder();
            b.configureConfiguration().withConfiguration().autoStartup(false);
            b.configureStates().withStates().initial(State.AWAITING_PAYMENT).states(EnumSet.allOf(State.class))
                    .end(State.RELEASED).end(State.REFUNDED).end(State.CLOSED);
            Guard<State, Event> buyer = party("buyer");
            Guard<State, Event> seller = party("seller");
            Guard<State, Event> system = c -> "system".equals(c.getMessageHeader(ACTOR));
            Guard<State, Event> operator = c -> "operator".equals(c.getMessageHeader(ACTOR));
            b.configureTransitions()
                    .withExternal().source(State.AWAITING_PAYMENT).target(State.HELD).event(Event.PAY).guard(buyer).and()
                    .withExternal().source(State.AWAITING_PAYMENT).target(State.CLOSED).event(Event.CLOSE_UNPAID).guard(system).and()
                    .withExternal().source(State.AWAITING_PAYMENT).target(State.CLOSED).event(Event.CANCEL).guard(buyer).and()
                    .withExternal().source(State.AWAITING_GROUP).target(State.HELD).event(Event.GROUP_FORMED).guard(system).and()
                    .withExternal().source(State.AWAITING_GROUP).target(State.REFUNDED).event(Event.GROUP_FAILED).guard(system).and()
                    .withExternal().source(State.HELD).target(State.SHIPPED).event(Event.SHIP).guard(seller).and()
                    .withExternal().source(State.HELD).target(State.REFUNDED).event(Event.REFUND).guard(seller).and()
                    .withExternal().source(State.HELD).target(State.DISPUTED).event(Event.OPEN_DISPUTE).guard(buyer).and()
                    .withExternal().source(State.SHIPPED).target(State.RELEASED).event(Event.CONFIRM_RECEIPT).guard(buyer).and()
                    .withExternal().source(State.SHIPPED).target(State.RELEASED).event(Event.AUTO_CONFIRM).guard(system).and()
                    .withInternal().source(State.SHIPPED).event(Event.EXTEND).guard(buyer).and()
                    .withExternal().source(State.SHIPPED).target(State.DISPUTED).event(Event.OPEN_DISPUTE).guard(buyer).and()
                    .withExternal().source(State.DISPUTED).target(State.HELD).event(Event.END_DISPUTE).guard(buyer).and()
                    .withExternal().source(State.DISPUTED).target(State.RELEASED).event(Event.RESOLVE_RELEASE).guard(operator).and()
                    .withExternal().source(State.DISPUTED).target(State.REFUNDED).event(Event.RESOLVE_REFUND).guard(operator);
            return b.build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the escrow state machine", e);
        }
    }

    private static Guard<State, Event> party(String role) {
        return (StateContext<State, Event> c) -> {
            Object actor = c.getMessageHeader(ACTOR);
            return actor != null && actor.equals(c.getExtendedState().get(role, String.class));
        };
    }

    /** Puts the escrow's parties and amount into the machine's extended state. */
    static void describe(StateMachine<State, Event> machine, String id, String buyer, String seller, long amountMinor) {
        Map<Object, Object> v = machine.getExtendedState().getVariables();
        v.put("id", id);
        v.put("buyer", buyer);
        v.put("seller", seller);
        v.put("amountMinor", amountMinor);
        v.put("currency", "CNY");
    }

    /** Sends one event from an actor and returns whether the machine accepted it. */
    static boolean send(StateMachine<State, Event> machine, Event event, String actor) {
        Message<Event> message = MessageBuilder.withPayload(event).setHeader(ACTOR, actor).build();
        StateMachineEventResult<State, Event> result = machine.sendEvent(Mono.just(message)).blockLast();
        return result != null && result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED;
    }

    /** A persister over an in-memory map; each write stores a snapshot of the context. */
    static StateMachinePersister<State, Event, String> persister(Map<String, StateMachineContext<State, Event>> store) {
        return new DefaultStateMachinePersister<>(new StateMachinePersist<State, Event, String>() {
            @Override
            public void write(StateMachineContext<State, Event> context, String id) {
                ExtendedState copy = new DefaultExtendedState(new HashMap<>(context.getExtendedState().getVariables()));
                store.put(id, new DefaultStateMachineContext<>(context.getState(), context.getEvent(),
                        context.getEventHeaders(), copy));
            }

            @Override
            public StateMachineContext<State, Event> read(String id) {
                return store.get(id);
            }
        });
    }
}
