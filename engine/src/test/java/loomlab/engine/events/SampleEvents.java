package loomlab.engine.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** One instance of every kind of {@link Event}, built by reflection so that a new kind is never forgotten. */
final class SampleEvents {
    private SampleEvents() {
    }

    /** One event of each permitted kind, with values that vary by component and kind. */
    static List<Event> oneOfEachKind() {
        List<Event> events = new ArrayList<>();
        Class<?>[] kinds = Event.class.getPermittedSubclasses();
        Arrays.sort(kinds, Comparator.comparing(Class::getSimpleName));
        long n = 1;
        for (Class<?> kind : kinds) {
            RecordComponent[] components = kind.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++, n++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i], n);
            }
            try {
                events.add((Event) kind.getDeclaredConstructor(types).newInstance(values));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot make a sample " + kind.getSimpleName(), e);
            }
        }
        return events;
    }

    /** The events stamped as a run would stamp them, from seq 1. */
    static List<Traced> stamped(List<Event> events) {
        List<Traced> traced = new ArrayList<>();
        long seq = 1;
        for (Event e : events) {
            boolean odd = seq % 2 == 1;
            traced.add(new Traced(seq, seq * 1_234_567L, odd ? seq : 0, odd ? (int) seq % 4 : -1,
                    odd ? -1 : 2, odd ? "Main.java:" + seq : null, e));
            seq++;
        }
        return traced;
    }

    private static Object sample(RecordComponent c, long n) {
        Class<?> type = c.getType();
        if (type == long.class) {
            return n % 3 == 0 ? -n : n * 1_000_003L;
        } else if (type == int.class) {
            return n % 3 == 0 ? -1 : (int) n;
        } else if (type == boolean.class) {
            return n % 2 == 0;
        } else if (type == String.class) {
            return n % 5 == 0 ? null : "v" + n + " \"quoted\" é 🙂\n";
        } else if (type == List.class && c.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Long.class) {
            return List.of(n, -n, Long.MAX_VALUE, Long.MIN_VALUE);
        }
        throw new AssertionError(c + " has a type the samples do not know");
    }
}
