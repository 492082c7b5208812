package io.deadair.common.io;

/** An input Dead Air cannot use, with a message that names the file and the column. */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
