package main

import "fmt"

func main() {
	for i := 1; i <= 3; i++ {
		go func(id int) {
			fmt.Println("worker", id, "done")
		}(i)
	}
	fmt.Println("main: started 3 workers, returning")
}
