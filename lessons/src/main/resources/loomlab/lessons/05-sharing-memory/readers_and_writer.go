package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	began  = time.Now()
	wg     sync.WaitGroup
	mu     sync.RWMutex // guards config
	config = "v1"
)

func since() time.Duration { return time.Since(began).Round(time.Millisecond) }

func start(name string, writer bool) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		if writer { // a writer alone, readers together
			mu.Lock()
			defer mu.Unlock()
			fmt.Println(name+": writes v2 at", since())
			time.Sleep(50 * time.Millisecond)
			config = "v2"
		} else {
			mu.RLock()
			defer mu.RUnlock()
			fmt.Println(name+": reads", config, "at", since())
			time.Sleep(100 * time.Millisecond) // the work, with the lock held all along
		}
	}()
}

func main() {
	start("reader-1", false)
	start("reader-2", false)
	time.Sleep(10 * time.Millisecond)
	start("writer", true) // arrives at 10ms, while both readers hold the lock
	time.Sleep(10 * time.Millisecond)
	start("reader-3", false) // arrives at 20ms, while the writer waits for them
	wg.Wait()
	fmt.Println("main: done at", since())
}
