package loomlab.app.store;

import java.nio.file.Path;

/** TEMPORARY stand-in for branch appkit's class; removed before merging main. */
public final class LoomLabHome {
    private LoomLabHome() {
    }

    public static Path resolve() {
        String p = System.getProperty("loomlab.home");
        if (p != null) {
            return Path.of(p);
        }
        String e = System.getenv("LOOMLAB_HOME");
        return e != null ? Path.of(e) : Path.of(System.getProperty("user.home"), ".loomlab");
    }
}
