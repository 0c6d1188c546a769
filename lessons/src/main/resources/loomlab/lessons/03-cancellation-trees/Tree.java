import static loomlab.engine.Go.*;

import loomlab.engine.CancelContext;
import loomlab.engine.Context;

/** Canceling a context cancels everything derived from it, and nothing above or beside it. */
public class Tree {
    public static void main(String[] args) {
        CancelContext request = Context.withCancel("request", Context.background());
        CancelContext db = Context.withCancel("db", request);
        CancelContext cache = Context.withCancel("cache", request);
        CancelContext query = Context.withCancel("query", db);

        db.cancel();
        println("once db is canceled:", state("request", request), state("db", db),
                state("cache", cache), state("query", query));

        request.cancel();
        println("once request is canceled:", state("request", request), state("db", db),
                state("cache", cache), state("query", query));
    }

    static String state(String name, Context ctx) {
        return name + "=" + (ctx.err() == null ? "live" : ctx.err());
    }
}
