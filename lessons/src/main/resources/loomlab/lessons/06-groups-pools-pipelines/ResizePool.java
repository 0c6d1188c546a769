import static loomlab.engine.Go.*;

import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** Two resizers share one channel of photos: never more than two at work, however long the queue. */
public class ResizePool {
    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<String> photos = Chan.make("photos");
        Chan<String> thumbs = Chan.make("thumbs");
        go("feeder", () -> {
            for (int i = 1; i <= 6; i++) photos.send("photo-" + i); // each send waits for a free resizer
            photos.close(); // no more photos: the resizers' loops end
        });
        WaitGroup wg = new WaitGroup();
        for (int r = 1; r <= 2; r++) {
            String name = "resizer-" + r;
            wg.add(1);
            go(name, () -> {
                try {
                    for (String photo : photos) { // until photos is closed and empty
                        Time.sleepMillis(100); // stands for the resizing
                        thumbs.send(photo + " by " + name);
                    }
                } finally {
                    wg.done();
                }
            });
        }
        go("thumbs-closer", () -> {
            wg.await(); // both resizers have sent their last thumbnail
            thumbs.close(); // so the loop in main ends
        });
        for (String t : thumbs) println("main: got", t, "at", Time.format(Time.since(start)));
        println("main: thumbs is closed at", Time.format(Time.since(start)));
    }
}
