package dev.csbot.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * UTF-8 text of an import file that stops at the first byte that is not UTF-8, saying on which line (a Latin-1
 * or Windows-1252 export would otherwise fail as "Input length = 1", or be stored garbled). It also stops a
 * row that grows past {@link #MAX_ROW_CHARS} (an unclosed quote swallows the rest of the file into one value).
 */
final class StrictUtf8Reader extends Reader {

    /** Far above a valid row (about 6,000 characters at most), far below what would strain memory. */
    static final int MAX_ROW_CHARS = 1_000_000;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private long newlines;
    private long sinceRowStart;
    private boolean endOfInput;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    /** The reader of this text has finished a row: the row-length guard starts again. */
    void rowEnded() {
        sinceRowStart = 0;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        sinceRowStart += n;
        if (sinceRowStart > MAX_ROW_CHARS) {
            throw new Unreadable(Unreadable.CURRENT_ROW, String.format(Locale.US, "a row longer than %,d characters (is a"
                    + " quote left open?)", MAX_ROW_CHARS));
        }
        return n;
    }

    /** Decodes the next chunk; false at the end of the text. */
    private boolean fill() throws IOException {
        if (endOfInput && !bytes.hasRemaining()) {
            return false;
        }
        if (!endOfInput) {
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (endOfInput && result.isUnderflow()) {
            result = decoder.flush(chars);
        }
        chars.flip();
        countNewlines();
        if (result.isError()) {
            int bad = bytes.get(bytes.position()) & 0xFF;
            throw new Unreadable(newlines + 1, String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X); save the"
                    + " file as UTF-8 (in Excel: Save As > CSV UTF-8). Latin-1 and Windows-1252 files are not read",
                    bad));
        }
        return chars.hasRemaining() || !endOfInput || bytes.hasRemaining();
    }

    private void countNewlines() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                newlines++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The text cannot be read on, at a known line (or the line where the current row began). */
    static final class Unreadable extends IOException {
        static final long CURRENT_ROW = 0;

        final long line;
        final String reason;

        Unreadable(long line, String reason) {
            super("line " + line + ": " + reason);
            this.line = line;
            this.reason = reason;
        }
    }
}
