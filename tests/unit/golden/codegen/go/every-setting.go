// Every setting
//
// The Go SDK leaves an empty Text field out of the request: the part of this conversation whose
// text is empty goes without it, with its thought signature alone.

package main

import (
	"context"
	"encoding/base64"
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

	contents := []*genai.Content{
		{
			Role:  genai.RoleUser,
			Parts: []*genai.Part{{Text: "What is the tallest mountain?"}},
		},
		{
			Role: genai.RoleModel,
			Parts: []*genai.Part{
				{
					Text:             "Everest, measured from sea level.",
					Thought:          true,
					ThoughtSignature: signature("EjZnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC90I2IyMjg4YzM2NThlOTJiN2E="),
				},
				{
					Text:             "Mount Everest.",
					ThoughtSignature: signature("EjZnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC9hI2E3Mjg3YWU1YjFhNjA2NWY="),
				},
				{
					Text:             "",
					ThoughtSignature: signature("EjhnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC9lbmQjYTM0Mzc2YTM2MjY5MDIwZA=="),
				},
			},
		},
		{
			Role:  genai.RoleUser,
			Parts: []*genai.Part{{Text: "And the deepest trench?"}},
		},
	}
	config := &genai.GenerateContentConfig{
		SystemInstruction: &genai.Content{
			Parts: []*genai.Part{{Text: "You are terse.\nNever apologise."}},
		},
		Temperature:      genai.Ptr[float32](0.35),
		TopP:             genai.Ptr[float32](0.91),
		TopK:             genai.Ptr[float32](37),
		MaxOutputTokens:  1234,
		StopSequences:    []string{"STOP", "END OF ANSWER"},
		Seed:             genai.Ptr[int32](98765),
		PresencePenalty:  genai.Ptr[float32](0.25),
		FrequencyPenalty: genai.Ptr[float32](-0.5),
		ResponseMIMEType: "text/plain",
		MediaResolution:  genai.MediaResolutionLow,
		SafetySettings: []*genai.SafetySetting{
			{
				Category:  genai.HarmCategoryHarassment,
				Threshold: genai.HarmBlockThresholdBlockOnlyHigh,
			},
			{
				Category:  genai.HarmCategoryDangerousContent,
				Threshold: genai.HarmBlockThresholdBlockLowAndAbove,
			},
		},
		ResponseModalities: []string{"TEXT"},
		ThinkingConfig: &genai.ThinkingConfig{
			IncludeThoughts: true,
			ThinkingBudget:  genai.Ptr[int32](2048),
		},
		Tools: []*genai.Tool{
			{GoogleSearch: &genai.GoogleSearch{}},
			{URLContext: &genai.URLContext{}},
		},
	}

	response, err := client.Models.GenerateContent(ctx, "gemini-2.0-flash", contents, config)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(response.Text())
}

// signature is a thought signature's bytes, which the API writes as base64.
func signature(text string) []byte {
	data, err := base64.StdEncoding.DecodeString(text)
	if err != nil {
		log.Fatal(err)
	}
	return data
}
