package ke.baraza.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Keeps public figures that are costly to compute (a county's complaint statistics, say) for a
 * while. The first request for a key computes it while others for the same key wait; once the value
 * is older than the maximum age, the next request recomputes it and meanwhile every other request
 * is served the previous value, so that readers never queue behind a recomputation. A maximum age
 * of zero computes on every call (the tests' setting).
 *
 * <p>For aggregates shown to the public and for reference data that callbacks read on every request
 * (a node that changes such data calls {@link #forget}): never for anything a permission decides.
 * Thread-safe; in memory, per node.
 *
 * @param <K> the key, e.g. a county code
 * @param <V> the figures
 */
public final class RefreshingCache<K, V> {

  private record Entry<V>(V value, Instant at, AtomicBoolean refreshing) {}

  static final int MAX_ENTRIES = 1000;

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Duration maxAge;
  private final Clock clock;

  /**
   * @param maxAge how long a value is served before it is recomputed; zero for never caching
   * @param clock the application's clock
   */
  public RefreshingCache(Duration maxAge, Clock clock) {
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /**
   * The value for {@code key}, computed by {@code compute} when missing or older than the maximum
   * age.
   *
   * @throws RuntimeException whatever {@code compute} throws; nothing is kept then
   */
  public V get(K key, Function<K, V> compute) {
    if (maxAge.isZero()) {
      return compute.apply(key);
    }
    if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
      entries.clear();
    }
    Entry<V> entry =
        entries.computeIfAbsent(
            key, k -> new Entry<>(compute.apply(k), clock.instant(), new AtomicBoolean()));
    if (clock.instant().isAfter(entry.at().plus(maxAge))
        && entry.refreshing().compareAndSet(false, true)) {
      try {
        entry = new Entry<>(compute.apply(key), clock.instant(), new AtomicBoolean());
        entries.put(key, entry);
      } finally {
        entries.computeIfPresent(
            key,
            (k, current) -> {
              current.refreshing().set(false);
              return current;
            });
      }
    }
    return entry.value();
  }

  /**
   * Drops the value for {@code key}, so that the next {@link #get} computes it afresh: for a node
   * that has just changed what the value is computed from.
   */
  public void forget(K key) {
    entries.remove(key);
  }
}
