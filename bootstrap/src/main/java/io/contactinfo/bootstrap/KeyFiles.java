package io.contactinfo.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/** The key files a setting lists, read so that a missing file or an unusable key names the setting. */
final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * The key {@code parse} reads from {@code file}, one of those {@code setting} lists.
     *
     * @param parse      reads the file's text; its {@link IllegalArgumentException} says what is wrong, never the key
     * @param unreadable the message when the file exists but cannot be read
     * @throws ConfigurationException when the file does not exist or holds no usable key
     */
    static <T> T read(Setting setting, Path file, Function<String, T> parse, String unreadable) {
        try {
            return parse.apply(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(setting, "lists " + file + ", which does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException(unreadable, e);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting, "lists " + file + ": " + e.getMessage());
        }
    }
}
