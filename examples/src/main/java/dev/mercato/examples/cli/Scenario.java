package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.event.DomainEvent;
import dev.mercato.pricing.revenue.RevenueSchedule;
import java.util.List;
import java.util.function.Predicate;

/**
 * A preset's scenario for {@code mercato simulate}: a platform's configuration on the public
 * {@link Commerce.Builder} API plus what its buyers and sellers do each simulated day. The shared
 * {@link Simulation} owns everything else: the simulation clock, the seeded {@link java.util.Random},
 * the sandbox payment provider, the storage, the day loop with the facade's due timers, and the
 * report, whose KPIs it computes from the facade's domain events and ledger
 * ({@link SimulationReport}, definitions in docs/presets.md).
 *
 * <p>A new instance runs one simulation (a scenario may keep state between its days in fields);
 * {@link Presets} registers a factory for it. Everything random must come from
 * {@link Simulation#random()} and every instant from the simulation's clock, so that a seed always
 * gives the same report.
 */
interface Scenario {
    /**
     * The preset's name, as {@code simulate --preset} takes it.
     *
     * @return e.g. {@code "b2c-mall"}
     */
    String name();

    /**
     * One line for people, as {@code mercato presets} lists it.
     *
     * @return the description
     */
    String description();

    /**
     * The commission and fee schedule: given to {@code Builder.guaranteedTransactions}, so the
     * escrows release under it (the report reads the sellers' statements from the ledger).
     *
     * @return the schedule
     */
    RevenueSchedule schedule();

    /**
     * The payment method the scenario's buyers pay with, as the schedule's payment fees name it.
     *
     * @return e.g. {@code "alipay"}
     */
    default String paymentMethod() {
        return "alipay";
    }

    /**
     * The mechanisms this scenario exists to exercise, in the order the report lists them. Each
     * is counted, and a run long enough for the preset's tests must count every one at least once.
     *
     * @return the mechanisms, names unique
     */
    List<Mechanism> mechanisms();

    /**
     * Configures the platform: catalog, inventory, pricing and promotions, guaranteed transactions
     * with {@link #schedule()}, group buys, plans, seller types. The builder already has the
     * simulation clock, the sandbox payment provider (and its carrier), the event publisher and
     * the storage; a scenario must not replace them.
     *
     * @param builder the facade's builder
     * @param simulation the run, for its clock and its start
     */
    void configure(Commerce.Builder builder, Simulation simulation);

    /**
     * Runs one day. The day starts at 00:00 UTC of {@link Simulation#today()}; move the clock
     * forward with {@link Simulation#at(int)} (which runs the due timers) and use
     * {@link Simulation#addToCart} and {@link Simulation#checkout} so the funnel counts carts.
     * After this returns the simulation runs the timers at 23:00.
     *
     * @param simulation the run
     * @param day the day, 0 for the first
     */
    void day(Simulation simulation, int day);

    /**
     * One mechanism a scenario exercises, counted in the report under its name ("mechanisms
     * exercised"). Either the simulation counts the domain events that match, or the scenario
     * reports each occurrence with {@link Simulation#happened(String)}.
     *
     * @param name what happened, for people: {@code "group failed and refunded"}
     * @param matches the domain events that count one occurrence each; none for a reported mechanism
     */
    record Mechanism(String name, Predicate<DomainEvent> matches) {
        /** Validates the name. */
        public Mechanism {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a mechanism needs a name");
            }
            java.util.Objects.requireNonNull(matches, "matches");
        }

        /**
         * A mechanism counted by the domain events of one type.
         *
         * @param name its name
         * @param type the event type, e.g. {@code GroupBuyEvent.Failed.class}
         * @return the mechanism
         */
        static Mechanism onEvent(String name, Class<? extends DomainEvent> type) {
            return new Mechanism(name, type::isInstance);
        }

        /**
         * A mechanism counted by the domain events that match.
         *
         * @param name its name
         * @param matches the matching events
         * @return the mechanism
         */
        static Mechanism onEvent(String name, Predicate<DomainEvent> matches) {
            return new Mechanism(name, matches);
        }

        /**
         * A mechanism the scenario reports itself, with {@link Simulation#happened(String)}.
         *
         * @param name its name
         * @return the mechanism
         */
        static Mechanism reported(String name) {
            return new Mechanism(name, event -> false);
        }
    }
}
