package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for i, d := range []time.Duration{1 * time.Second, 2 * time.Second, 4 * time.Second} {
		wg.Add(1) // before go: the counter must be up before main can wait
		go func(id int, work time.Duration) {
			defer wg.Done()
			time.Sleep(work)
			fmt.Println("worker", id, "done after", work)
		}(i+1, d)
	}
	wg.Wait()
	fmt.Println("main: all 3 workers done after", time.Since(start).Round(time.Second))
}
