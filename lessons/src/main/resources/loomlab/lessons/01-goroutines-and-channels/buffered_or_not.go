package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	demo("unbuffered", make(chan int))
	demo("buffered", make(chan int, 3))
}

// A producer sends 1, 2, 3 at once; main takes one value a second.
func demo(name string, ch chan int) {
	start := time.Now()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := 1; v <= 3; v++ {
			ch <- v
			fmt.Println(name+": sent", v, "at", time.Since(start).Round(time.Second))
		}
	}()
	for range 3 {
		time.Sleep(time.Second)
		<-ch
	}
	wg.Wait()
}
