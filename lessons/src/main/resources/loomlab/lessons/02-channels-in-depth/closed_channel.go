package main

import "fmt"

func main() {
	letters := make(chan string, 2)
	letters <- "a"
	letters <- "b"
	close(letters)
	fmt.Println("closed with", len(letters), "values still in the buffer")
	for s := range letters {
		fmt.Println("got", s)
	}
	v, ok := <-letters
	fmt.Printf("after the buffer is drained: value %q ok %v\n", v, ok)
	letters <- "c"
	fmt.Println("main: sent c")
}
