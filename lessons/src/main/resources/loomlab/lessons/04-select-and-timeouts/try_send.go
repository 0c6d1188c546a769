package main

import "fmt"

func main() {
	events := make(chan int, 2)
	for ev := 1; ev <= 4; ev++ {
		select {
		case events <- ev:
			fmt.Println("main: queued event", ev)
		default:
			fmt.Println("main: dropped event", ev, "(buffer full)")
		}
	}
	for empty := false; !empty; { // a try-receive: take what is there, and stop when nothing is
		select {
		case ev := <-events:
			fmt.Println("main: handled event", ev)
		default:
			empty = true
		}
	}
	fmt.Println("main: nothing left, moving on")
}
