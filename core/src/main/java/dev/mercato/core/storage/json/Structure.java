package dev.mercato.core.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercato.core.storage.CodecException;
import dev.mercato.pricing.money.MinorUnits;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * Maps values to JSON trees and back by their declared types: records by components, sealed
 * families with a {@value #TAG} member, and the value types listed in {@code Codecs}. Reflection
 * metadata is computed once per class. Thread-safe.
 */
final class Structure {
    static final String TAG = "@type";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Class<?>, RecordShape> RECORDS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Map<String, Class<?>>> FAMILIES = new ConcurrentHashMap<>();

    private Structure() {}

    /** A record's components and canonical constructor, as method handles. */
    private record RecordShape(Class<?> type, List<String> names, List<Type> types, List<MethodHandle> accessors,
            MethodHandle constructor) {}

    static JsonNode encode(Type declared, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        Class<?> raw = raw(declared);
        if (raw == Optional.class) {
            Optional<?> optional = (Optional<?>) value;
            return optional.isPresent() ? encode(argument(declared, 0), optional.get()) : NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof BigDecimal d) {
            return NODES.textNode(d.toString());
        }
        if (value instanceof BigInteger i) {
            return NODES.textNode(i.toString());
        }
        if (value instanceof MonetaryAmount amount) {
            ObjectNode node = NODES.objectNode();
            try {
                node.put("minor", MinorUnits.toMinor(amount));
            } catch (RuntimeException inexact) {
                throw new CodecException(raw.getName(), "amount " + amount + " is not exact in minor units", inexact);
            }
            node.put("currency", amount.getCurrency().getCurrencyCode());
            return node;
        }
        if (value instanceof CurrencyUnit currency) {
            return NODES.textNode(currency.getCurrencyCode());
        }
        if (value instanceof Instant || value instanceof Duration || value instanceof LocalDate) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (value instanceof LocalTime || value instanceof LocalDateTime || value instanceof ZoneId
                || value instanceof Period || value instanceof YearMonth) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Type keyType = argument(declared, 0);
            Type valueType = argument(declared, 1);
            if (raw(keyType) == String.class) {
                // Sorted, so that equal maps write equal documents.
                ObjectNode node = NODES.objectNode();
                new TreeMap<>(map).forEach((k, v) -> node.set((String) k, encode(valueType, v)));
                return node;
            }
            List<ArrayNode> pairs = new ArrayList<>();
            map.forEach((k, v) -> pairs.add(NODES.arrayNode().add(encode(keyType, k)).add(encode(valueType, v))));
            return sorted(pairs);
        }
        if (value instanceof Set<?> items) {
            Type itemType = argument(declared, 0);
            List<JsonNode> nodes = new ArrayList<>();
            items.forEach(item -> nodes.add(encode(itemType, item)));
            return sorted(nodes);
        }
        if (value instanceof Collection<?> items) {
            Type itemType = argument(declared, 0);
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(encode(itemType, item)));
            return array;
        }
        if (value.getClass().isArray()) {
            Class<?> itemType = value.getClass().getComponentType();
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(encode(itemType, Array.get(value, i)));
            }
            return array;
        }
        if (value instanceof Record || valueClass(value.getClass())) {
            Object record = value;
            ObjectNode node = NODES.objectNode();
            if (raw != record.getClass()) {
                node.put(TAG, tagOf(raw, record.getClass()));
            }
            RecordShape shape = shape(record.getClass());
            for (int i = 0; i < shape.names().size(); i++) {
                Object component;
                try {
                    component = shape.accessors().get(i).invoke(record);
                } catch (Throwable t) {
                    throw new CodecException(shape.type().getName(), "cannot read " + shape.names().get(i), t);
                }
                node.set(shape.names().get(i), encode(shape.types().get(i), component));
            }
            return node;
        }
        throw new CodecException(value.getClass().getName(), "is not a record, a sealed record family or a supported value type", null);
    }

    private static ArrayNode sorted(List<? extends JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        Map<String, JsonNode> byText = new HashMap<>();
        for (JsonNode node : nodes) {
            String text = node.toString();
            texts.add(text);
            byText.put(text, node);
        }
        texts.sort(null);
        ArrayNode array = NODES.arrayNode();
        texts.forEach(text -> array.add(byText.get(text)));
        return array;
    }

    /**
     * A final value class written like a record: its instance fields, in declaration order, match
     * the parameters of one of its constructors (as with {@code Posting} and {@code EscrowFunds}).
     */
    private static boolean valueClass(Class<?> type) {
        return Modifier.isFinal(type.getModifiers()) && !type.isArray() && !type.isEnum()
                && type.getName().startsWith("dev.mercato.") && fieldConstructor(type) != null;
    }

    private static List<java.lang.reflect.Field> instanceFields(Class<?> type) {
        List<java.lang.reflect.Field> fields = new ArrayList<>();
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static Constructor<?> fieldConstructor(Class<?> type) {
        List<java.lang.reflect.Field> fields = instanceFields(type);
        Class<?>[] parameterTypes = fields.stream().map(java.lang.reflect.Field::getType).toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static Object decode(Type declared, JsonNode node) {
        Class<?> raw = raw(declared);
        if (raw == Optional.class) {
            return node == null || node.isNull() ? Optional.empty() : Optional.of(decode(argument(declared, 0), node));
        }
        if (node == null || node.isNull()) {
            if (raw.isPrimitive()) {
                throw new CodecException(raw.getName(), "a primitive component is missing", null);
            }
            return null;
        }
        try {
            return decodePresent(declared, raw, node);
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CodecException(raw.getName(), "cannot read " + abbreviate(node) + ": " + e.getMessage(), e);
        }
    }

    private static Object decodePresent(Type declared, Class<?> raw, JsonNode node) {
        if (raw == String.class) {
            return requireText(raw, node);
        }
        if (raw == long.class || raw == Long.class) {
            return requireIntegral(raw, node).longValue();
        }
        if (raw == int.class || raw == Integer.class) {
            return Math.toIntExact(requireIntegral(raw, node).longValue());
        }
        if (raw == short.class || raw == Short.class) {
            return (short) Math.toIntExact(requireIntegral(raw, node).longValue());
        }
        if (raw == byte.class || raw == Byte.class) {
            return (byte) Math.toIntExact(requireIntegral(raw, node).longValue());
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                throw new CodecException(raw.getName(), "expected a boolean, found " + abbreviate(node), null);
            }
            return node.booleanValue();
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal(requireText(raw, node));
        }
        if (raw == BigInteger.class) {
            return new BigInteger(requireText(raw, node));
        }
        if (MonetaryAmount.class.isAssignableFrom(raw)) {
            CurrencyUnit currency = Monetary.getCurrency(requireText(raw, node.get("currency")));
            return MinorUnits.toAmount(requireIntegral(raw, node.get("minor")).longValue(), currency);
        }
        if (CurrencyUnit.class.isAssignableFrom(raw)) {
            return Monetary.getCurrency(requireText(raw, node));
        }
        if (raw == Instant.class) {
            return Instant.parse(requireText(raw, node));
        }
        if (raw == Duration.class) {
            return Duration.parse(requireText(raw, node));
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse(requireText(raw, node));
        }
        if (raw.isEnum()) {
            return enumConstant(raw, requireText(raw, node));
        }
        if (raw == LocalTime.class) {
            return LocalTime.parse(requireText(raw, node));
        }
        if (raw == LocalDateTime.class) {
            return LocalDateTime.parse(requireText(raw, node));
        }
        if (raw == ZoneId.class) {
            return ZoneId.of(requireText(raw, node));
        }
        if (raw == Period.class) {
            return Period.parse(requireText(raw, node));
        }
        if (raw == YearMonth.class) {
            return YearMonth.parse(requireText(raw, node));
        }
        if (raw.isArray()) {
            Object array = Array.newInstance(raw.getComponentType(), node.size());
            for (int i = 0; i < node.size(); i++) {
                Array.set(array, i, decode(raw.getComponentType(), node.get(i)));
            }
            return array;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type keyType = argument(declared, 0);
            Type valueType = argument(declared, 1);
            Map<Object, Object> map = new LinkedHashMap<>();
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    map.put(decode(keyType, NODES.textNode(field.getKey())), decode(valueType, field.getValue()));
                }
            } else {
                for (JsonNode pair : node) {
                    map.put(decode(keyType, pair.get(0)), decode(valueType, pair.get(1)));
                }
            }
            return java.util.Collections.unmodifiableMap(map);
        }
        if (Set.class.isAssignableFrom(raw)) {
            Set<Object> set = new LinkedHashSet<>();
            node.forEach(item -> set.add(decode(argument(declared, 0), item)));
            return java.util.Collections.unmodifiableSet(set);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(decode(argument(declared, 0), item)));
            return java.util.Collections.unmodifiableList(list);
        }
        Class<?> concrete = raw;
        if (!raw.isRecord() && !valueClass(raw)) {
            JsonNode tag = node.get(TAG);
            if (tag == null || !tag.isTextual()) {
                throw new CodecException(raw.getName(), "is not a record, a sealed record family or a supported value type", null);
            }
            concrete = raw.isSealed() ? family(raw).get(tag.textValue()) : named(raw, tag.textValue());
            if (concrete == null) {
                throw new CodecException(raw.getName(), "has no member " + tag.textValue(), null);
            }
        }
        RecordShape shape = shape(concrete);
        Object[] args = new Object[shape.names().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = decode(shape.types().get(i), node.get(shape.names().get(i)));
        }
        try {
            return shape.constructor().invokeWithArguments(args);
        } catch (RuntimeException e) {
            throw new CodecException(concrete.getName(), "its constructor refused the stored components: " + e.getMessage(), e);
        } catch (Throwable t) {
            throw new CodecException(concrete.getName(), "cannot construct", t);
        }
    }

    /** A record class named by a tag, when the declared type is an open supertype. */
    static Class<?> named(Class<?> supertype, String className) {
        try {
            Class<?> found = Class.forName(className, false, loaderFor(supertype));
            return found.isRecord() && supertype.isAssignableFrom(found) ? found : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static ClassLoader loaderFor(Class<?> type) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            return context;
        }
        return type.getClassLoader() != null ? type.getClassLoader() : Structure.class.getClassLoader();
    }

    private static String requireText(Class<?> raw, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new CodecException(raw.getName(), "expected text, found " + abbreviate(node), null);
        }
        return node.textValue();
    }

    private static BigInteger requireIntegral(Class<?> raw, JsonNode node) {
        if (node == null || !node.isIntegralNumber()) {
            throw new CodecException(raw.getName(), "expected an integer, found " + abbreviate(node), null);
        }
        return node.bigIntegerValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> raw, String name) {
        return Enum.valueOf((Class) raw, name);
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** The tag of a family member: its simple name, or its binary name when two members share one. */
    private static String tagOf(Class<?> declared, Class<?> member) {
        Class<?> family = declared;
        if (!family.isSealed()) {
            // A component declared as a non-sealed supertype: tag with the binary name.
            return member.getName();
        }
        Map<String, Class<?>> members = family(family);
        String simple = member.getSimpleName();
        return members.get(simple) == member ? simple : member.getName();
    }

    private static Map<String, Class<?>> family(Class<?> sealed) {
        return FAMILIES.computeIfAbsent(sealed, s -> {
            List<Class<?>> leaves = new ArrayList<>();
            collectLeaves(s, leaves);
            Map<String, List<Class<?>>> bySimple = new HashMap<>();
            leaves.forEach(c -> bySimple.computeIfAbsent(c.getSimpleName(), n -> new ArrayList<>()).add(c));
            Map<String, Class<?>> byTag = new HashMap<>();
            for (Class<?> leaf : leaves) {
                byTag.put(bySimple.get(leaf.getSimpleName()).size() == 1 ? leaf.getSimpleName() : leaf.getName(), leaf);
                byTag.putIfAbsent(leaf.getName(), leaf);
            }
            return Map.copyOf(byTag);
        });
    }

    private static void collectLeaves(Class<?> type, List<Class<?>> leaves) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collectLeaves(permitted, leaves);
            }
        } else if (type.isRecord() && !leaves.contains(type)) {
            leaves.add(type);
        }
    }

    private static RecordShape shape(Class<?> type) {
        return RECORDS.computeIfAbsent(type, Structure::inspect);
    }

    private static RecordShape inspect(Class<?> type) {
        if (!type.isRecord()) {
            return inspectValueClass(type);
        }
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        List<MethodHandle> accessors = new ArrayList<>();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                names.add(c.getName());
                types.add(c.getGenericType());
                parameterTypes[i] = c.getType();
                java.lang.reflect.Method accessor = c.getAccessor();
                if (!Modifier.isPublic(type.getModifiers()) || !Modifier.isPublic(accessor.getModifiers())) {
                    accessor.setAccessible(true);
                }
                accessors.add(lookup.unreflect(accessor));
            }
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return new RecordShape(type, List.copyOf(names), List.copyOf(types), List.copyOf(accessors),
                    lookup.unreflectConstructor(constructor));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CodecException(type.getName(), "its components cannot be read; a record outside "
                    + "Mercato's module must be public or its package opened to dev.mercato.core", e);
        }
    }

    private static RecordShape inspectValueClass(Class<?> type) {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        List<MethodHandle> getters = new ArrayList<>();
        try {
            for (java.lang.reflect.Field field : instanceFields(type)) {
                field.setAccessible(true);
                names.add(field.getName());
                types.add(field.getGenericType());
                getters.add(lookup.unreflectGetter(field));
            }
            Constructor<?> constructor = fieldConstructor(type);
            constructor.setAccessible(true);
            return new RecordShape(type, List.copyOf(names), List.copyOf(types), List.copyOf(getters),
                    lookup.unreflectConstructor(constructor));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CodecException(type.getName(), "its fields cannot be read", e);
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
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        return Object.class;
    }
}
