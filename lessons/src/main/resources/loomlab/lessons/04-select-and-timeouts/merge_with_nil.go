package main

import (
	"fmt"
	"time"
)

func produce(name string, count int, every time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		for i := 1; i <= count; i++ {
			time.Sleep(every)
			out <- fmt.Sprintf("%s-%d", name, i)
		}
		close(out)
	}()
	return out
}

func main() {
	start := time.Now()
	fast := produce("fast", 3, 10*time.Millisecond)
	slow := produce("slow", 2, 25*time.Millisecond)
	for fast != nil || slow != nil {
		select {
		case v, ok := <-fast:
			if !ok {
				fast = nil // closed: switch this case off
				fmt.Println("main: fast is closed at", time.Since(start).Round(time.Millisecond))
				continue
			}
			fmt.Println("main: got", v, "at", time.Since(start).Round(time.Millisecond))
		case v, ok := <-slow:
			if !ok {
				slow = nil
				fmt.Println("main: slow is closed at", time.Since(start).Round(time.Millisecond))
				continue
			}
			fmt.Println("main: got", v, "at", time.Since(start).Round(time.Millisecond))
		}
	}
	fmt.Println("main: both closed, done at", time.Since(start).Round(time.Millisecond))
}
