package main

import (
	"errors"
	"fmt"
	"time"
)

// failed is a dead letter: the event, and why it was set aside.
type failed struct {
	event     string
	attempts  int
	lastError error
}

func reserveStock(ev string) error {
	if ev == "order-2" { // order-2 can never succeed
		return errors.New("no items in order")
	}
	return nil
}

func main() {
	start := time.Now()
	events := make(chan string, 8)
	dlq := make(chan failed, 100) // the dead-letter queue
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for ev := range events {
			for attempt := 1; ; attempt++ {
				at, err := time.Since(start).Round(time.Millisecond), reserveStock(ev)
				if err == nil {
					fmt.Println("stock:", ev, "reserved at", at)
					break
				}
				fmt.Println("stock:", ev, "attempt", attempt, "failed at", at.String()+":", err)
				if attempt == 3 {
					dlq <- failed{ev, attempt, err} // set it aside, go on
					break
				}
				time.Sleep(100 * time.Millisecond << (attempt - 1)) // 100ms, then 200ms
			}
		}
	}()
	for _, ev := range []string{"order-1", "order-2", "order-3"} {
		events <- ev
	}
	close(events)
	<-stopped // stock has handled every event
	fmt.Println("main: dlq length", len(dlq))
	close(dlq) // stock, its only sender, is done
	for f := range dlq {
		fmt.Println("main: dead letter", f.event, "after", f.attempts, "attempts:", f.lastError)
	}
}
