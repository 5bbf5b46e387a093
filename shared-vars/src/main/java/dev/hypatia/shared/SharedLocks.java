package dev.hypatia.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per shared variable, each with a place in one global order: a call takes the locks of
 * the shared variables it reads and updates in that order, so two calls never deadlock.
 */
final class SharedLocks {
  private static final Map<SharedVariable, OrderedLock> LOCKS = new WeakHashMap<>();
  private static long next;

  private SharedLocks() {}

  /** A lock with its rank in the global acquisition order. */
  static final class OrderedLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;
    private final long rank;

    private OrderedLock(long rank) {
      this.rank = rank;
    }
  }

  /** The locks of {@code vars}, without repeats, in acquisition order. */
  static synchronized List<OrderedLock> of(Collection<SharedVariable> vars) {
    List<OrderedLock> locks = new ArrayList<>();
    for (SharedVariable v : vars) {
      OrderedLock l = LOCKS.computeIfAbsent(v, k -> new OrderedLock(next++));
      if (!locks.contains(l)) {
        locks.add(l);
      }
    }
    locks.sort(Comparator.comparingLong(l -> l.rank));
    return List.copyOf(locks);
  }

  /** Takes every lock, in order. */
  static void lockAll(List<OrderedLock> locks) {
    for (OrderedLock l : locks) {
      l.lock();
    }
  }

  /** Releases every lock, in reverse order. */
  static void unlockAll(List<OrderedLock> locks) {
    for (int i = locks.size() - 1; i >= 0; i--) {
      locks.get(i).unlock();
    }
  }
}
