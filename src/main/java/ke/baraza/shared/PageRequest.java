package ke.baraza.shared;

/** A page asked for by a client, clamped to sane bounds. */
public record PageRequest(int page, int size) {

  public static final int MAX_SIZE = 200;

  public PageRequest {
    page = Math.max(0, page);
    size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
  }

  public int offset() {
    return page * size;
  }
}
