package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A position in the category tree, from the top level down, e.g. {@code apparel/women/dresses}.
 * Rules set on a category apply to its descendants unless a deeper category has its own rule.
 *
 * <p>Immutable and thread-safe. Segments are non-blank and contain no {@code '/'}; the root is
 * the empty path.
 *
 * @param segments the category names from the top level down, never {@code null}
 */
public record CategoryPath(List<String> segments) {

    /** The root of the tree: the ancestor of every category. */
    public static final CategoryPath ROOT = new CategoryPath(List.of());

    /**
     * Validates the segments.
     *
     * @throws InvalidInputException if a segment is blank or contains {@code '/'}
     */
    public CategoryPath {
        InvalidInputException.requireNonNull(segments, "category");
        segments = List.copyOf(segments);
        for (String s : segments) {
            if (s.isBlank() || s.indexOf('/') >= 0) {
                throw new InvalidInputException("category segment", s, "must be non-blank and contain no '/'");
            }
        }
    }

    /**
     * Parses a path written with slashes, e.g. {@code "apparel/women/dresses"}; the empty string
     * is the root.
     *
     * @param path the path
     * @return the category path
     * @throws InvalidInputException if a segment is blank
     */
    public static CategoryPath of(String path) {
        InvalidInputException.requireNonNull(path, "category");
        if (path.isEmpty()) {
            return ROOT;
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.isBlank()) {
                throw new InvalidInputException("category", path, "has an empty segment");
            }
            parts.add(part);
        }
        return new CategoryPath(parts);
    }

    /**
     * How deep the category is: 0 for the root.
     *
     * @return the number of segments
     */
    public int depth() {
        return segments.size();
    }

    /**
     * The parent category; the root is its own parent.
     *
     * @return the path without its last segment
     */
    public CategoryPath parent() {
        return segments.isEmpty() ? this : new CategoryPath(segments.subList(0, segments.size() - 1));
    }

    /**
     * Whether this category is {@code other} or one of its descendants.
     *
     * @param other the possible ancestor
     * @return {@code true} if {@code other} is a prefix of this path
     */
    public boolean isWithin(CategoryPath other) {
        return other.segments.size() <= segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    /** Renders as {@code apparel/women/dresses}. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
