package dev.mercato.examples.cli;

import static dev.mercato.examples.cli.CliExamples.mercato;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario-ready preset ({@link Presets}) on a small budget: each of its declared mechanisms
 * happened at least once, the ledger balanced and the money check held, and the same seed prints
 * the same bytes. A new preset registered in {@link Presets} is covered here without a line more.
 */
class PresetScenarioExamples {
    /** Days and buyers every preset must exercise all its mechanisms in. */
    static final int DAYS = 14;
    static final int BUYERS = 30;

    static Stream<String> scenarioReady() {
        return Presets.scenarioReady().stream();
    }

    @ParameterizedTest
    @MethodSource("scenarioReady")
    void everyMechanismHappensAndTheLedgerBalances(String preset) {
        Scenario scenario = Presets.scenario(preset).orElseThrow();
        SimulationReport report = new Simulation(scenario, 11, DAYS, BUYERS).run();
        List<String> declared = scenario.mechanisms().stream().map(Scenario.Mechanism::name).toList();
        assertEquals(declared, List.copyOf(report.mechanisms().keySet()), "every declared mechanism is reported, in order");
        assertFalse(declared.isEmpty(), preset + " declares its mechanisms");
        for (Map.Entry<String, Integer> mechanism : report.mechanisms().entrySet()) {
            assertTrue(mechanism.getValue() > 0, preset + ": '" + mechanism.getKey() + "' never happened: "
                    + report.mechanisms());
        }
        SimulateCommand.MoneyCheck check = SimulateCommand.moneyCheck(report);
        assertTrue(check.balanced(), () -> String.join("\n", check.lines()));
        assertEquals(0, report.ledger().sumOfAllBalances());
        assertEquals(report.capturedMinor() + report.planFeesMinor(), report.ledger().buyerFundsIn());
        assertTrue(report.completed() > 0, preset + " completes orders");
        assertTrue(report.statements().stream().anyMatch(s -> s.releasedOrders() > 0 && s.statement().gross().isPositive()),
                preset + " releases orders to its sellers: " + report.statements());
        // Every order ends in one of: paid (and later), closed or cancelled unpaid, awaiting payment.
        assertEquals(report.orders(), report.paid() + report.closedUnpaid() + report.cancelledUnpaid()
                + report.awaitingPayment());
    }

    @ParameterizedTest
    @MethodSource("scenarioReady")
    void theSameSeedPrintsTheSameBytes(String preset) {
        CliExamples.Run first = mercato("simulate", "--preset", preset, "--seed", "3", "--days", "6");
        CliExamples.Run second = mercato("simulate", "--preset", preset, "--seed", "3", "--days", "6");
        assertEquals(0, first.exit(), first.err() + first.out());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().contains("\nMechanisms exercised:\n"), first.out());
        assertTrue(first.out().endsWith("Check: balanced, to the cent.\n"), first.out());
    }

    @ParameterizedTest
    @MethodSource("scenarioReady")
    void aScenarioNamesItselfAsItsPresetAndDescribesItselfInOneLine(String preset) {
        Scenario scenario = Presets.scenario(preset).orElseThrow();
        assertEquals(preset, scenario.name());
        assertTrue(!scenario.description().isBlank() && !scenario.description().contains("\n"));
    }
}
