package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"log"
	"strings"

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
			Parts: []*genai.Part{{Text: "Is it warm in Oslo?"}},
		},
		{
			Role: genai.RoleModel,
			Parts: []*genai.Part{
				{
					FunctionCall: &genai.FunctionCall{
						ID:   "call-1",
						Name: "get_weather",
						Args: map[string]any{"city": "Oslo"},
					},
					ThoughtSignature: signature("context_engineering_is_the_way_to_go"),
				},
			},
		},
		{
			Role: genai.RoleUser,
			Parts: []*genai.Part{
				{
					FunctionResponse: &genai.FunctionResponse{
						ID:       "call-1",
						Name:     "get_weather",
						Response: map[string]any{"temperature": 21, "unit": "C"},
					},
				},
			},
		},
	}
	config := &genai.GenerateContentConfig{
		Tools: []*genai.Tool{
			{
				FunctionDeclarations: []*genai.FunctionDeclaration{
					{
						Name:        "get_weather",
						Description: "The weather in a city now.",
						ParametersJsonSchema: map[string]any{
							"type": "object",
							"properties": map[string]any{
								"city": map[string]any{"type": "string"},
								"unit": map[string]any{
									"type": "string",
									"enum": []string{"C", "F"},
								},
							},
							"required": []string{"city"},
						},
					},
					{Name: "get_time"},
				},
			},
		},
		ToolConfig: &genai.ToolConfig{
			FunctionCallingConfig: &genai.FunctionCallingConfig{
				Mode:                 genai.FunctionCallingConfigModeAny,
				AllowedFunctionNames: []string{"get_weather"},
			},
		},
	}

	// A function call comes back in FunctionCalls(): run it, then send this conversation again
	// with the model's turn and a user turn holding its result as a FunctionResponse part.
	for chunk, err := range client.Models.GenerateContentStream(ctx, "gemini-3-flash-preview", contents, config) {
		if err != nil {
			log.Fatal(err)
		}
		if calls := chunk.FunctionCalls(); len(calls) > 0 {
			for _, call := range calls {
				fmt.Println(call.Name, call.Args)
			}
		} else {
			fmt.Print(chunk.Text())
		}
	}
	fmt.Println()
}

// signature is a thought signature's bytes, which the API writes as base64 (URL-safe or not).
func signature(text string) []byte {
	data, err := base64.StdEncoding.DecodeString(strings.NewReplacer("-", "+", "_", "/").Replace(text))
	if err != nil {
		log.Fatal(err)
	}
	return data
}
