package org.dorsal;

/**
 * Dorsal cannot be built: a threshold outside its allowed range, or a knowledge base that is
 * missing, incomplete or inconsistent with its catalogue. Thrown by {@link Dorsal.Builder#build()},
 * never later: a facade that was built is whole.
 */
public final class DorsalConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DorsalConfigurationException(String message) {
        super(message);
    }

    public DorsalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
