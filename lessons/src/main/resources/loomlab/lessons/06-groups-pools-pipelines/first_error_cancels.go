package main

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

var began = time.Now()

func since() time.Duration { return time.Since(began).Round(time.Millisecond) }

func fetch(ctx context.Context, name string, d time.Duration, bad bool) error {
	select { // the part, or giving up
	case <-time.After(d):
	case <-ctx.Done():
	}
	at := since()
	if ctx.Err() != nil {
		fmt.Println(name+": stopped at", at.String()+":", ctx.Err(), "because", context.Cause(ctx))
		return ctx.Err()
	}
	if bad {
		return fmt.Errorf("%s failed at %v: checksum mismatch", name, at)
	}
	fmt.Println(name+": done at", at)
	return nil
}

func main() {
	g, ctx := errgroup.WithContext(context.Background()) // ctx: canceled at the first error, or when Wait returns
	g.Go(func() error { return fetch(ctx, "part-1", 30*time.Millisecond, false) })
	g.Go(func() error { return fetch(ctx, "part-2", 50*time.Millisecond, true) })
	g.Go(func() error { return fetch(ctx, "part-3", 200*time.Millisecond, false) })
	err := g.Wait() // waits for all three, then returns the first error
	fmt.Println("main: group done at", since().String()+", first error:", err)
}
