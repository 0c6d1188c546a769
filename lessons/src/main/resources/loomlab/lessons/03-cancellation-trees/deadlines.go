package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	request, cancel := context.WithTimeout(context.Background(), 250*time.Millisecond)
	defer cancel()
	a, cancelA := context.WithCancel(request)
	defer cancelA()
	b, cancelB := context.WithTimeout(request, time.Second) // asks for more time
	defer cancelB()
	var wg sync.WaitGroup
	for name, ctx := range map[string]context.Context{"a": a, "b": b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ctx.Done() // stands for work that watches its context
			fmt.Printf("worker %s stopped at %v: %v\n", name, time.Since(start).Round(time.Millisecond), ctx.Err())
		}()
	}
	wg.Wait()
}
