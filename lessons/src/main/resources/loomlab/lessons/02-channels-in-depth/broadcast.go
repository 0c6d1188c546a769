package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			<-done // blocks until done is closed
			fmt.Println("worker", id, "stops")
		}(i)
	}
	time.Sleep(time.Second)
	fmt.Println("main: closing done")
	close(done)
	wg.Wait() // without this, main could return before any worker prints
	fmt.Println("main: every worker stopped")
}
