package org.chunfeng.devstack.launcher;

import java.nio.file.Path;

/**
 * Where the parts of a running stack are reached.
 *
 * @param mongoUri a MongoDB connection string, with or without a database
 */
public record StackAddresses(String kafkaBootstrap, String mongoUri, String gatewayUrl, Path dataDir) {

    /**
     * The connection string for one database, keeping the hosts, credentials and options of the base string. With
     * credentials, MongoDB authenticates against the database in the path unless told otherwise, so the database
     * the credentials belong to is kept as {@code authSource}.
     */
    public String mongoUri(String database) {
        int hostsStart = mongoUri.indexOf("://") + 3;
        int query = mongoUri.indexOf('?', hostsStart);
        int pathEnd = query >= 0 ? query : mongoUri.length();
        int slash = mongoUri.indexOf('/', hostsStart);
        int hostsEnd = slash >= 0 && slash < pathEnd ? slash : pathEnd;
        String hosts = mongoUri.substring(hostsStart, hostsEnd);
        String baseDatabase = hostsEnd < pathEnd ? mongoUri.substring(hostsEnd + 1, pathEnd) : "";
        String options = query >= 0 ? mongoUri.substring(query + 1) : "";
        if (hosts.contains("@") && !options.contains("authSource=")) {
            String authSource = "authSource=" + (baseDatabase.isEmpty() ? "admin" : baseDatabase);
            options = options.isEmpty() ? authSource : options + "&" + authSource;
        }
        return mongoUri.substring(0, hostsEnd) + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }
}
