package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	began    = time.Now()
	once     sync.Once
	settings string // written once, inside once.Do
)

func since() time.Duration { return time.Since(began).Round(time.Millisecond) }

func loadSettings(caller string) string {
	once.Do(func() {
		fmt.Println(caller+": loading settings at", since())
		time.Sleep(100 * time.Millisecond) // stands for reading a file
		settings = "timeout=2s"
	})
	return settings
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		name := fmt.Sprintf("handler-%d", i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := loadSettings(name)
			fmt.Println(name+": got", s, "at", since())
		}()
	}
	wg.Wait()
}
