package main

import (
	"fmt"
	"sync"
	"time"
)

var start = time.Now()

func since() time.Duration { return time.Since(start).Round(time.Millisecond) }

// service starts a consumer and returns its own channel of events.
func service(name string, d time.Duration, running *sync.WaitGroup) chan<- string {
	events := make(chan string, 8)
	running.Add(1)
	go func() {
		defer running.Done()
		for ev := range events {
			time.Sleep(d) // the service's own work
			fmt.Println(name+":", ev, "handled at", since())
		}
	}()
	return events
}

func main() {
	var running sync.WaitGroup
	subscribers := []chan<- string{service("stock", 40*time.Millisecond, &running), service("points", 5*time.Millisecond, &running)}
	go func() { // the order service
		for i := 1; i <= 3; i++ {
			for _, sub := range subscribers {
				sub <- fmt.Sprintf("order-%d", i) // one copy of the event each
			}
			fmt.Printf("order-service: order-%d published at %v\n", i, since())
			time.Sleep(10 * time.Millisecond) // the next order comes 10ms later
		}
		for _, sub := range subscribers {
			close(sub) // no more events
		}
	}()
	running.Wait() // until both services have handled every event
}
