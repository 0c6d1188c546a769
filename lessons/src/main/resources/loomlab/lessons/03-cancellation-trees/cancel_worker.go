package main

import (
	"context"
	"fmt"
	"time"
)

var start = time.Now()

// workUnit does one 100ms unit of work, abandoned if ctx is canceled first; false if it was.
func workUnit(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(100 * time.Millisecond):
		return true
	}
}

func main() {
	job, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() {
		for unit := 1; workUnit(job); unit++ {
			fmt.Println("worker: unit", unit, "done at", time.Since(start).Round(time.Millisecond))
		}
		fmt.Println("worker: stopping:", job.Err())
		close(stopped)
	}()
	time.Sleep(250 * time.Millisecond)
	fmt.Println("main: cancel at", time.Since(start).Round(time.Millisecond))
	cancel()
	<-stopped // wait until the worker has really stopped
}
