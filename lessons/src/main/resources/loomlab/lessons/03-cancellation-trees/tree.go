package main

import (
	"context"
	"fmt"
)

func main() {
	request, cancelRequest := context.WithCancel(context.Background())
	db, cancelDB := context.WithCancel(request)
	cache, cancelCache := context.WithCancel(request)
	defer cancelCache()
	query, cancelQuery := context.WithCancel(db)
	defer cancelQuery()

	cancelDB()
	fmt.Println("once db is canceled:", state("request", request), state("db", db),
		state("cache", cache), state("query", query))

	cancelRequest()
	fmt.Println("once request is canceled:", state("request", request), state("db", db),
		state("cache", cache), state("query", query))
}

func state(name string, ctx context.Context) string {
	if ctx.Err() == nil {
		return name + "=live"
	}
	return name + "=" + ctx.Err().Error()
}
