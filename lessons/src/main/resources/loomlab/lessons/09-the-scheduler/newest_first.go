package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		name := fmt.Sprint("worker-", i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(name, "runs")
		}()
	}
	wg.Wait() // main blocks: only now does the P pick the next goroutine
}
