package dev.hypatia.jvm.janino;

import dev.hypatia.jvm.code.ClassDef;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles a {@link ClassDef} from its {@link JavaSource} with Janino, in process, into a class
 * loader of its own (the class unloads with that loader).
 */
public final class JaninoGenerator {
  /** The package the generated classes are declared in. */
  public static final String PACKAGE = "dev.hypatia.jvm.janino";

  private JaninoGenerator() {}

  /**
   * Compiles {@code print(def, "dev.hypatia.jvm.janino")} and loads the class.
   *
   * @param def the class (not modified)
   * @return the loaded class, {@code dev.hypatia.jvm.janino.<simpleName>}
   * @throws IllegalStateException when Janino rejects the source; the message has Janino's error
   *     and the source with line numbers
   */
  public static Class<?> define(ClassDef def) {
    String source = JavaSource.print(def, PACKAGE);
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(JaninoGenerator.class.getClassLoader());
    try {
      compiler.cook(def.simpleName() + ".java", new java.io.StringReader(source));
      return compiler.getClassLoader().loadClass(PACKAGE + "." + def.simpleName());
    } catch (CompileException | java.io.IOException e) {
      throw new IllegalStateException(
          "Janino could not compile "
              + def.simpleName()
              + ": "
              + e.getMessage()
              + "\n"
              + numbered(source),
          e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Janino did not produce " + def.simpleName(), e);
    }
  }

  /** The source with right-aligned line numbers, {@code " 12| text"}. */
  static String numbered(String source) {
    String[] lines = source.split("\n", -1);
    int width = String.valueOf(lines.length).length();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i == lines.length - 1 && lines[i].isEmpty()) {
        break;
      }
      b.append(String.format("%" + width + "d| %s\n", i + 1, lines[i]));
    }
    return b.toString();
  }
}
