package org.chunfeng.contracts;

/**
 * Where the published descriptions of the events live on the classpath, so every service and test finds them the
 * same way. Resource names have no leading slash: pass them to {@link ClassLoader#getResource(String)}.
 *
 * <p>Each payload schema's {@code $id} is {@link #BASE_URI} followed by its file name, and the schemas refer to one
 * another by relative {@code $ref}; a validator resolves them offline by mapping {@link #BASE_URI} to
 * {@link #DIRECTORY} on the classpath.
 */
public final class Schemas {

    /** The prefix of every schema's {@code $id}; nothing is ever fetched from it. */
    public static final String BASE_URI = "https://chunfeng.org/schemas/";

    /** The classpath folder that holds the JSON Schemas. */
    public static final String DIRECTORY = "schemas/";

    /** The shapes several payloads share (places, worker profiles, job postings, the vocabularies). */
    public static final String COMMON = DIRECTORY + "common.schema.json";

    /** The AsyncAPI 3.0 document: every topic, its key, its messages, producers and consumers. */
    public static final String ASYNCAPI = "asyncapi.yaml";

    private Schemas() {
    }

    /** The schema's file name, for example {@code WorkerRegistered.v1.schema.json}. */
    public static String fileName(EventType type) {
        return type.eventName() + "." + EventType.VERSION + ".schema.json";
    }

    /** The classpath resource of the payload schema, for example {@code schemas/WorkerRegistered.v1.schema.json}. */
    public static String resourceOf(EventType type) {
        return DIRECTORY + fileName(type);
    }

    /** The schema's {@code $id}, for example {@code https://chunfeng.org/schemas/WorkerRegistered.v1.schema.json}. */
    public static String idOf(EventType type) {
        return BASE_URI + fileName(type);
    }

    /** The classpath resource of the AsyncAPI document. */
    public static String asyncApi() {
        return ASYNCAPI;
    }
}
