package org.chunfeng.gateway.routing;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Reactor Netty 1.3.6 can stop reading a keep-alive connection when the next request arrives before the previous
 * one's handling has fully ended (reactor-netty issue 4361): the browser's next call then hangs until it times out.
 * Flushing the last part of an answer when no read is pending ends the previous request first. Set before the server
 * takes its first connection, since Reactor Netty reads the switch once; drop this when a release fixes the bug.
 */
public class KeepAliveWorkaround implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    public KeepAliveWorkaround() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        // The constructor did the work: the server's connection handler reads the property when it is first loaded.
    }
}
