package dev.mercato.storage.postgres;

import dev.mercato.core.simulation.FaultSimulationProperties;
import dev.mercato.core.simulation.SimWorld;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.ActionChain;

/**
 * The seeded fault simulation of core ({@code FaultSimulationProperties}) on PostgreSQL: the same
 * actions, faults and invariants, with {@link PostgresStorage} as the storage that survives each crash
 * (a fresh schema per chain is not needed: each chain's world starts from emptied tables).
 *
 * <p>The default build runs a smoke of 3 chains of 150 steps; {@code -Dmercato.pg.soak=true}
 * runs 100 chains of 500 steps (the PostgreSQL soak, documented in the README's "Reliability").
 */
class PostgresFaultSimulationProperties {
    private static TestDatabase database;

    @BeforeContainer
    static void start() {
        database = TestDatabase.create();
    }

    @AfterContainer
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    static SimWorld world() {
        database.clear();
        return new SimWorld(PostgresStorage.create(database.dataSource()));
    }

    @Property(tries = 3)
    void noMoneyIsLostOrDoubledOnPostgres(@ForAll("smoke") ActionChain<SimWorld> chain) {
        FaultSimulationProperties.run(chain);
    }

    @Property(tries = 100)
    void soakOnPostgres(@ForAll("soak") ActionChain<SimWorld> chain) {
        if (Boolean.getBoolean("mercato.pg.soak")) {
            FaultSimulationProperties.run(chain);
        }
    }

    @Provide
    Arbitrary<ActionChain<SimWorld>> smoke() {
        return FaultSimulationProperties.chains(PostgresFaultSimulationProperties::world, 150);
    }

    @Provide
    Arbitrary<ActionChain<SimWorld>> soak() {
        return FaultSimulationProperties.chains(PostgresFaultSimulationProperties::world, 500);
    }
}
