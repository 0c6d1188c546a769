package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	disk := make(chan string)
	cache := make(chan string)
	go func() {
		time.Sleep(200 * time.Millisecond)
		disk <- "disk"
	}()
	go func() {
		time.Sleep(50 * time.Millisecond)
		cache <- "cache"
	}()
	for range 2 { // two answers to wait for
		select {
		case from := <-disk:
			fmt.Println("main:", from, "answered at", time.Since(start).Round(time.Millisecond))
		case from := <-cache:
			fmt.Println("main:", from, "answered at", time.Since(start).Round(time.Millisecond))
		}
	}
}
