// Reads chart.png, speech.wav from the folder it runs in.
//
// speech.wav (9.5 MiB) goes through the Files API, as Run sends files over 4 MiB.

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Google.GenAI;
using Google.GenAI.Types;

// The key is read from the GEMINI_API_KEY environment variable. Run calls the v1beta API, where
// every setting is.
var client = new Client(
    apiKey: System.Environment.GetEnvironmentVariable("GEMINI_API_KEY"),
    httpOptions: new HttpOptions { ApiVersion = "v1beta" });

// Files are read from the folder this runs in.
var image1 = System.IO.File.ReadAllBytes("chart.png");
var audio1 = await UploadFile("speech.wav", "audio/wav");

var contents = new List<Content>
{
    new Content
    {
        Role = "user",
        Parts = new List<Part>
        {
            new Part { InlineData = new Blob { MimeType = "image/png", Data = image1 } },
            new Part { FileData = new FileData { FileUri = audio1.Uri, MimeType = "audio/wav" } },
            new Part { Text = "Describe these." },
        },
    },
};

await foreach (var chunk in client.Models.GenerateContentStreamAsync(
    model: "gemini-2.5-flash",
    contents: contents))
{
    Console.Write(chunk.Text);
}

// Uploads a file through the Files API and waits until Gemini has processed it.
async Task<Google.GenAI.Types.File> UploadFile(string path, string mimeType)
{
    var file = await client.Files.UploadAsync(path, new UploadFileConfig { MimeType = mimeType });
    while (file.State == FileState.Processing)
    {
        await Task.Delay(1000);
        file = await client.Files.GetAsync(file.Name!);
    }
    if (file.State == FileState.Failed) throw new Exception(path + " could not be processed");
    return file;
}
