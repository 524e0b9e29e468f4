package org.dmmigrate.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 in front of one loopback server (the test's s3proxy) that
 * injects faults on a seeded schedule: a connection reset in the middle of the request body,
 * a reset after the server answered (the request took effect, its answer is lost), or an
 * HTTP 500 or 503 instead of forwarding. Each connection carries one exchange (the request
 * is rewritten to {@code Connection: close}), so every request draws once. Thread-safe.
 */
final class FaultProxy implements AutoCloseable {

    /** What may happen to one exchange. */
    enum Fault {
        NONE("none"),
        RESET_REQUEST("reset mid-request"),
        RESET_RESPONSE("reset after the answer"),
        HTTP_500("HTTP 500"),
        HTTP_503("HTTP 503 SlowDown");

        private final String label;

        Fault(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One exchange as the proxy saw it.
     *
     * @param request the method and target, such as {@code PUT /b/k?partNumber=2&uploadId=x}
     * @param status the status the server answered, 0 when none reached the proxy
     */
    record Exchange(String request, Fault fault, int status) {
    }

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket listener;
    private final int upstreamPort;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final Random random;
    private volatile Fault fault = Fault.NONE;
    private volatile double rate;

    FaultProxy(URI upstream, long seed) throws IOException {
        this.upstreamPort = upstream.getPort();
        this.random = new Random(seed);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** From now on, {@code fault} strikes each exchange with probability {@code rate}. */
    void inject(Fault kind, double probability) {
        this.fault = kind;
        this.rate = probability;
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                pool.execute(() -> relay(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The fault of the next exchange and, for a reset mid-request, how far to let it go. */
    private synchronized long[] draw() {
        boolean strikes = fault != Fault.NONE && random.nextDouble() < rate;
        return new long[] {strikes ? fault.ordinal() : 0, random.nextInt(1 << 22)};
    }

    private void relay(Socket client) {
        String request = "?";
        Fault chosen = Fault.NONE;
        int status = 0;
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(),
                upstreamPort)) {
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            String head = readHead(fromClient);
            if (head == null) {
                return;
            }
            request = head.substring(0, Math.max(0, head.indexOf(" HTTP/")));
            long[] drawn = draw();
            chosen = Fault.values()[(int) drawn[0]];
            if (chosen == Fault.HTTP_500 || chosen == Fault.HTTP_503) {
                refuse(client, chosen);
                return;
            }

            long budget = chosen == Fault.RESET_REQUEST
                    ? drawn[1] % Math.max(1, contentLength(head)) : Long.MAX_VALUE;
            upstream.getOutputStream().write(closing(head).getBytes(StandardCharsets.ISO_8859_1));
            pool.execute(() -> pump(fromClient, upstream, budget, client));
            status = answer(upstream, client, chosen == Fault.RESET_RESPONSE);
        } catch (IOException e) {
            // A socket the client or the proxy reset: the exchange is recorded as it went.
        } finally {
            exchanges.add(new Exchange(request, chosen, status));
        }
    }

    /** Copies the request body to the server; past {@code budget} bytes, resets both ends. */
    private static void pump(InputStream from, Socket upstream, long budget, Socket client) {
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        try {
            OutputStream to = upstream.getOutputStream();
            while (true) {
                if (sent >= budget) {
                    reset(client);
                    reset(upstream);
                    return;
                }
                int n = from.read(buffer, 0, (int) Math.min(buffer.length, budget - sent));
                if (n < 0) {
                    return;
                }
                to.write(buffer, 0, n);
                sent += n;
            }
        } catch (IOException e) {
            // Either side closed: the exchange is over.
        }
    }

    /** Forwards the server's answer (1xx first); with {@code cut}, resets after its status. */
    private static int answer(Socket upstream, Socket client, boolean cut) throws IOException {
        InputStream from = new BufferedInputStream(upstream.getInputStream());
        OutputStream to = client.getOutputStream();
        while (true) {
            String head = readHead(from);
            if (head == null) {
                return 0;
            }
            int status = Integer.parseInt(head.substring(9, 12));
            if (status >= 100 && status < 200) {
                to.write(head.getBytes(StandardCharsets.ISO_8859_1));
                to.flush();
                continue;
            }
            if (cut) {
                to.write(head.substring(0, 12).getBytes(StandardCharsets.ISO_8859_1));
                to.flush();
                reset(client);
                return status;
            }
            to.write(head.getBytes(StandardCharsets.ISO_8859_1));
            from.transferTo(to);
            to.flush();
            return status;
        }
    }

    private static void refuse(Socket client, Fault chosen) throws IOException {
        boolean slowDown = chosen == Fault.HTTP_503;
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                + (slowDown ? "SlowDown" : "InternalError") + "</Code><Message>injected by the"
                + " test's fault proxy</Message></Error>";
        String response = "HTTP/1.1 " + (slowDown ? "503 Slow Down" : "500 Internal Server Error")
                + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        client.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
        client.shutdownOutput();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** The head up to and with its blank line, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head larger than " + MAX_HEAD);
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The head with {@code Connection: close}, so the server ends the exchange. */
    private static String closing(String head) {
        List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
        lines.removeIf(line -> line.toLowerCase(Locale.ROOT).startsWith("connection:"));
        lines.add("Connection: close");
        return String.join("\r\n", lines) + "\r\n\r\n";
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        pool.shutdownNow();
    }
}
