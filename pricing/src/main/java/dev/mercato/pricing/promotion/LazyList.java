package dev.mercato.pricing.promotion;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An immutable list whose elements are built on first read and then kept.
 *
 * <p>Thread-safe for immutable elements whose fields are final (records of amounts, strings
 * and immutable lists): two threads reading the same index at once may each build it, and both
 * get equal values; a thread that sees an element another thread built sees it fully built
 * (final-field semantics). The element function must be pure and must only read state that no
 * longer changes.
 *
 * @param <T> the element type
 */
final class LazyList<T> extends AbstractList<T> implements RandomAccess {
    private final IntFunction<T> element;
    private final Object[] built;

    LazyList(int size, IntFunction<T> element) {
        this.element = element;
        this.built = new Object[size];
    }

    @Override
    public T get(int index) {
        Objects.checkIndex(index, built.length);
        Object value = built[index];
        if (value == null) {
            value = Objects.requireNonNull(element.apply(index));
            built[index] = value;
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    @Override
    public int size() {
        return built.length;
    }
}
