package main

import (
	"fmt"
	"runtime"
	"sync"
)

func countPrimes(from, to int) int {
	count := 0
	for n := max(from, 2); n < to; n++ {
		prime := true
		for d := 2; d*d <= n && prime; d++ {
			prime = n%d != 0
		}
		if prime {
			count++
		}
	}
	return count
}

func main() {
	runtime.GOMAXPROCS(2)
	var found [4]int
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[w] = countPrimes(w*250_000, (w+1)*250_000) // CPU work, no switch point
		}()
	}
	wg.Wait()
	fmt.Println("primes below 1,000,000:", found[0]+found[1]+found[2]+found[3])
}
