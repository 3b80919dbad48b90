package dev.mercato.pricing.testkit.sample;

/** The correct tea-time rule passes the ready-made suite, run by Surefire as a team's build would. */
class TeaTimeRulesProperties extends TeaTimeSuite {
    TeaTimeRulesProperties() {
        super(TeaTime.Flaw.NONE);
    }
}
