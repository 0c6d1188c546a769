package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	start := time.Now()
	logs := make(chan string, 8)
	written := make(chan struct{})
	go func() {
		defer close(written)
		var batch []string
		flush := func(why string) { // one write for the whole batch
			fmt.Printf("log-writer: flush at %v (%s): %s\n",
				time.Since(start).Round(time.Millisecond), why, strings.Join(batch, " "))
			batch = batch[:0]
		}
		ticker := time.NewTicker(100 * time.Millisecond)
		defer ticker.Stop()
		for {
			select {
			case rec, ok := <-logs:
				if !ok { // closed and drained
					if len(batch) > 0 {
						flush("closed") // what is left at shutdown
					}
					return
				}
				batch = append(batch, rec)
				if len(batch) == 3 {
					flush("batch full")
				}
			case <-ticker.C:
				if len(batch) > 0 {
					flush("tick")
				}
			}
		}
	}()
	for i := 1; i <= 6; i++ {
		if i < 6 { // five records 10ms apart, then a quiet spell
			time.Sleep(10 * time.Millisecond)
		} else {
			time.Sleep(200 * time.Millisecond)
		}
		logs <- fmt.Sprintf("rec-%d", i)
	}
	close(logs) // no more records
	<-written   // the writer has flushed them all
}
