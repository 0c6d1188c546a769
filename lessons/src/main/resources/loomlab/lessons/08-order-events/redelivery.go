package main

import (
	"fmt"
	"time"
)

type orderCreated struct {
	id     string
	order  string
	points int
}

func main() {
	start := time.Now()
	events := make(chan orderCreated, 8)
	balance := make(chan int)
	go func() {
		applied := map[string]bool{} // ids of the events already applied; only this goroutine uses it
		total := 0
		for ev := range events {
			at := time.Since(start).Round(time.Millisecond)
			if applied[ev.id] {
				fmt.Println("points:", ev.id, "again at", at.String()+": already applied, skipped")
				continue
			}
			applied[ev.id] = true
			total += ev.points
			fmt.Printf("points: %s applied at %v: %s +%d, total %d\n", ev.id, at, ev.order, ev.points, total)
		}
		balance <- total
	}()
	first := orderCreated{"evt-1", "order-1", 40}
	events <- first
	events <- orderCreated{"evt-2", "order-2", 25}
	time.Sleep(100 * time.Millisecond) // no ack came back for evt-1 in time...
	events <- first                    // ...so the broker delivers it again
	close(events)
	fmt.Println("main: balance", <-balance, "(expected 65)")
}
