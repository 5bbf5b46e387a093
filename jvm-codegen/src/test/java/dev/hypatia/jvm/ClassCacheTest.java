package dev.hypatia.jvm;

import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hypatia.jvm.asm.AsmGenerator;
import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.janino.JaninoGenerator;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class ClassCacheTest {
  /** A fresh definition (equal to any other made with the same tag). */
  private static ClassDef def(String tag) {
    return Backends.statics(
        "Cached" + tag, Backends.method("f", Type.INT_TYPE, List.of(), ret(lit(tag.hashCode()))));
  }

  @Test
  void get_equalDefinitionsTwice_definesOnce() {
    long before = ClassCache.defines();
    Class<?> a = ClassCache.get(Generator.ASM, def("Twice"), AsmGenerator::define);
    Class<?> b = ClassCache.get(Generator.ASM, def("Twice"), AsmGenerator::define);
    assertSame(a, b);
    assertEquals(1, ClassCache.defines() - before);
    assertEquals("Twice".hashCode(), Backends.call(a, "f"));
  }

  @Test
  void get_sameDefinitionForTwoGenerators_definesTwo() {
    long before = ClassCache.defines();
    Class<?> a = ClassCache.get(Generator.ASM, def("Both"), AsmGenerator::define);
    Class<?> j = ClassCache.get(Generator.JANINO, def("Both"), JaninoGenerator::define);
    assertNotSame(a, j);
    assertEquals(2, ClassCache.defines() - before);
    assertEquals(Backends.call(a, "f"), Backends.call(j, "f"));
  }

  @Test
  void get_collectedHiddenClass_unloadsAndIsDefinedAgain() throws InterruptedException {
    WeakReference<Class<?>> ref = defineAndDrop();
    for (int k = 0; k < 20 && ref.get() != null; k++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(ref.get(), "the cache kept the hidden class reachable");
    long before = ClassCache.defines();
    ClassCache.get(Generator.ASM, def("Dropped"), AsmGenerator::define);
    assertEquals(1, ClassCache.defines() - before);
  }

  private static WeakReference<Class<?>> defineAndDrop() {
    Class<?> c = ClassCache.get(Generator.ASM, def("Dropped"), AsmGenerator::define);
    assertEquals("Dropped".hashCode(), Backends.call(c, "f"));
    return new WeakReference<>(c);
  }

  @Test
  void size_countsLiveEntries() {
    Class<?> c = ClassCache.get(Generator.ASM, def("Size"), AsmGenerator::define);
    int size = ClassCache.size();
    ClassCache.get(Generator.ASM, def("Size"), AsmGenerator::define);
    assertEquals(size, ClassCache.size());
    assertEquals("Size".hashCode(), Backends.call(c, "f"));
  }
}
