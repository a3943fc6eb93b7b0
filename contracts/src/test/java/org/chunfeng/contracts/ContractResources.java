package org.chunfeng.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the published schemas and the AsyncAPI document from the classpath, the way a service would. */
final class ContractResources {

    /** Jackson 3 with its defaults, as a consumer that configured nothing would have it. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    // Draft 2020-12 treats "format" as an annotation unless asked; the contract means it as an assertion.
    // The $id prefix maps to the classpath, so nothing is fetched from the network.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(Schemas.BASE_URI, "classpath:" + Schemas.DIRECTORY))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private ContractResources() {
    }

    static Schema schemaOf(EventType type) {
        return REGISTRY.getSchema(SchemaLocation.of(Schemas.idOf(type)));
    }

    static List<Error> validate(EventType type, JsonNode payload) {
        return schemaOf(type).validate(JSON.writeValueAsString(payload), InputFormat.JSON);
    }

    static List<Error> validate(EventType type, String payload) {
        return schemaOf(type).validate(payload, InputFormat.JSON);
    }

    static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readYaml(String resource) {
        try (InputStream in = open(resource)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String resource) {
        return ContractResources.class.getClassLoader().getResource(resource) != null;
    }

    private static InputStream open(String resource) {
        InputStream in = ContractResources.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No such classpath resource: " + resource);
        }
        return in;
    }

    /** The classpath resource a relative reference points at, seen from the resource that holds it. */
    static String resolveSibling(String fromResource, String relative) {
        return URI.create("classpath:/" + fromResource).resolve(relative).getPath().substring(1);
    }

    /** Every {@code $ref} in the tree. */
    static List<String> refsIn(JsonNode tree) {
        List<String> refs = new ArrayList<>();
        walk(tree, node -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                refs.add(ref.stringValue());
            }
        });
        return refs;
    }

    /**
     * Follows one reference: a local pointer within {@code document}, or a file beside {@code documentResource}
     * with an optional pointer into it. Answers the missing node when it leads nowhere.
     */
    static JsonNode follow(String documentResource, JsonNode document, String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode target = document;
        if (!file.isEmpty()) {
            String resource = resolveSibling(documentResource, file);
            if (!exists(resource)) {
                return document.path("\u0000no such file");
            }
            target = readJson(resource);
        }
        return pointer.isEmpty() ? target : target.at(pointer);
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(node);
        }
        node.values().forEach(child -> walk(child, visitor));
    }
}
