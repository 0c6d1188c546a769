package main

import (
	"fmt"
	"runtime"
	"sync"
)

var visits int // shared by both goroutines, guarded by nothing

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"counter-a", "counter-b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				v := visits       // read
				runtime.Gosched() // another goroutine may run here
				visits = v + 1    // write: over whatever was written meanwhile
				fmt.Printf("%s: read %d, wrote %d\n", name, v, v+1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("main: visits =", visits, "(expected 6)")
}
