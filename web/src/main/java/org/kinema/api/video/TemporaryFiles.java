package org.kinema.api.video;

import org.kinema.platform.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a form (a video, a thumbnail, a preview) copied where the domain can take them,
 * each bounded, and deleted when the request is done with them (what the domain moved away is
 * gone already).
 */
public final class TemporaryFiles implements AutoCloseable {

    private final List<Path> files = new ArrayList<>();

    /** Copies a part to a new file; a part past {@code max} bytes is refused with 413. */
    public Path copy(String name, InputStream content, long max) throws IOException {
        Path file = Files.createTempFile("kinema-upload-", ".part");
        files.add(file);
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long copied = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                copied += read;
                if (copied > max) {
                    throw new DomainException(DomainException.Kind.TOO_LARGE, name + " is larger than " + max + " bytes");
                }
                out.write(buffer, 0, read);
            }
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }
}
