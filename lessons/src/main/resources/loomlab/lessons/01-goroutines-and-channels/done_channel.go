package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	done := make(chan int)
	for i, d := range []time.Duration{3 * time.Second, 1 * time.Second, 2 * time.Second} {
		go func(id int, work time.Duration) {
			time.Sleep(work)
			done <- id
		}(i+1, d)
	}
	for range 3 {
		id := <-done
		fmt.Println("main: worker", id, "reported at", time.Since(start).Round(time.Second))
	}
	fmt.Println("main: every worker reported")
}
