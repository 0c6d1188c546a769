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
	fmt.Println("after cancelDB():", state("request", request), state("db", db),
		state("cache", cache), state("query", query))

	cancelRequest()
	fmt.Println("after cancelRequest():", state("request", request), state("db", db),
		state("cache", cache), state("query", query))
}

func state(name string, ctx context.Context) string {
	if ctx.Err() == nil {
		return name + "=live"
	}
	return name + "=" + ctx.Err().Error()
}
