package org.chunfeng.gateway.routing;

import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.web.server.ServerWebExchange;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Points a service's OpenAPI document at the gateway, so "Try it out" in Swagger UI goes through it. */
final class ApiDocsRewrite implements RewriteFunction<String, String> {

    private final JsonMapper json;

    ApiDocsRewrite(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Publisher<String> apply(ServerWebExchange exchange, String body) {
        if (body == null || !exchange.getResponse().getStatusCode().is2xxSuccessful()) {
            return Mono.justOrEmpty(body);
        }
        try {
            JsonNode document = json.readTree(body);
            if (document instanceof ObjectNode object) {
                object.set("servers", json.valueToTree(List.of(Map.of("url", "/",
                        "description", "Chunfeng gateway"))));
                return Mono.just(json.writeValueAsString(object));
            }
        } catch (RuntimeException e) {
            // Not JSON after all: pass it on untouched.
        }
        return Mono.just(body);
    }
}
