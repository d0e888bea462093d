// Reads chart.png, speech.wav from the folder it runs in.
//
// speech.wav (9.5 MiB) goes through the Files API, as Run sends files over 4 MiB.

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.File;
import com.google.genai.types.FileState;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.google.genai.types.UploadFileConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

// Needs Java 17 or later and the Gen AI SDK (Maven: com.google.genai:google-genai).
class Main {
  public static void main(String[] args) throws Exception {
    // The key comes from the GEMINI_API_KEY environment variable. Run calls the v1beta API,
    // where every setting is.
    Client client = Client.builder()
        .apiKey(System.getenv("GEMINI_API_KEY"))
        .httpOptions(HttpOptions.builder().apiVersion("v1beta").build())
        .build();

    // Files are read from the folder this runs in.
    byte[] image1 = Files.readAllBytes(Path.of("chart.png"));
    File audio1 = uploadFile(client, "speech.wav", "audio/wav");

    List<Content> contents = List.of(Content.builder()
        .role("user")
        .parts(
            Part.fromBytes(image1, "image/png"),
            Part.fromUri(audio1.uri().get(), "audio/wav"),
            Part.fromText("Describe these."))
        .build());

    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream("gemini-2.5-flash", contents, null)) {
      for (GenerateContentResponse chunk : stream) {
        if (chunk.text() != null) {
          System.out.print(chunk.text());
        }
      }
    }
    System.out.println();
  }

  /** Uploads a file through the Files API and waits until Gemini has processed it. */
  static File uploadFile(Client client, String path, String mimeType) throws Exception {
    File file = client.files.upload(path, UploadFileConfig.builder().mimeType(mimeType).build());
    while (file.state().map(FileState::knownEnum).orElse(null) == FileState.Known.PROCESSING) {
      Thread.sleep(1000);
      file = client.files.get(file.name().get(), null);
    }
    if (file.state().map(FileState::knownEnum).orElse(null) == FileState.Known.FAILED) {
      throw new IllegalStateException(path + " could not be processed");
    }
    return file;
  }
}
