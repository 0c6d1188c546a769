package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	began = time.Now()
	files = []string{"a.png", "b.png", "c.png"}
)

func since() time.Duration { return time.Since(began).Round(time.Millisecond) }

func upload(batch, file string) {
	time.Sleep(100 * time.Millisecond) // stands for the upload
	fmt.Println(batch+": uploaded", file, "at", since())
}

func main() {
	var first sync.WaitGroup
	for _, f := range files {
		go func() {
			first.Add(1) // wrong: main may reach Wait before this line runs
			defer first.Done()
			upload("first", f)
		}()
	}
	first.Wait()
	fmt.Println("main: first batch done at", since())
	time.Sleep(200 * time.Millisecond) // only to keep the two batches apart

	var second sync.WaitGroup
	for _, f := range files {
		second.Go(func() { upload("second", f) }) // Add(1) now, Done when upload returns
	}
	second.Wait()
	fmt.Println("main: second batch done at", since())
}
