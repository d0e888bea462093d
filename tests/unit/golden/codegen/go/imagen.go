package main

import (
	"context"
	"fmt"
	"log"
	"os"

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

	prompt := "A red kite over a green hill"
	config := &genai.GenerateImagesConfig{
		NumberOfImages: 2,
		AspectRatio:    "16:9",
	}
	response, err := client.Models.GenerateImages(ctx, "imagen-4.0-fast-generate-001", prompt, config)
	if err != nil {
		log.Fatal(err)
	}
	for i, generated := range response.GeneratedImages {
		// A picture held back by the safety filters comes with RAIFilteredReason and no bytes.
		if generated.Image == nil {
			fmt.Println(generated.RAIFilteredReason)
			continue
		}
		extension := ".png"
		if generated.Image.MIMEType == "image/jpeg" {
			extension = ".jpg"
		}
		file := fmt.Sprintf("image-%d%s", i+1, extension)
		if err := os.WriteFile(file, generated.Image.ImageBytes, 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println(file)
	}
}
