package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	queue := make(chan int, 2)
	go func() {
		for v := 1; v <= 4; v++ {
			queue <- v
			fmt.Println("producer: put", v, "at", time.Since(start).Round(time.Second))
		}
		close(queue)
	}()
	for v := range queue {
		time.Sleep(time.Second) // each value takes a second to handle
		fmt.Println("consumer: handled", v, "at", time.Since(start).Round(time.Second))
	}
}
