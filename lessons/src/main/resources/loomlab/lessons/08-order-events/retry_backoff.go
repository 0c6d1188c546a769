package main

import (
	"errors"
	"fmt"
	"time"
)

const (
	base    = 100 * time.Millisecond
	maxWait = 5 * time.Second
)

var calls int

// addPoints stands for a flaky database: its first two calls time out.
func addPoints(ev string) error {
	calls++
	if calls <= 2 {
		return errors.New("points db: timeout")
	}
	return nil
}

// backoff is base, 2×base, 4×base, … but never more than maxWait.
func backoff(failures int) time.Duration {
	return min(base<<min(failures-1, 20), maxWait) // (a bounded shift cannot overflow)
}

func main() {
	start := time.Now()
	events := make(chan string, 8)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for ev := range events {
			for attempt := 1; ; attempt++ {
				at := fmt.Sprintf("attempt %d at %v", attempt, time.Since(start).Round(time.Millisecond))
				err := addPoints(ev)
				if err == nil {
					fmt.Println("points:", ev, at+": ok") // only now may it be acked
					break
				}
				wait := backoff(attempt)
				fmt.Println("points:", ev, at+":", err.Error()+", retry in", wait)
				time.Sleep(wait)
			}
		}
	}()
	events <- "order-1"
	close(events) // no more events
	<-stopped     // until points has handled them all
}
