import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
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

    List<Content> contents = List.of(Content.builder()
        .role("user")
        .parts(Part.fromText("Name three rivers."))
        .build());

    GenerateContentResponse response =
        client.models.generateContent("gemini-2.5-flash", contents, null);
    System.out.println(response.text());
  }
}
