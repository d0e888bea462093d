import com.google.genai.Client;
import com.google.genai.types.GenerateImagesConfig;
import com.google.genai.types.GenerateImagesResponse;
import com.google.genai.types.GeneratedImage;
import com.google.genai.types.HttpOptions;
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

    GenerateImagesResponse response = client.models.generateImages(
        "imagen-4.0-fast-generate-001",
        "A red kite over a green hill",
        GenerateImagesConfig.builder().numberOfImages(2).aspectRatio("16:9").build());
    List<GeneratedImage> images = response.generatedImages().orElse(List.of());
    for (int i = 0; i < images.size(); i++) {
      GeneratedImage generated = images.get(i);
      // A picture held back by the safety filters comes with raiFilteredReason and no bytes.
      if (generated.image().flatMap(image -> image.imageBytes()).isEmpty()) {
        System.out.println(generated.raiFilteredReason().orElse("no picture"));
        continue;
      }
      String type = generated.image().get().mimeType().orElse("image/png");
      String file = "image-" + (i + 1) + (type.equals("image/jpeg") ? ".jpg" : ".png");
      Files.write(Path.of(file), generated.image().get().imageBytes().get());
      System.out.println(file);
    }
  }
}
