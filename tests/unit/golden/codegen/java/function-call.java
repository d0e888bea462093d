import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionCallingConfig;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.FunctionResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Tool;
import com.google.genai.types.ToolConfig;
import java.nio.charset.StandardCharsets;
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
        Content.builder().role("user").parts(Part.fromText("Is it warm in Oslo?")).build(),
        Content.builder()
            .role("model")
            .parts(Part.builder()
                .functionCall(FunctionCall.builder()
                    .id("call-1")
                    .name("get_weather")
                    .args(json("""
                        {"city": "Oslo"}
                        """))
                    .build())
                .thoughtSignature(
                    "context_engineering_is_the_way_to_go".getBytes(StandardCharsets.UTF_8))
                .build())
            .build(),
        Content.builder()
            .role("user")
            .parts(Part.builder()
                .functionResponse(FunctionResponse.builder()
                    .id("call-1")
                    .name("get_weather")
                    .response(json("""
                        {"temperature": 21, "unit": "C"}
                        """))
                    .build())
                .build())
            .build());

    GenerateContentConfig config = GenerateContentConfig.builder()
        .tools(Tool.builder()
            .functionDeclarations(
                FunctionDeclaration.builder()
                    .name("get_weather")
                    .description("The weather in a city now.")
                    .parametersJsonSchema(json("""
                        {
                          "type": "object",
                          "properties": {
                            "city": {"type": "string"},
                            "unit": {"type": "string", "enum": ["C", "F"]}
                          },
                          "required": ["city"]
                        }
                        """))
                    .build(),
                FunctionDeclaration.builder().name("get_time").build())
            .build())
        .toolConfig(ToolConfig.builder()
            .functionCallingConfig(FunctionCallingConfig.builder()
                .mode("ANY")
                .allowedFunctionNames("get_weather")
                .build())
            .build())
        .build();

    GenerateContentResponse response =
        client.models.generateContent("gemini-3-flash-preview", contents, config);
    // A function call comes back in functionCalls(): run it, then send this conversation again
    // with the model's turn and a user turn holding its result as a functionResponse part.
    List<FunctionCall> calls = response.functionCalls();
    System.out.println(calls != null && !calls.isEmpty() ? calls : response.text());
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** JSON (schemas, arguments, results) as the maps and lists the SDK takes, keys in order. */
  @SuppressWarnings("unchecked")
  static <T> T json(String text) throws Exception {
    return (T) JSON.readValue(text, Object.class);
  }
}
