package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	handoff := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("sender: sending 42 at", time.Since(start).Round(time.Second))
		handoff <- 42
		fmt.Println("sender: handed over at", time.Since(start).Round(time.Second))
	}()
	time.Sleep(time.Second) // main is busy for a second
	v := <-handoff
	fmt.Println("main: received", v, "at", time.Since(start).Round(time.Second))
	wg.Wait()
}
