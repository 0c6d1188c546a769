package main

import (
	"fmt"
	"time"
)

func main() {
	for i, d := range []time.Duration{1 * time.Second, 2 * time.Second, 4 * time.Second} {
		go func(id int, work time.Duration) {
			time.Sleep(work)
			fmt.Println("worker", id, "done after", work)
		}(i+1, d)
	}
	time.Sleep(3 * time.Second) // "long enough", we hope
	fmt.Println("main: slept 3s, returning")
}
