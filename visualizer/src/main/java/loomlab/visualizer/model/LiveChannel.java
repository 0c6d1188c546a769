package loomlab.visualizer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A channel as {@link VisualFold} changes it in place: Go's {@code hchan}, the buffer a slot array. */
final class LiveChannel extends Live<VisualState.Channel> {
    int cap;
    String name = "";
    boolean timer;
    String[] slots = new String[0];
    int sendx;
    int recvx;
    int len;
    boolean closed;
    VisualState.Delivery last;
    final List<VisualState.Waiter> sendq = new ArrayList<>();
    final List<Long> recvq = new ArrayList<>();

    LiveChannel(long id) {
        super(id);
    }

    void make(int capacity, String name, boolean timer) {
        this.name = name == null ? "" : name;
        this.timer = timer;
        cap = Math.max(0, capacity);
        slots = new String[cap];
        sendx = 0;
        recvx = 0;
        len = 0;
    }

    /** A buffered send into {@code slot}; -1 is a hand-off to a parked receiver. */
    void put(int slot, String value) {
        if (slot < 0) {
            return;
        }
        fit(slot);
        if (slots[slot] == null) {
            len++;
        }
        slots[slot] = value == null ? "null" : value;
        sendx = (slot + 1) % cap;
    }

    /** A buffered receive from {@code slot}; -1 is a hand-off from a parked sender, or a closed channel. */
    void take(int slot) {
        if (slot < 0) {
            return;
        }
        fit(slot);
        if (slots[slot] != null) {
            len--;
        }
        slots[slot] = null;
        recvx = (slot + 1) % cap;
    }

    /** A channel made before tracing began learns its capacity from the slots it sees. */
    private void fit(int slot) {
        if (slot >= cap) {
            cap = slot + 1;
            slots = Arrays.copyOf(slots, cap);
        }
    }

    @Override
    VisualState.Channel build() {
        return new VisualState.Channel(id, name, cap, timer, Collections.unmodifiableList(Arrays.asList(slots.clone())),
                sendx, recvx, len, closed, List.copyOf(sendq), List.copyOf(recvq), last);
    }

    void thaw(VisualState.Channel c) {
        cap = c.cap();
        timer = c.timer();
        name = c.name();
        slots = c.slots().toArray(new String[0]);
        sendx = c.sendx();
        recvx = c.recvx();
        len = c.len();
        closed = c.closed();
        last = c.last();
        sendq.addAll(c.sendq());
        recvq.addAll(c.recvq());
    }
}
