package org.chunfeng.kit.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;

/**
 * Carries a trace across the outbox: the request's trace context is written beside the event, and the relay
 * publishes within it, so the template's observation puts the same trace into the record headers.
 */
public class OutboxTracing {

    private final Tracer tracer;

    /** With no tracer (tracing switched off) events simply carry no trace. */
    public OutboxTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    public String currentTraceParent() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext c = span.context();
        return "00-" + c.traceId() + "-" + c.spanId() + "-" + (Boolean.TRUE.equals(c.sampled()) ? "01" : "00");
    }

    public <T> T within(String traceParent, Supplier<T> work) {
        if (tracer == null || traceParent == null) {
            return work.get();
        }
        String[] parts = traceParent.split("-");
        if (parts.length != 4) {
            return work.get();
        }
        TraceContext parent = tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2])
                .sampled("01".equals(parts[3])).build();
        Span span = tracer.spanBuilder().setParent(parent).name("outbox publish").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }
}
