package dev.mercato.pricing.revenue.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.commission.InvalidScheduleException;
import dev.mercato.pricing.revenue.PlatformSchedules;
import org.junit.jupiter.api.Test;

class ScheduleJsonExamples {

    @Test
    void everyShippedExampleScheduleLoads() {
        for (String name : ScheduleJson.EXAMPLES) {
            PlatformSchedules schedules = ScheduleJson.example(name);
            assertEquals(name, schedules.revenue().name());
            assertTrue(schedules.deposits().isPresent(), name);
        }
    }

    @Test
    void aMisspelledFieldIsRejectedAtItsLocation() {
        assertProblem("$.commission.rules[0].rat", "is not a known field",
                doc("{ \"id\": \"a\", \"scope\": \"default\", \"rat\": \"5%\" }"));
    }

    @Test
    void aRateWithoutAPercentSignIsRejectedAtItsLocation() {
        assertProblem("$.commission.rules[0].rate", "percentage string", doc("{ \"id\": \"a\", \"scope\": \"default\", \"rate\": 0.05 }"));
    }

    @Test
    void aRateAboveOneHundredPercentIsRejectedAtItsLocation() {
        assertProblem("$.commission.rules[0].rate", "between 0 and 1", doc("{ \"id\": \"a\", \"scope\": \"default\", \"rate\": \"120%\" }"));
    }

    @Test
    void overlappingPeriodsForOneCategoryAreRejectedNamingTheSecondRule() {
        assertProblem("$.commission.rules[1].period", "overlaps rule 'a'", doc(
                "{ \"id\": \"a\", \"scope\": \"category:x\", \"rate\": \"5%\", \"until\": \"2026-07-01T00:00:00Z\" },"
                        + "{ \"id\": \"b\", \"scope\": \"category:x\", \"rate\": \"6%\", \"from\": \"2026-06-30T00:00:00Z\" }"));
    }

    @Test
    void anUnknownScopeKindIsRejected() {
        assertProblem("$.commission.rules[0].scope", "is not a scope", doc("{ \"id\": \"a\", \"scope\": \"shop:1\", \"rate\": \"5%\" }"));
    }

    @Test
    void aRuleWithBothARateAndTiersIsRejected() {
        assertProblem("$.commission.rules[0]", "exactly one of", doc("{ \"id\": \"a\", \"scope\": \"default\", \"rate\": \"5%\","
                + " \"tiers\": { \"mode\": \"MARGINAL\", \"bands\": [ { \"from\": \"0\", \"rate\": \"1%\" } ] } }"));
    }

    @Test
    void tiersThatDoNotStartAtZeroAreRejected() {
        assertProblem("$.commission.rules[0].tiers", "must be zero", doc("{ \"id\": \"a\", \"scope\": \"default\","
                + " \"tiers\": { \"mode\": \"WHOLE_TIER\", \"bands\": [ { \"from\": \"10.00\", \"rate\": \"1%\" } ] } }"));
    }

    @Test
    void anAmountWithMoreDecimalsThanTheCurrencyIsRejected() {
        assertProblem("$.commission.rules[0].minimum", "more decimals than CNY",
                doc("{ \"id\": \"a\", \"scope\": \"default\", \"rate\": \"5%\", \"minimum\": \"0.001\" }"));
    }

    @Test
    void aMissingCurrencyIsRejected() {
        assertProblem("$.currency", "is required", "{ \"name\": \"x\", \"commission\": { \"base\": \"PAID\", \"rules\": [] } }");
    }

    @Test
    void anUnknownBaseNamesTheChoices() {
        assertProblem("$.commission.base", "PAID_PLUS_SUBSIDY",
                "{ \"name\": \"x\", \"currency\": \"CNY\", \"commission\": { \"base\": \"GROSS\", \"rules\": [] } }");
    }

    @Test
    void brokenJsonSyntaxIsReportedByLineAndColumn() {
        InvalidScheduleException e = assertThrows(InvalidScheduleException.class,
                () -> ScheduleJson.read("{\n  \"name\": \"x\",\n  \"currency\": CNY\n}"));
        assertTrue(e.location().startsWith("line 3, column"), e.location());
    }

    static String doc(String rules) {
        return "{ \"name\": \"x\", \"currency\": \"CNY\", \"commission\": { \"base\": \"PAID\", \"rules\": [ " + rules + " ] } }";
    }

    static void assertProblem(String location, String problem, String json) {
        InvalidScheduleException e = assertThrows(InvalidScheduleException.class, () -> ScheduleJson.read(json));
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }
}
