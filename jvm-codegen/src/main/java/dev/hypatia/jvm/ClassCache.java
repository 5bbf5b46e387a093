package dev.hypatia.jvm;

import dev.hypatia.jvm.code.ClassDef;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Generated classes by (generator, class definition), so that compiling an equal program twice
 * defines one class. Thread-safe. Classes are held weakly: a class nobody uses any more can be
 * collected and (hidden classes, Janino loaders) unloaded; its entry then goes away.
 */
public final class ClassCache {
  private record Key(Generator generator, ClassDef def) {}

  /** A weak reference that remembers its key, so a cleared entry can be removed. */
  private static final class Entry extends WeakReference<Class<?>> {
    final Key key;

    Entry(Key key, Class<?> cls, ReferenceQueue<Class<?>> queue) {
      super(cls, queue);
      this.key = key;
    }
  }

  private static final ConcurrentHashMap<Key, Entry> CLASSES = new ConcurrentHashMap<>();
  private static final ReferenceQueue<Class<?>> CLEARED = new ReferenceQueue<>();
  private static final AtomicLong DEFINES = new AtomicLong();

  private ClassCache() {}

  /**
   * The class for {@code def} made by {@code generator}, defining it with {@code define} when it is
   * not cached (or was collected). Concurrent calls for one key define it once; {@code define} runs
   * under the cache's lock for that key, so it must not call {@code get} itself.
   *
   * @param generator which generator the class comes from (part of the key)
   * @param def the class definition (part of the key; compared structurally)
   * @param define defines the class, e.g. {@code AsmGenerator::define}
   * @return the cached or newly defined class
   */
  public static Class<?> get(
      Generator generator, ClassDef def, Function<ClassDef, Class<?>> define) {
    Objects.requireNonNull(define, "define");
    purge();
    Key key = new Key(Objects.requireNonNull(generator), Objects.requireNonNull(def));
    Class<?>[] result = new Class<?>[1];
    CLASSES.compute(
        key,
        (k, old) -> {
          Class<?> cls = old == null ? null : old.get();
          if (cls != null) {
            result[0] = cls;
            return old;
          }
          cls = Objects.requireNonNull(define.apply(def), "define returned null");
          DEFINES.incrementAndGet();
          result[0] = cls; // a strong reference until the caller has it
          return new Entry(k, cls, CLEARED);
        });
    return result[0];
  }

  private static void purge() {
    for (Object r = CLEARED.poll(); r != null; r = CLEARED.poll()) {
      Entry e = (Entry) r;
      CLASSES.remove(e.key, e);
    }
  }

  /** How many entries the cache holds (after dropping those whose class was collected). */
  static int size() {
    purge();
    return CLASSES.size();
  }

  /** How many classes {@link #get} has defined since the JVM started (for tests). */
  static long defines() {
    return DEFINES.get();
  }
}
