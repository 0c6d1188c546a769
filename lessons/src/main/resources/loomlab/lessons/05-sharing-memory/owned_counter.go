package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	visitors := make(chan string)
	total := make(chan int)
	go func() {
		visits := 0 // a local of the owner: no other goroutine can reach it
		for who := range visitors {
			visits++
			fmt.Printf("owner: a visit from %s, visits = %d\n", who, visits)
		}
		total <- visits // the channel is closed: hand over the total
	}()
	var wg sync.WaitGroup
	for _, name := range []string{"counter-a", "counter-b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				visitors <- name
				runtime.Gosched() // switch as often as you like: there is nothing to lose
			}
		}()
	}
	wg.Wait()
	close(visitors) // both counters are done: no more visits
	fmt.Println("main: visits =", <-total, "(expected 6)")
}
