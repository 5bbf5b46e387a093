package dev.hypatia.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.jvm.asm.AsmGenerator;
import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import dev.hypatia.jvm.janino.JaninoGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.util.CheckClassAdapter;

/** Defines test programs with either generator; every ASM class goes through the ASM verifier. */
public final class Backends {
  private Backends() {}

  /** Defines {@code def} with {@code generator} (ASM classes verified first). */
  public static Class<?> define(Generator generator, ClassDef def) {
    if (generator == Generator.ASM) {
      verify(AsmGenerator.bytecode(def));
      return AsmGenerator.define(def);
    }
    return JaninoGenerator.define(def);
  }

  /** Fails when CheckClassAdapter reports anything about {@code bytes}. */
  public static void verify(byte[] bytes) {
    StringWriter out = new StringWriter();
    CheckClassAdapter.verify(
        new ClassReader(bytes), Backends.class.getClassLoader(), false, new PrintWriter(out));
    assertEquals("", out.toString(), "CheckClassAdapter output");
  }

  /** A class of static methods. */
  public static ClassDef statics(String name, MethodDef... methods) {
    return new ClassDef(name, List.of(), List.of(methods), "");
  }

  /** A public static method. */
  public static MethodDef method(String name, Type ret, List<Expr.Local> params, Stmt... body) {
    return new MethodDef(name, ret, params, List.of(body), true, "");
  }

  /** Calls the only method named {@code name} of {@code cls} (static, or on a new instance). */
  public static Object call(Class<?> cls, String name, Object... args) {
    for (Method m : cls.getMethods()) {
      if (m.getName().equals(name) && m.getDeclaringClass() == cls) {
        try {
          Object target =
              java.lang.reflect.Modifier.isStatic(m.getModifiers())
                  ? null
                  : cls.getConstructor().newInstance();
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalArgumentException("no method " + name + " in " + cls);
  }
}
