package main

import (
	"fmt"
	"time"
)

func squarer(name string, in <-chan int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out) // its only sender closes it
		for n := range in {
			if n%4 == 1 { // 1 and 5 take longer than the others
				time.Sleep(50 * time.Millisecond)
			} else {
				time.Sleep(10 * time.Millisecond)
			}
			out <- fmt.Sprintf("%d*%d = %d by %s", n, n, n*n, name)
		}
	}()
	return out
}

func main() {
	nums := make(chan int)
	go func() { // the first stage
		for n := 1; n <= 6; n++ {
			nums <- n
		}
		close(nums)
	}()
	a := squarer("squarer-a", nums) // fan-out: two squarers take from the same channel
	b := squarer("squarer-b", nums)
	merged := make(chan string)
	go func() { // fan-in: one goroutine, the only sender on merged
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil // closed: switch this case off
					continue
				}
				merged <- v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				merged <- v
			}
		}
		close(merged) // both inputs are closed and drained: close the output, once
	}()
	for s := range merged {
		fmt.Println("main:", s)
	}
	fmt.Println("main: merged is closed")
}
