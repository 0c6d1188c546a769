package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	logs := make(chan string, 8) // the log queue: eight slots
	written := make(chan struct{})
	go func() { // the only goroutine that touches the disk
		for rec := range logs {
			time.Sleep(30 * time.Millisecond) // stands for the write to disk
			fmt.Println("log-writer: wrote", rec, "at", time.Since(start).Round(time.Millisecond))
		}
		close(written) // logs is closed and drained
	}()
	var handlers sync.WaitGroup
	for _, name := range []string{"handler-1", "handler-2"} {
		handlers.Add(1)
		go func() {
			defer handlers.Done()
			for i := 1; i <= 3; i++ {
				time.Sleep(10 * time.Millisecond)         // the request's own work
				logs <- fmt.Sprintf("%s/req-%d", name, i) // a slot is free: this returns at once
				fmt.Println(name+": request", i, "done at", time.Since(start).Round(time.Millisecond))
			}
		}()
	}
	handlers.Wait()
	fmt.Println("main: all requests done at", time.Since(start).Round(time.Millisecond))
	close(logs) // no more records (the last step looks at this closely)
	<-written   // wait until the writer has written what was queued
}
