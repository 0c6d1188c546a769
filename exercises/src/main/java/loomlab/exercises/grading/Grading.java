package loomlab.exercises.grading;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import loomlab.lessons.Text;

/**
 * What one check of a grading class works with: the learner's code, through the exercise's
 * interface ({@link #create}), and the schedules to run the check's body under
 * ({@link #check}, {@link #schedules()}).
 */
public final class Grading {
    private final GradingSession session;
    private final String check;

    Grading(GradingSession session, String check) {
        this.session = session;
        this.check = check;
    }

    /** The id of the check: its method's name. */
    public String check() {
        return check;
    }

    /**
     * A new instance of the learner's class, as {@code api}. Call it inside the body, so that the
     * learner's constructor runs in the run; if the class does not implement {@code api} or cannot
     * be made, the run fails with a message that says why.
     */
    public <T> T create(Class<T> api) {
        Class<?> type = session.submission();
        if (!api.isAssignableFrom(type)) {
            throw new Violation(Phrase.of(
                    "Your class %s must implement %s, as the starter code does (\"implements %s\").",
                    "你的类 %s 必须实现 %s，就像起始代码那样（\"implements %s\"）。",
                    type.getSimpleName(), api.getName(), api.getSimpleName()));
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return api.cast(constructor.newInstance());
        } catch (NoSuchMethodException e) {
            throw new Violation(Phrase.of("Your class %s needs a constructor without parameters.",
                    "你的类 %s 需要一个无参数的构造方法。", type.getSimpleName()));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new Violation(new Text("Your class " + type.getSimpleName() + " cannot be created: " + e,
                    "无法创建你的类 " + type.getSimpleName() + "：" + e));
        }
    }

    /** The schedules of this check, with the session's settings; adjust, then {@link Schedules#run}. */
    public Schedules schedules() {
        return new Schedules(session, check);
    }

    /** Runs {@code body} under every schedule; goroutines left behind fail it. */
    public void check(Body body) {
        schedules().run(body);
    }
}
