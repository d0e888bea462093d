// Every setting

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GoogleSearch;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.google.genai.types.SafetySetting;
import com.google.genai.types.ThinkingConfig;
import com.google.genai.types.Tool;
import com.google.genai.types.UrlContext;
import java.util.Base64;
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

    List<Content> contents = List.of(
        Content.builder()
            .role("user")
            .parts(Part.fromText("What is the tallest mountain?"))
            .build(),
        Content.builder()
            .role("model")
            .parts(
                Part.builder()
                    .text("Everest, measured from sea level.")
                    .thought(true)
                    .thoughtSignature(Base64.getDecoder().decode("EjZnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC90I2IyMjg4YzM2NThlOTJiN2E="))
                    .build(),
                Part.builder()
                    .text("Mount Everest.")
                    .thoughtSignature(Base64.getDecoder().decode("EjZnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC9hI2E3Mjg3YWU1YjFhNjA2NWY="))
                    .build(),
                Part.builder()
                    .text("")
                    .thoughtSignature(Base64.getDecoder().decode("EjhnZW1pbmktZW11bGF0b3IvdjIvY29kZWdlbi1jb250cmFjdC9lbmQjYTM0Mzc2YTM2MjY5MDIwZA=="))
                    .build())
            .build(),
        Content.builder().role("user").parts(Part.fromText("And the deepest trench?")).build());

    GenerateContentConfig config = GenerateContentConfig.builder()
        .systemInstruction(Content.builder()
            .parts(Part.fromText("You are terse.\nNever apologise."))
            .build())
        .temperature(0.35f)
        .topP(0.91f)
        .topK(37f)
        .maxOutputTokens(1234)
        .stopSequences("STOP", "END OF ANSWER")
        .seed(98765)
        .presencePenalty(0.25f)
        .frequencyPenalty(-0.5f)
        .responseMimeType("text/plain")
        .mediaResolution("MEDIA_RESOLUTION_LOW")
        .safetySettings(
            SafetySetting.builder()
                .category("HARM_CATEGORY_HARASSMENT")
                .threshold("BLOCK_ONLY_HIGH")
                .build(),
            SafetySetting.builder()
                .category("HARM_CATEGORY_DANGEROUS_CONTENT")
                .threshold("BLOCK_LOW_AND_ABOVE")
                .build())
        .responseModalities("TEXT")
        .thinkingConfig(ThinkingConfig.builder().includeThoughts(true).thinkingBudget(2048).build())
        .tools(
            Tool.builder().googleSearch(GoogleSearch.builder().build()).build(),
            Tool.builder().urlContext(UrlContext.builder().build()).build())
        .build();

    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream("gemini-2.0-flash", contents, config)) {
      for (GenerateContentResponse chunk : stream) {
        if (chunk.text() != null) {
          System.out.print(chunk.text());
        }
      }
    }
    System.out.println();
  }
}
