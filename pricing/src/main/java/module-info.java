/**
 * Mercato pricing: the money kernel and pure calculators (prices, promotions, commissions,
 * fees). No I/O, no storage, no dependency on the SPI modules or on core.
 */
module dev.mercato.pricing {
    requires transitive java.money;
    requires org.javamoney.moneta;
    requires com.google.common;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.moneta;

    exports dev.mercato.pricing.error;
    exports dev.mercato.pricing.money;
    exports dev.mercato.pricing.commission;
    exports dev.mercato.pricing.fee;
    exports dev.mercato.pricing.revenue;
    exports dev.mercato.pricing.promotion;
    exports dev.mercato.pricing.promotion.rule;
    exports dev.mercato.pricing.promotion.json;
    exports dev.mercato.pricing.revenue.json;
    exports dev.mercato.pricing.membership;
    exports dev.mercato.pricing.tax;
}
