package dev.hypatia.jvm.asm;

import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.MethodDef;
import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;

/**
 * Writes a {@link ClassDef} as JVM bytecode with ASM and defines it as a hidden class in this
 * package. Frames are computed by ASM; comparisons compile to jumps where they are tests and to 0/1
 * where they are values.
 */
public final class AsmGenerator {
  /** The internal-name prefix of every generated class: this package. */
  static final String PACKAGE = "dev/hypatia/jvm/asm/";

  private AsmGenerator() {}

  /**
   * The class file (version 17) of {@code def}: a public final class {@code
   * dev.hypatia.jvm.asm.<simpleName>} extending Object, implementing {@code def.interfaces()}, with
   * a public no-argument constructor and each method public.
   *
   * @param def the class (not modified)
   * @return the class file bytes
   * @throws IllegalArgumentException when the program is malformed (an unknown local, a local
   *     declared twice in one scope chain, a conversion the JVM has no instruction for)
   */
  public static byte[] bytecode(ClassDef def) {
    ClassWriter cw = new FrameClassWriter();
    String[] interfaces =
        def.interfaces().stream().map(Type::getInternalName).toArray(String[]::new);
    cw.visit(
        Opcodes.V17,
        Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
        PACKAGE + def.simpleName(),
        null,
        "java/lang/Object",
        interfaces);
    writeConstructor(cw);
    for (MethodDef m : def.methods()) {
      writeMethod(cw, m);
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  /**
   * Defines {@code def} as a hidden class (not strongly bound to its loader, so it unloads once
   * unreachable) in this package.
   *
   * @param def the class (not modified)
   * @return the defined class; find its methods by reflection or method handles
   * @throws IllegalStateException when the JVM rejects the class file
   */
  public static Class<?> define(ClassDef def) {
    byte[] bytes = bytecode(def);
    try {
      return MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
    } catch (IllegalAccessException | LinkageError e) {
      throw new IllegalStateException(
          "the JVM rejected generated class " + def.simpleName() + ": " + e, e);
    }
  }

  private static void writeConstructor(ClassWriter cw) {
    Method init = Method.getMethod("void <init> ()");
    GeneratorAdapter g = new GeneratorAdapter(Opcodes.ACC_PUBLIC, init, null, null, cw);
    g.loadThis();
    g.invokeConstructor(Type.getType(Object.class), init);
    g.returnValue();
    g.endMethod();
  }

  private static void writeMethod(ClassWriter cw, MethodDef m) {
    int access = Opcodes.ACC_PUBLIC | (m.isStatic() ? Opcodes.ACC_STATIC : 0);
    Method method = new Method(m.name(), m.descriptor().getDescriptor());
    GeneratorAdapter g = new GeneratorAdapter(access, method, null, null, cw);
    new AsmMethodEmitter(g, m).emit();
    g.endMethod();
  }

  /**
   * Computes frames without loading classes where it can: two reference types merge to Object when
   * they differ and cannot be loaded (the verifier treats interfaces as Object anyway).
   */
  private static final class FrameClassWriter extends ClassWriter {
    FrameClassWriter() {
      super(ClassWriter.COMPUTE_FRAMES);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
      if (type1.equals(type2)) {
        return type1;
      }
      try {
        return super.getCommonSuperClass(type1, type2);
      } catch (RuntimeException | LinkageError e) {
        return "java/lang/Object";
      }
    }

    @Override
    protected ClassLoader getClassLoader() {
      return AsmGenerator.class.getClassLoader();
    }
  }
}
