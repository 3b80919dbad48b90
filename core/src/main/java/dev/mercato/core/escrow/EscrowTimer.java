package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * The one due timer an escrow state runs, as the state declares it ({@link Escrow#timer()}):
 * {@link AwaitingPayment} closes unpaid at its pay-by instant, {@link AwaitingGroup} fails at the
 * group deadline, {@link AwaitingBalance} forfeits at the balance's due date, {@link Shipped} confirms receipt at its auto-confirm instant; other states run
 * none. The service schedules exactly this timer whenever the escrow's state changes and fires it
 * through {@link Escrow#onTimer}.
 *
 * @param kind the timer kind ({@link EscrowService#UNPAID_CLOSE}, {@link
 *     EscrowService#GROUP_DEADLINE} or {@link EscrowService#AUTO_CONFIRM})
 * @param dueAt when it is due
 */
public record EscrowTimer(String kind, Instant dueAt) {
    /** Validates the fields. */
    public EscrowTimer {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(dueAt, "dueAt");
    }

    /** Every timer kind an escrow state may declare. */
    static final java.util.List<String> KINDS =
            java.util.List.of(EscrowService.UNPAID_CLOSE, EscrowService.GROUP_DEADLINE, EscrowService.AUTO_CONFIRM,
                    EscrowService.BALANCE_DUE);
}
