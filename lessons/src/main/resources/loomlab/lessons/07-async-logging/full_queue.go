package main

import (
	"fmt"
	"time"
)

var (
	logs    = make(chan string, 2)
	dropped int // only main touches it
)

func debug(line string) { // nice to have: never wait for it
	select {
	case logs <- line:
	default:
		dropped++
	}
}

func audit(rec string) { logs <- rec } // must not be lost: wait for a free slot

func main() {
	start := time.Now()
	written := make(chan struct{})
	go func() {
		for rec := range logs {
			time.Sleep(50 * time.Millisecond) // a slow disk
			fmt.Println("log-writer: wrote", rec, "at", time.Since(start).Round(time.Millisecond))
		}
		close(written)
	}()
	time.Sleep(10 * time.Millisecond) // a burst of requests arrives at 10ms
	for i := 1; i <= 5; i++ {
		debug(fmt.Sprintf("debug-%d", i))
	}
	fmt.Println("main: dropped", dropped, "debug lines at", time.Since(start).Round(time.Millisecond))
	for i := 1; i <= 3; i++ {
		rec := fmt.Sprintf("audit-%d", i)
		audit(rec)
		fmt.Println("main: queued", rec, "at", time.Since(start).Round(time.Millisecond))
	}
	close(logs)
	<-written
}
