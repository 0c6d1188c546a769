package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	photos := make(chan string)
	thumbs := make(chan string)
	go func() {
		for i := 1; i <= 6; i++ {
			photos <- fmt.Sprintf("photo-%d", i) // each send waits for a free resizer
		}
		close(photos) // no more photos: the resizers' loops end
	}()
	var wg sync.WaitGroup
	for r := 1; r <= 2; r++ {
		name := fmt.Sprintf("resizer-%d", r)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for photo := range photos { // until photos is closed and empty
				time.Sleep(100 * time.Millisecond) // stands for the resizing
				thumbs <- photo + " by " + name
			}
		}()
	}
	go func() {
		wg.Wait()     // both resizers have sent their last thumbnail
		close(thumbs) // so the loop in main ends
	}()
	for t := range thumbs {
		fmt.Println("main: got", t, "at", time.Since(start).Round(time.Millisecond))
	}
	fmt.Println("main: thumbs is closed at", time.Since(start).Round(time.Millisecond))
}
