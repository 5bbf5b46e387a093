package dev.hypatia.jvm.asm;

import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.jvm.Backends;
import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Stmt;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class AsmGeneratorTest {
  private static final Type I = Type.INT_TYPE;

  @Test
  void define_hiddenPublicFinalClassInThisPackage() {
    Class<?> c =
        AsmGenerator.define(
            Backends.statics("Tiny", Backends.method("f", I, List.of(), ret(lit(1)))));
    assertTrue(c.isHidden());
    assertEquals("dev.hypatia.jvm.asm", c.getPackageName());
    assertTrue(Modifier.isPublic(c.getModifiers()) && Modifier.isFinal(c.getModifiers()));
  }

  @Test
  void bytecode_unknownLocal_isRejected() {
    ClassDef def =
        Backends.statics("Unknown", Backends.method("f", I, List.of(), ret(local("y", I))));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AsmGenerator.bytecode(def));
    assertEquals("unknown local y in method f", e.getMessage());
  }

  @Test
  void bytecode_localDeclaredTwiceInOneScopeChain_isRejected() {
    Expr.Local i = local("i", I);
    Stmt inner = new Stmt.If(lit(true), List.of(declare(i, lit(2))), List.of());
    ClassDef def =
        Backends.statics(
            "Twice", Backends.method("f", I, List.of(), declare(i, lit(1)), inner, ret(i)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AsmGenerator.bytecode(def));
    assertEquals("local i is already declared in an enclosing scope of f", e.getMessage());
  }

  @Test
  void bytecode_conversionBetweenNumberAndReference_isRejected() {
    Expr bad = new Expr.Convert(lit(1.0), Type.getType(String.class));
    ClassDef def =
        Backends.statics(
            "BadCast", Backends.method("f", Type.getType(String.class), List.of(), ret(bad)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AsmGenerator.bytecode(def));
    assertEquals("no conversion between D and Ljava/lang/String;", e.getMessage());
  }

  @Test
  void define_classTheVerifierRejects_saysSo() {
    // a non-void method that falls off its end
    ClassDef def =
        Backends.statics(
            "FallsOff", Backends.method("f", I, List.of(), declare(local("i", I), lit(1))));
    Supplier<Class<?>> define = () -> AsmGenerator.define(def);
    IllegalStateException e = assertThrows(IllegalStateException.class, define::get);
    assertTrue(
        e.getMessage().startsWith("the JVM rejected generated class FallsOff: "), e.getMessage());
  }

  @Test
  void bytecode_operatorJavaDoesNotDefine_isRejected() {
    Expr.Local d = local("d", Type.DOUBLE_TYPE);
    Expr shift = new Expr.Binary(Expr.BinaryOp.SHL, d, lit(1));
    ClassDef def =
        Backends.statics(
            "BadShift", Backends.method("f", Type.DOUBLE_TYPE, List.of(d), ret(shift)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AsmGenerator.bytecode(def));
    assertEquals("operator << on D", e.getMessage());
    Expr.Local z = local("z", Type.BOOLEAN_TYPE);
    Expr less = new Expr.Binary(Expr.BinaryOp.LT, z, z);
    ClassDef def2 =
        Backends.statics("BadLess", Backends.method("f", Type.BOOLEAN_TYPE, List.of(z), ret(less)));
    e = assertThrows(IllegalArgumentException.class, () -> AsmGenerator.bytecode(def2));
    assertEquals("operator < on Z", e.getMessage());
  }
}
