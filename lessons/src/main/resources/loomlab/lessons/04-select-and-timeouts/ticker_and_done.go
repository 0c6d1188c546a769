package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		ticker := time.NewTicker(100 * time.Millisecond)
		defer ticker.Stop()
		ticks := 0
		for {
			select {
			case <-ticker.C:
				ticks++
				fmt.Println("poller: tick", ticks, "at", time.Since(start).Round(time.Millisecond))
			case <-done:
				fmt.Println("poller: stopped at", time.Since(start).Round(time.Millisecond), "after", ticks, "ticks")
				return
			}
		}
	}()
	time.Sleep(350 * time.Millisecond)
	close(done) // tell the poller to stop
	<-stopped   // and wait until it has
}
