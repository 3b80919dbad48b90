package dev.mercato.examples.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The platform presets the command line knows, in listing order. Each has a {@link Scenario}
 * ({@code mercato simulate} runs a whole platform on it) whose revenue schedule {@code settle
 * --preset} uses. A new scenario registers here with {@link Preset#of(Supplier)}.
 */
final class Presets {
    /**
     * One preset.
     *
     * @param name its name
     * @param description one line for people
     * @param scenario a new scenario for each run, for a scenario-ready preset
     */
    record Preset(String name, String description, Optional<Supplier<Scenario>> scenario) {
        /** A scenario-ready preset: its name and description are its scenario's. */
        static Preset of(Supplier<Scenario> scenario) {
            Scenario one = scenario.get();
            return new Preset(one.name(), one.description(), Optional.of(scenario));
        }

        /** Whether {@code mercato simulate} runs it. */
        boolean scenarioReady() {
            return scenario.isPresent();
        }
    }

    static final List<Preset> ALL = List.of(
            Preset.of(C2cScenario::new),
            Preset.of(MallScenario::new),
            Preset.of(HybridScenario::new),
            Preset.of(O2oScenario::new),
            Preset.of(GroupBuyScenario::new),
            Preset.of(PreSaleScenario::new),
            Preset.of(B2bScenario::new));

    /** Short names accepted for presets, as platform people say them. */
    static final java.util.Map<String, String> ALIASES = java.util.Map.of(
            "c2c", "c2c-marketplace", "hybrid", "hybrid-self-operated", "o2o", "o2o-services");

    private Presets() {}

    /**
     * The preset a name given on the command line means: a short name ({@link #ALIASES}) is its
     * preset's name, any other name itself.
     *
     * @param name a preset's name or short name
     * @return the preset's name (unknown names unchanged)
     */
    static String canonical(String name) {
        return name == null ? null : ALIASES.getOrDefault(name, name);
    }

    /** The names of the presets simulate runs, in listing order. */
    static List<String> scenarioReady() {
        return ALL.stream().filter(Preset::scenarioReady).map(Preset::name).toList();
    }

    /** The preset names, in listing order. */
    static List<String> names() {
        return ALL.stream().map(Preset::name).toList();
    }

    /**
     * A preset's commission and fee schedule: its scenario's, or the library's example of that name.
     *
     * @param name a preset's name
     * @return the schedule
     * @throws IllegalArgumentException if there is no such preset
     */
    static dev.mercato.pricing.revenue.RevenueSchedule schedule(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no preset " + name);
        }
        return scenario(name).map(Scenario::schedule)
                .orElseGet(() -> dev.mercato.pricing.revenue.json.ScheduleJson.example(name).revenue());
    }

    /**
     * A new scenario of a preset.
     *
     * @param name the preset's name
     * @return its scenario, if it is scenario-ready
     */
    static Optional<Scenario> scenario(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
                .flatMap(Preset::scenario).map(Supplier::get);
    }
}
