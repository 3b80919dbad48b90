package dev.mercato.payments.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * How {@link SandboxPaymentProvider#drainNotifications(NotificationDelivery)} hands out the
 * notifications emitted so far, to imitate a real provider's at-least-once, unordered webhook
 * delivery. Deterministic: the same delivery on the same notifications gives the same list.
 *
 * <p>Immutable.
 *
 * @param order the order of delivery, never {@code null}
 * @param copies for {@link Order#AS_EMITTED} and {@link Order#REVERSED}: how many times the whole
 *        batch is delivered; for {@link Order#SHUFFLED}: the most copies of any one notification; 1 to 10
 * @param seed the seed of the shuffle (ignored unless shuffled)
 */
public record NotificationDelivery(Order order, int copies, long seed) {

    /** The order of delivery. */
    public enum Order {
        /** In emission order. */
        AS_EMITTED,
        /** Newest first. */
        REVERSED,
        /** A seeded random permutation, each notification delivered 1 to {@code copies} times. */
        SHUFFLED
    }

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if the order is {@code null}
     * @throws IllegalArgumentException if copies is outside 1 to 10
     */
    public NotificationDelivery {
        Objects.requireNonNull(order, "order");
        if (copies < 1 || copies > 10) {
            throw new IllegalArgumentException("copies must be 1 to 10 (was: " + copies + ")");
        }
    }

    /**
     * Each notification once, in emission order.
     *
     * @return the delivery
     */
    public static NotificationDelivery inOrder() {
        return new NotificationDelivery(Order.AS_EMITTED, 1, 0L);
    }

    /**
     * The whole batch twice in emission order, so every notification arrives again after later ones.
     *
     * @return the delivery
     */
    public static NotificationDelivery duplicated() {
        return new NotificationDelivery(Order.AS_EMITTED, 2, 0L);
    }

    /**
     * Each notification once, newest first.
     *
     * @return the delivery
     */
    public static NotificationDelivery reversed() {
        return new NotificationDelivery(Order.REVERSED, 1, 0L);
    }

    /**
     * A seeded shuffle in which each notification arrives one to three times.
     *
     * @param seed the shuffle's seed
     * @return the delivery
     */
    public static NotificationDelivery shuffledWithDuplicates(long seed) {
        return new NotificationDelivery(Order.SHUFFLED, 3, seed);
    }

    <T> List<T> arrange(List<T> emitted) {
        List<T> out = new ArrayList<>();
        switch (order) {
            case AS_EMITTED -> {
                for (int i = 0; i < copies; i++) {
                    out.addAll(emitted);
                }
            }
            case REVERSED -> {
                List<T> newestFirst = new ArrayList<>(emitted);
                Collections.reverse(newestFirst);
                for (int i = 0; i < copies; i++) {
                    out.addAll(newestFirst);
                }
            }
            case SHUFFLED -> {
                Random random = new Random(seed);
                for (T item : emitted) {
                    int n = 1 + random.nextInt(copies);
                    for (int i = 0; i < n; i++) {
                        out.add(item);
                    }
                }
                Collections.shuffle(out, random);
            }
        }
        return out;
    }
}
