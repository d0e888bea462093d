using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        Parts = new List<Part> { new Part { Text = "Is it warm in Oslo?" } },
    },
    new Content
    {
        Role = "model",
        Parts = new List<Part>
        {
            new Part
            {
                FunctionCall = new FunctionCall
                {
                    Id = "call-1",
                    Name = "get_weather",
                    Args = JsonSerializer.Deserialize<Dictionary<string, object>>("""
                        {"city": "Oslo"}
                        """),
                },
                ThoughtSignature = Convert.FromBase64String("context_engineering_is_the_way_to_go".Replace('-', '+').Replace('_', '/')),
            },
        },
    },
    new Content
    {
        Role = "user",
        Parts = new List<Part>
        {
            new Part
            {
                FunctionResponse = new FunctionResponse
                {
                    Id = "call-1",
                    Name = "get_weather",
                    Response = JsonSerializer.Deserialize<Dictionary<string, object>>("""
                        {"temperature": 21, "unit": "C"}
                        """),
                },
            },
        },
    },
};

var config = new GenerateContentConfig
{
    Tools = new List<Tool>
    {
        new Tool
        {
            FunctionDeclarations = new List<FunctionDeclaration>
            {
                new FunctionDeclaration
                {
                    Name = "get_weather",
                    Description = "The weather in a city now.",
                    ParametersJsonSchema = JsonNode.Parse("""
                        {
                          "type": "object",
                          "properties": {
                            "city": {"type": "string"},
                            "unit": {"type": "string", "enum": ["C", "F"]}
                          },
                          "required": ["city"]
                        }
                        """),
                },
                new FunctionDeclaration { Name = "get_time" },
            },
        },
    },
    ToolConfig = new ToolConfig
    {
        FunctionCallingConfig = new FunctionCallingConfig
        {
            Mode = FunctionCallingConfigMode.Any,
            AllowedFunctionNames = new List<string> { "get_weather" },
        },
    },
};

var response = await client.Models.GenerateContentAsync(
    model: "gemini-3-flash-preview",
    contents: contents,
    config: config);

// A function call comes back in FunctionCalls: run it, then send this conversation again with
// the model's turn and a user turn holding its result as a FunctionResponse part.
if (response.FunctionCalls is { } calls)
{
    foreach (var call in calls)
    {
        Console.WriteLine($"{call.Name}({JsonSerializer.Serialize(call.Args)})");
    }
}
Console.WriteLine(response.Text);
