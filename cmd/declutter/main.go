package main

import (
	"context"
	"fmt"
	"os"

	"github.com/declutter/declutter"
)

func main() {
	f, _ := os.Open(os.Args[1])
	a, err := declutter.Extract(context.Background(), f, "")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Text)
}
