package org.chunfeng.devstack.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Whether a TCP port on this machine is free to listen on. */
public final class Ports {

    private Ports() {
    }

    /**
     * True when nothing accepts connections on the port and it can be bound on every interface. Both are checked:
     * a program listening on the loopback address only does not always stop a bind on the wildcard address.
     */
    public static boolean isFree(int port) {
        return !accepts("127.0.0.1", port, Duration.ofMillis(300)) && canBind(port);
    }

    /** True when something accepts a TCP connection at host:port within the timeout. */
    public static boolean accepts(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago, for something nobody needs to reach from outside. */
    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free TCP port on this machine", e);
        }
    }

    /** Waits until the port is free; a stopped server may take a moment to release its socket. */
    public static boolean awaitFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFree(port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return isFree(port);
            }
        }
        return true;
    }
}
