package org.kinema.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only window {@code [offset, offset + length)} of a file, seen as a whole file of its
 * own: a container that sends "the rest of a file channel" with {@code sendfile} (Undertow's
 * {@code transferFrom}) thus sends exactly one byte range without copying it through the heap.
 */
final class FileSlice extends FileChannel {

    private final FileChannel file;
    private final long offset;
    private final long length;
    private long position;

    FileSlice(FileChannel file, long offset, long length) {
        this.file = file;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public FileChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long transferTo(long from, long count, WritableByteChannel target) throws IOException {
        long available = Math.max(0, length - from);
        return file.transferTo(offset + from, Math.min(count, available), target);
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        int read = read(destination, position);
        if (read > 0) {
            position += read;
        }
        return read;
    }

    @Override
    public int read(ByteBuffer destination, long from) throws IOException {
        if (from >= length) {
            return -1;
        }
        int allowed = (int) Math.min(destination.remaining(), length - from);
        ByteBuffer window = destination.slice().limit(allowed);
        int read = file.read(window, offset + from);
        if (read > 0) {
            destination.position(destination.position() + read);
        }
        return read;
    }

    @Override
    public long read(ByteBuffer[] destinations, int first, int count) throws IOException {
        long total = 0;
        for (int i = first; i < first + count; i++) {
            int read = read(destinations[i]);
            if (read < 0) {
                return total == 0 ? -1 : total;
            }
            total += read;
            if (destinations[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public long write(ByteBuffer[] sources, int first, int count) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public int write(ByteBuffer source, long at) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public FileChannel truncate(long size) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void force(boolean metaData) {
        // nothing written
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long at, long count) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) throws IOException {
        if (mode != MapMode.READ_ONLY || at < 0 || at + size > length) {
            throw new UnsupportedOperationException("read-only, within the slice");
        }
        return file.map(mode, offset + at, size);
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("no locks on a slice");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("no locks on a slice");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
