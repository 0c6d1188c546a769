package main

import (
	"fmt"
	"runtime"
	"sync"
)

var (
	mu     sync.Mutex // guards visits
	visits int
)

func visit(name string) {
	mu.Lock()
	defer mu.Unlock()
	v := visits
	runtime.Gosched() // the other goroutine may run here, but it cannot get in
	visits = v + 1
	fmt.Printf("%s: read %d, wrote %d\n", name, v, v+1)
}

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"counter-a", "counter-b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				visit(name)
			}
		}()
	}
	wg.Wait()
	fmt.Println("main: visits =", visits, "(expected 6)")
}
