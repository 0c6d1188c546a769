package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(name + ": my turn at last")
		}()
	}
	ping, pong := make(chan int), make(chan int)
	go func() {
		for n := range ping {
			fmt.Println("echo: got", n)
			pong <- n
		}
	}()
	for i := 1; i <= 3; i++ {
		ping <- i
		fmt.Println("main: reply", <-pong)
	}
	close(ping)
	wg.Wait()
}
