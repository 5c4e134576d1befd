package org.dorsal.examples.cli;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening the files the streaming commands read and write, with refusals a person can act on. */
final class Streams {
    private Streams() {
    }

    /** {@code FILE}, or standard input for {@code -}. */
    static InputStream input(String file, DorsalCli cli) {
        if (file.equals("-")) {
            return cli.stdin();
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new DorsalCli.Refusal("cannot read " + path.toAbsolutePath() + ": it is a directory", null);
        }
        try {
            return new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new DorsalCli.Refusal("cannot read the input: there is no file " + path.toAbsolutePath(), e);
        } catch (AccessDeniedException e) {
            throw new DorsalCli.Refusal("cannot read the input: permission denied for " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new DorsalCli.Refusal("cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code --out FILE} (created or replaced), or standard output when there is none. Refused when
     * it is the input itself, which replacing would destroy before it is read.
     */
    static OutputStream output(String out, String input, DorsalCli cli) {
        if (out == null) {
            return checked(cli.stdoutBytes());
        }
        Path path = Path.of(out);
        try {
            if (!input.equals("-") && Files.exists(path) && Files.isSameFile(path, Path.of(input))) {
                throw new DorsalCli.Refusal("--out " + out + " is the input file; write the output elsewhere", null);
            }
            return Files.newOutputStream(path);
        } catch (AccessDeniedException e) {
            throw new DorsalCli.Refusal("cannot write " + path.toAbsolutePath() + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new DorsalCli.Refusal("cannot write " + path.toAbsolutePath() + ": its directory does not exist", e);
        } catch (IOException e) {
            throw new DorsalCli.Refusal("cannot write " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A print stream that says when writing failed: a PrintStream swallows errors, so a batch piped
     * into {@code head} would otherwise run to its end writing to nobody.
     */
    static OutputStream checked(PrintStream stream) {
        return new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                stream.write(b, off, len);
                check();
            }

            @Override
            public void write(int b) throws IOException {
                stream.write(b);
                check();
            }

            @Override
            public void flush() throws IOException {
                check();
            }

            @Override
            public void close() throws IOException {
                flush();
            }

            private void check() throws IOException {
                if (stream.checkError()) {
                    throw new IOException("the output was closed");
                }
            }
        };
    }

    /** Lines in a regular file (a last line without a line break counts), or −1 for anything else. */
    static long lines(String file) {
        if (file.equals("-") || !Files.isRegularFile(Path.of(file))) {
            return -1;
        }
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        } catch (IOException e) {
            return -1;
        }
        return last == '\n' ? lines : lines + 1;
    }
}
