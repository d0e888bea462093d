using System;
using System.Collections.Generic;
using Google.GenAI;
using Google.GenAI.Types;

// The key is read from the GEMINI_API_KEY environment variable. Run calls the v1beta API, where
// every setting is.
var client = new Client(
    apiKey: System.Environment.GetEnvironmentVariable("GEMINI_API_KEY"),
    httpOptions: new HttpOptions { ApiVersion = "v1beta" });

var config = new GenerateImagesConfig { NumberOfImages = 2, AspectRatio = "16:9" };

var response = await client.Models.GenerateImagesAsync(
    model: "imagen-4.0-fast-generate-001",
    prompt: "A red kite over a green hill",
    config: config);
var number = 0;
foreach (var generated in response.GeneratedImages ?? new List<GeneratedImage>())
{
    number++;
    // A picture held back by the safety filters comes with RaiFilteredReason and no bytes.
    if (generated.Image?.ImageBytes is not { } bytes)
    {
        Console.WriteLine(generated.RaiFilteredReason);
        continue;
    }
    var file = $"image-{number}" + (generated.Image.MimeType == "image/jpeg" ? ".jpg" : ".png");
    System.IO.File.WriteAllBytes(file, bytes);
    Console.WriteLine(file);
}
