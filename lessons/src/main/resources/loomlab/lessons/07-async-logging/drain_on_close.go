package main

import (
	"fmt"
	"time"
)

var start = time.Now()

func since() time.Duration { return time.Since(start).Round(time.Millisecond) }

func shutDown(writer string, perRecord time.Duration) {
	logs := make(chan string, 8)
	done := make(chan struct{})
	go func() {
		defer close(done)       // everything is written
		for rec := range logs { // once logs is closed: what is still queued, then the loop ends
			time.Sleep(perRecord)
			fmt.Println(writer+": wrote", rec, "at", since())
		}
	}()
	for i := 1; i <= 3; i++ {
		logs <- fmt.Sprintf("rec-%d", i)
	}
	close(logs) // no more records: the queue is closed, not emptied
	select {
	case <-done:
		fmt.Println("main:", writer, "is done at", since())
	case <-time.After(500 * time.Millisecond):
		fmt.Println("main: gave up on", writer, "at", since().String()+",", len(logs), "records still queued")
	}
}

func main() {
	shutDown("log-writer", 100*time.Millisecond)
	shutDown("stuck-writer", time.Hour) // a disk that hangs
}
