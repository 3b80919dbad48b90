package dev.mercato.pricing.testkit.sample;

import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.testkit.PricingRulesContract;
import dev.mercato.pricing.testkit.Vocabulary;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * The suite pointed at a tea shop's {@link TeaTime} rule, as the shop's pricing team would:
 * spend 99 on tea, 15% off the tea lines and 5 more off the priciest one. Each concrete
 * subclass fixes one {@link TeaTime.Flaw}.
 */
abstract class TeaTimeSuite extends PricingRulesContract {
    private final TeaTime.Flaw flaw;

    TeaTimeSuite(TeaTime.Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    protected List<Promotion> rules(CurrencyUnit currency) {
        return List.of(new TeaTime(PromotionTerms.of("tea-time"), "tea", Money.of(99, currency), Rate.percent(15),
                Money.of(5, currency), flaw));
    }

    @Override
    protected Vocabulary vocabulary() {
        return Vocabulary.defaults().withSkus("oolong", "pu-erh", "sencha", "mug").withSellers("tea-house", "ware-shop")
                .withCategories("tea", "ware", "gift").withTiers("JADE", "GOLD").withCouponIds("tea-10", "mug-5");
    }

    @Override
    protected List<MonetaryAmount> thresholds(CurrencyUnit currency) {
        return List.of(Money.of(99, currency));
    }

    /** The planted mistakes, one suite each; run by {@code PlantedBugCatchExamples}, not by Surefire. */
    static final class OffByOneThreshold extends TeaTimeSuite {
        OffByOneThreshold() {
            super(TeaTime.Flaw.OFF_BY_ONE_THRESHOLD);
        }
    }

    static final class PerUnitRounding extends TeaTimeSuite {
        PerUnitRounding() {
            super(TeaTime.Flaw.PER_UNIT_ROUNDING);
        }
    }

    static final class CurrencyDecimals extends TeaTimeSuite {
        CurrencyDecimals() {
            super(TeaTime.Flaw.CURRENCY_DECIMALS);
        }
    }

    static final class DiscountBeyondTheLine extends TeaTimeSuite {
        DiscountBeyondTheLine() {
            super(TeaTime.Flaw.DISCOUNT_BEYOND_THE_LINE);
        }
    }

    static final class SignError extends TeaTimeSuite {
        SignError() {
            super(TeaTime.Flaw.SIGN_ERROR);
        }
    }

    static final class OrderDependence extends TeaTimeSuite {
        OrderDependence() {
            super(TeaTime.Flaw.ORDER_DEPENDENCE);
        }
    }

    /** The correct rule, for the catch-rate run. */
    static final class Correct extends TeaTimeSuite {
        Correct() {
            super(TeaTime.Flaw.NONE);
        }
    }
}
