package io.neuraladder.train.explore;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The models the explorer serves, by name; the first is the one the page opens with. Shipped
 * models are read from the runtime's jar, where they are bundled, so the explorer needs no
 * checkout of {@code models/}.
 */
final class ModelCatalog implements AutoCloseable {

    /** Where the runtime's jar holds its bundled models. */
    private static final String BUNDLED = "/io/neuraladder/models/";

    private final Map<String, ExploredModel> models;

    private ModelCatalog(Map<String, ExploredModel> models) {
        this.models = models;
    }

    /**
     * Opens the given model files, named by their file names, then every shipped model; with no
     * files, the page opens with the bundled default.
     *
     * @throws ModelLoadException if the runtime refuses a given file
     */
    static ModelCatalog open(List<Path> files) {
        return open(files, shipped());
    }

    /**
     * Every model bundled in the runtime's jar (or its classes directory), as paths below
     * {@value #BUNDLED}: the default first, then the others in path order.
     */
    static List<String> shipped() {
        URL directory = NeuralAdder.class.getResource(BUNDLED + NeuralAdder.BUNDLED_MODEL);
        if (directory == null) {
            throw new ModelLoadException("the adder-runtime jar holds no bundled models; rebuild it with "
                    + "'mvn -q install -DskipTests'");
        }
        try {
            URI uri = directory.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return listed(jar.provider().getPath(uri).getParent());
                }
            }
            return listed(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException("cannot list the models bundled in the adder-runtime jar",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static List<String> listed(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".onnx"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted(Comparator.comparing((String name) -> !name.equals(NeuralAdder.BUNDLED_MODEL))
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
    }

    /** Opens only {@code file}, or with {@code null} only the bundled default model. */
    static ModelCatalog single(Path file) {
        return file == null ? open(List.of(), List.of(NeuralAdder.BUNDLED_MODEL)) : open(List.of(file), List.of());
    }

    private static ModelCatalog open(List<Path> files, List<String> shippedResources) {
        Map<String, ExploredModel> models = new LinkedHashMap<>();
        try {
            for (Path file : files) {
                String name = uniqueName(models, file.getFileName().toString());
                models.put(name, ExploredModel.open(name, file.toString(), file));
            }
            Path shipped = copyShipped(shippedResources);
            for (String resource : shippedResources) {
                String name = Path.of(resource).getFileName().toString();
                if (!models.containsKey(name)) {
                    models.put(name, ExploredModel.open(name, "shipped model " + resource + " (from the adder-runtime jar)",
                            shipped.resolve(name)));
                }
            }
            return new ModelCatalog(models);
        } catch (RuntimeException e) {
            models.values().forEach(ExploredModel::close);
            throw e;
        }
    }

    private static String uniqueName(Map<String, ExploredModel> models, String name) {
        String unique = name;
        for (int n = 2; models.containsKey(unique); n++) {
            unique = name + " (" + n + ")";
        }
        return unique;
    }

    private static Path copyShipped(List<String> resources) {
        try {
            Path directory = Files.createTempDirectory("neural-adder-explore");
            directory.toFile().deleteOnExit();
            for (String resource : resources) {
                Path target = directory.resolve(Path.of(resource).getFileName().toString());
                try (InputStream in = NeuralAdder.class.getResourceAsStream(BUNDLED + resource)) {
                    if (in == null) {
                        throw new ModelLoadException("shipped model " + resource + " is missing from the adder-runtime "
                                + "jar; rebuild it with 'mvn -q install -DskipTests'");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped models to a temporary directory", e);
        }
    }

    /** The model the page opens with. */
    ExploredModel first() {
        return models.values().iterator().next();
    }

    /** The model called {@code name}; {@code null} (or empty) names the first. */
    ExploredModel get(String name) {
        if (name == null || name.isEmpty()) {
            return first();
        }
        ExploredModel model = models.get(name);
        if (model == null) {
            throw new BadRequest("unknown model '" + BadRequest.shown(name) + "'; this explorer serves " + names());
        }
        return model;
    }

    /** Every model's name, in the page's order. */
    List<String> names() {
        return new ArrayList<>(models.keySet());
    }

    /** Every model, in the page's order. */
    List<ExploredModel> models() {
        return List.copyOf(models.values());
    }

    @Override
    public void close() {
        models.values().forEach(ExploredModel::close);
    }
}
