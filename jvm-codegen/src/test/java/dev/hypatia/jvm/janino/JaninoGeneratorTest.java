package dev.hypatia.jvm.janino;

import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.jvm.Backends;
import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class JaninoGeneratorTest {
  @Test
  void define_loadsTheClassInItsPackage() {
    Class<?> c = JaninoGenerator.define(JavaSourceTest.axpy());
    assertEquals("dev.hypatia.jvm.janino.Axpy", c.getName());
  }

  @Test
  void define_compileError_quotesJaninoAndTheNumberedSource() {
    Expr.Local x = local("x", Type.DOUBLE_TYPE);
    Expr missing =
        Code.callStatic(Type.getType(Math.class), "noSuchMethod", Type.getMethodType("(D)D"), x);
    ClassDef def =
        Backends.statics(
            "Broken", Backends.method("f", Type.DOUBLE_TYPE, List.of(x), ret(missing)));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> JaninoGenerator.define(def));
    String m = e.getMessage();
    assertTrue(m.startsWith("Janino could not compile Broken: "), m);
    assertTrue(m.contains("noSuchMethod"), m);
    assertTrue(m.contains("Line 7"), m);
    assertTrue(m.contains("\n 1| package dev.hypatia.jvm.janino;\n"), m);
    assertTrue(m.contains("\n 7|     return Math.noSuchMethod(x);\n"), m);
  }

  @Test
  void numbered_alignsLineNumbers() {
    String src = "a\n".repeat(10);
    String out = JaninoGenerator.numbered(src);
    assertTrue(out.startsWith(" 1| a\n"), out);
    assertTrue(out.endsWith("10| a\n"), out);
  }
}
