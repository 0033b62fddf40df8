package fr.centrale.launcher;

/** A failure that ends the run: its message is what the user reads before everything is stopped. */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
