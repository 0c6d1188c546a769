package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// addPoints stands for the points database, which is down.
func addPoints(ev string) error { return errors.New("connection refused") }

func main() {
	start := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan string, 8)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
	consume:
		for ev := range events {
			for attempt := 1; addPoints(ev) != nil; attempt++ { // waits 100ms, 200ms, 400ms…, 5s at most
				wait := min(100*time.Millisecond<<min(attempt-1, 20), 5*time.Second)
				fmt.Println("points:", ev, "attempt", attempt, "failed at", time.Since(start).Round(time.Millisecond).String()+",",
					"retry in", wait)
				select { // the backoff, or the shutdown
				case <-time.After(wait):
				case <-ctx.Done():
					// shut down while waiting: stop; ev is not acked
					fmt.Println("points: stopped at", time.Since(start).Round(time.Millisecond).String()+":", ctx.Err())
					break consume
				}
			}
		}
	}()
	events <- "order-1"
	time.Sleep(500 * time.Millisecond)
	cancel()  // the service shuts down: its goroutines all watch this context
	<-stopped // until points has stopped
	fmt.Println("main: points stopped at", time.Since(start).Round(time.Millisecond))
}
