package dev.mercato.core.risk;

import java.time.Instant;
import java.util.List;

/**
 * The purchases placed before the one being checked, for limit and velocity rules. A window
 * {@code since} holds the purchases placed strictly after {@code since}: one placed exactly a
 * window ago no longer counts. The purchase being checked (same reference) is never included.
 */
public interface RiskHistory {

    /**
     * A buyer's purchases placed after {@code since}.
     *
     * @param buyerId the buyer
     * @param since the window's start, exclusive
     * @return the purchases, oldest first
     */
    List<RiskActivity> ofBuyer(String buyerId, Instant since);

    /**
     * A card's purchases placed after {@code since}.
     *
     * @param card the card's fingerprint
     * @param since the window's start, exclusive
     * @return the purchases, oldest first
     */
    List<RiskActivity> ofCard(String card, Instant since);

    /**
     * A device's purchases placed after {@code since}.
     *
     * @param device the device's fingerprint
     * @param since the window's start, exclusive
     * @return the purchases, oldest first
     */
    List<RiskActivity> ofDevice(String device, Instant since);
}
