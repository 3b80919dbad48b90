package dev.mercato.logistics;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link QuoteRequest}: either quotes, one per service the carrier offers on
 * the route, or the reason why there are none. Not being able to quote is a business
 * outcome, not an error.
 */
public sealed interface QuoteOutcome {

    /**
     * The carrier quotes the request.
     *
     * @param quotes one quote per offered service, at least one, no service twice, ordered
     *     from slowest to fastest service; unmodifiable
     */
    record Quoted(List<Quote> quotes) implements QuoteOutcome {

        /**
         * Validates and orders the quotes.
         *
         * @throws InvalidLogisticsInputException if the list is {@code null}, empty or
         *     quotes a service twice
         */
        public Quoted {
            InvalidLogisticsInputException.requireNonNull(quotes, "quotes");
            quotes = quotes.stream().sorted(Comparator.comparing(Quote::service)).toList();
            if (quotes.isEmpty()) {
                throw new InvalidLogisticsInputException("quotes", quotes, "must hold at least one quote");
            }
            if (quotes.stream().map(Quote::service).distinct().count() != quotes.size()) {
                throw new InvalidLogisticsInputException("quotes", quotes, "must quote each service at most once");
            }
        }

        /**
         * The quote for one service.
         *
         * @param service the service wanted
         * @return the quote, or empty when the carrier does not offer that service on the route
         */
        public Optional<Quote> forService(ServiceLevel service) {
            return quotes.stream().filter(q -> q.service() == service).findFirst();
        }

        @Override
        public List<Quote> quotesOrEmpty() {
            return quotes;
        }
    }

    /**
     * The carrier gives no quote.
     *
     * @param reason why, never {@code null}
     * @param detail a human-readable explanation naming the values involved, never {@code null}
     */
    record Unquotable(UnquotableReason reason, String detail) implements QuoteOutcome {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public Unquotable {
            InvalidLogisticsInputException.requireNonNull(reason, "reason");
            InvalidLogisticsInputException.requireNonNull(detail, "detail");
        }

        @Override
        public List<Quote> quotesOrEmpty() {
            return List.of();
        }
    }

    /**
     * The quotes, whatever the outcome.
     *
     * @return the quotes of a {@link Quoted} outcome, an empty list otherwise; unmodifiable
     */
    List<Quote> quotesOrEmpty();
}
