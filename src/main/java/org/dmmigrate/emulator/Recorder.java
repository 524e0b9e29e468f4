package org.dmmigrate.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the emulator served: every API call and the body bytes sent per asset, so that a test
 * can assert, say, that a rerun transferred nothing. Thread-safe.
 */
public final class Recorder {

    private final List<RecordedCall> calls = new ArrayList<>();
    private final Map<AssetKey, LongAdder> bytes = new ConcurrentHashMap<>();
    private final Map<AssetKey, LongAdder> requests = new ConcurrentHashMap<>();
    private final AtomicLong uploadedBytes = new AtomicLong();

    /** Every API call in arrival order. */
    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The API calls of one name, e.g. {@code media.get_assets}. */
    public List<RecordedCall> calls(String name) {
        List<RecordedCall> out = new ArrayList<>();
        for (RecordedCall call : calls()) {
            if (call.name().equals(name)) {
                out.add(call);
            }
        }
        return out;
    }

    /** Body bytes sent for all assets (redirects and JSON not counted). */
    public long bytesServed() {
        long total = 0;
        for (LongAdder adder : bytes.values()) {
            total += adder.sum();
        }
        return total;
    }

    /** Body bytes sent for one asset. */
    public long bytesServed(String mediaId, String assetName) {
        LongAdder adder = bytes.get(new AssetKey(mediaId, assetName));
        return adder == null ? 0 : adder.sum();
    }

    /** Body bytes per asset, sorted by media id and asset name. */
    public Map<AssetKey, Long> bytesByAsset() {
        Map<AssetKey, Long> out = new TreeMap<>((a, b) -> a.mediaId().equals(b.mediaId())
                ? a.assetName().compareTo(b.assetName()) : a.mediaId().compareTo(b.mediaId()));
        bytes.forEach((key, adder) -> out.put(key, adder.sum()));
        return out;
    }

    /** File requests (GET or HEAD, after any redirect) answered for all assets. */
    public long downloads() {
        long total = 0;
        for (LongAdder adder : requests.values()) {
            total += adder.sum();
        }
        return total;
    }

    /** File requests answered for one asset. */
    public long downloads(String mediaId, String assetName) {
        LongAdder adder = requests.get(new AssetKey(mediaId, assetName));
        return adder == null ? 0 : adder.sum();
    }

    /** Bytes received through {@code POST /upload}. */
    public long bytesUploaded() {
        return uploadedBytes.get();
    }

    /** Forgets everything recorded so far. */
    public void reset() {
        synchronized (calls) {
            calls.clear();
        }
        bytes.clear();
        requests.clear();
        uploadedBytes.set(0);
    }

    void call(RecordedCall call) {
        synchronized (calls) {
            calls.add(call);
        }
    }

    void download(AssetKey key) {
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    void bytes(AssetKey key, long count) {
        bytes.computeIfAbsent(key, k -> new LongAdder()).add(count);
    }

    void uploaded(long count) {
        uploadedBytes.addAndGet(count);
    }
}
