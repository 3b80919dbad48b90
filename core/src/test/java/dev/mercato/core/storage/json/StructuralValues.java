package dev.mercato.core.storage.json;

import dev.mercato.pricing.money.MinorUnits;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * Builds random values of a stored type through its records' canonical constructors: each record
 * is built from random components and built again when its constructor refuses them, so a value
 * always passes the type's own validation. Types whose invariants span components (balanced
 * postings, priced totals) get a hand-written builder through {@link #with}. One currency per
 * value, so amounts agree.
 */
final class StructuralValues {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> CURRENCIES = List.of("CNY", "JPY", "BHD", "USD");
    private static final int ATTEMPTS = 500;

    /** A builder of one class from the generator and the value's random source. */
    interface Builder extends BiFunction<StructuralValues, Random, Object> {}

    private final Map<Class<?>, Builder> custom = new HashMap<>();
    private final Map<Class<?>, Object> pins = new HashMap<>();
    private CurrencyUnit currency;

    StructuralValues with(Class<?> type, Builder builder) {
        custom.put(type, builder);
        return this;
    }

    /**
     * A value of the type.
     *
     * @param type the declared type
     * @param random the random source
     * @return a value the type's constructors accepted
     */
    Object value(Type type, Random random) {
        currency = Monetary.getCurrency(CURRENCIES.get(random.nextInt(CURRENCIES.size())));
        return any(type, random, 0);
    }

    CurrencyUnit currency() {
        return currency;
    }

    MonetaryAmount amount(Random random, long minMinor, long maxMinor) {
        return MinorUnits.toAmount(minMinor + (long) (random.nextDouble() * (maxMinor - minMinor)), currency);
    }

    String text(Random random) {
        String letters = "abcxyz0123";
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            s.append(letters.charAt(random.nextInt(letters.length())));
        }
        return random.nextInt(8) == 0 ? s + " \u00e9\"\\" : s.toString();
    }

    /**
     * Builds a value with every value of {@code pinnedType} inside it equal to {@code pinned}, for
     * invariants that tie two components to one identifier.
     */
    Object pinning(Class<?> pinnedType, Object pinned, Class<?> type, Random random) {
        pins.put(pinnedType, pinned);
        try {
            return record(type, random, 1);
        } finally {
            pins.remove(pinnedType);
        }
    }

    Object any(Type type, Random random, int depth) {
        Class<?> raw = raw(type);
        if (pins.containsKey(raw)) {
            return pins.get(raw);
        }
        Builder builder = custom.get(raw);
        if (builder != null) {
            return builder.apply(this, random);
        }
        if (raw == String.class) {
            return text(random);
        }
        if (raw == long.class || raw == Long.class) {
            return (long) random.nextInt(10_000);
        }
        if (raw == int.class || raw == Integer.class) {
            return random.nextInt(6);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean();
        }
        if (raw == BigDecimal.class) {
            return BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4));
        }
        if (MonetaryAmount.class.isAssignableFrom(raw)) {
            return amount(random, 0, 100_000);
        }
        if (CurrencyUnit.class.isAssignableFrom(raw)) {
            return currency;
        }
        if (raw == Instant.class) {
            return T0.plusSeconds(random.nextInt(1_000_000));
        }
        if (raw == Duration.class) {
            return Duration.ofSeconds(1 + random.nextInt(1_000_000));
        }
        if (raw == java.time.LocalTime.class) {
            return java.time.LocalTime.of(random.nextInt(24), random.nextInt(60));
        }
        if (raw == java.time.ZoneId.class) {
            return java.time.ZoneId.of(List.of("UTC", "Asia/Shanghai", "Europe/Berlin").get(random.nextInt(3)));
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (raw == Optional.class) {
            return random.nextBoolean() ? Optional.empty() : Optional.of(any(argument(type, 0), random, depth + 1));
        }
        int size = depth > 4 ? random.nextInt(2) : random.nextInt(4);
        if (raw == List.class || raw == java.util.Collection.class) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.add(any(argument(type, 0), random, depth + 1));
            }
            return list;
        }
        if (raw == Set.class) {
            Set<Object> set = new LinkedHashSet<>();
            for (int i = 0; i < size; i++) {
                set.add(any(argument(type, 0), random, depth + 1));
            }
            return set;
        }
        if (raw == Map.class) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put(any(argument(type, 0), random, depth + 1), any(argument(type, 1), random, depth + 1));
            }
            return map;
        }
        if (raw.isSealed()) {
            List<Class<?>> leaves = new ArrayList<>();
            leaves(raw, leaves);
            return any(leaves.get(random.nextInt(leaves.size())), random, depth);
        }
        if (raw.isRecord()) {
            return record(raw, random, depth);
        }
        throw new IllegalArgumentException("no generator for " + type);
    }

    private Object record(Class<?> type, Random random, int depth) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = any(components[i].getGenericType(), random, depth + 1);
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException refused) {
                if (!(refused.getCause() instanceof RuntimeException refusal)) {
                    throw new IllegalStateException(refused.getCause());
                }
                last = refusal;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no valid " + type.getName() + " in " + ATTEMPTS + " attempts; give it a builder", last);
    }

    private static void leaves(Class<?> type, List<Class<?>> leaves) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                leaves(permitted, leaves);
            }
        } else if (type.isRecord()) {
            leaves.add(type);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        throw new IllegalArgumentException("no generator for " + type);
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        throw new IllegalArgumentException("raw collection type " + type);
    }
}
