package main

import (
	"fmt"
	"time"
)

func call(name string, cost time.Duration) {
	start := time.Now()
	reply := make(chan string, 1) // one slot: a late reply never blocks
	go func() {
		time.Sleep(cost) // stands for a remote call
		reply <- "ok"
	}()
	select {
	case r := <-reply:
		fmt.Println(name+": got", r, "after", time.Since(start).Round(time.Millisecond))
	case <-time.After(100 * time.Millisecond):
		fmt.Println(name+": gave up after", time.Since(start).Round(time.Millisecond))
	}
}

func main() {
	call("fast", 40*time.Millisecond)
	call("slow", 300*time.Millisecond)
	fmt.Println("main: done")
}
