package main

import (
	"context"
	"fmt"
	"log"

	"google.golang.org/genai"
)

func main() {
	ctx := context.Background()
	// The client reads the API key from the GEMINI_API_KEY environment variable. Run calls the
	// v1beta API, where every setting is.
	client, err := genai.NewClient(ctx, &genai.ClientConfig{
		Backend:     genai.BackendGeminiAPI,
		HTTPOptions: genai.HTTPOptions{APIVersion: "v1beta"},
	})
	if err != nil {
		log.Fatal(err)
	}

	contents := genai.Text("Name three rivers.")

	for chunk, err := range client.Models.GenerateContentStream(ctx, "gemini-2.5-flash", contents, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Print(chunk.Text())
	}
	fmt.Println()
}
