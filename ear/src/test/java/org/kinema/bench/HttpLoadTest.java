package org.kinema.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpLoadTest {

    @Test
    void answerWithContentLengthIsReadToItsEndAndNoFurther() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 404 Not Found\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(new HttpLoad.Answer(200, false), HttpLoad.Answer.read(in));
        assertEquals(new HttpLoad.Answer(404, true), HttpLoad.Answer.read(in));
        assertEquals(-1, in.read());
    }

    @Test
    void chunkedAnswerIsReadThroughItsLastChunk() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\na;ext=1\r\n0123456789\r\n0\r\n\r\nrest");
        HttpLoad.Answer answer = HttpLoad.Answer.read(in);
        assertEquals(200, answer.status());
        assertFalse(answer.closes());
        assertEquals("rest", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void answerCutShortIsAnError() {
        assertThrows(EOFException.class, () -> HttpLoad.Answer.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort")));
        assertThrows(EOFException.class, () -> HttpLoad.Answer.read(stream("HTTP/1.1 200 OK\r\n")));
    }

    @Test
    void closingHeaderIsNoticedInAnyCase() throws IOException {
        assertTrue(HttpLoad.Answer.read(stream("HTTP/1.1 204 No Content\r\nconnection: Close\r\n\r\n")).closes());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
