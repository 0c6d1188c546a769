package loomlab.app.store;

import java.nio.file.Path;

/** TEMPORARY stand-in for branch appkit's record; removed before merging main. */
public record Problem(Path file, Path setAside, String reason) {
}
