package main

import "fmt"

func produce(out chan<- int) {
	for i := 1; i <= 3; i++ {
		out <- i
	}
	close(out) // the sender closes: "no more values"
}

func square(in <-chan int, out chan<- int) {
	for v := range in { // ends when in is closed and drained
		out <- v * v
	}
	close(out)
}

func main() {
	numbers := make(chan int)
	squares := make(chan int)
	go produce(numbers)
	go square(numbers, squares)
	for s := range squares {
		fmt.Println("main: got", s)
	}
	fmt.Println("main: squares is closed, done")
}
