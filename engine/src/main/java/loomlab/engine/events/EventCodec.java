package loomlab.engine.events;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one kind of {@link Event} is stored: its tag, its components and how to take them apart and
 * put them together again. Built once per kind by reflection from the record itself, so that the
 * format follows {@code Event.java} without a line of hand-written code per kind.
 *
 * <p>Tags are positions in {@link Event}'s permitted subclasses sorted by simple name; see
 * {@link TraceFormat} for why that is safe.
 */
final class EventCodec {
    /** Every kind this version knows, in tag order. */
    static final List<EventCodec> ALL = build();
    private static final Map<Class<?>, EventCodec> BY_CLASS = new HashMap<>();
    private static final Map<String, EventCodec> BY_NAME = new HashMap<>();

    static {
        for (EventCodec codec : ALL) {
            BY_CLASS.put(codec.kind, codec);
            BY_NAME.put(codec.name, codec);
        }
    }

    /** One record component as the format sees it. */
    record Component(String name, TraceFormat.Type type, Method accessor) {
    }

    final Class<? extends Event> kind;
    final int tag;
    final String name;
    final List<Component> components;
    private final Constructor<? extends Event> constructor;

    private EventCodec(Class<? extends Event> kind, int tag) {
        this.kind = kind;
        this.tag = tag;
        this.name = kind.getSimpleName();
        RecordComponent[] rc = kind.getRecordComponents();
        if (rc == null) {
            throw new IllegalStateException(kind + " must be a record to be stored in a trace");
        }
        this.components = Arrays.stream(rc)
                .map(c -> new Component(c.getName(), typeOf(c), c.getAccessor()))
                .toList();
        try {
            this.constructor = kind.getDeclaredConstructor(
                    Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(kind + " has no canonical constructor", e);
        }
    }

    /** The codec of {@code event}'s kind. */
    static EventCodec of(Event event) {
        return BY_CLASS.get(event.getClass());
    }

    /** The codec of the kind with this simple name, or null if this version has none. */
    static EventCodec named(String name) {
        return BY_NAME.get(name);
    }

    /** Writes {@code event}'s components in declaration order. */
    void writeComponents(Event event, TraceOutput out) {
        for (Component c : components) {
            Object value = get(c, event);
            switch (c.type()) {
                case LONG -> out.writeZlong((Long) value);
                case INT -> out.writeZlong((Integer) value);
                case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
                case STRING -> out.writeString((String) value);
                case LONG_LIST -> out.writeLongList(castList(value));
            }
        }
    }

    /** Zero values for every component, to be overwritten by what a trace stored. */
    Object[] zeroArguments() {
        return components.stream().map(c -> c.type().zero()).toArray();
    }

    /** The event made by the canonical constructor from {@code arguments}. */
    Event construct(Object[] arguments) throws IOException {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IOException(name + " rejects the stored components: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot construct " + name, e);
        }
    }

    /** Reads one value of {@code type}. */
    static Object read(TraceFormat.Type type, TraceInput in) throws IOException {
        return switch (type) {
            case LONG -> in.readZlong();
            case INT -> in.readZint();
            case BOOLEAN -> in.readBoolean();
            case STRING -> in.readString();
            case LONG_LIST -> in.readLongList();
        };
    }

    private static Object get(Component c, Event event) {
        try {
            return c.accessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + event.getClass().getSimpleName() + "." + c.name(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> castList(Object value) {
        return (List<Long>) value;
    }

    private static TraceFormat.Type typeOf(RecordComponent c) {
        Class<?> raw = c.getType();
        if (raw == long.class) {
            return TraceFormat.Type.LONG;
        } else if (raw == int.class) {
            return TraceFormat.Type.INT;
        } else if (raw == boolean.class) {
            return TraceFormat.Type.BOOLEAN;
        } else if (raw == String.class) {
            return TraceFormat.Type.STRING;
        } else if (raw == List.class && c.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Long.class) {
            return TraceFormat.Type.LONG_LIST;
        }
        Type declared = c.getGenericType();
        throw new IllegalStateException(c.getDeclaringRecord().getSimpleName() + "." + c.getName()
                + " is a " + declared.getTypeName() + ", which a trace cannot store;"
                + " use long, int, boolean, String or List<Long>, or teach TraceFormat.Type a new type");
    }

    @SuppressWarnings("unchecked")
    private static List<EventCodec> build() {
        Class<?>[] kinds = Event.class.getPermittedSubclasses();
        Arrays.sort(kinds, Comparator.comparing(Class::getSimpleName));
        if (kinds.length >= TraceFormat.END_TAG) {
            throw new IllegalStateException("a trace has tags for " + TraceFormat.END_TAG + " kinds, not " + kinds.length);
        }
        EventCodec[] codecs = new EventCodec[kinds.length];
        for (int tag = 0; tag < kinds.length; tag++) {
            codecs[tag] = new EventCodec((Class<? extends Event>) kinds[tag], tag);
        }
        return List.of(codecs);
    }
}
