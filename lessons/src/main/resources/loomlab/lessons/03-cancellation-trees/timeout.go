package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	result := make(chan string, 1) // room for a late answer: the fetcher never blocks
	fetcherDone := make(chan struct{})
	go func() {
		defer close(fetcherDone)
		select {
		case <-time.After(300 * time.Millisecond):
			result <- "page"
		case <-ctx.Done():
			fmt.Println("fetcher: abandoned at", time.Since(start).Round(time.Millisecond))
		}
	}()
	select {
	case page := <-result:
		fmt.Println("main: got", page)
	case <-ctx.Done():
		fmt.Printf("main: gave up at %v: %v\n", time.Since(start).Round(time.Millisecond), ctx.Err())
	}
	<-fetcherDone // the fetcher has stopped too: nothing is left running
}
