package dev.mercato.examples.cli;

import java.util.List;

/**
 * The platform presets the command line knows. For now each is a platform model's revenue
 * schedule shipped with the library ({@code ScheduleJson.example(name)}); a preset is
 * scenario-ready when {@code mercato simulate} can run a whole platform on it.
 */
final class Presets {
    /**
     * One preset.
     *
     * @param name its name, the same as its schedule example's
     * @param description one line for people
     * @param scenarioReady whether {@code mercato simulate} runs it
     */
    record Preset(String name, String description, boolean scenarioReady) {}

    static final List<Preset> ALL = List.of(
            new Preset("c2c-marketplace", "Taobao-like C2C marketplace: free store, 1% service fee,"
                    + " payment fees by method, two-level creator shares, CPC ads", false),
            new Preset("b2c-mall", "Tmall-like B2C mall: commission by category (0.5% food to 10% jewellery),"
                    + " 0.6% payment fee, annual fee with rebates, deposits", true),
            new Preset("hybrid-self-operated", "JD-like hybrid: self-operated stock beside 8% third-party"
                    + " commission, marginal volume tiers, platform-paid payment fees", false),
            new Preset("o2o-services", "Meituan-like local services: 8/7/6% commission by monthly GMV band,"
                    + " service fee 1% + 0.20, 3% referral share", false));

    private Presets() {}

    /** The names of the presets simulate runs, in listing order. */
    static List<String> scenarioReady() {
        return ALL.stream().filter(Preset::scenarioReady).map(Preset::name).toList();
    }

    /** The preset names, in listing order. */
    static List<String> names() {
        return ALL.stream().map(Preset::name).toList();
    }
}
