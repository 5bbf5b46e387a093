package dev.hypatia.jvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hypatia.jvm.JvmLinker;
import org.junit.jupiter.api.Test;

/**
 * The build runs the backend tests twice: with {@code --add-modules jdk.incubator.vector} (the
 * default) and without it ({@code -Dhypatia.expectVector=false}); each run checks it got what it
 * asked for, so neither path can go untested by accident.
 */
class VectorSupportTest {
  private static final boolean EXPECTED =
      Boolean.parseBoolean(System.getProperty("hypatia.expectVector", "true"));

  @Test
  void availability_matchesHowTheJvmWasStarted() {
    assertEquals(EXPECTED, VectorSupport.available());
  }

  @Test
  void linkers_vectorizeOnlyWhenTheModuleIsThere() {
    assertEquals(EXPECTED, JvmLinker.asm().vectorize());
    assertFalse(JvmLinker.asm().withVectorize(false).vectorize());
  }
}
