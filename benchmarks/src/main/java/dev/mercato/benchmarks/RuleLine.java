package dev.mercato.benchmarks;

import java.util.List;

/** A cart line as a Drools fact (JavaBean getters, as the rule language expects). */
public final class RuleLine {
    private final String sku;
    private final String seller;
    private final List<String> categories;

    RuleLine(String sku, String seller, List<String> categories) {
        this.sku = sku;
        this.seller = seller;
        this.categories = categories;
    }

    /** @return the SKU */
    public String getSku() {
        return sku;
    }

    /** @return the seller id */
    public String getSeller() {
        return seller;
    }

    /** @return the category path */
    public List<String> getCategories() {
        return categories;
    }
}
