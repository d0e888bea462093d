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
        Parts = new List<Part> { new Part { Text = "Name three rivers." } },
    },
};

var response = await client.Models.GenerateContentAsync(
    model: "gemini-2.5-flash",
    contents: contents);
Console.WriteLine(response.Text);
