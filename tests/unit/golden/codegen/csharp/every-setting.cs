// Every setting

using System;
using System.Collections.Generic;
using Google.GenAI;
using Google.GenAI.Types;

// The key is read from the GEMINI_API_KEY environment variable. Run calls the v1beta API, where
// every setting is.
var client = new Client(
    apiKey: System.Environment.GetEnvironmentVariable("GEMINI_API_KEY"),
    httpOptions: new HttpOptions { ApiVersion = "v1beta" });

var contents = new List<Content>
{
    new Content
    {
        Role = "user",
        Parts = new List<Part> { new Part { Text = "What is the tallest mountain?" } },
    },
    new Content
    {
        Role = "model",
        Parts = new List<Part>
        {
            new Part
            {
                Text = "Everest, measured from sea level.",
                Thought = true,
                ThoughtSignature = Convert.FromBase64String("EjZnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC90I2IyMjg4YzM2NThlOTJiN2E="),
            },
            new Part
            {
                Text = "Mount Everest.",
                ThoughtSignature = Convert.FromBase64String("EjZnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC9hI2E3Mjg3YWU1YjFhNjA2NWY="),
            },
            new Part
            {
                Text = "",
                ThoughtSignature = Convert.FromBase64String("EjhnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC9lbmQjYTM0Mzc2YTM2MjY5MDIwZA=="),
            },
        },
    },
    new Content
    {
        Role = "user",
        Parts = new List<Part> { new Part { Text = "And the deepest trench?" } },
    },
};

var config = new GenerateContentConfig
{
    SystemInstruction = new Content
    {
        Parts = new List<Part> { new Part { Text = "You are terse.\nNever apologise." } },
    },
    Temperature = 0.35,
    TopP = 0.91,
    TopK = 37,
    MaxOutputTokens = 1234,
    StopSequences = new List<string> { "STOP", "END OF ANSWER" },
    Seed = 98765,
    PresencePenalty = 0.25,
    FrequencyPenalty = -0.5,
    ResponseMimeType = "text/plain",
    MediaResolution = MediaResolution.MediaResolutionLow,
    SafetySettings = new List<SafetySetting>
    {
        new SafetySetting
        {
            Category = HarmCategory.HarmCategoryHarassment,
            Threshold = HarmBlockThreshold.BlockOnlyHigh,
        },
        new SafetySetting
        {
            Category = HarmCategory.HarmCategoryDangerousContent,
            Threshold = HarmBlockThreshold.BlockLowAndAbove,
        },
    },
    ResponseModalities = new List<string> { "TEXT" },
    ThinkingConfig = new ThinkingConfig { IncludeThoughts = true, ThinkingBudget = 2048 },
    Tools = new List<Tool>
    {
        new Tool { GoogleSearch = new GoogleSearch() },
        new Tool { UrlContext = new UrlContext() },
    },
};

await foreach (var chunk in client.Models.GenerateContentStreamAsync(
    model: "gemini-2.0-flash",
    contents: contents,
    config: config))
{
    Console.Write(chunk.Text);
}
