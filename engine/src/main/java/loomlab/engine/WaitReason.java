package loomlab.engine;

/**
 * Why a goroutine is not running, spelled exactly as Go's runtime spells it in goroutine dumps
 * ({@code runtime2.go}, {@code waitReasonStrings}). The deadlock detector and the views read it.
 */
public enum WaitReason {
    CHAN_RECEIVE("chan receive"),
    CHAN_SEND("chan send"),
    CHAN_RECEIVE_NIL("chan receive (nil chan)"),
    CHAN_SEND_NIL("chan send (nil chan)"),
    SELECT("select"),
    SELECT_NO_CASES("select (no cases)"),
    SLEEP("sleep"),
    MUTEX_LOCK("sync.Mutex.Lock"),
    RWMUTEX_RLOCK("sync.RWMutex.RLock"),
    RWMUTEX_LOCK("sync.RWMutex.Lock"),
    WAIT_GROUP_WAIT("sync.WaitGroup.Wait"),
    COND_WAIT("sync.Cond.Wait"),
    SEMACQUIRE("semacquire"),
    SYSCALL("syscall");

    private final String text;

    WaitReason(String text) {
        this.text = text;
    }

    /** Go's spelling, as it appears between the brackets of {@code goroutine 1 [chan receive]:}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
