package org.dorsal.examples.cds;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The clinicians' feedback on cards: one JSON document per line, appended and forced to disk
 * before the request is answered, never rewritten. A server holds a lock on the file, so two
 * servers cannot interleave their writes.
 */
final class FeedbackLog implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    FeedbackLog(Path path) throws IOException {
        this.path = path;
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            held = null;
        }
        this.lock = held;
        if (lock == null) {
            channel.close();
            throw new IOException("the feedback log " + path + " is in use by another process");
        }
        // A crash mid-write leaves a partial last line; start on a fresh line so the next record stays whole.
        if (channel.size() > 0 && lastByte() != '\n') {
            write("\n");
        }
    }

    /** Appends the lines (each one JSON document without line breaks) and forces them to disk. */
    synchronized void append(List<String> lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a feedback record must be a single line");
            }
            b.append(line).append('\n');
        }
        write(b.toString());
    }

    /** Every complete line of the log at {@code path}, oldest first. */
    static List<String> read(Path path) throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        return Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }


    private void write(String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(true);
    }

    private byte lastByte() throws IOException {
        try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            read.read(one, read.size() - 1);
            return one.get(0);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
