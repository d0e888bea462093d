// Reads chart.png, speech.wav from the folder it runs in.
//
// speech.wav (9.5 MiB) goes through the Files API, as Run sends files over 4 MiB.

package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

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

	// Files are read from the folder this runs in.
	image1 := readFile("chart.png")
	audio1 := uploadFile(ctx, client, "speech.wav", "audio/wav")

	contents := []*genai.Content{
		{
			Role: genai.RoleUser,
			Parts: []*genai.Part{
				genai.NewPartFromBytes(image1, "image/png"),
				genai.NewPartFromURI(audio1.URI, "audio/wav"),
				{Text: "Describe these."},
			},
		},
	}

	response, err := client.Models.GenerateContent(ctx, "gemini-2.5-flash", contents, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(response.Text())
}

// readFile is the bytes of a file, or the end of the program.
func readFile(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return data
}

// uploadFile uploads a file through the Files API and waits until Gemini has processed it.
func uploadFile(ctx context.Context, client *genai.Client, path, mimeType string) *genai.File {
	file, err := client.Files.UploadFromPath(ctx, path, &genai.UploadFileConfig{MIMEType: mimeType})
	if err != nil {
		log.Fatal(err)
	}
	for file.State == genai.FileStateProcessing {
		time.Sleep(time.Second)
		if file, err = client.Files.Get(ctx, file.Name, nil); err != nil {
			log.Fatal(err)
		}
	}
	if file.State == genai.FileStateFailed {
		log.Fatalf("%s could not be processed", path)
	}
	return file
}
