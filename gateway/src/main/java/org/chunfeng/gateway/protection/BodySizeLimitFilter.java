package org.chunfeng.gateway.protection;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.chunfeng.gateway.error.ProblemResponses;
import org.chunfeng.gateway.error.Problems;
import org.chunfeng.gateway.error.RequestTooLargeException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above the limit (larger for spreadsheet imports) with 413: at once when the declared length
 * is too large, otherwise as soon as a streamed body passes it. The body is counted, never buffered.
 */
public class BodySizeLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = -200;

    private final long bodyLimit;
    private final long uploadLimit;
    private final List<PathPattern> uploadPaths;
    private final ProblemResponses problems;

    public BodySizeLimitFilter(ProtectionProperties properties, ProblemResponses problems) {
        this.bodyLimit = properties.bodyLimit().toBytes();
        this.uploadLimit = properties.uploadLimit().toBytes();
        this.uploadPaths = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request.getPath().pathWithinApplication());
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, Problems.tooLarge(limit));
        }
        if (declared >= 0 || !hasBody(request)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    private long limitFor(PathContainer path) {
        for (PathPattern pattern : uploadPaths) {
            if (pattern.matches(path)) {
                return uploadLimit;
            }
        }
        return bodyLimit;
    }

    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().containsHeader("Transfer-Encoding");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** A chunked body, counted as it streams through. */
    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new RequestTooLargeException(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
