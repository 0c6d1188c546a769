package main

import (
	"fmt"
	"time"
)

func parse(record string) int {
	if record == "" {
		panic("empty record")
	}
	return len(record)
}

// guard calls job, and turns a panic in it into an error.
func guard(job func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	job()
	return nil
}

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("main: caught", r) // never runs: a panic is caught only in its own goroutine
		}
	}()
	results := make(chan string)
	records := []string{"alpha", "", "gamma"}
	for i, record := range records {
		name := fmt.Sprintf("parser-%d", i+1)
		go func() {
			if err := guard(func() { parse(record) }); err != nil {
				results <- name + ": " + err.Error()
			} else {
				results <- name + ": ok"
			}
		}()
	}
	for range records {
		fmt.Println("main:", <-results)
	}
	go parse("") // nobody recovers here
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main: done")
}
